/** One kind of row in a client's view. */
export type Row = { id: string; key: string; value: unknown };
/** A changed row: `value: null` means it is not (or no longer) in the view. */
export type Change = { key: string; value: unknown };
/** Where a scan of changes stopped: the last row's `updated_at` and id. */
export type Cursor = { at: number; id: string };
/** A batch of changes; `next` when there may be more after it. */
export type Changes = { changes: Change[]; next: Cursor | null };

export type Source = {
  name: string;
  /** Rows of the view in id order after `after` (initial sync is paged through this). */
  page(after: string, limit: number): Promise<Row[]>;
  /**
   * Rows that changed in D1 since `since` (UTC ms), whether or not they are still in the view, in
   * (updated_at, id) order after `from`. Sources whose tables can change in bulk (members, orders)
   * answer at most `limit` rows and a cursor; small tables answer everything at once.
   */
  changed(since: number, from: Cursor | null, limit: number): Promise<Changes>;
};

/** All changes at once (a small table). */
export const whole = (changes: Change[]): Changes => ({ changes, next: null });
