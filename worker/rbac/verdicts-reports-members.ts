import { V } from './roles';
import type { RouteKey, RouteRow } from './sample';

// 会员分析 and 储值与积分 (issue 19): every sample asks for store 1, so store 2's manager is refused.
const period = { from: '2026-11-01', to: '2026-11-30', storeId: 'store-1' };
const note = 'store 1’s report: its manager and HQ; store 2’s manager 403; clerks and members 403';

export const reportsMembersVerdicts: Record<RouteKey, RouteRow> = {
  'GET /api/reports/members': { verdicts: V.STORE1_MANAGER, note, sample: () => ({ query: period }) },
  'GET /api/reports/members/cross-store': { verdicts: V.STORE1_MANAGER, note, sample: () => ({ query: period }) },
  'GET /api/reports/rfm': { verdicts: V.STORE1_MANAGER, note, sample: () => ({ query: { storeId: 'store-1' } }) },
  'GET /api/reports/rfm/members': { verdicts: V.STORE1_MANAGER, note, sample: () => ({ query: { storeId: 'store-1', segment: 'important_value' } }) },
  'GET /api/reports/retention': { verdicts: V.STORE1_MANAGER, note, sample: () => ({ query: { storeId: 'store-1' } }) },
  'GET /api/reports/liability': { verdicts: V.STORE1_MANAGER, note, sample: () => ({ query: period }) },
  'GET /api/reports/liability/check': { verdicts: V.HQ, note: 'the reconciliation reads every ledger: HQ only', sample: () => ({}) },
};
