import { desc, eq } from 'drizzle-orm';
import { assertHq, type Actor } from '../../shared/domain/authz';
import { DomainError } from '../../shared/errors';
import { couponBatchTargetSchema, couponTemplateSchema, type CouponBatch, type CouponBatchRequest, type CouponTemplate } from '../../shared/schemas/promotions';
import type { Db } from '../db/client';
import { couponBatches, couponTemplates, stores } from '../db/schema';
import { eachLimited } from '../jobs/types';
import { auditRow, auditStatement } from './audit';
import { countTarget, targetPage, unmatchedEntries } from './coupon-batch-targets';
import { runOp, type MemberRow } from './accounts';
import { loadRules } from './rules';

const DAY = 86_400_000;
/** Members per page (one D1 read, then one call to each member's object). */
export const BATCH_PAGE = 100;
/**
 * Members one request works through before it answers (decision 027). Workers cap a request's
 * subrequests at 1,000: 500 object calls plus ~12 D1 calls stay well inside. A larger target answers
 * `running`; POST …/:id/run (the HQ screen calls it until done) goes on from the saved cursor.
 */
export const BATCH_PER_REQUEST = 500;

type BatchRow = typeof couponBatches.$inferSelect;

async function template(db: Db, id: string): Promise<CouponTemplate> {
  const row = await db.select({ doc: couponTemplates.doc }).from(couponTemplates).where(eq(couponTemplates.id, id)).get();
  const t = row ? couponTemplateSchema.safeParse(JSON.parse(row.doc)) : null;
  if (!t?.success) throw new DomainError('VALIDATION_FAILED', `templateId: no coupon template ${id}`);
  return t.data;
}

const expiryOf = (t: CouponTemplate, createdAt: number) => (t.validity.kind === 'fixed' ? t.validity.endsAt : createdAt + t.validity.days * DAY);

const toBatch = (r: BatchRow, templateName: string | null): CouponBatch => ({
  id: r.id, templateId: r.templateId, templateName, target: couponBatchTargetSchema.parse(JSON.parse(r.target)), status: r.status,
  total: r.total, issued: r.issued, skipped: r.skipped, failed: r.failed, lastError: r.lastError, createdBy: r.createdBy, createdAt: r.createdAt, updatedAt: r.updatedAt,
});

/**
 * Creates the batch (its id is the client's ULID: a repeat with the same body goes on with it, with
 * another body is refused) and issues its first members. Each coupon is the op
 * `batch:<id>:<memberId>` in that member's object, so no member gets two however often it runs.
 */
export async function createCouponBatch(env: Env, db: Db, actor: Actor, req: CouponBatchRequest, ip: string): Promise<CouponBatch> {
  assertHq(actor);
  const t = await template(db, req.templateId);
  const target = JSON.stringify(req.target);
  const existing = await db.select().from(couponBatches).where(eq(couponBatches.id, req.id)).get();
  if (existing) {
    if (existing.templateId !== req.templateId || existing.target !== target) throw new DomainError('IDEMPOTENCY_MISMATCH', `id: batch ${req.id} was made with another template or target`);
    return runCouponBatch(env, db, actor, req.id, ip);
  }
  if (!t.active) throw new DomainError('VALIDATION_FAILED', `templateId: ${t.name} is switched off`);
  const now = Date.now();
  if (expiryOf(t, now) <= now) throw new DomainError('VALIDATION_FAILED', `templateId: ${t.name} has ended`);
  if (req.target.kind === 'store' && !(await db.select({ id: stores.id }).from(stores).where(eq(stores.id, req.target.storeId)).get())) throw new DomainError('STORE_NOT_FOUND', `target.storeId: no store ${req.target.storeId}`);
  const [total, unmatched] = await Promise.all([countTarget(db, req.target), unmatchedEntries(db, req.target)]);
  if (req.target.kind === 'member' && total === 0) throw new DomainError('MEMBER_NOT_FOUND', `target.memberId: no member ${req.target.memberId}`);
  const lastError = unmatched.length ? `${unmatched.length} list entries match no member: ${unmatched.slice(0, 5).join(', ')}${unmatched.length > 5 ? '…' : ''}` : null;
  const d1 = env.DB;
  await d1.batch([
    d1.prepare(`INSERT INTO coupon_batches (id, template_id, target, status, total, failed, last_error, created_by, created_at, updated_at) VALUES (?1, ?2, ?3, 'running', ?4, ?5, ?6, ?7, ?8, ?8) ON CONFLICT (id) DO NOTHING`)
      .bind(req.id, req.templateId, target, total + unmatched.length, unmatched.length, lastError, actor.id, now),
    auditStatement(d1, { actor, action: 'coupon_batch.create', entity: 'coupon_batch', entityId: req.id, ip, at: now, detail: { templateId: req.templateId, target: req.target, total, unmatched: unmatched.length } }, { ifChanged: true }),
  ]);
  return runCouponBatch(env, db, actor, req.id, ip);
}

type Outcome = 'issued' | 'skipped' | 'failed';

/** Goes on with a running batch from its cursor, up to BATCH_PER_REQUEST members; a done one is answered as it is. */
export async function runCouponBatch(env: Env, db: Db, actor: Actor, id: string, ip: string): Promise<CouponBatch> {
  assertHq(actor);
  let row = await db.select().from(couponBatches).where(eq(couponBatches.id, id)).get();
  if (!row) throw new DomainError('NOT_FOUND', `id: no coupon batch ${id}`);
  const t = await template(db, row.templateId);
  const target = couponBatchTargetSchema.parse(JSON.parse(row.target));
  const rules = await loadRules(db);
  const expiresAt = expiryOf(t, row.createdAt);
  for (let done = 0; row.status === 'running' && done < BATCH_PER_REQUEST; ) {
    const page = await targetPage(db, target, row.cursor ?? '', Math.min(BATCH_PAGE, BATCH_PER_REQUEST - done));
    const results = await eachLimited(page, 8, (m) => issueOne(env, m, row!, t, expiresAt, rules, actor, ip));
    const n = { issued: 0, skipped: 0, failed: 0 } as Record<Outcome, number>;
    let error: string | null = null;
    for (const r of results) {
      if (r.ok) n[r.value.outcome]++;
      else n.failed++;
      error ??= r.ok ? r.value.error : r.error;
    }
    const last = page.length < Math.min(BATCH_PAGE, BATCH_PER_REQUEST - done) || page.length === 0;
    const cursor = page.at(-1)?.id ?? row.cursor;
    // Guarded by the cursor it started from: two runs of one page count it once (and issue nothing twice anyway).
    const saved = await env.DB.prepare(
      `UPDATE coupon_batches SET issued = issued + ?1, skipped = skipped + ?2, failed = failed + ?3, cursor = ?4, status = ?5, last_error = COALESCE(?6, last_error), updated_at = ?7
       WHERE id = ?8 AND status = 'running' AND cursor IS ?9`,
    ).bind(n.issued, n.skipped, n.failed, cursor, last ? 'done' : 'running', error, Date.now(), id, row.cursor).run();
    row = (await db.select().from(couponBatches).where(eq(couponBatches.id, id)).get())!;
    if (saved.meta.changes !== 1) break;
    done += page.length;
  }
  return toBatch(row, t.name);
}

async function issueOne(env: Env, m: MemberRow, b: BatchRow, t: CouponTemplate, expiresAt: number, rules: Awaited<ReturnType<typeof loadRules>>, actor: Actor, ip: string): Promise<{ outcome: Outcome; error: string | null }> {
  if (m.status !== 'active') return { outcome: 'skipped', error: null };
  const opId = `batch:${b.id}:${m.id}`;
  const at = Date.now();
  const op = { opId, kind: 'coupon_grant' as const, coupon: { id: opId, templateId: t.id, name: t.name, expiresAt }, storeId: null, staffId: actor.kind === 'staff' ? actor.id : null, at };
  const audit = auditRow({ id: opId, actor, action: 'coupon.batch_issue', entity: 'member', entityId: m.id, storeId: null, ip, at, detail: { batchId: b.id, templateId: t.id } });
  const out = await runOp(env, m, op, rules, { audit });
  if (out.status === 'rejected') return { outcome: 'failed', error: `${m.id}: ${out.code ?? ''} ${out.message ?? ''}`.trim() };
  return { outcome: out.replayed ? 'skipped' : 'issued', error: null };
}

export async function listCouponBatches(db: Db, actor: Actor): Promise<CouponBatch[]> {
  assertHq(actor);
  const rows = await db.select({ b: couponBatches, doc: couponTemplates.doc }).from(couponBatches).leftJoin(couponTemplates, eq(couponTemplates.id, couponBatches.templateId)).orderBy(desc(couponBatches.createdAt)).limit(100);
  return rows.map(({ b, doc }) => toBatch(b, doc ? (JSON.parse(doc) as { name?: string }).name ?? null : null));
}

export async function getCouponBatch(db: Db, actor: Actor, id: string): Promise<CouponBatch> {
  assertHq(actor);
  const row = await db.select({ b: couponBatches, doc: couponTemplates.doc }).from(couponBatches).leftJoin(couponTemplates, eq(couponTemplates.id, couponBatches.templateId)).where(eq(couponBatches.id, id)).get();
  if (!row) throw new DomainError('NOT_FOUND', `id: no coupon batch ${id}`);
  return toBatch(row.b, row.doc ? (JSON.parse(row.doc) as { name?: string }).name ?? null : null);
}
