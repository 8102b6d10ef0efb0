import { env, runDurableObjectAlarm } from 'cloudflare:test';
import { accountStub } from '../services/accounts';

/**
 * What a refused request must leave alone: the row count of every D1 table, audit entries by
 * action, and the subject members' balances as D1 holds them and as their Durable Object answers
 * (asked directly: what GET /api/members/:id/account reads, without the HTTP round).
 */
export type Snapshot = Record<string, string | number>;

// Left out, each because it changes on refusals by design or is not the app's data:
const EXCLUDED = new Set([
  'login_throttle', // failed sign-ins, codes and PINs are what it counts (decision 018)
  'd1_migrations', // wrangler's bookkeeping
  '_cf_METADATA', // D1's own
  'sqlite_sequence', // SQLite's own
]);
// Audit entries that record a refusal on purpose: a failed sign-in is audited (staff-auth.ts).
const AUDITED_REFUSALS = new Set(['auth.login_failed']);

/**
 * A refusal the member's object made after taking the request (insufficient funds, a frozen card,
 * a refund past the sale) is recorded: the operation and, for a sale, its order as rejected, and
 * their audit entries; a sale is written whole, lines and tenders (`payments`), and every sum of
 * takings skips rejected orders (shifts.ts, the daily rollup). Money never moves for it.
 */
export const RECORDED_REFUSAL_TABLES = new Set(['account_ops', 'orders', 'order_lines', 'payments', 'audit_log']);

let tables: string[] | null = null;

export async function snapshot(memberIds: string[]): Promise<Snapshot> {
  tables ??= (await env.DB.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all<{ name: string }>()).results
    .map((r) => r.name)
    .filter((n) => !EXCLUDED.has(n));
  const marks = memberIds.map(() => '?').join(', ');
  // One round trip to D1; the counts are one row of scalar subqueries (D1 caps compound SELECTs).
  const [counts, audit, rows] = await env.DB.batch<Record<string, unknown>>([
    env.DB.prepare(`SELECT ${tables.map((t) => `(SELECT count(*) FROM "${t}") AS "${t}"`).join(', ')}`),
    env.DB.prepare('SELECT action, count(*) AS n FROM audit_log GROUP BY action'),
    env.DB.prepare(`SELECT id, principal_fen, bonus_fen, reserved_fen, points, locked_points, status FROM members WHERE id IN (${marks}) ORDER BY id`).bind(...memberIds),
  ]);
  const objects = await Promise.all(memberIds.map((id) => accountStub(env, id).account(Date.now())));
  const snap: Snapshot = { ...(counts!.results[0] as Record<string, number>) };
  // The audit table as a whole moves with audited refusals: compare it by action, without those.
  delete snap.audit_log;
  for (const r of audit!.results as { action: string; n: number }[]) if (!AUDITED_REFUSALS.has(r.action)) snap[`audit_log:${r.action}`] = r.n;
  for (const r of rows!.results) snap[`d1:${String(r.id)}`] = JSON.stringify(r);
  memberIds.forEach((id, i) => {
    const o = objects[i]!;
    snap[`object:${id}`] = JSON.stringify({ balances: o.balances, status: o.status, seq: o.seq });
  });
  return snap;
}

/** What changed, as `key: before → after`. */
export function diff(before: Snapshot, after: Snapshot): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => before[k] !== after[k]).map((k) => `${k}: ${before[k] ?? '∅'} → ${after[k] ?? '∅'}`);
}

/** Whether the changes are only those a recorded refusal makes (no money, no other table). */
export const onlyRecorded = (changes: string[]) => changes.every((c) => RECORDED_REFUSAL_TABLES.has(c.split(/[:]/)[0]!));

/**
 * A snapshot once the dust settled. Points earned by a sale dated long ago expire in the member's
 * alarm, a moment after the answer: after an accepted request, run what is due and wait until
 * nothing moves, so what it set off counts to it and not to the refused request after it.
 */
export async function settled(memberIds: string[], accepted: boolean): Promise<Snapshot> {
  let snap = await snapshot(memberIds);
  for (let tries = 0; accepted && tries < 10; tries++) {
    for (const id of memberIds) await runDurableObjectAlarm(accountStub(env, id));
    await new Promise((r) => setTimeout(r, 10));
    const again = await snapshot(memberIds);
    if (diff(snap, again).length === 0) break;
    snap = again;
  }
  return snap;
}
