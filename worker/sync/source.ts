/** One kind of row in a client's view. */
export type Row = { id: string; key: string; value: unknown };
/** A changed row: `value: null` means it is not (or no longer) in the view. */
export type Change = { key: string; value: unknown };
import { and, eq, gt, or, type SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

/** Where a scan of changes stopped: the last row's `updated_at` and id. */
export type Cursor = { at: number; id: string };
/** A batch of changes; `next` when there may be more after it. */
export type Changes = { changes: Change[]; next: Cursor | null };
/**
 * How a source reads its changes: queries that run with every other source's in one D1 batch
 * (one round trip per pull), and what to make of their results.
 */
export type Plan = { queries: BatchItem<'sqlite'>[]; read(results: unknown[]): Changes | Promise<Changes> };

export type Source = {
  name: string;
  /** Rows of the view in id order after `after` (initial sync is paged through this). */
  page(after: string, limit: number): Promise<Row[]>;
  /**
   * Rows that changed in D1 since `since` (UTC ms), whether or not they are still in the view, in
   * (updated_at, id) order after `from`. Sources whose tables can change in bulk (members, orders)
   * answer at most `limit` rows and a cursor; small tables answer everything at once.
   */
  changed(since: number, from: Cursor | null, limit: number): Plan;
};

/** One query whose rows are all the changes (a small table). */
export function whole<R>(query: BatchItem<'sqlite'>, toChange: (r: R) => Change): Plan {
  return { queries: [query], read: ([rows]) => ({ changes: (rows as R[]).map(toChange), next: null }) };
}

export const row = (id: string, key: string, value: unknown): Row => ({ id, key, value });

/** Rows after the cursor in (updated_at, id) order. */
export function after(at: SQLiteColumn, id: SQLiteColumn, from: Cursor | null): SQL | undefined {
  return from ? (or(gt(at, from.at), and(eq(at, from.at), gt(id, from.id))) as SQL) : undefined;
}
