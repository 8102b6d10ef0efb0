import { assertHq, type Actor } from '../../shared/domain/authz';
import { DomainError } from '../../shared/errors';
import { commissionPlanInputSchema, type CommissionPlan, type CommissionPlanInput } from '../../shared/schemas/commission';
import { auditStatement } from './audit';

type Row = { id: string; doc: string; active: number; updated_at: number };
const view = (r: Row): CommissionPlan => ({ ...commissionPlanInputSchema.parse(JSON.parse(r.doc)), active: r.active === 1, id: r.id, updatedAt: r.updated_at });

/** Every plan (active first, then by name); `activeOnly` for the commission computation. */
export async function loadPlans(d1: D1Database, activeOnly = false): Promise<CommissionPlan[]> {
  const rows = (await d1.prepare(`SELECT id, doc, active, updated_at FROM commission_plans${activeOnly ? ' WHERE active = 1' : ''}`).all<Row>()).results;
  return rows.map(view).sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name));
}

export async function listPlans(d1: D1Database, actor: Actor): Promise<CommissionPlan[]> {
  assertHq(actor);
  return loadPlans(d1);
}

const docOf = (p: CommissionPlanInput) => JSON.stringify({ name: p.name, storeIds: p.storeIds, active: p.active, rules: p.rules });

/**
 * HQ creates a plan under the id its browser made (a retry with the same plan answers it; another
 * plan under that id is a 409). The insert and its audit row go in one batch.
 */
export async function createPlan(d1: D1Database, actor: Actor, input: CommissionPlanInput & { id: string }, ctx: { ip: string; now: number }): Promise<CommissionPlan> {
  assertHq(actor);
  const doc = docOf(input);
  const existing = await d1.prepare('SELECT id, doc, active, updated_at FROM commission_plans WHERE id = ?').bind(input.id).first<Row>();
  if (existing) {
    if (existing.doc === doc) return view(existing);
    throw new DomainError('CONFLICT', `id: plan ${input.id} exists already`);
  }
  await d1.batch([
    d1.prepare('INSERT INTO commission_plans (id, doc, active, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO NOTHING').bind(input.id, doc, input.active ? 1 : 0, ctx.now),
    auditStatement(d1, { actor, action: 'commission_plan.create', entity: 'commission_plan', entityId: input.id, storeId: null, ip: ctx.ip, at: ctx.now, detail: { after: JSON.parse(doc) } }, { ifChanged: true }),
  ]);
  return view((await d1.prepare('SELECT id, doc, active, updated_at FROM commission_plans WHERE id = ?').bind(input.id).first<Row>())!);
}

/** HQ replaces a plan; audited with before and after. Past periods are recomputed with the plan as it is now. */
export async function updatePlan(d1: D1Database, actor: Actor, id: string, input: CommissionPlanInput, ctx: { ip: string; now: number }): Promise<CommissionPlan> {
  assertHq(actor);
  const before = await d1.prepare('SELECT id, doc, active, updated_at FROM commission_plans WHERE id = ?').bind(id).first<Row>();
  if (!before) throw new DomainError('NOT_FOUND', `id: no commission plan ${id}`);
  const doc = docOf(input);
  if (doc === before.doc) return view(before);
  await d1.batch([
    d1.prepare('UPDATE commission_plans SET doc = ?, active = ?, updated_at = ? WHERE id = ? AND doc = ?').bind(doc, input.active ? 1 : 0, ctx.now, id, before.doc),
    auditStatement(d1, { actor, action: 'commission_plan.update', entity: 'commission_plan', entityId: id, storeId: null, ip: ctx.ip, at: ctx.now, detail: { before: JSON.parse(before.doc), after: JSON.parse(doc) } }, { ifChanged: true }),
  ]);
  return view((await d1.prepare('SELECT id, doc, active, updated_at FROM commission_plans WHERE id = ?').bind(id).first<Row>())!);
}
