import { DomainError } from '../../shared/errors';
import { assertStaff, type Actor } from '../../shared/domain/authz';
import { fenToYuan, toCsv } from '../../shared/domain/member-csv';
import type { MemberAdminFilter } from '../../shared/schemas/member-admin';
import type { Db } from '../db/client';
import { tiers } from '../db/schema';
import { auditInsert } from './audit';
import { filteredMembers, storeNames, tagsOf, toAdminRow } from './member-admin-search';

export const EXPORT_CAP = 10_000;

/** The import's own header names, so an exported file can be read back in (docs/decisions/026). */
const FIELDS = ['手机', '姓名', '性别', '生日', '卡号', '等级', '门店', '储值本金', '赠送金', '积分', '状态', '入会时间', '最近到店', '标签'] as const;
const GENDER = { female: '女', male: '男', unknown: '' } as const;
const STATUS = { active: '正常', frozen: '冻结', closed: '注销' } as const;
const day = (t: number | null) => (t === null ? '' : new Date(t + 8 * 3_600_000).toISOString().slice(0, 10));

/**
 * The filtered list as CSV (UTF-8 BOM): managers and HQ, in their scope; clerks export nothing.
 * Phones are masked as the role's list shows them.
 */
export async function exportMembersCsv(db: Db, actor: Actor, filter: MemberAdminFilter, ip = ''): Promise<{ csv: string; rows: number }> {
  assertStaff(actor);
  if (actor.role === 'clerk') throw new DomainError('FORBIDDEN', 'Only a store manager or HQ exports members');
  const [rows, names, tierRows] = await Promise.all([
    filteredMembers(db, actor, filter, EXPORT_CAP),
    storeNames(db),
    db.select({ code: tiers.code, name: tiers.name }).from(tiers),
  ]);
  const tierName = new Map(tierRows.map((t) => [t.code, t.name]));
  const tags = await tagsOf(db, rows.map((r) => r.id));
  const data = rows.map((r) => {
    const v = toAdminRow(actor, r, tags.get(r.id), names);
    return [v.phone, v.name, GENDER[r.gender], r.birthday ?? '', v.cardNo, tierName.get(v.tierCode) ?? v.tierCode, v.homeStoreName,
      fenToYuan(v.principalFen), fenToYuan(v.bonusFen), v.points, STATUS[v.status], day(v.joinedAt), day(v.lastVisitAt), v.staffTags.join(';')];
  });
  // Not a change, but a copy of the customer file leaving the system: who took which part is kept.
  const at = Date.now();
  await auditInsert(db, { actor, action: 'member.export', entity: 'members', entityId: String(at), ip, at, detail: { filter, rows: data.length } }).run();
  return { csv: toCsv(FIELDS, data), rows: data.length };
}
