import { eq } from 'drizzle-orm';
import { assertStaff, type Actor } from '../../shared/domain/authz';
import type { MemberPhoto } from '../../shared/schemas/member-photo';
import type { Db } from '../db/client';
import { memberPhotos } from '../db/schema';
import { auditInsert } from './audit';
import { readableMemberRow } from './members';

type Opts = { ip?: string };

const photoOf = (db: Db, memberId: string) => db.select().from(memberPhotos).where(eq(memberPhotos.memberId, memberId)).get();

/** The member's photo: for staff who may see the member (decision 002), or the member themself. */
export async function getMemberPhoto(db: Db, actor: Actor, memberId: string): Promise<MemberPhoto> {
  const member = await readableMemberRow(db, actor, memberId);
  const row = await photoOf(db, member.id);
  return { dataUrl: row?.dataUrl ?? null };
}

/**
 * Sets (or replaces) the member's photo: staff who serve the member, the same rule as editing
 * their profile. The write and its audit row go in one D1 batch; the audit keeps the size and
 * whether a photo was replaced, not the picture itself (the audit log is read in bulk).
 */
export async function setMemberPhoto(db: Db, actor: Actor, memberId: string, dataUrl: string, opts: Opts = {}): Promise<{ ok: true; updatedAt: number }> {
  assertStaff(actor);
  const member = await readableMemberRow(db, actor, memberId);
  const before = await photoOf(db, member.id);
  const now = Date.now();
  await db.batch([
    db
      .insert(memberPhotos)
      .values({ memberId: member.id, dataUrl, updatedAt: now, updatedBy: actor.id })
      .onConflictDoUpdate({ target: memberPhotos.memberId, set: { dataUrl, updatedAt: now, updatedBy: actor.id } }),
    auditInsert(db, {
      actor, action: 'member.photo', entity: 'member', entityId: member.id, ip: opts.ip, at: now,
      detail: { bytes: dataUrl.length, replaced: before !== undefined },
    }),
  ]);
  return { ok: true, updatedAt: now };
}
