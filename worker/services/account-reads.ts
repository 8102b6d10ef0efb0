import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../shared/domain/authz';
import type { Db } from '../db/client';
import { ledgerEntries, members } from '../db/schema';
import { accountStub, memberForService } from './accounts';
import { readableMemberRow as memberForRead } from './members';

/**
 * What the member has to spend (balances, points, punch cards, coupons): any store's staff may
 * read it, as they may serve the member anywhere (decision 002); the record and history keep the
 * stricter read rule.
 */
export async function accountView(env: Env, db: Db, actor: Actor, memberId: string) {
  const m = actor.kind === 'staff' ? await memberForService(db, actor, memberId) : await memberForRead(db, actor, memberId);
  const view = await accountStub(env, m.id).account(Date.now());
  return { ...view, memberId: m.id, cardNo: view.seq === 0 ? m.cardNo : view.cardNo };
}

export async function ledgerPage(env: Env, db: Db, actor: Actor, memberId: string, beforeSeq: number | undefined, limit: number) {
  const m = await memberForRead(db, actor, memberId);
  const entries = await accountStub(env, m.id).ledger(beforeSeq ?? Number.MAX_SAFE_INTEGER, limit);
  const last = entries[entries.length - 1];
  return { entries, nextBeforeSeq: last && last.seq > 1 && entries.length === limit ? last.seq : null };
}

/** The chain and sums, recomputed in the member's object; plus whether D1's read model agrees. */
export async function verifyLedger(env: Env, db: Db, actor: Actor, memberId: string) {
  const m = await memberForRead(db, actor, memberId);
  const stub = accountStub(env, m.id);
  const v = await stub.verify();
  const pending = await stub.pendingProjection();
  const row = await db.select({ p: members.principalFen, b: members.bonusFen, r: members.reservedFen, pts: members.points, seq: members.ledgerSeq }).from(members).where(eq(members.id, m.id)).get();
  const count = await db.select({ n: sql<number>`count(*)` }).from(ledgerEntries).where(eq(ledgerEntries.memberId, m.id)).get();
  const projectionMatches =
    v.ok && pending === 0 && row?.p === v.principalFen && row?.b === v.bonusFen && row?.r === v.reservedFen && row?.pts === v.points && row?.seq === v.entries && count?.n === v.entries;
  return { ...v, projectionMatches };
}
