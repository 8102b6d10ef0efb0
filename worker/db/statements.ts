import { fillPlaceholders, getTableName, sql, type SQL } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from './client';

/*
 * Statements on the settlement path are built by drizzle once per shape, with sql.placeholder()s,
 * and afterwards only bound: building SQL through the query builder on every request cost more
 * CPU than D1 took to run it (bench/settlement.ts, docs/decisions/008).
 */

type Built = { sql: string; params: unknown[] };
const insertShapes = new Map<string, Built>();

/** INSERT of one row (OR IGNORE with `ignore`), compiled once per table and set of columns. */
export function insertRow<T extends SQLiteTable>(db: Db, table: T, row: T['$inferInsert'], opts: { ignore?: boolean } = {}): D1PreparedStatement {
  const values = row as Record<string, unknown>;
  const keys = Object.keys(values).filter((k) => values[k] !== undefined);
  const shape = `${getTableName(table)}|${opts.ignore ? 'ignore' : ''}|${keys.join(',')}`;
  let q = insertShapes.get(shape);
  if (!q) {
    const b = db.insert(table).values(Object.fromEntries(keys.map((k) => [k, sql.placeholder(k)])) as T['$inferInsert']);
    q = (opts.ignore ? b.onConflictDoNothing() : b).toSQL();
    insertShapes.set(shape, q);
  }
  return db.$client.prepare(q.sql).bind(...fillPlaceholders(q.params, values));
}

/** Any other statement: `build` uses `p(name)` for its values; the result binds them per call. */
export function statement<V extends Record<string, unknown>>(build: (db: Db, p: (name: keyof V & string) => SQL) => { toSQL(): Built }) {
  let q: Built | null = null;
  return (db: Db, values: V): D1PreparedStatement => {
    q ??= build(db, (name) => sql`${sql.placeholder(name)}`).toSQL();
    return db.$client.prepare(q.sql).bind(...fillPlaceholders(q.params, values));
  };
}

/** A drizzle prepared query (with result mapping), made once per database handle. */
export function preparedQuery<Q>(build: (db: Db) => Q): (db: Db) => Q {
  const made = new WeakMap<Db, Q>();
  return (db) => {
    let q = made.get(db);
    if (!q) made.set(db, (q = build(db)));
    return q;
  };
}

/** Runs statements as one D1 batch (one implicit transaction: all or nothing). */
export function runBatch(db: Db, stmts: D1PreparedStatement[]): Promise<D1Result[]> {
  return db.$client.batch(stmts);
}
