import { useCallback, useEffect, useRef, useState } from 'react';
import { ulid } from 'ulid';
import type { CurrentShift, Shift } from '../../../../../shared/schemas/shift';
import { ApiError } from '../../../lib/api';
import { useApi } from '../../../lib/app-context';
import { useOnline } from '../../../lib/use-online';
import { useResource } from '../../../lib/use-resource';

export type ShiftApi = {
  /** loading: the first answer has not come; error: the last load failed (the last shift known is kept). */
  status: 'loading' | 'ok' | 'error';
  error: unknown;
  /** Whether the server has answered at least once (null then means "no open shift", not "unknown"). */
  loaded: boolean;
  /** My open shift with its figures so far, or null. */
  shift: Shift | null;
  /** The shift just closed here, with its kept summary, until dismissed. */
  closed: Shift | null;
  online: boolean;
  reload: () => void;
  open: (openingCashFen: number) => Promise<Shift>;
  close: (countedCashFen: number, note: string) => Promise<Shift>;
  dismissClosed: () => void;
};

/** Live figures refresh this often while a shift is open and the panel is on screen. */
const REFRESH_MS = 60_000;

/**
 * The signed-in staff member's till shift, online only: opening and closing need the server
 * (the summary is the server's record of the sales). Offline the last known shift stays visible.
 */
export function useShift(): ShiftApi {
  const api = useApi();
  const online = useOnline();
  const current = useResource(() => api.get<CurrentShift>('/api/shifts/current'), [api]);
  const [closed, setClosed] = useState<Shift | null>(null);
  // One id per open attempt: a retry after a lost answer is recognised by the server as the same open.
  const openId = useRef<{ id: string; fen: number } | null>(null);
  const { reload } = current;

  // Back online: the figures may have moved while the tablet could not ask.
  const wasOnline = useRef(online);
  useEffect(() => {
    if (online && !wasOnline.current) reload();
    wasOnline.current = online;
  }, [online, reload]);
  useEffect(() => {
    if (!online || !current.data?.shift) return;
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [online, current.data?.shift, reload]);

  const open = useCallback(
    async (openingCashFen: number) => {
      if (openId.current?.fen !== openingCashFen) openId.current = { id: ulid(), fen: openingCashFen };
      let shift: Shift;
      try {
        shift = await api.post<Shift>('/api/shifts', { id: openId.current.id, openingCashFen });
      } catch (e) {
        // Already open (another tablet, or a lost answer): show that shift.
        if (e instanceof ApiError && e.code === 'CONFLICT') reload();
        throw e;
      }
      openId.current = null;
      setClosed(null);
      reload();
      return shift;
    },
    [api, reload],
  );

  const shiftId = current.data?.shift?.id ?? null;
  const close = useCallback(
    async (countedCashFen: number, note: string) => {
      if (!shiftId) throw new Error('no open shift');
      const shift = await api.post<Shift>(`/api/shifts/${shiftId}/close`, { countedCashFen, note });
      setClosed(shift);
      reload();
      return shift;
    },
    [api, shiftId, reload],
  );

  return {
    status: current.status,
    error: current.error,
    loaded: current.data !== undefined,
    shift: current.data?.shift ?? null,
    closed,
    online,
    reload,
    open,
    close,
    dismissClosed: useCallback(() => setClosed(null), []),
  };
}
