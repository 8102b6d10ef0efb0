// Helpers of the backup drill (scripts/backup-drill.test.ts): money traffic on a seeded chain, and
// the figures two deployments must agree on after a restore.
import { ulid } from 'ulid';

export type Res = { status: number; json: any };

export function api(base: string) {
  return async (path: string, o: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Res> => {
    const res = await fetch(base + path, {
      method: o.body === undefined ? 'GET' : 'POST',
      headers: { ...(o.body === undefined ? {} : { 'content-type': 'application/json' }), ...(o.token ? { authorization: `Bearer ${o.token}` } : {}), ...o.headers },
      body: o.body === undefined ? undefined : JSON.stringify(o.body),
    });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = { notJson: text.slice(0, 200) };
    }
    return { status: res.status, json };
  };
}

export async function login(base: string, username: string, password = 'demo1234'): Promise<string> {
  const r = await api(base)('/api/auth/login', { body: { username, password } });
  if (r.status !== 200) throw new Error(`sign-in of ${username} at ${base}: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json.token as string;
}

const ok = (what: string, r: Res): Res => {
  if (r.status !== 200) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.json)}`);
  return r;
};

/**
 * Real money through the API: recharges (with the chain's bonus), a sale paid from stored value, a
 * part refund of it, a points adjustment, a punch card and a coupon. Answers the members touched.
 */
export async function driveTraffic(base: string): Promise<string[]> {
  const call = api(base);
  const [hq, clerk1, manager1, clerk2] = await Promise.all(['admin', 'clerk1', 'manager1', 'clerk2'].map((u) => login(base, u)));
  const all = (await call('/api/members?limit=100', { token: hq })).json.members as { id: string; homeStoreId: string }[];
  const m1 = all.find((m) => m.homeStoreId === 'store-1')!.id;
  const m2 = all.find((m) => m.homeStoreId === 'store-2')!.id;
  ok('recharge', await call(`/api/members/${m1}/recharge`, { token: clerk1, body: { opId: ulid(), storeId: 'store-1', amountFen: 100_000, paidWith: 'cash' } }));
  ok('recharge', await call(`/api/members/${m2}/recharge`, { token: clerk2, body: { opId: ulid(), storeId: 'store-2', amountFen: 50_000, paidWith: 'wechat' } }));
  // The sale's total depends on the member's tier: a wrong tender is refused with the total to pay.
  const sale = { id: ulid(), storeId: 'store-1', memberId: m1, createdAt: Date.now(), lines: [{ productId: 'p-401', quantity: 2 }] };
  const quote = await call('/api/orders', { token: clerk1, body: { ...sale, tenders: [{ kind: 'cash', amountFen: 1 }] } });
  const totalFen = quote.json.error.details.totalFen as number;
  ok('sale', await call('/api/orders', { token: clerk1, body: { ...sale, tenders: [{ kind: 'stored_value', amountFen: totalFen }] } }));
  ok('refund', await call(`/api/orders/${sale.id}/refund`, { token: manager1, body: { opId: ulid(), storeId: 'store-1', amountFen: Math.floor(totalFen / 2), reason: 'drill' } }));
  ok('points', await call(`/api/members/${m2}/points/adjust`, { token: hq, body: { opId: ulid(), delta: 321, reason: 'backup drill' } }));
  ok('punch card', await call(`/api/members/${m1}/punch-cards`, { token: clerk1, body: { opId: ulid(), storeId: 'store-1', productId: 'p-001', uses: 3, priceFen: 21_000, paidWith: 'stored_value' } }));
  const tpl = (await call('/api/promotions/coupon-templates', { token: hq })).json.couponTemplates[0] as { id: string; name: string };
  ok('coupon', await call(`/api/members/${m2}/coupons`, { token: hq, body: { opId: ulid(), templateId: tpl.id, name: tpl.name, expiresAt: Date.now() + 30 * 86_400_000 } }));
  ok('shift', await call('/api/shifts', { token: clerk1, body: { id: ulid(), openingCashFen: 20_000 } }));
  return [m1, m2];
}

async function inChunks<T, R>(items: T[], size: number, f: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(f))));
  return out;
}

const pull = async (base: string, token: string) => {
  const r = ok('pull', await api(base)('/api/replicache/pull', { token, body: { pullVersion: 1, clientGroupID: `drill-${ulid()}`, cookie: null, profileID: 'drill', schemaVersion: '1' } }));
  return { cookie: r.json.cookie, patch: [...r.json.patch].sort((x: { key?: string }, y: { key?: string }) => (x.key ?? '').localeCompare(y.key ?? '')) };
};

/**
 * What HQ and a store see, read through the API: every member (D1's read model), each member's
 * account and ledger verification (their object), the stored-value liability, the store list with
 * its 30-day figures, shifts, tablets, tiers and rules, and the Replicache views of HQ and of a store.
 * Ledger verification is a costly read (decision 018: 120 a minute per account), once per member.
 */
export async function figures(base: string) {
  const call = api(base);
  const [hq, manager1] = await Promise.all([login(base, 'admin'), login(base, 'manager1')]);
  const get = async (path: string, token = hq) => ok(path, await call(path, { token })).json;
  const members = ((await get('/api/members?limit=100')).members as { id: string; principalFen: number; bonusFen: number }[]).sort((a, b) => a.id.localeCompare(b.id));
  const accounts = await inChunks(members, 8, (m) => get(`/api/members/${m.id}/account`));
  const verify = await inChunks(members, 8, (m) => get(`/api/members/${m.id}/ledger/verify`));
  return {
    members, accounts, verify,
    liabilityFen: members.reduce((s, m) => s + m.principalFen + m.bonusFen, 0),
    stores: await get('/api/stores'), managerStores: await get('/api/stores', manager1),
    shifts: await get('/api/shifts?from=0'), devices: await get('/api/devices'), tiers: await get('/api/tiers'), rules: await get('/api/rules'),
    hqView: await pull(base, hq), storeView: await pull(base, manager1),
  };
}
