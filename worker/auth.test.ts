import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, freshIp, loginAs, memberLoginToken, seedChain } from './test/fixtures';

beforeAll(seedChain);

describe('staff sign-in', () => {
  it('returns a token and the user; the token opens /api/me; logout revokes it', async () => {
    const r = await api('/api/auth/login', { body: { username: 'clerk1', password: 'demo1234' } });
    expect(r.status).toBe(200);
    expect(r.json.user).toEqual({ kind: 'staff', id: 'staff-clerk1', name: '王小芳', role: 'clerk', storeId: 'store-1' });
    expect(r.json.expiresAt).toBeGreaterThan(Date.now());
    const me = await api('/api/me', { token: r.json.token });
    expect(me.status).toBe(200);
    expect(me.json.store.name).toBe('天河1店');
    expect((await api('/api/auth/logout', { method: 'POST', token: r.json.token })).status).toBe(200);
    const after = await api('/api/me', { token: r.json.token });
    expect(after.status).toBe(401);
    expect(after.json.error.code).toBe('UNAUTHENTICATED');
  });

  it('stores only a hash of the token and a salted PBKDF2 hash of the password', async () => {
    const token = await loginAs('manager1');
    const leaked = await env.DB.prepare('SELECT count(*) n FROM sessions WHERE token_hash = ?').bind(token).first<{ n: number }>();
    expect(leaked!.n).toBe(0);
    const stored = await env.DB.prepare(`SELECT password_hash FROM staff WHERE username = 'clerk1'`).first<{ password_hash: string }>();
    expect(stored!.password_hash).toMatch(/^pbkdf2-sha256\$100000\$[\w-]{22}\$[\w-]{43}$/);
    const { hashPassword } = await import('../shared/crypto/password');
    expect(await hashPassword('demo1234')).not.toBe(await hashPassword('demo1234'));
  });

  it('answers a wrong password with 401 and a clear message, and the same for an unknown user', async () => {
    const wrong = await api('/api/auth/login', { body: { username: 'clerk2', password: 'nope' } });
    expect(wrong.status).toBe(401);
    expect(wrong.json.error).toEqual({ code: 'INVALID_CREDENTIALS', message: 'Wrong username or password' });
    const unknown = await api('/api/auth/login', { body: { username: 'nobody', password: 'nope' } });
    expect(unknown.status).toBe(401);
    expect(unknown.json.error.message).toBe(wrong.json.error.message);
  });

  it('locks an account after 5 rapid failures (429 + Retry-After), even for the right password', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await api('/api/auth/login', { body: { username: 'clerk3b', password: `bad${i}` } })).status).toBe(401);
    }
    const locked = await api('/api/auth/login', { body: { username: 'clerk3b', password: 'demo1234' } });
    expect(locked.status).toBe(429);
    expect(locked.json.error.code).toBe('RATE_LIMITED');
    expect(locked.json.error.message).toMatch(/this account/);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another account from another address is unaffected.
    expect((await api('/api/auth/login', { body: { username: 'clerk3', password: 'demo1234' } })).status).toBe(200);
  });

  it('limits failures per client address across accounts', async () => {
    const ip = freshIp();
    for (let i = 0; i < 30; i++) await api('/api/auth/login', { ip, body: { username: `ghost${i}`, password: 'x' } });
    const r = await api('/api/auth/login', { ip, body: { username: 'manager2', password: 'demo1234' } });
    expect(r.status).toBe(429);
    expect(r.json.error.message).toMatch(/this address/);
    expect((await api('/api/auth/login', { body: { username: 'manager2', password: 'demo1234' } })).status).toBe(200);
  });

  it('rejects bad bodies with 400 naming the field, and changes nothing', async () => {
    const missing = await api('/api/auth/login', { body: { username: 'clerk1' } });
    expect(missing.status).toBe(400);
    expect(missing.json.error.code).toBe('VALIDATION_FAILED');
    expect(missing.json.error.message).toContain('password');
    expect(missing.json.error.details.issues[0].field).toBe('password');
    const notJson = await api('/api/auth/login', { rawBody: '{"username":' });
    expect(notJson.status).toBe(400);
    expect(notJson.json.error.code).toBe('VALIDATION_FAILED');
    const badPhone = await api('/api/auth/member/otp', { body: { phone: '12345' } });
    expect(badPhone.status).toBe(400);
    expect(badPhone.json.error.message).toContain('phone');
  });

  it('refuses requests without a token, with an unknown token, or with an expired session', async () => {
    expect((await api('/api/me')).json.error.code).toBe('UNAUTHENTICATED');
    expect((await api('/api/stores', { token: 'forged' })).status).toBe(401);
    const { sha256Hex } = await import('./auth/tokens');
    await env.DB.prepare(`INSERT INTO sessions (token_hash, subject_kind, subject_id, created_at, expires_at) VALUES (?, 'staff', 'staff-admin', 0, 1)`)
      .bind(await sha256Hex('old-token'))
      .run();
    const expired = await api('/api/me', { token: 'old-token' });
    expect(expired.status).toBe(401);
    expect(expired.json.error.code).toBe('SESSION_EXPIRED');
  });
});

describe('member sign-in by one-time code', () => {
  const memberPhone = async () => (await env.DB.prepare(`SELECT phone FROM members ORDER BY card_no LIMIT 1 OFFSET 5`).first<{ phone: string }>())!.phone;

  it('sends a code to the dev outbox, signs in with it, and the code works only once', async () => {
    const phone = await memberPhone();
    const token = await memberLoginToken(phone);
    const me = await api('/api/me', { token });
    expect(me.status).toBe(200);
    expect(me.json.user.kind).toBe('member');
    expect(me.json.member.phone).toBe(phone);
    expect(me.json.tier.code).toBe(me.json.member.tierCode);
    const msg = await env.DB.prepare('SELECT body FROM dev_outbox WHERE recipient = ? ORDER BY id DESC LIMIT 1').bind(phone).first<{ body: string }>();
    const reuse = await api('/api/auth/member/login', { body: { phone, code: /\d{6}/.exec(msg!.body)![0] } });
    expect(reuse.status).toBe(401);
    expect(reuse.json.error.code).toBe('INVALID_OTP');
  });

  it('refuses a wrong code, and a second code request within a minute', async () => {
    const phone = (await env.DB.prepare(`SELECT phone FROM members ORDER BY card_no LIMIT 1 OFFSET 7`).first<{ phone: string }>())!.phone;
    expect((await api('/api/auth/member/otp', { body: { phone } })).status).toBe(200);
    const again = await api('/api/auth/member/otp', { body: { phone } });
    expect(again.status).toBe(429);
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0);
    const wrong = await api('/api/auth/member/login', { body: { phone, code: '000000' } });
    expect(wrong.status).toBe(401);
  });

  it('answers an unregistered phone the same way and sends nothing', async () => {
    const r = await api('/api/auth/member/otp', { body: { phone: '19900000000' } });
    expect(r.status).toBe(200);
    const n = await env.DB.prepare(`SELECT count(*) n FROM dev_outbox WHERE recipient = '19900000000'`).first<{ n: number }>();
    expect(n!.n).toBe(0);
  });
});
