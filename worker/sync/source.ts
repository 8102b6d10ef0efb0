/** One kind of row in a client's view. */
export type Row = { id: string; key: string; value: unknown };
/** A changed row: `value: null` means it is not (or no longer) in the view. */
export type Change = { key: string; value: unknown };

export type Source = {
  name: string;
  /** Rows of the view in id order after `after` (initial sync is paged through this). */
  page(after: string, limit: number): Promise<Row[]>;
  /** Rows that changed in D1 since `since` (UTC ms), whether or not they are still in the view. */
  changed(since: number): Promise<Change[]>;
};
