import { inArray } from 'drizzle-orm';
import { assertHq, assertStaff, canAccessMember, type Actor } from '../../shared/domain/authz';
import { DomainError } from '../../shared/errors';
import type { MemberAssignRequest, MemberTagsRequest } from '../../shared/schemas/member-admin';
import type { Db } from '../db/client';
import { auditLog, members } from '../db/schema';
import { forgetMember } from './accounts';
import { auditStatement } from './audit';
import { filteredMembers, tagsOf } from './member-admin-search';
import type { MemberRow } from './members';
import { storeExists } from './stores';

type Ctx = { db: Db; d1: D1Database; actor: Actor; ip: string };
const CHUNK = 90; // D1 binds at most 100 parameters per statement

/** Every named member, or a 404 naming the first unknown id: checked before anything is written. */
async function rowsByIds(db: Db, ids: readonly string[]): Promise<MemberRow[]> {
  const unique = [...new Set(ids)];
  const rows: MemberRow[] = [];
  for (let i = 0; i < unique.length; i += CHUNK) rows.push(...(await db.select().from(members).where(inArray(members.id, unique.slice(i, i + CHUNK)))));
  const found = new Set(rows.map((r) => r.id));
  const missing = unique.find((id) => !found.has(id));
  if (missing) throw new DomainError('MEMBER_NOT_FOUND', `memberIds: no member with id ${missing}`);
  return rows;
}

/** Audit ids already written: the request was made before, and those members are not touched again. */
async function doneBefore(db: Db, auditIds: readonly string[]): Promise<Set<string>> {
  const done = new Set<string>();
  for (let i = 0; i < auditIds.length; i += CHUNK) {
    for (const r of await db.select({ id: auditLog.id }).from(auditLog).where(inArray(auditLog.id, auditIds.slice(i, i + CHUNK)))) done.add(r.id);
  }
  return done;
}

const auditIdOf = (opId: string, memberId: string) => `${opId}:${memberId}`;

/**
 * Staff tags (docs/decisions/026): HQ on anyone, a store's staff on the members their store serves
 * (the record rule of decision 002). The member's own interests are theirs and are left alone.
 * One audit row per member changed, with the tags before and after.
 */
export async function changeTags(c: Ctx, r: MemberTagsRequest): Promise<{ changed: number; unchanged: number }> {
  assertStaff(c.actor);
  const rows = await rowsByIds(c.db, r.memberIds);
  const refused = rows.find((m) => !canAccessMember(c.actor, m));
  if (refused) throw new DomainError('FORBIDDEN', `memberIds: member ${refused.id} is served by another store`);
  const done = await doneBefore(c.db, rows.map((m) => auditIdOf(r.opId, m.id)));
  const tags = await tagsOf(c.db, rows.map((m) => m.id));
  const now = Date.now();
  const stmts: D1PreparedStatement[] = [];
  let changed = 0;
  for (const m of rows) {
    if (done.has(auditIdOf(r.opId, m.id))) continue;
    const own = tags.get(m.id)!;
    const before = own.staff;
    const added = r.add.filter((t) => !before.includes(t) && !own.member.includes(t) && !r.remove.includes(t));
    const after = [...before.filter((t) => !r.remove.includes(t)), ...added];
    if (after.length === before.length && added.length === 0) continue;
    changed += 1;
    stmts.push(
      c.d1.prepare(`DELETE FROM member_tags WHERE member_id = ?1 AND source = 'staff' AND tag IN (SELECT value FROM json_each(?2))`).bind(m.id, JSON.stringify(r.remove)),
      c.d1.prepare(`INSERT OR IGNORE INTO member_tags (member_id, tag, source, created_at) SELECT ?1, value, 'staff', ?3 + key FROM json_each(?2)`).bind(m.id, JSON.stringify(added), now),
      auditStatement(c.d1, { id: auditIdOf(r.opId, m.id), actor: c.actor, action: 'member.tags', entity: 'member', entityId: m.id, storeId: m.homeStoreId, ip: c.ip, at: now, detail: { staffTags: { before, after } } }),
    );
  }
  for (let i = 0; i < stmts.length; i += 150) await c.d1.batch(stmts.slice(i, i + 150));
  return { changed, unchanged: rows.length - changed };
}

export const ASSIGN_CAP = 5_000;

/**
 * 新店会员分配 (seed 000): HQ gives members another home store — the new branch then serves and
 * browses them, and its tablets sync them. Each move is guarded by the home store it was read
 * with and audited with before/after in the same batch; members already there, or moved by this
 * same request before (its opId), are left alone.
 */
export async function assignMembers(c: Ctx, r: MemberAssignRequest): Promise<{ moved: number; unchanged: number }> {
  assertHq(c.actor);
  await storeExists(c.db, r.storeId);
  const rows = r.memberIds ? await rowsByIds(c.db, r.memberIds) : await filteredMembers(c.db, c.actor, r.filter!, ASSIGN_CAP);
  const done = await doneBefore(c.db, rows.map((m) => auditIdOf(r.opId, m.id)));
  const todo = rows.filter((m) => m.homeStoreId !== r.storeId && !done.has(auditIdOf(r.opId, m.id)));
  const now = Date.now();
  let moved = 0;
  for (let i = 0; i < todo.length; i += 50) {
    const part = todo.slice(i, i + 50);
    const results = await c.d1.batch(part.flatMap((m) => [
      c.d1.prepare('UPDATE members SET home_store_id = ?2, updated_at = ?3 WHERE id = ?1 AND home_store_id = ?4').bind(m.id, r.storeId, now, m.homeStoreId),
      auditStatement(c.d1, { id: auditIdOf(r.opId, m.id), actor: c.actor, action: 'member.assign_store', entity: 'member', entityId: m.id, storeId: r.storeId, ip: c.ip, at: now, detail: { homeStoreId: { before: m.homeStoreId, after: r.storeId } } }, { ifChanged: true }),
    ]));
    moved += results.filter((_, k) => k % 2 === 0).reduce((n, res) => n + (res.meta.changes ?? 0), 0);
    for (const m of part) forgetMember(m.id);
  }
  return { moved, unchanged: rows.length - moved };
}
