import { and, eq, gt } from 'drizzle-orm';
import type { Actor } from '../../shared/domain/authz';
import { keys } from '../../shared/sync/keys';
import type { Db } from '../db/client';
import { members, orders } from '../db/schema';
import { accountStub } from '../services/accounts';
import { categorySource, inventorySource, oneMemberSource, productSource, rulesSource, storeMembersSource, storeSource, tierSource } from './sources';
import { orderSource } from './order-source';
import { approverSource } from './approver-source';
import { allowanceSource } from './allowance-source';
import { memberAccountOpSource } from './account-op-source';
import { campaignSource, couponTemplateSource } from './promotion-sources';
import type { Source } from './source';
import { channels } from './poke';
import { STORE_ORDER_DAYS, VISIT_DAYS } from './policy';

const DAY = 86_400_000;

/** The member's own account (punch cards, coupons, points lots) from their object, for the phone. */
function accountSource(env: Env, db: Db, memberId: string): Source {
  const read = async () => ({ key: keys.account(memberId), value: await accountStub(env, memberId).account(Date.now()) });
  return {
    name: 'account',
    page: async (after) => (after ? [] : [{ id: memberId, ...(await read()) }]),
    // The member row moves with every projected operation, so it says when the account changed.
    changed: (since) => ({
      queries: [db.select({ id: members.id }).from(members).where(and(eq(members.id, memberId), gt(members.updatedAt, since)))],
      read: async ([rows]) => ({ changes: (rows as unknown[]).length ? [await read()] : [], next: null }),
    }),
  };
}

/**
 * What each kind of user holds (docs/decisions/009): a store's tablet its store's catalog, prices,
 * stock, campaigns and coupon templates, tiers, rules, members it serves and last week's orders; a member's phone only that member;
 * HQ the chain's stores and catalog (its dashboard reads reports online).
 */
export function viewFor(env: Env, db: Db, actor: Actor): Source[] {
  if (actor.kind === 'member') {
    return [oneMemberSource(db, actor.id), accountSource(env, db, actor.id), tierSource(db), rulesSource(db), orderSource(db, 'orders', eq(orders.memberId, actor.id), () => Date.now() - 365 * DAY),
      memberAccountOpSource(db, actor.id, () => Date.now() - 365 * DAY)];
  }
  if (actor.role === 'hq_admin' || !actor.storeId) return [storeSource(db, null), categorySource(db), tierSource(db), rulesSource(db), productSource(db, null, true), campaignSource(db, null), couponTemplateSource(db, null)];
  const s = actor.storeId;
  return [
    storeSource(db, s), categorySource(db), tierSource(db), rulesSource(db), productSource(db, s, actor.role !== 'clerk'), inventorySource(db, s),
    campaignSource(db, s), couponTemplateSource(db, s), approverSource(db, s), allowanceSource(db, s),
    storeMembersSource(db, s), orderSource(db, 'orders', eq(orders.storeId, s), () => Date.now() - STORE_ORDER_DAYS * DAY),
  ];
}

/**
 * What leaves a view with time rather than with a change in D1: orders older than the view keeps,
 * and (a tablet) members last served here longer ago than the visit window.
 */
export type Retention = { ordersBefore: () => number; visitsBefore: (() => number) | null; storeId: string | null };

export function retentionFor(actor: Actor): Retention | null {
  if (actor.kind === 'member') return { ordersBefore: () => Date.now() - 365 * DAY, visitsBefore: null, storeId: null };
  if (actor.role === 'hq_admin' || !actor.storeId) return null;
  return { ordersBefore: () => Date.now() - STORE_ORDER_DAYS * DAY, visitsBefore: () => Date.now() - VISIT_DAYS * DAY, storeId: actor.storeId };
}

/** The poke channel a user's clients listen on. */
export function channelFor(actor: Actor): string {
  if (actor.kind === 'member') return channels.member(actor.id);
  return channels.store(actor.storeId ?? 'hq');
}
