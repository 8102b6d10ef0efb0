import { useCallback, useSyncExternalStore } from 'react';

/** Receipt printers' paper rolls. 58 mm is the default: its layout still prints whole on 80 mm paper. */
export type PaperWidth = 58 | 80;
export const PAPER_WIDTHS: readonly PaperWidth[] = [58, 80];
export const PAPER_STORAGE_KEY = 'cloudcard.clerk.receiptPaper';

/** Characters per line in the printers' built-in font: 32 on 58 mm, 48 on 80 mm. */
export const columnsFor = (w: PaperWidth): number => (w === 80 ? 48 : 32);

export const parsePaperWidth = (v: string | null | undefined): PaperWidth => (v === '80' ? 80 : 58);

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;
const local = (): Storage | null => (typeof localStorage === 'undefined' ? null : localStorage);

/** The tablet's setting (a device setting, not the user's: the printer is attached to the tablet). */
export function loadPaperWidth(storage: Storage | null = local()): PaperWidth {
  try {
    return parsePaperWidth(storage?.getItem(PAPER_STORAGE_KEY));
  } catch {
    return 58;
  }
}

const listeners = new Set<() => void>();

export function savePaperWidth(w: PaperWidth, storage: Storage | null = local()): void {
  try {
    storage?.setItem(PAPER_STORAGE_KEY, String(w));
  } catch {
    /* storage blocked: the choice lasts until the page reloads */
  }
  for (const l of listeners) l();
}

function subscribe(fn: () => void) {
  listeners.add(fn);
  const onStorage = (e: StorageEvent) => e.key === PAPER_STORAGE_KEY && fn();
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(fn);
    window.removeEventListener('storage', onStorage);
  };
}

/** The paper width, live across the app (and other tabs), and a setter that saves it. */
export function usePaperWidth(): [PaperWidth, (w: PaperWidth) => void] {
  const w = useSyncExternalStore(subscribe, () => loadPaperWidth(), () => 58 as PaperWidth);
  return [w, useCallback((next: PaperWidth) => savePaperWidth(next), [])];
}
