/**
 * Photos waiting to be uploaded. A photo is taken at registration, often before the registration
 * itself has reached the server (offline, or simply queued in Replicache): it waits here, in
 * localStorage so a reload keeps it, and goes up once the server knows the member.
 */
export type PendingPhoto = { memberId: string; dataUrl: string; queuedAt: number; tries: number };
export type PhotoState = { kind: 'pending' } | { kind: 'saved'; dataUrl: string } | { kind: 'failed'; code: string } | { kind: 'none' };
type Snapshot = { pending: readonly PendingPhoto[]; done: Readonly<Record<string, PhotoState>> };
type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

const KEY = 'cloudcard.clerk.pendingPhotos';
/** ~40 KB each: 30 stays well inside a browser's 5 MB of localStorage. */
const MAX_QUEUED = 30;
/** Tries before "the member is unknown" means the registration was refused, not just late (~5 s apart). */
const MAX_UNKNOWN_TRIES = 60;

/** After a failed upload: try again later, or give up (the photo cannot be accepted as it is). */
export function afterFailure(code: string, tries: number): 'retry' | 'drop' {
  if (['NETWORK', 'UNAVAILABLE', 'INTERNAL', 'RATE_LIMITED', 'UNAUTHENTICATED', 'SESSION_EXPIRED'].includes(code)) return 'retry';
  // The registration is still on its way to the server.
  if (code === 'MEMBER_NOT_FOUND') return tries < MAX_UNKNOWN_TRIES ? 'retry' : 'drop';
  return 'drop';
}

function parse(raw: string | null): PendingPhoto[] {
  try {
    const v: unknown = JSON.parse(raw ?? '[]');
    return Array.isArray(v) ? v.filter((p): p is PendingPhoto => typeof p?.memberId === 'string' && typeof p?.dataUrl === 'string' && typeof p?.tries === 'number') : [];
  } catch {
    return [];
  }
}

export class PhotoQueue {
  private snap: Snapshot;
  private readonly listeners = new Set<() => void>();
  private flushing: Promise<void> | null = null;

  constructor(private readonly storage: Storage | null) {
    let raw: string | null = null;
    try {
      raw = storage?.getItem(KEY) ?? null;
    } catch {
      /* storage blocked: the queue lives in memory only */
    }
    this.snap = { pending: parse(raw), done: {} };
  }

  get = (): Snapshot => this.snap;
  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };
  stateOf(memberId: string): PhotoState {
    return this.snap.pending.some((p) => p.memberId === memberId) ? { kind: 'pending' } : (this.snap.done[memberId] ?? { kind: 'none' });
  }
  /** The newest photo of a member still waiting: shown at once, before (or without) the upload. */
  pendingPhoto = (memberId: string): string | null => this.snap.pending.find((p) => p.memberId === memberId)?.dataUrl ?? null;

  private set(pending: PendingPhoto[], done: Record<string, PhotoState> = this.snap.done): void {
    this.snap = { pending, done };
    try {
      this.storage?.setItem(KEY, JSON.stringify(pending));
    } catch {
      /* full or blocked: still uploaded from memory while the page lives */
    }
    for (const fn of this.listeners) fn();
  }

  /** Queues a member's photo, replacing one not yet sent; the oldest go when the queue is full. */
  enqueue(memberId: string, dataUrl: string, now = Date.now()): void {
    const rest = this.snap.pending.filter((p) => p.memberId !== memberId);
    const { [memberId]: _, ...done } = this.snap.done;
    this.set([...rest, { memberId, dataUrl, queuedAt: now, tries: 0 }].slice(-MAX_QUEUED), done);
  }

  /** Sends what waits, one at a time; a second call while one runs joins it. */
  flush(put: (memberId: string, dataUrl: string) => Promise<void>, codeOf: (e: unknown) => string): Promise<void> {
    this.flushing ??= (async () => {
      for (const p of [...this.snap.pending]) {
        let state: PhotoState | null;
        let offline = false;
        try {
          await put(p.memberId, p.dataUrl);
          state = { kind: 'saved', dataUrl: p.dataUrl };
        } catch (e) {
          const code = codeOf(e);
          offline = code === 'NETWORK';
          state = afterFailure(code, p.tries + 1) === 'drop' ? { kind: 'failed', code } : null;
        }
        // A newer photo of the same member may have been queued meanwhile: keep that one.
        const now = this.snap.pending.filter((x) => x !== p);
        if (state) this.set(now, { ...this.snap.done, [p.memberId]: state });
        else this.set(this.snap.pending.map((x) => (x === p ? { ...x, tries: x.tries + 1 } : x)));
        // Unreachable: the rest would fail the same way; the next flush tries again.
        if (offline) break;
      }
    })().finally(() => (this.flushing = null));
    return this.flushing;
  }
}

/** The tablet's one queue. */
export const photoQueue = new PhotoQueue(typeof localStorage === 'undefined' ? null : localStorage);
