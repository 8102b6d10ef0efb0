import { and, eq, ne } from 'drizzle-orm';
import { assertHq, assertStaff, assertStoreAccess, type Actor } from '../../shared/domain/authz';
import { pointsExpiry } from '../../shared/domain/account/points-lots';
import { rechargeBonus } from '../../shared/domain/account/recharge-rules';
import { DomainError } from '../../shared/errors';
import type { AccountOp, OpOutcome } from '../../shared/schemas/account';
import type { z } from 'zod';
import type * as api from '../../shared/schemas/account-api';
import type { Db } from '../db/client';
import { members, products } from '../db/schema';
import { auditRow } from './audit';
import { accountStub, memberForService, opContext, raiseIfRejected, runOp } from './accounts';
import { loadRules } from './rules';
import { checkApproval } from './approvals';
import { approvalMessages } from '../../shared/domain/manager-pin';

type In<S extends z.ZodType> = z.infer<S>;
type Ctx = { env: Env; db: Db; actor: Actor; memberId: string; ip: string };

/** Runs one account operation for staff: authorize, call the member's object, audit, raise a refusal. */
async function staffOp(c: Ctx, storeId: string | null, build: (base: ReturnType<typeof opContext>) => AccountOp, auditDetail: Record<string, unknown> = {}): Promise<OpOutcome> {
  assertStaff(c.actor);
  if (storeId) assertStoreAccess(c.actor, storeId);
  const [member, rules] = await Promise.all([memberForService(c.db, c.actor, c.memberId), loadRules(c.db)]);
  const op = build(opContext(c.actor, '', storeId));
  const audit = auditRow({ id: op.opId, actor: c.actor, action: `account.${op.kind}`, entity: 'member', entityId: member.id, storeId, ip: c.ip, at: op.at, detail: { opId: op.opId, ...auditDetail } });
  return raiseIfRejected(await runOp(c.env, member, op, rules, { audit }));
}

export async function recharge(c: Ctx, r: In<typeof api.rechargeRequestSchema>) {
  const rules = await loadRules(c.db);
  const bonusFen = rechargeBonus(r.amountFen, rules.rechargeRules);
  return staffOp(c, r.storeId, (b) => ({ ...b, opId: r.opId, kind: 'recharge', amountFen: r.amountFen, bonusFen }), { paidWith: r.paidWith, reference: r.reference });
}

/** A refund by a manager or HQ, or by a clerk with a manager's approval (decision 013). */
export async function refund(c: Ctx, r: In<typeof api.refundRequestSchema>) {
  assertStaff(c.actor);
  assertStoreAccess(c.actor, r.storeId);
  const [approvedBy, rules] = await Promise.all([checkApproval(c.db, c.actor, r.storeId, r.approval, approvalMessages.refund(r), 'A refund'), loadRules(c.db)]);
  return staffOp(c, r.storeId, (b) => ({ ...b, opId: r.opId, kind: 'refund', refundOf: r.refundOf, amountFen: r.amountFen, pointValueFenPer100: rules.pointValueFenPer100 }), { approvedBy, amountFen: r.amountFen, reason: r.reason });
}

export async function previewRefund(c: Ctx, q: In<typeof api.refundPreviewQuerySchema>): Promise<OpOutcome> {
  assertStaff(c.actor);
  const member = await memberForService(c.db, c.actor, c.memberId);
  const rules = await loadRules(c.db);
  const op: AccountOp = { ...opContext(c.actor, `preview:${q.refundOf}`, c.actor.storeId), kind: 'refund', refundOf: q.refundOf, amountFen: q.amountFen, pointValueFenPer100: rules.pointValueFenPer100 };
  const out = (await accountStub(c.env, member.id).preview({ memberId: member.id, cardNo: member.cardNo }, op, { consumptionOrder: rules.consumptionOrder })) as OpOutcome;
  return raiseIfRejected(out);
}

export async function adjustPoints(c: Ctx, r: In<typeof api.pointsAdjustRequestSchema>) {
  assertHq(c.actor);
  const rules = await loadRules(c.db);
  return staffOp(c, null, (b) => ({ ...b, opId: r.opId, kind: 'points_adjust', delta: r.delta, reason: r.reason, expiresAt: pointsExpiry(b.at, rules.pointsExpiry) }), { reason: r.reason });
}

export const freeze = (c: Ctx, r: In<typeof api.freezeRequestSchema>) =>
  staffOp(c, c.actor.kind === 'staff' ? c.actor.storeId : null, (b) => ({ ...b, opId: r.opId, kind: 'freeze', reason: r.reason }), { reason: r.reason });

export async function unfreeze(c: Ctx, r: In<typeof api.unfreezeRequestSchema>) {
  if (c.actor.kind !== 'staff' || c.actor.role === 'clerk') throw new DomainError('FORBIDDEN', 'Unfreezing a card needs a store manager or HQ');
  return staffOp(c, c.actor.storeId, (b) => ({ ...b, opId: r.opId, kind: 'unfreeze' }));
}

export async function replaceCard(c: Ctx, r: In<typeof api.replaceCardRequestSchema>) {
  const taken = await c.db.select({ id: members.id }).from(members).where(and(eq(members.cardNo, r.newCardNo), ne(members.id, c.memberId))).get();
  if (taken) throw new DomainError('CONFLICT', `Card ${r.newCardNo} belongs to another member`);
  return staffOp(c, c.actor.kind === 'staff' ? c.actor.storeId : null, (b) => ({ ...b, opId: r.opId, kind: 'replace_card', newCardNo: r.newCardNo }), { newCardNo: r.newCardNo });
}

export async function sellPunchCard(c: Ctx, r: In<typeof api.punchCardSaleRequestSchema>) {
  const p = await c.db.select().from(products).where(eq(products.id, r.productId)).get();
  if (!p || p.status !== 'active') throw new DomainError('VALIDATION_FAILED', `productId: no active product ${r.productId}`);
  if (r.priceFen % r.uses !== 0) throw new DomainError('VALIDATION_FAILED', `priceFen: ${r.priceFen} does not divide into ${r.uses} equal uses`);
  return staffOp(c, r.storeId, (b) => ({
    ...b, opId: r.opId, kind: 'punch_sale', storedValueFen: r.paidWith === 'stored_value' ? r.priceFen : 0,
    card: { id: r.opId, productId: p.id, name: `${p.name} ×${r.uses}`, usesTotal: r.uses, pricePerUseFen: r.priceFen / r.uses, expiresAt: r.expiresAt, storeIds: r.storeIds },
  }), { paidWith: r.paidWith, productId: p.id, uses: r.uses, priceFen: r.priceFen });
}

export async function grantCoupon(c: Ctx, r: In<typeof api.couponGrantRequestSchema>) {
  if (c.actor.kind !== 'staff' || c.actor.role === 'clerk') throw new DomainError('FORBIDDEN', 'Giving a coupon needs a store manager or HQ');
  if (r.expiresAt <= Date.now()) throw new DomainError('VALIDATION_FAILED', 'expiresAt: the coupon would already have expired');
  return staffOp(c, c.actor.storeId, (b) => ({ ...b, opId: r.opId, kind: 'coupon_grant', coupon: { id: r.opId, templateId: r.templateId, name: r.name, expiresAt: r.expiresAt } }), { templateId: r.templateId, name: r.name });
}
