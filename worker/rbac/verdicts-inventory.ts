import { env } from 'cloudflare:test';
import { ulid } from 'ulid';
import { but, V } from './roles';
import type { RouteKey, RouteRow } from './sample';

/** A transfer of one p-401 written straight into D1, in the state the sample needs. */
async function transferAt(from: string, to: string, status: 'requested' | 'shipped'): Promise<string> {
  const id = ulid();
  const now = Date.now();
  await env.DB.batch([
    env.DB.prepare(`INSERT INTO stock_transfers (id, from_store_id, to_store_id, status, requested_by, created_at, shipped_at, updated_at) VALUES (?1, ?2, ?3, ?4, 'staff-admin', ?5, ?6, ?5)`)
      .bind(id, from, to, status, now, status === 'shipped' ? now : null),
    env.DB.prepare(`INSERT INTO stock_transfer_lines (transfer_id, product_id, requested_qty, shipped_qty) VALUES (?1, 'p-401', 1, ?2)`).bind(id, status === 'shipped' ? 1 : 0),
  ]);
  return id;
}

// A store-1 transfer with store 3 on the other side: store 2's staff do not see it at all.
const OTHERS_HIDDEN = { clerk2: 'hidden', manager2: 'hidden' } as const;

/** The back office's inventory routes (issue 18, decision 025); samples act on store 1. */
export const inventoryVerdicts: Record<RouteKey, RouteRow> = {
  'GET /api/inventory': { verdicts: V.STORE1, note: 'without storeId staff get their own store, HQ all', sample: () => ({ query: { storeId: 'store-1', q: '洗发' } }) },
  'GET /api/inventory/ledger': { verdicts: V.STORE1, sample: () => ({ query: { storeId: 'store-1', limit: '5' } }) },
  'GET /api/inventory/warnings': { verdicts: V.STORE1_MANAGER, note: 'managers and HQ, as alerts', sample: () => ({ query: { storeId: 'store-1' } }) },
  'GET /api/inventory/transfer-suggestions': { verdicts: V.MANAGERS, note: 'a manager gets the suggestions to or from their store', sample: () => ({ query: { productId: 'p-401' } }) },
  'POST /api/inventory/movements': { verdicts: V.STORE1, sample: () => ({ body: { kind: 'receive', id: ulid(), storeId: 'store-1', productId: 'p-401', quantity: 1, unitCostFen: 3000, supplier: 'rbac' } }) },
  'PUT /api/inventory/:storeId/:productId/threshold': { verdicts: V.STORE1_MANAGER, sample: () => ({ params: { storeId: 'store-1', productId: 'p-401' }, body: { lowStockThreshold: 3 } }) },
  'GET /api/inventory/transfers': { verdicts: V.STORE1, sample: () => ({ query: { storeId: 'store-1', limit: '5' } }) },
  'POST /api/inventory/transfers': { verdicts: V.STORE1_MANAGER, note: 'a manager of either store, or HQ', sample: () => ({ body: { id: ulid(), fromStoreId: 'store-1', toStoreId: 'store-3', lines: [{ productId: 'p-401', quantity: 1 }] } }) },
  'GET /api/inventory/transfers/:id': { verdicts: but(V.STORE1, OTHERS_HIDDEN), sample: async () => ({ params: { id: await transferAt('store-1', 'store-3', 'requested') } }) },
  'POST /api/inventory/transfers/:id/ship': { verdicts: but(V.STORE1_MANAGER, OTHERS_HIDDEN), note: 'the source’s manager or HQ', sample: async () => ({ params: { id: await transferAt('store-1', 'store-3', 'requested') } }) },
  'POST /api/inventory/transfers/:id/receive': {
    verdicts: but(V.STORE1_MANAGER, OTHERS_HIDDEN), note: 'the target’s manager or HQ',
    sample: async () => ({ params: { id: await transferAt('store-3', 'store-1', 'shipped') }, body: { receiptId: ulid(), lines: [{ productId: 'p-401', quantity: 1 }] } }),
  },
  'POST /api/inventory/transfers/:id/cancel': { verdicts: but(V.STORE1_MANAGER, OTHERS_HIDDEN), note: 'requested: either side’s manager; shipped: the source’s', sample: async () => ({ params: { id: await transferAt('store-1', 'store-3', 'requested') } }) },
};
