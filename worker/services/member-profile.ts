import type { Actor } from '../../shared/domain/authz';
import { DomainError } from '../../shared/errors';
import type { MemberProfile, MemberProfileView } from '../../shared/schemas/member-profile';
import { auditStatement } from './audit';
import { forgetMember } from './accounts';

type Meta = { ip: string; now: number };

function memberId(actor: Actor): string {
  if (actor.kind !== 'member') throw new DomainError('FORBIDDEN', 'Only a member edits their own profile; staff edit members from the member screen');
  return actor.id;
}

export async function getProfile(d1: D1Database, actor: Actor): Promise<MemberProfileView> {
  const id = memberId(actor);
  const [m, tags] = await d1.batch<{ name?: string; birthday?: string | null; tag?: string; source?: string }>([
    d1.prepare('SELECT name, birthday FROM members WHERE id = ?').bind(id),
    d1.prepare('SELECT tag, source FROM member_tags WHERE member_id = ? ORDER BY created_at, tag').bind(id),
  ]);
  const row = m!.results[0];
  if (!row) throw new DomainError('MEMBER_NOT_FOUND', `No member with id ${id}`);
  const all = tags!.results;
  return {
    name: row.name!, birthday: row.birthday ?? null, birthdayLocked: row.birthday != null,
    interests: all.filter((t) => t.source === 'member').map((t) => t.tag!), staffTags: all.filter((t) => t.source === 'staff').map((t) => t.tag!),
  };
}

/**
 * The member's own edit, in one batch with its audit row: name, interests (their own tags; staff
 * tags stay), and the birthday once — a birthday already on the card is changed only by a store,
 * or birthday coupons could be had every month.
 */
export async function saveProfile(d1: D1Database, actor: Actor, p: MemberProfile, meta: Meta): Promise<MemberProfileView> {
  const id = memberId(actor);
  const before = await getProfile(d1, actor);
  if (before.birthdayLocked && p.birthday !== before.birthday) {
    throw new DomainError('VALIDATION_FAILED', 'birthday: it is on your card already and can be set only once; a store can correct it');
  }
  const changed = Object.fromEntries(
    (['name', 'birthday', 'interests'] as const).filter((k) => JSON.stringify(p[k]) !== JSON.stringify(before[k])).map((k) => [k, { before: before[k], after: p[k] }]),
  );
  if (Object.keys(changed).length === 0) return before;
  const tags = JSON.stringify(p.interests);
  await d1.batch([
    d1.prepare('UPDATE members SET name = ?2, birthday = ?3, updated_at = ?4 WHERE id = ?1').bind(id, p.name, p.birthday, meta.now),
    d1.prepare(`DELETE FROM member_tags WHERE member_id = ?1 AND source = 'member' AND tag NOT IN (SELECT value FROM json_each(?2))`).bind(id, tags),
    d1.prepare(`INSERT OR IGNORE INTO member_tags (member_id, tag, source, created_at) SELECT ?1, value, 'member', ?3 + key FROM json_each(?2)`).bind(id, tags, meta.now),
    auditStatement(d1, { actor, action: 'member.profile', entity: 'member', entityId: id, storeId: null, ip: meta.ip, at: meta.now, detail: changed }),
  ]);
  forgetMember(id);
  return getProfile(d1, actor);
}
