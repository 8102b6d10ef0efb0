import { env, SELF } from 'cloudflare:test';
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import { approvalMessages, approve } from '../shared/domain/manager-pin';
import type { Approver } from '../shared/schemas/approval';
import { openDb } from './db/client';
import { approverSource } from './sync/approver-source';
import { api, freshIp, loginAs, memberLoginToken, seedChain } from './test/fixtures';

// Abuse limits (docs/decisions/018). The Workers rate limits count in wall-clock windows of 60 s, so
// a test that crosses a window boundary may need up to twice the limit before the first 429.
type Res = Awaited<ReturnType<typeof api>>;
async function untilLimited(limit: number, send: (i: number) => Promise<Res>): Promise<{ at: number; res: Res }> {
  for (let i = 0; i <= 2 * limit + 1; i++) {
    const res = await send(i);
    if (res.status === 429) return { at: i, res };
    expect(res.status).toBeLessThan(500);
  }
  throw new Error(`no 429 after ${2 * limit + 2} requests`);
}
const limited = (r: Res, message: RegExp) => {
  expect([r.status, r.json.error.code]).toEqual([429, 'RATE_LIMITED']);
  expect(r.json.error.message).toMatch(message);
  expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
};

beforeAll(seedChain);

describe('per address and per account', () => {
  it('sign-in attempts from one address are limited before any password is checked', async () => {
    const ip = freshIp();
    const { at, res } = await untilLimited(20, () => api('/api/auth/login', { ip, body: { username: 'clerk2b', password: 'demo1234' } }));
    expect(at).toBeGreaterThanOrEqual(20);
    limited(res, /this address/);
    // The account itself is not locked: from elsewhere it signs in.
    expect((await api('/api/auth/login', { body: { username: 'clerk2b', password: 'demo1234' } })).status).toBe(200);
  });

  it('one-time codes sent from one address are limited (SMS pumping), whichever phones they go to', async () => {
    const ip = freshIp();
    const phone = (i: number) => `135${String(70_000_000 + i)}`;
    const { at, res } = await untilLimited(10, (i) => api('/api/auth/member/otp', { ip, body: { phone: phone(i) } }));
    expect(at).toBeGreaterThanOrEqual(10);
    limited(res, /codes requested from this address/);
  });

  it('a wrong code five times locks the phone’s code, even for the right one', async () => {
    const m = (await env.DB.prepare(`SELECT phone FROM members WHERE status = 'active' ORDER BY id DESC LIMIT 1`).first<{ phone: string }>())!;
    await env.DB.prepare('DELETE FROM otp_codes WHERE phone = ?').bind(m.phone).run();
    expect((await api('/api/auth/member/otp', { body: { phone: m.phone } })).status).toBe(200);
    const sent = await env.DB.prepare('SELECT body FROM dev_outbox WHERE recipient = ? ORDER BY id DESC LIMIT 1').bind(m.phone).first<{ body: string }>();
    const code = /\d{6}/.exec(sent!.body)![0];
    const wrong = code === '000000' ? '000001' : '000000';
    for (let i = 0; i < 5; i++) expect((await api('/api/auth/member/login', { body: { phone: m.phone, code: wrong } })).status).toBe(401);
    const right = await api('/api/auth/member/login', { body: { phone: m.phone, code } });
    limited(right, /this phone/);
  });

  it('costly reads (member search, ledgers) are limited per account', async () => {
    const token = await loginAs('clerk3');
    const { res } = await untilLimited(120, () => api('/api/members?q=138', { token }));
    limited(res, /for this account/);
    // Another account is not affected.
    expect((await api('/api/members?q=138', { token: await loginAs('clerk3b') })).status).toBe(200);
    // 120–241 requests: seconds alone, more beside the rest of the suite.
  }, 60_000);

  it('an address the client names itself (X-Real-IP) is not trusted: only CF-Connecting-IP is', async () => {
    const { clientAddress } = await import('./auth/middleware');
    const headers = (h: Record<string, string>) => ({ header: (n: string) => h[n] });
    expect(clientAddress(headers({ 'x-real-ip': '1.2.3.4', 'x-forwarded-for': '5.6.7.8' }))).toBe('local');
    expect(clientAddress(headers({ 'cf-connecting-ip': '9.9.9.9', 'x-real-ip': '1.2.3.4' }))).toBe('9.9.9.9');
    // 30 failures each "from" another X-Real-IP still count against one address.
    for (let i = 0; i < 30; i++) {
      await SELF.fetch('http://local/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', 'x-real-ip': `7.7.7.${i}` }, body: JSON.stringify({ username: `nobody${i}`, password: 'x' }) });
    }
    const r = await SELF.fetch('http://local/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', 'x-real-ip': '8.8.8.8' }, body: JSON.stringify({ username: 'manager3', password: 'demo1234' }) });
    expect(r.status).toBe(429);
    await env.DB.prepare(`DELETE FROM login_throttle WHERE key = 'address:local'`).run();
  });
});

describe('manager approvals', () => {
  it('five wrong approvals in a manager’s name stop their approvals for a while, even a right one', async () => {
    const clerk = await loginAs('clerk3');
    const approver = (await approverSource(openDb(env.DB), 'store-3').page('', 100)).map((r) => r.value as Approver).find((a) => a.id === 'staff-manager3')!;
    const sale = { id: ulid(), storeId: 'store-3', memberId: null, createdAt: Date.now(), lines: [{ productId: 'p-401', quantity: 1 }], tenders: [{ kind: 'cash', amountFen: 8900 }] };
    expect((await api('/api/orders', { token: clerk, body: sale })).status).toBe(200);
    const refund = async (pin: string) => {
      const opId = ulid();
      const approval = await approve(approver, pin, approvalMessages.refund({ opId, refundOf: sale.id, amountFen: 100 }), 1000);
      // A wrong PIN makes no approval on the tablet; forge one as an attacker would.
      const proof = approval ?? { approvedBy: approver.id, proof: 'A'.repeat(43) };
      return api(`/api/orders/${sale.id}/refund`, { token: clerk, body: { opId, storeId: 'store-3', amountFen: 100, approval: proof } });
    };
    for (let i = 0; i < 5; i++) expect((await refund('000000')).status).toBe(403);
    limited(await refund('135790'), /wrong approvals in this manager’s name/);
    expect(await env.DB.prepare('SELECT refunded_fen r FROM orders WHERE id = ?').bind(sale.id).first()).toEqual({ r: 0 });
  });
});

describe('sessions', () => {
  it('a password change signs out every other session, and the old password stops working', async () => {
    const [a, b] = [await loginAs('manager3'), await loginAs('manager3')];
    const wrong = await api('/api/me/password', { method: 'PUT', token: a, body: { currentPassword: 'nope', newPassword: 'a-much-longer-secret' } });
    expect([wrong.status, wrong.json.error.code]).toEqual([403, 'FORBIDDEN']);
    const short = await api('/api/me/password', { method: 'PUT', token: a, body: { currentPassword: 'demo1234', newPassword: 'short' } });
    expect([short.status, short.json.error.message]).toEqual([400, expect.stringContaining('newPassword')]);
    const ok = await api('/api/me/password', { method: 'PUT', token: a, body: { currentPassword: 'demo1234', newPassword: 'a-much-longer-secret' } });
    expect(ok.json).toEqual({ ok: true, revokedSessions: expect.any(Number) });
    expect(ok.json.revokedSessions).toBeGreaterThanOrEqual(1);
    expect((await api('/api/me', { token: b })).status).toBe(401);
    expect((await api('/api/me', { token: a })).status).toBe(200);
    expect((await api('/api/auth/login', { body: { username: 'manager3', password: 'demo1234' } })).status).toBe(401);
    expect((await api('/api/auth/login', { body: { username: 'manager3', password: 'a-much-longer-secret' } })).status).toBe(200);
    const audit = await env.DB.prepare(`SELECT count(*) n FROM audit_log WHERE action = 'staff.password_changed' AND entity_id = 'staff-manager3'`).first<{ n: number }>();
    expect(audit!.n).toBe(1);
  });

  it('members cannot change a password (they sign in with a code)', async () => {
    const m = (await env.DB.prepare(`SELECT phone FROM members WHERE status = 'active' ORDER BY id LIMIT 1`).first<{ phone: string }>())!;
    const r = await api('/api/me/password', { method: 'PUT', token: await memberLoginToken(m.phone), body: { currentPassword: 'x', newPassword: 'a-much-longer-secret' } });
    expect([r.status, r.json.error.code]).toEqual([403, 'FORBIDDEN']);
  });
});
