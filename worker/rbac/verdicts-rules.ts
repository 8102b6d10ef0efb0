import { ulid } from 'ulid';
import { call } from './call';
import { V } from './roles';
import type { RouteKey, RouteRow } from './sample';
import type { World } from './world';

/** The normal tier exactly as it is: an allowed save writes a version and changes nothing else. */
async function sameNormalTier(w: World) {
  const t = ((await call('/api/tiers', { token: w.tokens.hq })).json.tiers as Record<string, unknown>[]).find((x) => x.code === 'normal')!;
  return { name: t.name, nameEn: t.nameEn, upgradeSpendFen: t.upgradeSpendFen, keepSpendFen: t.keepSpendFen, discountBp: t.discountBp, pointsMultiplierBp: t.pointsMultiplierBp, categoryDiscounts: t.categoryDiscounts ?? {} };
}

/** Rules, tiers, campaigns and coupon batches (decision 027): HQ only, store staff read what they price with. */
export const rulesVerdicts: Record<RouteKey, RouteRow> = {
  'GET /api/rules/versions': { verdicts: V.HQ, sample: () => ({ query: { key: 'rules' } }) },
  'POST /api/rules/preview': {
    verdicts: V.HQ, note: 'changes nothing',
    sample: (w) => ({ body: { rules: w.rules, sale: { storeId: 'store-1', lines: [{ productId: 'p-401', quantity: 1 }], tierCode: 'gold', rechargeFen: 100_000 } } }),
  },
  'PUT /api/tiers/:code': { verdicts: V.HQ, note: 'the same tier back (no baseVersion: the roles run at once)', serial: true, sample: async (w) => ({ params: { code: 'normal' }, body: await sameNormalTier(w) }) },
  'GET /api/promotions/campaigns/:id/participation': { verdicts: V.HQ, sample: () => ({ params: { id: 'cmp-s1-200-30' } }) },
  'GET /api/promotions/coupon-batches': { verdicts: V.HQ, sample: () => ({}) },
  'POST /api/promotions/coupon-batches': {
    verdicts: V.HQ, note: 'one coupon for the subject',
    sample: (w) => ({ body: { id: ulid(), templateId: 'ctpl-welcome-10', target: { kind: 'member', memberId: w.subject.id } } }),
  },
  'GET /api/promotions/coupon-batches/:id': { verdicts: V.HQ, note: 'no such batch: 404 past authorization', sample: () => ({ params: { id: ulid() } }) },
  'POST /api/promotions/coupon-batches/:id/run': { verdicts: V.HQ, note: 'no such batch: 404 past authorization', sample: () => ({ params: { id: ulid() } }) },
};
