import type { Actor } from '../../shared/domain/authz';
import type { MutatorArgs, MutatorName } from '../../shared/sync/mutator-args';
import type { Db } from '../db/client';
import * as ops from '../services/account-ops';
import { adjustInventory } from '../services/inventory';
import { registerMember, updateMember } from '../services/member-registry';
import { quoteTotal, settleOrder } from '../services/orders';
import { refundWalkIn } from '../services/order-refunds';
import { releaseAllowances, renewAllowances } from '../services/allowances';
import type { DeviceRef } from '../services/devices';

export type ServerCtx = { env: Env; db: Db; actor: Actor; device: DeviceRef | null };

type Effects = { [K in MutatorName]: (c: ServerCtx, args: MutatorArgs<K>) => Promise<unknown> };

const account = (c: ServerCtx, memberId: string) => ({ env: c.env, db: c.db, actor: c.actor, memberId, ip: '' });

/**
 * The authoritative effect of each mutator, after `checkMutation` (the shared validation and
 * permission check) has passed. Money, points, punch and coupon effects go through the member's
 * Durable Object keyed by the order or operation id; D1-only writes are keyed by client-made ids.
 * A refusal is thrown as a DomainError (the push records it); anything else is transient.
 */
export const serverMutators: Effects = {
  checkout: (c, o) => settleOrder(c.env, c.db, c.actor, o, c.device),
  recharge: (c, { memberId, ...r }) => ops.recharge(account(c, memberId), r),
  registerMember: (c, r) => registerMember(c.db, c.actor, r),
  updateMember: (c, r) => updateMember(c.db, c.actor, r),
  sellPunchCard: (c, { memberId, ...r }) => ops.sellPunchCard(account(c, memberId), r),
  async redeemPunch(c, r) {
    const lines = [{ productId: r.productId, quantity: r.uses }];
    const amountFen = await quoteTotal(c.db, r.storeId, r.memberId, lines, r.createdAt);
    return settleOrder(c.env, c.db, c.actor, {
      id: r.id, storeId: r.storeId, memberId: r.memberId, createdAt: r.createdAt, note: '', lines, coupons: [], manualDiscount: null,
      tenders: [{ kind: 'punch_card', cardId: r.cardId, productId: r.productId, uses: r.uses, amountFen }],
    });
  },
  refundOrder: (c, { memberId, ...r }) => (memberId ? ops.refund(account(c, memberId), r) : refundWalkIn(c.db, c.actor, r)),
  reportCardLoss: (c, { memberId, ...r }) => ops.freeze(account(c, memberId), r),
  adjustInventory: (c, r) => adjustInventory(c.db, c.actor, r),
  renewAllowances: (c, r) => renewAllowances(c.env, c.db, c.actor, c.device, r),
  releaseAllowances: (c, r) => releaseAllowances(c.env, c.db, c.actor, c.device, r),
};
