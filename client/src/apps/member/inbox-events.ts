/** A tiny signal: the inbox was read (or refreshed), so the tab's unread count is read again. */
let tick = 0;
const listeners = new Set<() => void>();
export const inboxTick = (): number => tick;
export function inboxChanged(): void {
  tick += 1;
  for (const l of listeners) l();
}
export function onInboxChange(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
