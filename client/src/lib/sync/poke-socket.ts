/**
 * The poke channel: a WebSocket that says "pull now". It reconnects with backoff and pulls on
 * every (re)connect, since pokes sent while it was away are gone. Pokes are hints; the pull
 * interval is the safety net.
 */
export class PokeSocket {
  private ws: WebSocket | null = null;
  private closed = false;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    private readonly onPoke: () => void,
    private readonly Ws: typeof WebSocket,
  ) {
    this.connect();
  }

  private url(): string {
    const base = this.baseUrl || location.origin;
    return `${base.replace(/^http/, 'ws')}/api/replicache/poke?token=${encodeURIComponent(this.token)}`;
  }

  private connect(): void {
    if (this.closed) return;
    const ws = new this.Ws(this.url());
    this.ws = ws;
    ws.onopen = () => {
      this.attempt = 0;
      this.onPoke();
    };
    ws.onmessage = (e) => {
      if (e.data === 'poke') this.onPoke();
    };
    ws.onclose = () => {
      if (this.closed) return;
      const delay = Math.min(30_000, 500 * 2 ** this.attempt++);
      this.timer = setTimeout(() => this.connect(), delay);
    };
    // An error is followed by close, which reconnects (closing here again would recurse in some runtimes).
    ws.onerror = () => {};
  }

  /** Resolves once the socket is open (tests and benchmarks wait for it). */
  opened(): Promise<void> {
    return new Promise((resolve) => {
      const check = () => (this.ws?.readyState === 1 ? resolve() : setTimeout(check, 10));
      check();
    });
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.ws?.close();
  }
}
