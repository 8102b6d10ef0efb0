import type { Manifest } from '../../shared/schemas/backup';
import { BACKUP_FORMAT, BACKUP_VERSION } from '../../shared/schemas/backup';
import { DomainError } from '../../shared/errors';

/*
 * D1's tables for backup and restore, read from the database itself (sqlite_master and PRAGMAs),
 * so a table added by a later migration is backed up without touching this file.
 */

// SQLite's, D1's own, and the migration log (a restore goes into a deployment migrated to the same level).
const SYSTEM = /^(sqlite_|_cf_|d1_migrations$)/;
/**
 * Sign-in state is not copied: a restore must not revive a session revoked after the backup, a
 * one-time code, or a lockout. Everyone signs in again on the restored deployment.
 */
export const NOT_COPIED: ReadonlySet<string> = new Set(['sessions', 'otp_codes', 'login_throttle']);
/** Keys of app_meta that describe this deployment's own restore (never copied from a backup). */
export const RESTORE_META = 'restore.';

export type TableInfo = { name: string; columns: string[]; hasUpdatedAt: boolean };

const q = (name: string) => `"${name.replaceAll('"', '""')}"`;
export const quoteName = q;

/** The tables a backup holds, parents before children (D1 enforces foreign keys on every insert). */
export async function listTables(d1: D1Database): Promise<TableInfo[]> {
  const names = (await d1.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all<{ name: string }>()).results
    .map((r) => r.name).filter((n) => !SYSTEM.test(n) && !NOT_COPIED.has(n));
  if (names.length === 0) return [];
  const info = await d1.batch(names.flatMap((n) => [d1.prepare(`PRAGMA table_xinfo(${q(n)})`), d1.prepare(`PRAGMA foreign_key_list(${q(n)})`)]));
  const tables = names.map((name, i) => {
    // hidden 2/3: generated columns (members.phone_last4), which SQLite computes and refuses to be given.
    const cols = (info[2 * i]!.results as { name: string; hidden: number }[]).filter((c) => c.hidden === 0).map((c) => c.name);
    const parents = [...new Set((info[2 * i + 1]!.results as { table: string }[]).map((f) => f.table))].filter((t) => t !== name && names.includes(t));
    return { name, columns: cols, hasUpdatedAt: cols.includes('updated_at'), parents };
  });
  const done = new Set<string>();
  const ordered: TableInfo[] = [];
  while (ordered.length < tables.length) {
    const ready = tables.filter((t) => !done.has(t.name) && t.parents.every((p) => done.has(p)));
    if (ready.length === 0) throw new DomainError('INTERNAL', 'the tables’ foreign keys form a cycle; backup cannot order them');
    for (const t of ready) {
      done.add(t.name);
      ordered.push({ name: t.name, columns: t.columns, hasUpdatedAt: t.hasUpdatedAt });
    }
  }
  return ordered;
}

export async function tableNamed(d1: D1Database, name: string): Promise<TableInfo> {
  const t = (await listTables(d1)).find((x) => x.name === name);
  if (!t) throw new DomainError('NOT_FOUND', `No table ${name} in this backup's scope`);
  return t;
}

export async function migrationsApplied(d1: D1Database): Promise<string[]> {
  try {
    return (await d1.prepare('SELECT name FROM d1_migrations ORDER BY id').all<{ name: string }>()).results.map((r) => r.name);
  } catch {
    return []; // never migrated by wrangler
  }
}

// This deployment's restore marks are never copied; for the watermark, backup's own audit rows
// (one per export run) do not count as activity either.
const countOf = (t: TableInfo, activity = false) =>
  t.name === 'audit_log' && activity ? `SELECT count(*) AS n FROM audit_log WHERE action NOT LIKE 'backup.%'`
  : t.name === 'app_meta' ? `SELECT count(*) AS n FROM app_meta WHERE key NOT LIKE '${RESTORE_META}%'`
  : `SELECT count(*) AS n FROM ${q(t.name)}`;

/** Row counts per table as a backup copies them, in one D1 batch. */
export async function rowCounts(d1: D1Database, tables: TableInfo[]): Promise<Record<string, number>> {
  const res = await d1.batch(tables.map((t) => d1.prepare(countOf(t))));
  return Object.fromEntries(tables.map((t, i) => [t.name, Number((res[i]!.results[0] as { n: number }).n)]));
}

/**
 * What the export is taken from, with a watermark: per table the count, the highest rowid and the
 * latest `updated_at`. The script reads it before and after; if it moved, operations ran during
 * the export and the file is not one point in time (it says so).
 */
export async function manifest(d1: D1Database, now: number): Promise<Manifest> {
  const tables = await listTables(d1);
  const marks = await d1.batch(tables.map((t) => d1.prepare(`SELECT (${countOf(t)}) AS n, (${countOf(t, true)}) AS a, (SELECT max(rowid) FROM ${q(t.name)}) AS r, ${t.hasUpdatedAt ? `(SELECT max(updated_at) FROM ${q(t.name)})` : 'NULL'} AS u`)));
  const rows = marks.map((m) => m.results[0] as { n: number; a: number; r: number | null; u: number | null });
  return {
    format: BACKUP_FORMAT, version: BACKUP_VERSION, migrations: await migrationsApplied(d1), createdAt: now,
    tables: tables.map((t, i) => ({ name: t.name, columns: t.columns, rows: Number(rows[i]!.n) })),
    members: Number(rows[tables.findIndex((t) => t.name === 'members')]?.n ?? 0),
    watermark: rows.map((r, i) => `${tables[i]!.name}:${r.a}:${r.r ?? 0}:${r.u ?? 0}`).join(','),
  };
}

// A page stays well inside a Worker's memory and D1's response size, whatever the rows hold (photos).
const PAGE_BYTES = 4_000_000;

/** Rows after `after` (a rowid), as arrays [rowid, ...columns], up to `limit` rows or ~4 MB. */
export async function tablePage(d1: D1Database, t: TableInfo, after: number, limit: number) {
  const skipMeta = t.name === 'app_meta' ? ` AND key NOT LIKE '${RESTORE_META}%'` : '';
  const raw = await d1.prepare(`SELECT rowid, ${t.columns.map(q).join(', ')} FROM ${q(t.name)} WHERE rowid > ?1${skipMeta} ORDER BY rowid LIMIT ?2`).bind(after, limit).raw<(string | number | null)[]>();
  const rows: (string | number | null)[][] = [];
  let bytes = 0;
  for (const r of raw) {
    if (r.some((v) => v !== null && typeof v === 'object')) throw new DomainError('INTERNAL', `table ${t.name} holds a blob; this backup format carries none`);
    bytes += JSON.stringify(r).length;
    rows.push(r);
    if (bytes > PAGE_BYTES) break;
  }
  const more = rows.length < raw.length || raw.length === limit;
  return { table: t.name, columns: t.columns, rows, next: more && rows.length ? Number(rows[rows.length - 1]![0]) : null };
}
