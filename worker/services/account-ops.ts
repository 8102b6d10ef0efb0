import { and, eq, ne } from 'drizzle-orm';
import { assertHq, assertStaff, assertStoreAccess, canAccessMember, type Actor } from '../../shared/domain/authz';
import { pointsExpiry } from '../../shared/domain/account/points-lots';
import { rechargeBonus } from '../../shared/domain/account/recharge-rules';
import { DomainError } from '../../shared/errors';
import type { AccountOp, OpOutcome } from '../../shared/schemas/account';
import type { z } from 'zod';
import type * as api from '../../shared/schemas/account-api';
import type { Db } from '../db/client';
import { members, products } from '../db/schema';
import { auditRow } from './audit';
import { assertIdFreeFor } from './id-owner';
import { accountStub, findMember, forgetMember, memberForService, opContext, raiseIfRejected, runOp } from './accounts';
import { loadRules } from './rules';
import { checkApproval } from './approvals';
import { approvalMessages } from '../../shared/domain/manager-pin';
import { requestFingerprint } from '../../shared/domain/idempotency';

type In<S extends z.ZodType> = z.infer<S>;
type Ctx = { env: Env; db: Db; actor: Actor; memberId: string; ip: string };

/** Runs one account operation for staff: authorize, call the member's object, audit, raise a refusal. */
/**
 * `servingOnly`: the card's state (frozen, its number, a gift) is changed only by HQ or the staff
 * of a store that serves the member (home store or last served there; docs/decisions/002), so a
 * clerk elsewhere cannot block or take over a member they may not even open.
 */
async function staffOp(c: Ctx, request: object, storeId: string | null, build: (base: ReturnType<typeof opContext>) => AccountOp, auditDetail: Record<string, unknown> = {}, servingOnly = false): Promise<OpOutcome> {
  assertStaff(c.actor);
  if (storeId) assertStoreAccess(c.actor, storeId);
  const [cached, rules] = await Promise.all([memberForService(c.db, c.actor, c.memberId), loadRules(c.db), assertIdFreeFor(c.db, (request as { opId: string }).opId, c.memberId)]);
  // The row may be a few seconds old; a store that has just served the member must not be refused.
  const member = servingOnly && !canAccessMember(c.actor, cached) ? (forgetMember(c.memberId), await findMember(c.db, c.memberId)) : cached;
  if (servingOnly && !canAccessMember(c.actor, member)) throw new DomainError('FORBIDDEN', 'Only HQ or a store that serves this member (home store or last visit) can change their card; the member can report a lost card from their phone');
  const built = build(opContext(c.actor, '', storeId));
  // The id keys this request: the same id with another body is refused by the member's object.
  const op = { ...built, fingerprint: await requestFingerprint(`${built.kind}:${c.memberId}`, request) };
  const audit = auditRow({ id: op.opId, actor: c.actor, action: `account.${op.kind}`, entity: 'member', entityId: member.id, storeId, ip: c.ip, at: op.at, detail: { opId: op.opId, ...auditDetail } });
  return raiseIfRejected(await runOp(c.env, member, op, rules, { audit }));
}

export async function recharge(c: Ctx, r: In<typeof api.rechargeRequestSchema>) {
  const rules = await loadRules(c.db);
  const bonusFen = rechargeBonus(r.amountFen, rules.rechargeRules);
  return staffOp(c, r, r.storeId, (b) => ({ ...b, opId: r.opId, kind: 'recharge', amountFen: r.amountFen, bonusFen }), { paidWith: r.paidWith, reference: r.reference });
}

/** A refund by a manager or HQ, or by a clerk with a manager's approval (decision 013). */
export async function refund(c: Ctx, r: In<typeof api.refundRequestSchema>) {
  assertStaff(c.actor);
  assertStoreAccess(c.actor, r.storeId);
  const [approvedBy, rules] = await Promise.all([checkApproval(c.db, c.actor, r.storeId, r.approval, approvalMessages.refund(r), 'A refund'), loadRules(c.db)]);
  return staffOp(c, r, r.storeId, (b) => ({ ...b, opId: r.opId, kind: 'refund', refundOf: r.refundOf, amountFen: r.amountFen, pointValueFenPer100: rules.pointValueFenPer100 }), { approvedBy, amountFen: r.amountFen, reason: r.reason });
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
  return staffOp(c, r, null, (b) => ({ ...b, opId: r.opId, kind: 'points_adjust', delta: r.delta, reason: r.reason, expiresAt: pointsExpiry(b.at, rules.pointsExpiry) }), { reason: r.reason });
}

/** A lost card is frozen by the member themself (from their phone), HQ, or a store that serves them. */
export async function freeze(c: Ctx, r: In<typeof api.freezeRequestSchema>) {
  if (c.actor.kind === 'member') return memberFreeze(c, r);
  return staffOp(c, r, c.actor.storeId, (b) => ({ ...b, opId: r.opId, kind: 'freeze', reason: r.reason }), { reason: r.reason }, true);
}

async function memberFreeze(c: Ctx, r: In<typeof api.freezeRequestSchema>): Promise<OpOutcome> {
  if (c.actor.id !== c.memberId) throw new DomainError('FORBIDDEN', 'Members can only see their own account');
  const [member, rules] = await Promise.all([findMember(c.db, c.memberId), loadRules(c.db), assertIdFreeFor(c.db, r.opId, c.memberId)]);
  const op: AccountOp = { opId: r.opId, storeId: null, staffId: null, at: Date.now(), kind: 'freeze', reason: r.reason, fingerprint: await requestFingerprint(`freeze:${c.memberId}`, r) };
  const audit = auditRow({ id: op.opId, actor: c.actor, action: 'account.freeze', entity: 'member', entityId: member.id, storeId: null, ip: c.ip, at: op.at, detail: { opId: op.opId, reason: r.reason, by: 'member' } });
  return raiseIfRejected(await runOp(c.env, member, op, rules, { audit }));
}

export async function unfreeze(c: Ctx, r: In<typeof api.unfreezeRequestSchema>) {
  if (c.actor.kind !== 'staff' || c.actor.role === 'clerk') throw new DomainError('FORBIDDEN', 'Unfreezing a card needs a store manager or HQ');
  return staffOp(c, r, c.actor.storeId, (b) => ({ ...b, opId: r.opId, kind: 'unfreeze' }), {}, true);
}

export async function replaceCard(c: Ctx, r: In<typeof api.replaceCardRequestSchema>) {
  const taken = await c.db.select({ id: members.id }).from(members).where(and(eq(members.cardNo, r.newCardNo), ne(members.id, c.memberId))).get();
  if (taken) throw new DomainError('CONFLICT', `Card ${r.newCardNo} belongs to another member`);
  return staffOp(c, r, c.actor.kind === 'staff' ? c.actor.storeId : null, (b) => ({ ...b, opId: r.opId, kind: 'replace_card', newCardNo: r.newCardNo }), { newCardNo: r.newCardNo }, true);
}

export async function sellPunchCard(c: Ctx, r: In<typeof api.punchCardSaleRequestSchema>) {
  const p = await c.db.select().from(products).where(eq(products.id, r.productId)).get();
  if (!p || p.status !== 'active') throw new DomainError('VALIDATION_FAILED', `productId: no active product ${r.productId}`);
  // HQ's setting governs selling new cards; cards already sold stay redeemable (the member paid for them).
  if (!p.punchEligible) throw new DomainError('VALIDATION_FAILED', `productId: ${p.name} is not sold as punch cards (the product’s setting in HQ)`);
  if (r.priceFen % r.uses !== 0) throw new DomainError('VALIDATION_FAILED', `priceFen: ${r.priceFen} does not divide into ${r.uses} equal uses`);
  return staffOp(c, r, r.storeId, (b) => ({
    ...b, opId: r.opId, kind: 'punch_sale', storedValueFen: r.paidWith === 'stored_value' ? r.priceFen : 0,
    card: { id: r.opId, productId: p.id, name: `${p.name} ×${r.uses}`, usesTotal: r.uses, pricePerUseFen: r.priceFen / r.uses, expiresAt: r.expiresAt, storeIds: r.storeIds },
  }), { paidWith: r.paidWith, productId: p.id, uses: r.uses, priceFen: r.priceFen });
}

export async function grantCoupon(c: Ctx, r: In<typeof api.couponGrantRequestSchema>) {
  if (c.actor.kind !== 'staff' || c.actor.role === 'clerk') throw new DomainError('FORBIDDEN', 'Giving a coupon needs a store manager or HQ');
  if (r.expiresAt <= Date.now()) throw new DomainError('VALIDATION_FAILED', 'expiresAt: the coupon would already have expired');
  return staffOp(c, r, c.actor.storeId, (b) => ({ ...b, opId: r.opId, kind: 'coupon_grant', coupon: { id: r.opId, templateId: r.templateId, name: r.name, expiresAt: r.expiresAt } }), { templateId: r.templateId, name: r.name }, true);
}
