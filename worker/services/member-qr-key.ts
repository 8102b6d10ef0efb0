import { and, eq, gt, sql } from 'drizzle-orm';
import type { Actor } from '../../shared/domain/authz';
import { DomainError } from '../../shared/errors';
import type { Member } from '../../shared/schemas/member';
import type { Db } from '../db/client';
import { auditLog, members, memberStoreVisits } from '../db/schema';
import { channels, poke } from '../sync/poke';
import { VISIT_DAYS } from '../sync/policy';
import { forgetMember } from './accounts';
import { auditRow } from './audit';
import { readableMemberRow, toMember } from './members';

type Ctx = { env: Env; db: Db; actor: Actor; ip?: string };

/**
 * The signed-in member registers the public key of their phone's member code (docs/decisions/011).
 * A new phone replaces the old key, so codes from the old phone stop verifying. The row's
 * updated_at moves so tablets pull the key; the tablets that hold this member (home store, stores
 * that served them lately) and the member's own devices are poked. Audited, since the key is what
 * identifies the member at the counter.
 */
export async function registerQrKey({ env, db, actor, ip }: Ctx, publicKey: string): Promise<Member> {
  if (actor.kind !== 'member') throw new DomainError('FORBIDDEN', 'Only a member can register the key of their own member code');
  const row = await readableMemberRow(db, actor, actor.id);
  // The same phone registering again (a retry, a reinstall that kept storage): nothing to write.
  if (row.qrPublicKey === publicKey) return toMember(row);

  // Strictly later than the last stamp: a pull's scan window must see this change.
  const now = Math.max(Date.now(), row.updatedAt + 1);
  const [updated, , visits] = await db.batch([
    db.update(members).set({ qrPublicKey: publicKey, updatedAt: sql`max(${now}, ${members.updatedAt} + 1)` }).where(eq(members.id, row.id)).returning(),
    db.insert(auditLog).values(auditRow({
      actor, action: 'member.qr_key', entity: 'member', entityId: row.id, storeId: row.homeStoreId, ip, at: now,
      detail: { before: row.qrPublicKey, after: publicKey },
    })),
    db.select({ storeId: memberStoreVisits.storeId }).from(memberStoreVisits)
      .where(and(eq(memberStoreVisits.memberId, row.id), gt(memberStoreVisits.lastVisitAt, now - VISIT_DAYS * 86_400_000))),
  ]);
  forgetMember(row.id);
  const written = updated[0];
  if (!written) throw new DomainError('MEMBER_NOT_FOUND', `No member with id ${row.id}`);
  await poke(env, [channels.member(row.id), channels.store(written.homeStoreId), ...visits.map((v) => channels.store(v.storeId))]);
  return toMember(written);
}
