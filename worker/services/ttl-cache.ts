/**
 * A per-isolate cache for rows read on every sale that change rarely (rules, tiers, stores,
 * prices; sessions and members, see docs/decisions/008). Entries live a few seconds: an edit reaches
 * every counter within that time, and a busy worker stops asking D1 for the same rows on every sale.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: Promise<V>; until: number }>();
  constructor(private readonly ttlMs: number, private readonly max = 5000) {}

  get(key: string, load: () => Promise<V>, now = Date.now()): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.value;
    if (this.entries.size >= this.max) this.entries.clear();
    const value = load();
    this.entries.set(key, { value, until: now + this.ttlMs });
    // A failed load is not cached.
    value.catch(() => this.entries.delete(key));
    return value;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
