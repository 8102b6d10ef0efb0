import { eq, sql } from 'drizzle-orm';
import { assertStaff, type Actor } from '../../shared/domain/authz';
import { pointsExpiry } from '../../shared/domain/account/points-lots';
import { DomainError } from '../../shared/errors';
import type { AccountOp, OpOutcome } from '../../shared/schemas/account';
import type { ChainRules } from '../../shared/schemas/rules';
import type { Db } from '../db/client';
import { preparedQuery } from '../db/statements';
import { members } from '../db/schema';
import type { OrderWrite } from '../durable/account-projection';
import type { AuditRow } from './audit';
import type { MemberAccount, StaleTier } from '../durable/member-account';

import type { MemberRow } from './members';
import { TtlCache } from './ttl-cache';
export type { MemberRow };

export function accountStub(env: Env, memberId: string): DurableObjectStub<MemberAccount> {
  const ns = env.MEMBER_ACCOUNT as DurableObjectNamespace<MemberAccount>;
  return ns.get(ns.idFromName(memberId));
}

const memberById = preparedQuery((db) => db.select().from(members).where(eq(members.id, sql.placeholder('id'))).prepare());

// Kept a few seconds per isolate: the only field that could mislead is the tier a sale is priced
// at, and the member's object refuses a price made for a tier it knows to be out of date.
const memberCache = new TtlCache<MemberRow>(5_000);

export function findMember(db: Db, memberId: string): Promise<MemberRow> {
  return memberCache.get(memberId, async () => {
    const m = await memberById(db).get({ id: memberId });
    if (!m) throw new DomainError('MEMBER_NOT_FOUND', `No member with id ${memberId}`);
    return m;
  });
}

export const forgetMember = (memberId: string) => memberCache.delete(memberId);

/** Any store's staff may serve any member at the counter: the card is valid in every branch. */
export async function memberForService(db: Db, actor: Actor, memberId: string): Promise<MemberRow> {
  assertStaff(actor);
  return findMember(db, memberId);
}

export const opContext = (actor: Actor, opId: string, storeId: string | null) => ({
  opId, storeId, staffId: actor.kind === 'staff' ? actor.id : null, at: Date.now(),
});

type Extras = { order?: OrderWrite | null; audit?: AuditRow | null; pricedTier?: string };

// The member row's ledger_seq tells the object which outbox documents D1 already has.
const apply = async (env: Env, member: MemberRow, op: AccountOp, rules: ChainRules, extras: Extras) =>
  (await accountStub(env, member.id).apply({ memberId: member.id, cardNo: member.cardNo }, op, { consumptionOrder: rules.consumptionOrder }, { ...extras, projectedSeq: member.ledgerSeq })) as OpOutcome | StaleTier;

/** Calls the member's Durable Object; a refused operation becomes its DomainError (after it is recorded). */
export async function runOp(env: Env, member: MemberRow, op: AccountOp, rules: ChainRules, extras: Omit<Extras, 'pricedTier'> = {}): Promise<OpOutcome> {
  const out = await apply(env, member, op, rules, extras);
  // Only a priced sale (runSale) can be stale.
  if ('staleTier' in out) throw new Error('an operation without a price was answered staleTier');
  return out;
}

/**
 * A sale priced at `pricedTier`. The object answers `staleTier` (and records nothing) when it
 * knows the member's tier to be another one: the caller prices again at that tier.
 */
export const runSale = (env: Env, member: MemberRow, op: AccountOp, rules: ChainRules, extras: Required<Pick<Extras, 'pricedTier'>> & { order: OrderWrite; audit: AuditRow }) =>
  apply(env, member, op, rules, extras);

export function raiseIfRejected(out: OpOutcome): OpOutcome {
  if (out.status === 'rejected') throw new DomainError((out.code ?? 'CONFLICT') as 'CONFLICT', out.message ?? 'Refused', { details: { opId: out.opId, ...out.detail } });
  return out;
}

export function earnedPointsTiming(rules: ChainRules, at: number) {
  return { pointsAvailableAt: at + rules.pointsLockDays * 86_400_000, pointsExpiresAt: pointsExpiry(at, rules.pointsExpiry) };
}
