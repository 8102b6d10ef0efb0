import { ulid } from 'ulid';
import { V } from './roles';
import type { RouteKey, RouteRow } from './sample';
import { freshPhone, type World } from './world';

const subject = (w: World) => ({ id: w.subject.id });
const csv = () => `手机,姓名,储值本金\n${freshPhone()},矩阵导入,1.00`;

/**
 * HQ's member back office (decision 026). Browsing is every staff member's, scoped to the
 * members their store serves (decision 002); a record and its tags follow the record rule;
 * exporting is a manager's or HQ's; moving members between stores and importing them is HQ's.
 */
export const membersVerdicts: Record<RouteKey, RouteRow> = {
  'GET /api/member-admin/members': { verdicts: V.STAFF, note: 'each sees the members their store serves; clerks with masked phones', sample: () => ({ query: { tier: 'normal', pageSize: '5' } }) },
  'GET /api/member-admin/members/export': { verdicts: V.MANAGERS, note: 'clerks export nothing', sample: () => ({ query: { q: '矩阵' } }) },
  'GET /api/member-admin/members/:id': { verdicts: V.STORE1, sample: (w) => ({ params: subject(w) }) },
  'POST /api/member-admin/tags': { verdicts: V.STORE1, sample: (w) => ({ body: { opId: ulid(), memberIds: [w.subject.id], add: ['矩阵'] } }) },
  'POST /api/member-admin/assign': { verdicts: V.HQ, note: 'the subject to the store it is already at: allowed, nothing moves', sample: (w) => ({ body: { opId: ulid(), storeId: 'store-1', memberIds: [w.subject.id] } }) },
  'POST /api/member-admin/imports/preview': { verdicts: V.HQ, sample: () => ({ body: { storeId: 'store-1', csv: csv() } }) },
  'POST /api/member-admin/imports/commit': { verdicts: V.HQ, note: 'one new member with ¥1.00 opening balance', sample: () => ({ body: { storeId: 'store-1', importId: ulid(), csv: csv() } }) },
};
