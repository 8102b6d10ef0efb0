import type { SessionUser } from '../../../shared/schemas/auth';

export type AppName = 'clerk' | 'member' | 'hq';
export type Session = { token: string; expiresAt: number; user: SessionUser };

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * The signed-in session of one app, kept in localStorage under its own key: the clerk tablet and
 * the HQ dashboard on the same origin do not share a sign-in. Subscribable for React
 * (useSyncExternalStore), so a 401 anywhere sends the app back to its login screen.
 */
export class SessionStore {
  private readonly key: string;
  private current: Session | null;
  private readonly listeners = new Set<() => void>();

  constructor(
    app: AppName,
    private readonly storage: Storage | null = typeof localStorage === 'undefined' ? null : localStorage,
    private readonly now: () => number = Date.now,
  ) {
    this.key = `cloudcard.${app}.session`;
    this.current = this.read();
  }

  private read(): Session | null {
    try {
      const raw = this.storage?.getItem(this.key);
      if (!raw) return null;
      const s = JSON.parse(raw) as Partial<Session>;
      if (typeof s.token !== 'string' || typeof s.expiresAt !== 'number' || !s.user) return null;
      return s.expiresAt > this.now() ? (s as Session) : null;
    } catch {
      return null;
    }
  }

  /** The session, or null when there is none or it has expired. */
  get = (): Session | null => {
    if (this.current && this.current.expiresAt <= this.now()) this.clear();
    return this.current;
  };

  set(session: Session): void {
    this.current = session;
    this.storage?.setItem(this.key, JSON.stringify(session));
    this.emit();
  }

  clear(): void {
    if (!this.current) return;
    this.current = null;
    this.storage?.removeItem(this.key);
    this.emit();
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  private emit() {
    for (const fn of this.listeners) fn();
  }
}
