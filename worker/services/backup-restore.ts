import { DomainError } from '../../shared/errors';
import type { MemberSnapshot, RestoreFinish } from '../../shared/schemas/backup';
import { eq } from 'drizzle-orm';
import { openDb } from '../db/client';
import { appMeta } from '../db/schema';
import { auditInsert } from './audit';
import { accountStub } from './accounts';
import { listTables, migrationsApplied, quoteName, RESTORE_META, rowCounts, tableNamed } from './backup-tables';
import { restoredMemberCheck } from './backup-verify';

/*
 * The restore side of backup (docs/decisions/017). It runs before anyone can sign in (the
 * deployment is empty), so it is authorized by a one-time RESTORE_TOKEN set in the environment,
 * and only ever into an empty D1 — or to resume the same backup's restore. The progress mark in
 * app_meta is what makes a second run, or one after a crash, change nothing twice.
 */

const STATE_KEY = `${RESTORE_META}state`;
type State = { backupId: string; createdAt: number; startedAt: number; finishedAt: number | null };

async function digest(text: string): Promise<ArrayBuffer> {
  return crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
}

/** RESTORE_TOKEN unset (the default), or too short to be a secret: restore is off. */
export async function checkRestoreToken(env: Env, given: string | undefined): Promise<void> {
  const want = (env as { RESTORE_TOKEN?: string }).RESTORE_TOKEN ?? '';
  if (want.length < 32) throw new DomainError('FORBIDDEN', 'Restore is disabled on this deployment: set RESTORE_TOKEN (32+ characters) for the restore, and remove it afterwards');
  // Compared as digests, in constant time: equal lengths, and no early exit to time.
  if (!given || !crypto.subtle.timingSafeEqual(await digest(given), await digest(want))) throw new DomainError('UNAUTHENTICATED', 'Wrong or missing restore token (header x-restore-token)');
}

async function readState(d1: D1Database): Promise<State | null> {
  const r = await d1.prepare('SELECT value FROM app_meta WHERE key = ?').bind(STATE_KEY).first<{ value: string }>();
  return r ? (JSON.parse(r.value) as State) : null;
}

async function inProgress(d1: D1Database, backupId: string): Promise<State> {
  const s = await readState(d1);
  if (!s || s.backupId !== backupId) throw new DomainError('CONFLICT', 'No restore of this backup is in progress here: call begin first');
  if (s.finishedAt !== null) throw new DomainError('CONFLICT', 'This backup was restored here already; nothing to do');
  return s;
}

/** Starts (or resumes) a restore; `rows`: what each table holds now, so a resumed run skips full tables. */
export async function restoreBegin(env: Env, token: string | undefined, req: { backupId: string; migrations: string[]; createdAt: number }) {
  await checkRestoreToken(env, token);
  const d1 = env.DB;
  const here = await migrationsApplied(d1);
  if (here.length === 0) throw new DomainError('CONFLICT', 'This deployment’s D1 has no migrations applied: apply them (wrangler d1 migrations apply DB), then restore');
  if (here.join('\n') !== req.migrations.join('\n')) {
    throw new DomainError('CONFLICT', `Migration levels differ: the backup is at ${req.migrations.at(-1) ?? '(none)'}, this deployment at ${here.at(-1) ?? '(none)'}. Deploy the same version and apply its migrations, no more`, { details: { backup: req.migrations, here } });
  }
  const tables = await listTables(d1);
  const mine = await readState(d1);
  if (mine && mine.backupId !== req.backupId) throw new DomainError('CONFLICT', `Another backup (${mine.backupId.slice(0, 12)}…) is being or was restored here`);
  if (!mine) {
    const counts = await rowCounts(d1, tables);
    const filled = Object.entries(counts).filter(([, n]) => n > 0).map(([t]) => t);
    if (filled.length) throw new DomainError('CONFLICT', `D1 is not empty (${filled.join(', ')}): restore goes only into an empty deployment`, { details: { tables: filled } });
    const state: State = { backupId: req.backupId, createdAt: req.createdAt, startedAt: Date.now(), finishedAt: null };
    // Below every rowid a backup carries (SQLite's start at 1): the rows restored keep theirs, and
    // INSERT OR IGNORE by rowid would otherwise drop the backup's first app_meta row.
    await d1.prepare('INSERT OR IGNORE INTO app_meta (rowid, key, value) VALUES (-1, ?, ?)').bind(STATE_KEY, JSON.stringify(state)).run();
    // Two runs that raced past the emptiness check: only one mark was written.
    if ((await readState(d1))?.backupId !== req.backupId) throw new DomainError('CONFLICT', 'Another restore started here at the same time');
    return { status: 'started' as const, rows: counts };
  }
  return { status: mine.finishedAt === null ? ('resumed' as const) : ('done' as const), rows: await rowCounts(d1, tables) };
}

// A bound string may hold at most 2 MB in D1: rows go in as JSON arrays of at most ~1 MB each.
const CHUNK_BYTES = 1_000_000;

/**
 * One page of a table's rows, in one db.batch (all or nothing). Each row keeps its rowid, and
 * `INSERT OR IGNORE` skips rows already there, so a page sent twice inserts nothing twice.
 */
export async function restoreRows(env: Env, token: string | undefined, req: { backupId: string; table: string; columns: string[]; rows: (string | number | null)[][] }) {
  await checkRestoreToken(env, token);
  const d1 = env.DB;
  await inProgress(d1, req.backupId);
  const t = await tableNamed(d1, req.table);
  if ([...req.columns].sort().join(',') !== [...t.columns].sort().join(',')) {
    throw new DomainError('CONFLICT', `Columns of ${t.name} differ from this deployment's`, { details: { backup: req.columns, here: t.columns } });
  }
  const width = req.columns.length + 1;
  const bad = req.rows.findIndex((r) => r.length !== width || typeof r[0] !== 'number');
  if (bad >= 0) throw new DomainError('VALIDATION_FAILED', `Row ${bad} of ${t.name} is not [rowid, ...${req.columns.length} columns]`);
  // This deployment's own restore mark is never overwritten by the backed-up deployment's.
  const keyAt = t.name === 'app_meta' ? req.columns.indexOf('key') + 1 : -1;
  const rows = keyAt > 0 ? req.rows.filter((r) => !String(r[keyAt]).startsWith(RESTORE_META)) : req.rows;
  const sql = `INSERT OR IGNORE INTO ${quoteName(t.name)} (rowid, ${req.columns.map(quoteName).join(', ')}) SELECT ${Array.from({ length: width }, (_, i) => `json_extract(value, '$[${i}]')`).join(', ')} FROM json_each(?1)`;
  const stmts: D1PreparedStatement[] = [];
  let chunk: string[] = [];
  let bytes = 0;
  const flush = () => {
    if (chunk.length) stmts.push(d1.prepare(sql).bind(`[${chunk.join(',')}]`));
    chunk = [];
    bytes = 0;
  };
  for (const r of rows) {
    const text = JSON.stringify(r);
    if (bytes + text.length > CHUNK_BYTES) flush();
    chunk.push(text);
    bytes += text.length + 1;
  }
  flush();
  const results = stmts.length ? await d1.batch(stmts).catch((e: unknown) => refusedRows(t.name, e)) : [];
  return { table: t.name, rows: req.rows.length, inserted: results.reduce((n, r) => n + (r.meta.changes ?? 0), 0) };
}

// What SQLite says of rows that do not fit this schema (a parent row missing, a NOT NULL column
// empty, a value of the wrong type): the file's fault, answered as such rather than as a 500.
const UNFIT = /constraint failed|datatype mismatch|cannot store/i;
function refusedRows(table: string, e: unknown): never {
  const message = e instanceof Error ? e.message : String(e);
  if (!UNFIT.test(message)) throw e;
  throw new DomainError('CONFLICT', `Rows of ${table} do not fit this deployment (${message.slice(0, 200)}): restore a whole file, in its order`);
}

const PARALLEL = 8;

/** Members' objects, each through restoreState, then checked as ledger verify would check them. */
export async function restoreMembers(env: Env, token: string | undefined, req: { backupId: string; members: { memberId: string; snapshot: MemberSnapshot }[] }) {
  await checkRestoreToken(env, token);
  await inProgress(env.DB, req.backupId);
  const ids = req.members.map((m) => m.memberId);
  const known = new Set((await env.DB.prepare('SELECT id FROM members WHERE id IN (SELECT value FROM json_each(?1))').bind(JSON.stringify(ids)).all<{ id: string }>()).results.map((r) => r.id));
  const out = [];
  for (let i = 0; i < req.members.length; i += PARALLEL) {
    out.push(...(await Promise.all(req.members.slice(i, i + PARALLEL).map(async ({ memberId, snapshot }) => {
      const refused = (reason: string) => ({ memberId, status: 'refused' as const, reason, verified: false, projectionMatches: false });
      if (snapshot.memberId !== memberId) return refused('the snapshot is another member’s');
      if (!known.has(memberId)) return refused('no such member in D1: restore the tables first');
      const answer = await accountStub(env, memberId).restoreState(snapshot);
      if ('refused' in answer) return refused(answer.refused);
      return { memberId, status: answer.status, reason: null, ...(await restoredMemberCheck(env, memberId)) };
    }))));
  }
  return { members: out };
}

/** Checks that D1 holds what the backup held, marks the restore done and audits it. */
export async function restoreFinish(env: Env, token: string | undefined, req: RestoreFinish) {
  await checkRestoreToken(env, token);
  const d1 = env.DB;
  const state = await inProgress(d1, req.backupId);
  const here = await rowCounts(d1, await listTables(d1));
  // More is fine: a restored object's outbox (documents its D1 rows lacked) is projected on restore.
  const differ = Object.keys(req.rows).filter((t) => (here[t] ?? 0) < req.rows[t]!);
  if (differ.length) {
    throw new DomainError('CONFLICT', `D1 does not hold what the backup holds yet (${differ.join(', ')}); run the restore again to resume`, { details: Object.fromEntries(differ.map((t) => [t, { backup: req.rows[t] ?? 0, here: here[t] ?? 0 }])) });
  }
  const now = Date.now();
  const done: State = { ...state, finishedAt: now };
  const db = openDb(d1);
  // The mark and its audit row together: a restore is done and recorded, or neither.
  await db.batch([
    db.update(appMeta).set({ value: JSON.stringify(done) }).where(eq(appMeta.key, STATE_KEY)),
    auditInsert(db, {
      id: `backup.restore:${req.backupId}`, actor: { kind: 'system', id: 'restore' }, action: 'backup.restore', entity: 'backup', entityId: req.backupId, at: now,
      detail: { backupCreatedAt: state.createdAt, startedAt: state.startedAt, members: req.members, rows: req.rows },
    }).onConflictDoNothing(),
  ]);
  return { status: 'done' as const, finishedAt: now };
}
