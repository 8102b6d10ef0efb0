import { V } from './roles';
import type { RouteKey, RouteRow } from './sample';

/** HQ's upkeep of the report rollups (decision 028). */
export const reportRollupsVerdicts: Record<RouteKey, RouteRow> = {
  'POST /api/reports/rollups/rebuild': { verdicts: V.HQ, note: 'recomputes every rollup from the orders; HQ only', sample: () => ({ body: { from: Date.now() } }) },
  'GET /api/reports/rollups/check': { verdicts: V.HQ, sample: () => ({ query: { days: '2' } }) },
};
