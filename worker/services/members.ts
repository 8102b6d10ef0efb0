import { and, desc, eq, gte, lt, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { assertMemberAccess, canAccessMember, type Actor } from '../../shared/domain/authz';
import { maskPhone } from '../../shared/domain/phone';
import { DomainError } from '../../shared/errors';
import type { Member } from '../../shared/schemas/member';
import type { Db } from '../db/client';
import { members } from '../db/schema';

export type MemberRow = typeof members.$inferSelect;

export const toMember = (r: MemberRow): Member => ({
  id: r.id,
  phone: r.phone,
  name: r.name,
  gender: r.gender,
  birthday: r.birthday,
  homeStoreId: r.homeStoreId,
  tierCode: r.tierCode as Member['tierCode'],
  cardNo: r.cardNo,
  status: r.status,
  joinedAt: r.joinedAt,
  principalFen: r.principalFen,
  bonusFen: r.bonusFen,
  reservedFen: r.reservedFen,
  points: r.points,
  lifetimeSpendFen: r.lifetimeSpendFen,
  lastVisitAt: r.lastVisitAt,
  lastVisitStoreId: r.lastVisitStoreId,
  qrPublicKey: r.qrPublicKey,
});

export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);
export const likeEsc = (col: AnyColumn, pattern: string): SQL => sql`${col} LIKE ${pattern} ESCAPE '\\'`;

/**
 * Digits typed at the counter: the phone's last four (indexed column), a longer phone tail, or a
 * card-number prefix (a range on the unique index; ':' sorts right after '9').
 */
export function digitsMatch(q: string): SQL {
  const phone = q.length === 4 ? eq(members.phoneLast4, q) : likeEsc(members.phone, `%${q}`);
  return or(phone, and(gte(members.cardNo, q), lt(members.cardNo, `${q}:`))) as SQL;
}

/** Full phone (11 digits) or card number (12 digits): identifies one member anywhere in the chain. */
export const isExactIdentifier = (q: string) => /^1\d{10}$/.test(q) || /^\d{12}$/.test(q);

/**
 * HQ searches the whole chain. A store's staff browse their store's members (home or last served
 * there) by name, last digits of the phone or card prefix, and identify anyone by an exact
 * phone or card number, because the card is valid in every branch.
 */
export async function searchMembers(db: Db, actor: Actor, q: string, limit: number): Promise<Member[]> {
  if (actor.kind !== 'staff') throw new DomainError('FORBIDDEN', 'Members can only see their own account');
  if (isExactIdentifier(q)) {
    const rows = await db.select().from(members).where(or(eq(members.phone, q), eq(members.cardNo, q))).limit(limit);
    // Identified by card number at a store that does not serve them: the card is enough to serve
    // the member, not to learn their phone number (docs/decisions/002).
    return rows.map((r) => (r.phone === q || canAccessMember(actor, r) ? toMember(r) : { ...toMember(r), phone: maskPhone(r.phone) }));
  }
  const digits = /^\d+$/.test(q);
  const conds: SQL[] = [];
  if (actor.role !== 'hq_admin') {
    const sid = actor.storeId ?? '';
    // With digits the phone/card index is far more selective: the unary + keeps SQLite off the
    // store indexes (bench/api-baseline.ts, 50k members: 69 → 272 req/s).
    conds.push(
      digits
        ? sql`(+${members.homeStoreId} = ${sid} OR +${members.lastVisitStoreId} = ${sid})`
        : (or(eq(members.homeStoreId, sid), eq(members.lastVisitStoreId, sid)) as SQL),
    );
  }
  if (q) conds.push(digits ? digitsMatch(q) : likeEsc(members.name, `%${escapeLike(q)}%`));
  const rows = await db
    .select()
    .from(members)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(members.lastVisitAt), desc(members.joinedAt))
    .limit(limit);
  return rows.map(toMember);
}

/** The member row if the actor may read it (docs/decisions/002). */
export async function readableMemberRow(db: Db, actor: Actor, id: string): Promise<MemberRow> {
  const row = await db.select().from(members).where(eq(members.id, id)).get();
  // A member asking for someone else learns nothing about whether that id exists.
  if (!row) {
    if (actor.kind === 'member') throw new DomainError('FORBIDDEN', 'Members can only see their own account');
    throw new DomainError('MEMBER_NOT_FOUND', `No member with id ${id}`);
  }
  assertMemberAccess(actor, row);
  return row;
}

export async function getMember(db: Db, actor: Actor, id: string): Promise<Member> {
  return toMember(await readableMemberRow(db, actor, id));
}
