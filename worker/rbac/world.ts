import { env } from 'cloudflare:test';
import { ulid } from 'ulid';
import { forgetMember } from '../services/accounts';
import { loginAs, memberLoginToken, seedChain } from '../test/fixtures';
import { call as api } from './call';
import { isStaffRole, USERNAMES, type Role } from './roles';

export const PRICE = 8900; // p-401 控油洗发水: the same price in every store, tier "normal" pays it
export type Person = { id: string; phone: string };

/**
 * What the sample requests point at: a store-1 member (`subject`) with money, a sale, a punch card;
 * a store-1 walk-in sale, a clerk1b shift, store-1 tablets; and a session per role.
 */
export type World = {
  subject: Person;
  other: Person; // the `otherMember` role: home and last visit store 2
  probe: Person; // signs in through the public member-login route
  saleId: string; // subject's stored-value sale at store 1 (refunds start from it)
  walkInSaleId: string;
  punchCardId: string;
  shiftId: string; // clerk1b's open shift at store 1
  retireDeviceId: string;
  tablet: Record<'store-1' | 'store-2', string>; // x-device credentials
  rules: unknown;
  tokens: Record<Role, string | null>;
  /** A new session for the role (a logout must not end the shared one). */
  freshToken(role: Role): Promise<string | null>;
  /** Puts the subject back as store 1's member (a sale elsewhere makes store 2 "serve" them). */
  restoreSubject(who?: Person): Promise<void>;
  /** Staff id → password hash as seeded: put back after a test changed a password. */
  passwordHashes: Map<string, string>;
};

let n = 0;
const digits = (len: number) => String(Date.now() * 1000 + (++n % 1000)).slice(-len).padStart(len, '0');
export const freshPhone = () => `19${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;
export const freshCardNo = () => `78${digits(10)}`;

/** A store's member written straight into D1 (tier normal, no history), as other worker tests do. */
export async function newMember(store: string, tag = 'rbac'): Promise<Person> {
  const p = { id: `m-${tag}-${ulid()}`, phone: freshPhone() };
  await env.DB.prepare(`INSERT INTO members (id, phone, name, gender, home_store_id, last_visit_store_id, tier_code, card_no, status, joined_at, updated_at) VALUES (?, ?, '矩阵会员', 'female', ?, ?, 'normal', ?, 'active', 0, 0)`)
    .bind(p.id, p.phone, store, store, freshCardNo()).run();
  return p;
}

async function must(what: string, r: Promise<{ status: number; json: any }>) {
  const res = await r;
  if (res.status >= 300) throw new Error(`world setup: ${what} → ${res.status} ${JSON.stringify(res.json)}`);
  return res.json;
}

/** A store-1 member with ¥1,000 + bonus, a stored-value sale and a 100-visit punch card, all at store 1. */
export type Funded = { person: Person; saleId: string; punchCardId: string };
export async function fundedMember(clerk1: string, tag = 'rbac'): Promise<Funded> {
  const person = await newMember('store-1', tag);
  await must('recharge', api(`/api/members/${person.id}/recharge`, { token: clerk1, body: { opId: ulid(), storeId: 'store-1', amountFen: 100_000, paidWith: 'cash' } }));
  const saleId = ulid();
  await must('sale', api('/api/orders', { token: clerk1, body: { id: saleId, storeId: 'store-1', memberId: person.id, createdAt: Date.now(), lines: [{ productId: 'p-401', quantity: 1 }], tenders: [{ kind: 'stored_value', amountFen: PRICE }] } }));
  const punchCardId = ulid();
  await must('punch card', api(`/api/members/${person.id}/punch-cards`, { token: clerk1, body: { opId: punchCardId, storeId: 'store-1', productId: 'p-401', uses: 100, priceFen: 100 * PRICE, paidWith: 'cash' } }));
  return { person, saleId, punchCardId };
}

export async function setupWorld(): Promise<World> {
  await seedChain();
  // The matrix's punch cards are for p-401 (a product, one price everywhere): HQ lets it sell as one.
  await env.DB.exec(`UPDATE products SET punch_eligible = 1 WHERE id = 'p-401'`);
  const staff = Object.fromEntries(await Promise.all(Object.entries(USERNAMES).map(async ([role, u]) => [role, await loginAs(u)] as const))) as Record<string, string>;
  const clerk1 = staff.clerk1!;
  const { person: subject, saleId, punchCardId } = await fundedMember(clerk1);
  const [other, probe] = [await newMember('store-2'), await newMember('store-1')];
  const [memberToken, otherToken] = [await memberLoginToken(subject.phone), await memberLoginToken(other.phone)];
  const tokens = { none: null, member: memberToken, otherMember: otherToken, ...staff } as Record<Role, string | null>;

  const walkInSaleId = ulid();
  await must('walk-in sale', api('/api/orders', { token: clerk1, body: { id: walkInSaleId, storeId: 'store-1', memberId: null, createdAt: Date.now(), lines: [{ productId: 'p-401', quantity: 1 }], tenders: [{ kind: 'cash', amountFen: PRICE }] } }));
  const shiftId = ulid();
  await must('shift', api('/api/shifts', { token: await loginAs('clerk1b'), body: { id: shiftId, openingCashFen: 10_000 } }));
  const register = (token: string, storeId: string, name: string) => must('device', api('/api/devices', { token, body: { storeId, name } }));
  const [t1, t2, retiree] = [await register(staff.manager1!, 'store-1', '矩阵1号机'), await register(staff.manager2!, 'store-2', '矩阵2号机'), await register(staff.manager1!, 'store-1', '待退役')];
  const rules = await must('rules', api('/api/rules', { token: staff.hq }));
  const hashes = await env.DB.prepare('SELECT id, password_hash FROM staff').all<{ id: string; password_hash: string }>();

  return {
    subject, other, probe, saleId, walkInSaleId, punchCardId, shiftId, rules, tokens,
    retireDeviceId: retiree.device.id,
    tablet: { 'store-1': t1.credential, 'store-2': t2.credential },
    passwordHashes: new Map(hashes.results.map((h) => [h.id, h.password_hash])),
    async freshToken(role) {
      if (role === 'none') return null;
      if (isStaffRole(role)) return loginAs(USERNAMES[role]);
      return memberLoginToken(role === 'member' ? subject.phone : other.phone);
    },
    async restoreSubject(who = subject) {
      await env.DB.prepare(`UPDATE members SET last_visit_store_id = 'store-1' WHERE id = ?`).bind(who.id).run();
      // The worker keeps member rows a few seconds per isolate; the test shares that isolate.
      forgetMember(who.id);
    },
  };
}
