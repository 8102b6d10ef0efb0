import { drizzle } from 'drizzle-orm/d1';
import * as schema from './schema';

const open = (d1: D1Database) => drizzle(d1, { schema });
export type Db = ReturnType<typeof open>;

// drizzle() walks the whole schema to build its relational config: once per binding, not per request.
const opened = new WeakMap<D1Database, Db>();

export function openDb(d1: D1Database): Db {
  let db = opened.get(d1);
  if (!db) opened.set(d1, (db = open(d1)));
  return db;
}
