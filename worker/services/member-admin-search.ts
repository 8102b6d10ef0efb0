import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { assertStaff, type Actor } from '../../shared/domain/authz';
import { phoneFor, seesWholePhone } from '../../shared/domain/phone-mask';
import type { MemberAdminDetail, MemberAdminFilter, MemberAdminPage, MemberAdminQuery, MemberAdminRow } from '../../shared/schemas/member-admin';
import type { Db } from '../db/client';
import { memberTags, members, stores } from '../db/schema';
import { digitsMatch, escapeLike, likeEsc, readableMemberRow, type MemberRow } from './members';

/**
 * The WHERE of HQ's member list. A store's staff browse the members their store serves — home
 * store, or last served there (docs/decisions/002) — whatever the filter says; HQ the chain.
 */
export function memberFilterWhere(actor: Actor, f: MemberAdminFilter): SQL | undefined {
  assertStaff(actor);
  const conds: SQL[] = [];
  if (actor.role !== 'hq_admin') {
    const sid = actor.storeId ?? '';
    conds.push(or(eq(members.homeStoreId, sid), eq(members.lastVisitStoreId, sid)) as SQL);
  }
  const q = f.q.replace(/[\s-]/g, '');
  if (/^1\d{10}$/.test(q)) conds.push(eq(members.phone, q));
  else if (/^\d+$/.test(q)) conds.push(digitsMatch(q));
  else if (f.q) conds.push(likeEsc(members.name, `%${escapeLike(f.q)}%`));
  if (f.tag) conds.push(sql`EXISTS (SELECT 1 FROM ${memberTags} WHERE ${memberTags.memberId} = ${members.id} AND ${memberTags.tag} = ${f.tag})`);
  if (f.tier) conds.push(eq(members.tierCode, f.tier));
  if (f.storeId) conds.push(eq(members.homeStoreId, f.storeId));
  if (f.status) conds.push(eq(members.status, f.status));
  return conds.length ? and(...conds) : undefined;
}

const order = [desc(members.lastVisitAt), desc(members.joinedAt), members.id] as const;

export async function tagsOf(db: Db, ids: readonly string[]): Promise<Map<string, { staff: string[]; member: string[] }>> {
  const out = new Map(ids.map((id) => [id, { staff: [] as string[], member: [] as string[] }]));
  for (let i = 0; i < ids.length; i += 90) {
    const rows = await db.select().from(memberTags).where(inArray(memberTags.memberId, ids.slice(i, i + 90))).orderBy(memberTags.createdAt, memberTags.tag);
    for (const r of rows) out.get(r.memberId)?.[r.source].push(r.tag);
  }
  return out;
}

export const storeNames = async (db: Db) => new Map((await db.select({ id: stores.id, name: stores.name }).from(stores)).map((s) => [s.id, s.name]));

export function toAdminRow(actor: Actor, r: MemberRow, tags: { staff: string[]; member: string[] } | undefined, names: Map<string, string>): MemberAdminRow {
  return {
    id: r.id, name: r.name, phone: phoneFor(actor, r), phoneMasked: !seesWholePhone(actor, r), cardNo: r.cardNo,
    tierCode: r.tierCode as MemberAdminRow['tierCode'], homeStoreId: r.homeStoreId, status: r.status,
    homeStoreName: names.get(r.homeStoreId) ?? r.homeStoreId, lastVisitStoreName: r.lastVisitStoreId ? (names.get(r.lastVisitStoreId) ?? r.lastVisitStoreId) : null,
    principalFen: r.principalFen, bonusFen: r.bonusFen, points: r.points, joinedAt: r.joinedAt, lastVisitAt: r.lastVisitAt, lastVisitStoreId: r.lastVisitStoreId,
    staffTags: tags?.staff ?? [], interests: tags?.member ?? [],
  };
}

/** One page of the filtered list, with the total, tags, and phones as the role may see them. */
export async function searchMemberPage(db: Db, actor: Actor, query: MemberAdminQuery): Promise<MemberAdminPage> {
  const where = memberFilterWhere(actor, query);
  const [rows, [count]] = await db.batch([
    db.select().from(members).where(where).orderBy(...order).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    db.select({ n: sql<number>`count(*)` }).from(members).where(where),
  ]);
  const [tags, names] = await Promise.all([tagsOf(db, rows.map((r) => r.id)), storeNames(db)]);
  return { members: rows.map((r) => toAdminRow(actor, r, tags.get(r.id), names)), total: count?.n ?? 0, page: query.page, pageSize: query.pageSize };
}

/** Every member the filter finds (up to `cap`), for an export or a bulk action. */
export async function filteredMembers(db: Db, actor: Actor, filter: MemberAdminFilter, cap: number): Promise<MemberRow[]> {
  return db.select().from(members).where(memberFilterWhere(actor, filter)).orderBy(...order).limit(cap);
}

/** The member's record for HQ's detail panel: the record rule of decision 002 (404/403 as GET /api/members/:id). */
export async function memberDetail(db: Db, actor: Actor, id: string): Promise<MemberAdminDetail> {
  assertStaff(actor);
  const row = await readableMemberRow(db, actor, id);
  const [tags, names] = await Promise.all([tagsOf(db, [row.id]), storeNames(db)]);
  return { ...toAdminRow(actor, row, tags.get(row.id), names), gender: row.gender, birthday: row.birthday, lifetimeSpendFen: row.lifetimeSpendFen };
}
