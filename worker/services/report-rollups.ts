import { assertHq, type Actor } from '../../shared/domain/authz';
import type { RollupCheck } from '../../shared/schemas/report-rollups';
import { rebuildRollups, type RebuildStep } from '../reports/rollup-rebuild';
import { verifyRollups } from '../reports/rollup-verify';
import { periodStart } from '../jobs/periods';
import { businessDay } from '../../shared/domain/business-day';
import { auditStatement } from './audit';

const DAY = 86_400_000;

/**
 * HQ rebuilds every report rollup from the orders and ledgers (after migration 0014 on a chain
 * with history, or when the check found a difference), a few weeks per call: the screen calls
 * again with `next` until it is null. Each call is audited. Best done when the stores are closed:
 * a sale landing during the rebuild may be counted twice (rollup-rebuild.ts).
 */
export async function rebuildReportRollups(d1: D1Database, actor: Actor, from: number | null, ip: string): Promise<RebuildStep & { ms: number }> {
  assertHq(actor);
  const t0 = Date.now();
  const step = await rebuildRollups(d1, from);
  const ms = Date.now() - t0;
  await auditStatement(d1, { actor, action: 'reports.rebuild', entity: 'reports', entityId: 'rollups', ip, at: Date.now(), detail: { from, ...step, ms } }).run();
  return { ...step, ms };
}

/** The last `days` business days' rollups against the orders and ledgers (today's included). */
export async function checkReportRollups(d1: D1Database, actor: Actor, days: number, now = Date.now()): Promise<RollupCheck> {
  assertHq(actor);
  const to = periodStart(businessDay(now)) + DAY;
  const diffs = await verifyRollups(d1, to - days * DAY, to);
  return { days, ok: diffs.length === 0, diffs: diffs.slice(0, 100), moreDiffs: Math.max(0, diffs.length - 100) };
}
