import { env, SELF } from 'cloudflare:test';
import { hashPassword } from '../../shared/crypto/password';
import { DEMO_PASSWORD, DEMO_PINS, STAFF } from '../../scripts/seed/demo-catalog';
import { makePinRecord } from '../../shared/domain/manager-pin';
import { baseStatements, finalizeStatements, generateMembers, generateOrders } from '../../scripts/seed/generate';

// The seeded year of history ends on the day the tests run (UTC midnight), so windows such as
// "the last 30 days" always hold orders.
const ANCHOR = Math.floor(Date.now() / 86_400_000) * 86_400_000;
let seeded: Promise<void> | null = null;

/** The demo chain, small: 3 stores, the demo staff, 60 members with history. Idempotent. */
export function seedChain(): Promise<void> {
  seeded ??= (async () => {
    const done = await env.DB.prepare(`SELECT 1 FROM app_meta WHERE key = 'test.seed'`).first();
    if (done) return;
    const hash = await hashPassword(DEMO_PASSWORD);
    const size = { members: 60, orders: 400 };
    const m = generateMembers(size, ANCHOR);
    const pins = new Map(await Promise.all(Object.entries(DEMO_PINS).map(async ([u, pin]) => [u, JSON.stringify(await makePinRecord(pin))] as const)));
    const stmts = [...baseStatements(ANCHOR, new Map(STAFF.map((s) => [s.username, hash])), pins), ...m.sql, ...[...generateOrders(size, ANCHOR, m.members)].flat(), ...finalizeStatements()];
    for (const s of stmts) await env.DB.exec(s);
    // What depends on the day the tests run (a weekday campaign, members' birthdays) is switched
    // off, so a sale is priced the same on every day; the engine's own tests cover those rules.
    await env.DB.exec(`UPDATE chain_rules SET value = json_set(value, '$.birthdayBenefit', json('null'));`);
    await env.DB.exec(`UPDATE campaigns SET active = 0, doc = json_set(doc, '$.active', json('false')) WHERE id = 'cmp-member-day';`);
    await env.DB.exec(`INSERT INTO app_meta (key, value) VALUES ('test.seed', '1');`);
  })();
  return seeded;
}

let ipCounter = 0;
/** A distinct client address per caller, so rate-limit tests never lock each other out. */
export const freshIp = () => `10.9.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

export async function api(path: string, init: { method?: string; token?: string; body?: unknown; ip?: string; rawBody?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { 'cf-connecting-ip': init.ip ?? freshIp(), ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined || init.rawBody !== undefined) headers['content-type'] = 'application/json';
  const res = await SELF.fetch(`http://local${path}`, {
    method: init.method ?? (init.body !== undefined || init.rawBody !== undefined ? 'POST' : 'GET'),
    headers,
    body: init.rawBody ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined),
  });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, json, headers: res.headers };
}

export async function loginAs(username: string): Promise<string> {
  const r = await api('/api/auth/login', { body: { username, password: DEMO_PASSWORD } });
  if (r.status !== 200) throw new Error(`login ${username} failed: ${JSON.stringify(r.json)}`);
  return r.json.token as string;
}

export async function memberLoginToken(phone: string): Promise<string> {
  await env.DB.prepare('DELETE FROM otp_codes WHERE phone = ?').bind(phone).run();
  const sent = await api('/api/auth/member/otp', { body: { phone } });
  if (sent.status !== 200) throw new Error(`otp failed: ${JSON.stringify(sent.json)}`);
  const msg = await env.DB.prepare('SELECT body FROM dev_outbox WHERE recipient = ? ORDER BY id DESC LIMIT 1').bind(phone).first<{ body: string }>();
  const code = /\d{6}/.exec(msg!.body)![0];
  const r = await api('/api/auth/member/login', { body: { phone, code } });
  if (r.status !== 200) throw new Error(`member login failed: ${JSON.stringify(r.json)}`);
  return r.json.token as string;
}
