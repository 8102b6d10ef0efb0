import { fillPlaceholders, getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
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

const jsonShapes = new Map<string, string>();

/**
 * INSERT of many rows in one statement: the rows go in as one JSON array, bound once, and
 * `json_each` spreads them (D1 allows only 100 bound values per statement, so one value per row
 * field would cap a statement at a handful of rows). `conflict`: an ON CONFLICT clause.
 */
export function insertRows<T extends SQLiteTable>(db: Db, table: T, rows: readonly T['$inferInsert'][], opts: { ignore?: boolean; conflict?: string } = {}): D1PreparedStatement[] {
  if (rows.length === 0) return [];
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r as object).filter((k) => (r as Record<string, unknown>)[k] !== undefined)))];
  const shape = `${getTableName(table)}|${opts.ignore ? 'ignore' : ''}|${opts.conflict ?? ''}|${keys.join(',')}`;
  let text = jsonShapes.get(shape);
  if (!text) {
    const columns = getTableColumns(table);
    const names = keys.map((k) => `"${columns[k]!.name}"`);
    // "WHERE true": SQLite needs it to tell an upsert's ON CONFLICT from a join's ON.
    text = `INSERT ${opts.ignore ? 'OR IGNORE ' : ''}INTO "${getTableName(table)}" (${names.join(', ')}) SELECT ${keys.map((k) => `json_extract(value, '$.${k}')`).join(', ')} FROM json_each(?1) WHERE true${opts.conflict ? ` ${opts.conflict}` : ''}`;
    jsonShapes.set(shape, text);
  }
  const payload = rows.map((r) => Object.fromEntries(keys.map((k) => [k, (r as Record<string, unknown>)[k] ?? null])));
  return [db.$client.prepare(text).bind(JSON.stringify(payload))];
}
