import type { PatchOp, PullResponse } from '../../shared/sync/protocol';
import { keys } from '../../shared/sync/keys';
import { anyChangeIn, changedIn, changedSince, lmidChanges, record, type Meta } from './cvr-store';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../db/client';
import type { Cursor, Source } from './source';
import { expireAged, EXPIRY_EVERY_MS } from './expiry';
import type { Retention } from './views';

/** Rows per response: a 50,000-row view comes in pages instead of one giant response. */
export const PAGE_ROWS = 3_000;
/**
 * How far back each scan looks past the previous one: a writer stamps `updated_at` just before its
 * D1 batch commits, so a row can become visible a little after a scan that started later than its
 * stamp. Ten seconds is far more than a batch takes.
 */
export const SCAN_WINDOW_MS = 10_000;

/**
 * One pull at `base` (the client's cookie): brings the group's view record up to date — the next
 * page of the initial view, or the rows changed in D1 since the last scan — then answers every
 * row that changed after `base`, a page at a time.
 */
export async function processPull(db: Db, sql: SqlStorage, meta: Meta, sources: Source[], base: number, pageRows = PAGE_ROWS, retention: Retention | null = null): Promise<{ meta: Meta; response: PullResponse }> {
  const next = meta.version + 1;
  const m = { ...meta };
  if (m.scannedAt === null) await loadPage(sql, m, sources, next, pageRows);
  else {
    await scan(db, sql, m, sources, next, pageRows);
    if (retention && Date.now() - m.expiredAt >= EXPIRY_EVERY_MS) {
      await expireAged(db, sql, retention, next);
      m.expiredAt = Date.now();
    }
  }
  // Whether the group's view is still paging in (initial load or a bulk change) is part of the
  // view: when it flips, the version moves, so the client hears of it. Replicache ignores a patch
  // that comes with an unchanged cookie.
  const paging = m.scannedAt === null || m.scan !== null;
  record(sql, keys.meta(), { more: paging }, next);
  if (anyChangeIn(sql, next)) m.version = next;
  const { rows, cookie } = answer(sql, base, m.version, pageRows);
  const patch: PatchOp[] = base === 0 ? [{ op: 'clear' }] : [];
  for (const r of rows) {
    if (r.val !== null) patch.push({ op: 'put', key: r.key, value: JSON.parse(r.val) });
    else if (base > 0) patch.push({ op: 'del', key: r.key });
  }
  // A client catching up over several responses is also told to pull on.
  if (cookie > base) patch.push({ op: 'put', key: keys.meta(), value: { more: paging || cookie < m.version } });
  return { meta: m, response: { cookie: { order: cookie }, lastMutationIDChanges: lmidChanges(sql, base, cookie), patch } };
}

/**
 * Records what changed in D1 since the last scan. A source that changed in bulk (an import, a
 * price list) is read a page at a time over several pulls; the next scan starts from when this
 * one began, less the window.
 */
async function scan(db: Db, sql: SqlStorage, m: Meta, sources: Source[], version: number, pageRows: number): Promise<void> {
  const round = m.scan ?? { since: m.scannedAt! - SCAN_WINDOW_MS, startedAt: Date.now(), cursors: {} };
  const todo = sources.filter((s) => round.cursors[s.name] !== 'done');
  const plans = todo.map((s) => s.changed(round.since, (round.cursors[s.name] as Cursor | undefined) ?? null, pageRows));
  // Every source's queries in one D1 batch: one round trip per pull.
  const all = plans.flatMap((p) => p.queries);
  const results: unknown[] = all.length ? await db.batch(all as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]) : [];
  let at = 0;
  for (const [i, s] of todo.entries()) {
    const plan = plans[i]!;
    const { changes, next } = await plan.read(results.slice(at, (at += plan.queries.length)));
    for (const c of changes) record(sql, c.key, c.value, version);
    round.cursors[s.name] = next ?? 'done';
  }
  if (sources.every((s) => round.cursors[s.name] === 'done')) {
    m.scannedAt = round.startedAt;
    m.scan = null;
  } else m.scan = round;
}

/** The next page of the initial view; when the last source is done, scans start from when paging began. */
async function loadPage(sql: SqlStorage, m: Meta, sources: Source[], version: number, pageRows: number): Promise<void> {
  if (m.initSource === 0 && m.initAfter === '') m.initFrom = Date.now();
  let room = pageRows;
  while (room > 0 && m.initSource < sources.length) {
    const rows = await sources[m.initSource]!.page(m.initAfter, room);
    for (const r of rows) record(sql, r.key, r.value, version);
    room -= rows.length;
    if (rows.length > 0 && room === 0) m.initAfter = rows[rows.length - 1]!.id;
    else {
      m.initSource++;
      m.initAfter = '';
    }
  }
  if (m.initSource >= sources.length) m.scannedAt = m.initFrom;
}

/**
 * Rows changed after `base`, whole versions at a time, about a page's worth: a client that is far
 * behind catches up over several pulls, each answered with the version it reached.
 */
function answer(sql: SqlStorage, base: number, version: number, pageRows: number) {
  if (base >= version) return { rows: [], cookie: version };
  const rows = changedSince(sql, base, pageRows + 1);
  if (rows.length <= pageRows) return { rows, cookie: version };
  const last = rows[rows.length - 1]!.changed_in;
  const first = rows[0]!.changed_in;
  if (first < last) {
    const whole = rows.filter((r) => r.changed_in < last);
    return { rows: whole, cookie: last - 1 };
  }
  return { rows: changedIn(sql, first), cookie: first };
}
