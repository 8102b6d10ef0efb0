import { env } from 'cloudflare:test';
import { ulid } from 'ulid';
import { V } from './roles';
import type { RouteKey, RouteRow } from './sample';
import type { World } from './world';

/**
 * Stores, staff accounts and the audit log (decision 023). Every staff sample acts on a fresh
 * store-1 clerk written straight into D1, so a reset or a disable never touches a demo account
 * another row signs in with.
 */
async function freshClerk(w: World, storeId = 'store-1'): Promise<string> {
  const id = `staff-rbac-${ulid().toLowerCase()}`;
  const hash = [...w.passwordHashes.values()][0] ?? '';
  await env.DB.prepare(`INSERT INTO staff (id, username, name, role, store_id, password_hash, status, created_at, updated_at) VALUES (?, ?, '矩阵店员', 'clerk', ?, ?, 'active', 0, 0)`)
    .bind(id, `rbac-${ulid().toLowerCase()}`, storeId, hash).run();
  return id;
}
const username = () => `rbac-${ulid().toLowerCase()}`;

export const staffVerdicts: Record<RouteKey, RouteRow> = {
  'POST /api/stores': { verdicts: V.HQ, note: 'a new closed store with a fresh code', sample: () => ({ body: { code: `R${ulid().slice(-8)}`, name: '矩阵新店', status: 'closed' } }) },
  'PATCH /api/stores/:id': { verdicts: V.HQ, note: 'store 1’s hours set to what they already are', sample: () => ({ params: { id: 'store-1' }, body: { hours: '10:00-22:00' } }) },
  'GET /api/staff': { verdicts: V.MANAGERS, note: 'a manager sees their own store’s; clerks none', sample: () => ({}) },
  'POST /api/staff': {
    verdicts: V.STORE1_MANAGER, note: 'a store-1 clerk: store 2’s manager cannot create for store 1',
    sample: () => ({ body: { username: username(), name: '矩阵新店员', role: 'clerk', storeId: 'store-1', password: `Rbac-${ulid()}` } }),
  },
  'PATCH /api/staff/:id': { verdicts: V.STORE1_MANAGER, sample: async (w) => ({ params: { id: await freshClerk(w) }, body: { name: '矩阵改名' } }) },
  'POST /api/staff/:id/disable': { verdicts: V.STORE1_MANAGER, sample: async (w) => ({ params: { id: await freshClerk(w) } }) },
  'POST /api/staff/:id/enable': {
    verdicts: V.STORE1_MANAGER, note: 'a disabled fresh clerk',
    sample: async (w) => {
      const id = await freshClerk(w);
      await env.DB.prepare(`UPDATE staff SET status = 'disabled' WHERE id = ?`).bind(id).run();
      return { params: { id } };
    },
  },
  'POST /api/staff/:id/reset-password': { verdicts: V.STORE1_MANAGER, sample: async (w) => ({ params: { id: await freshClerk(w) }, body: {} }) },
  'GET /api/audit': { verdicts: V.MANAGERS, note: 'a manager reads their own store’s rows; clerks none', sample: () => ({ query: { limit: '5' } }) },
};
