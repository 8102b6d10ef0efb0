import { env } from 'cloudflare:test';
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateMemberKeyPair, issueMemberCode, verifyMemberCode, type SeenCodes } from '../shared/domain/member-code';
import { api, loginAs, memberLoginToken, seedChain } from './test/fixtures';

let clerk1: string, hq: string;

const phone = () => `197${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
const putKey = (token: string, body: unknown) => api('/api/me/qr-key', { method: 'PUT', token, body });
const seenSet = (): SeenCodes => {
  const s = new Set<string>();
  return { has: (k) => s.has(k), add: (k) => void s.add(k) };
};

async function newMember() {
  const r = await api('/api/members', { token: clerk1, body: { id: ulid(), phone: phone(), name: '扫码会员', homeStoreId: 'store-1', createdAt: Date.now() - 60_000 } });
  expect(r.status).toBe(201);
  return { member: r.json as { id: string; phone: string; cardNo: string; qrPublicKey: string | null }, token: await memberLoginToken(r.json.phone) };
}

const pull = (token: string, clientGroupID: string, cookie: unknown) =>
  api('/api/replicache/pull', { token, body: { pullVersion: 1, clientGroupID, cookie, profileID: 'p', schemaVersion: '1' } });

/** Pulls until `sync/meta` says no more; returns the cookie and every put seen, by key. */
async function pullAll(token: string, group: string, cookie: unknown = null) {
  const puts = new Map<string, any>();
  for (let pages = 0; pages < 200; pages++) {
    const r = await pull(token, group, cookie);
    expect(r.status).toBe(200);
    cookie = r.json.cookie;
    for (const op of r.json.patch as { op: string; key?: string; value?: any }[]) if (op.op === 'put') puts.set(op.key!, op.value);
    if (!puts.get('sync/meta')?.more) return { cookie, puts };
    puts.delete('sync/meta');
  }
  throw new Error('still more after 200 pulls');
}

beforeAll(async () => {
  await seedChain();
  [clerk1, hq] = await Promise.all([loginAs('clerk1'), loginAs('admin')]);
});

describe('PUT /api/me/qr-key', () => {
  it('registers the phone’s key: staff see it, codes signed on the phone verify against it, audited once', async () => {
    const { member, token } = await newMember();
    expect(member.qrPublicKey).toBeNull();
    const before = (await env.DB.prepare('SELECT updated_at u FROM members WHERE id = ?').bind(member.id).first<{ u: number }>())!.u;
    const phoneKeys = generateMemberKeyPair();

    const r = await putKey(token, { publicKey: phoneKeys.publicKey });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ id: member.id, cardNo: member.cardNo, qrPublicKey: phoneKeys.publicKey });
    const after = (await env.DB.prepare('SELECT updated_at u FROM members WHERE id = ?').bind(member.id).first<{ u: number }>())!.u;
    expect(after).toBeGreaterThan(before);

    const byStaff = await api(`/api/members/${member.id}`, { token: clerk1 });
    expect(byStaff.json.qrPublicKey).toBe(phoneKeys.publicKey);
    expect((await api('/api/me', { token })).json.member.qrPublicKey).toBe(phoneKeys.publicKey);

    // What the tablet does, offline, with the key it got from the server.
    const code = issueMemberCode(member.id, phoneKeys.secretKey, Date.now());
    const keyFor = (id: string) => (id === member.id ? (byStaff.json.qrPublicKey as string) : null);
    const seen = seenSet();
    expect(verifyMemberCode(code, keyFor, Date.now(), seen)).toMatchObject({ ok: true, memberId: member.id });
    expect(verifyMemberCode(code, keyFor, Date.now(), seen)).toEqual({ ok: false, code: 'replayed' });

    // The same key again changes nothing and is not audited again.
    expect((await putKey(token, { publicKey: phoneKeys.publicKey })).status).toBe(200);
    const audits = await env.DB.prepare(`SELECT actor_kind, actor_id, store_id, detail FROM audit_log WHERE action = 'member.qr_key' AND entity_id = ?`).bind(member.id).all<Record<string, string>>();
    expect(audits.results).toHaveLength(1);
    expect(audits.results[0]).toMatchObject({ actor_kind: 'member', actor_id: member.id, store_id: 'store-1' });
    expect(JSON.parse(audits.results[0]!.detail!)).toEqual({ before: null, after: phoneKeys.publicKey });

    // A new phone replaces the key: the old phone's codes no longer verify.
    const newPhone = generateMemberKeyPair();
    expect((await putKey(token, { publicKey: newPhone.publicKey })).json.qrPublicKey).toBe(newPhone.publicKey);
    const stored = (await api(`/api/members/${member.id}`, { token: clerk1 })).json.qrPublicKey as string;
    const oldCode = issueMemberCode(member.id, phoneKeys.secretKey, Date.now());
    expect(verifyMemberCode(oldCode, () => stored, Date.now(), seenSet())).toEqual({ ok: false, code: 'bad_signature' });
    expect(verifyMemberCode(issueMemberCode(member.id, newPhone.secretKey, Date.now()), () => stored, Date.now(), seenSet()).ok).toBe(true);
  });

  it('reaches the home store’s tablet on its next pull', async () => {
    const { member, token } = await newMember();
    const group = `qr-${ulid()}`;
    const first = await pullAll(clerk1, group);
    expect(first.puts.get(`member/${member.id}`)).toMatchObject({ id: member.id, qrPublicKey: null });
    const keys = generateMemberKeyPair();
    expect((await putKey(token, { publicKey: keys.publicKey })).status).toBe(200);
    const next = await pullAll(clerk1, group, first.cookie);
    expect(next.puts.get(`member/${member.id}`)).toMatchObject({ id: member.id, qrPublicKey: keys.publicKey });
  });

  it('is for members only, and refuses anything that is not an Ed25519 public key', async () => {
    const { publicKey } = generateMemberKeyPair();
    for (const staff of [clerk1, hq]) {
      const r = await putKey(staff, { publicKey });
      expect([r.status, r.json.error.code]).toEqual([403, 'FORBIDDEN']);
    }
    expect((await putKey('', { publicKey })).status).toBe(401);

    const { member, token } = await newMember();
    for (const body of [{}, { publicKey: '' }, { publicKey: publicKey.slice(1) }, { publicKey: `${publicKey}A` }, { publicKey: publicKey.replace(/^./, '+') }, { publicKey: '_'.repeat(42) + 'w' }, { publicKey: 42 }]) {
      const r = await putKey(token, body);
      expect([r.status, r.json.error.code], JSON.stringify(body)).toEqual([400, 'VALIDATION_FAILED']);
      expect(r.json.error.message).toContain('publicKey');
    }
    const notJson = await api('/api/me/qr-key', { method: 'PUT', token, rawBody: '{' });
    expect(notJson.status).toBe(400);
    expect((await api(`/api/members/${member.id}`, { token: clerk1 })).json.qrPublicKey).toBeNull();
  });
});
