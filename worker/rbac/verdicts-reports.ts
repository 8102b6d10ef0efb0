import { ulid } from 'ulid';
import { businessDay, windowStartDay } from '../../shared/domain/business-day';
import { but, V } from './roles';
import type { RouteKey, RouteRow } from './sample';

// A 30-day period ending today, for store 1: its manager and HQ read it; store 2's manager asking for store 1 is refused.
const period = () => ({ from: windowStartDay(Date.now(), 30), to: businessDay(Date.now()), storeId: 'store-1' });
const plan = { name: 'rbac 提成', rules: [{ kind: 'per_card_opened', fen: 100 }] };
const NOTE = 'reports: HQ any store, a manager only their own (storeId=store-1 → 403 for store 2’s), clerks and members never (worker/services/report-scope.ts)';

/** HQ reports (issue 19): sales, margin, staff and commission, campaigns, drill-down, home. */
export const reportsVerdicts: Record<RouteKey, RouteRow> = {
  'GET /api/reports/sales': { verdicts: V.STORE1_MANAGER, note: NOTE, sample: () => ({ query: { ...period(), compare: 'previous' } }) },
  'GET /api/reports/margin': { verdicts: V.STORE1_MANAGER, note: NOTE, sample: () => ({ query: period() }) },
  'GET /api/reports/staff': { verdicts: V.STORE1_MANAGER, note: NOTE, sample: () => ({ query: period() }) },
  'GET /api/reports/commission': { verdicts: V.STORE1_MANAGER, note: NOTE, sample: () => ({ query: period() }) },
  'GET /api/reports/campaigns': { verdicts: V.STORE1_MANAGER, note: NOTE, sample: () => ({ query: period() }) },
  'GET /api/reports/orders': { verdicts: V.STORE1_MANAGER, note: NOTE, sample: () => ({ query: { ...period(), limit: '5' } }) },
  'GET /api/reports/orders/:id': { verdicts: but(V.STORE1_MANAGER, { manager2: 'hidden' }), note: 'another store’s sale is not found for a manager', sample: (w) => ({ params: { id: w.saleId } }) },
  'GET /api/reports/today': { verdicts: V.STORE1_MANAGER, note: NOTE, sample: () => ({ query: { storeId: 'store-1' } }) },
  'GET /api/reports/commission-plans': { verdicts: V.HQ, sample: () => ({}) },
  'POST /api/reports/commission-plans': { verdicts: V.HQ, sample: () => ({ body: { id: ulid(), ...plan } }) },
  'PUT /api/reports/commission-plans/:id': { verdicts: V.HQ, note: 'HQ only; an unknown plan id is a 404 past authorization', sample: () => ({ params: { id: 'no-such-plan' }, body: plan }) },
};
