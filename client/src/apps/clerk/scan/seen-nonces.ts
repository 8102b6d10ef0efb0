import type { SeenCodes } from '../../../../../shared/domain/member-code';

/**
 * The member codes this tablet has accepted, each kept until it would have expired anyway (then a
 * replay is refused as expired). In memory only: a reload forgets them, which reopens the replay
 * window for at most the code's last 60 s (docs/decisions/011). Bounded, in case the clock jumps.
 */
export class SeenNonces implements SeenCodes {
  private readonly until = new Map<string, number>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly max = 5_000,
  ) {}

  has(key: string): boolean {
    this.prune();
    return this.until.has(key);
  }

  add(key: string, expiresAt: number): void {
    this.until.delete(key);
    this.until.set(key, expiresAt);
    this.prune();
    // Oldest first (insertion order) when a jumping clock has kept too many.
    for (const k of this.until.keys()) {
      if (this.until.size <= this.max) break;
      this.until.delete(k);
    }
  }

  get size(): number {
    return this.until.size;
  }

  private prune(): void {
    const now = this.now();
    for (const [k, at] of this.until) if (at < now) this.until.delete(k);
  }
}

/** The tablet's one set: every lookup made on this page shares it. */
export const tabletSeenCodes = new SeenNonces();
