import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { MemberPhoto } from '../../../../../shared/schemas/member-photo';
import { ApiError } from '../../../lib/api';
import { useApi } from '../../../lib/app-context';
import { photoQueue, type PhotoState } from './photo-queue';

/** The code a failed upload stands for (a fetch that never got an answer is NETWORK). */
export const photoErrorCode = (e: unknown): string => (e instanceof ApiError ? e.code : 'NETWORK');

/** PUT /api/members/:id/photo through the app's api client (same token, same errors). */
export function usePhotoPut(): (memberId: string, dataUrl: string) => Promise<void> {
  const api = useApi();
  return useMemo(() => async (memberId: string, dataUrl: string) => void (await api.put(`/api/members/${encodeURIComponent(memberId)}/photo`, { dataUrl })), [api]);
}

/**
 * Uploads queued photos: now, whenever the tablet comes back online, and every few seconds while
 * any wait (a new member's registration usually reaches the server a moment after the photo is
 * queued). Mount it where the counter is open; the desk and the register form mount it too.
 */
export function usePhotoSync(): void {
  const put = usePhotoPut();
  useEffect(() => {
    const run = () => {
      if (navigator.onLine && photoQueue.get().pending.length > 0) void photoQueue.flush(put, photoErrorCode).catch(() => {});
    };
    run();
    window.addEventListener('online', run);
    const timer = setInterval(run, 3_000);
    return () => {
      window.removeEventListener('online', run);
      clearInterval(timer);
    };
  }, [put]);
}

/** Where a member's photo stands on this tablet: waiting, sent, refused, or nothing taken here. */
export function usePhotoState(memberId: string): PhotoState {
  const snap = useSyncExternalStore(photoQueue.subscribe, photoQueue.get, photoQueue.get);
  if (snap.pending.some((p) => p.memberId === memberId)) return { kind: 'pending' };
  return snap.done[memberId] ?? { kind: 'none' };
}

/** The photo to show: one still waiting here first, else the server's (GET, online); null → initials. */
export function useMemberPhoto(memberId: string): string | null {
  const api = useApi();
  const state = usePhotoState(memberId);
  const waiting = useSyncExternalStore(photoQueue.subscribe, () => photoQueue.pendingPhoto(memberId), () => null);
  const [fetched, setFetched] = useState<{ id: string; url: string | null } | null>(null);
  useEffect(() => {
    if (waiting || state.kind === 'saved') return;
    let live = true;
    api.get<MemberPhoto>(`/api/members/${encodeURIComponent(memberId)}/photo`).then(
      (r) => live && setFetched({ id: memberId, url: r.dataUrl }),
      () => live && setFetched((f) => (f?.id === memberId ? f : { id: memberId, url: null })),
    );
    return () => {
      live = false;
    };
    // Read again once a photo taken here has been saved.
  }, [api, memberId, waiting, state.kind]);
  // Just uploaded from here: shown as sent, whatever an earlier read said.
  const sent = state.kind === 'saved' ? state.dataUrl : null;
  return waiting ?? sent ?? (fetched?.id === memberId ? fetched.url : null);
}
