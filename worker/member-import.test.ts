import { env } from 'cloudflare:test';
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, loginAs, seedChain } from './test/fixtures';

let hq: string, manager1: string, clerk1: string;
const base = 5_500_000_000 + (Date.now() % 1_000_000) * 100; // 155x xxxx xxxx: phones no seed member has
const phone = (k: number) => `1${base + k}`;
let existing: { id: string; phone: string; name: string };

/** Good rows 1–3 (3 at store 2 by its code), then one bad row per check. */
const file = () => [
  '手机,姓名,性别,生日,等级,门店,储值本金(元),赠送金,积分,标签',
  `${phone(1)},导入甲,女,1990-01-02,金卡会员,,1200.50,200,300,老客;烫发`,
  `${phone(2)},导入乙,男,,,,88,,,`,
  `${phone(3)},导入丙,,,,S002,,,50,`,
  `12345,坏手机,,,,,10,,,`,
  `${phone(5)},重复一,,,,,10,,,`,
  `${phone(5)},重复二,,,,,10,,,`,
  `${existing.phone},另一个名字,,,,,10,,,`,
  `${phone(8)},坏金额,,,,,12.345,,,`,
  `${phone(9)},坏门店,,,,不存在,10,,,`,
  `${phone(10)},坏等级,,,白金,,10,,,`,
].join('\n');

const count = async (sql: string, ...binds: unknown[]) => (await env.DB.prepare(sql).bind(...binds).first<{ n: number }>())!.n;
const importedPhones = () => [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(phone);
const membersOfFile = () => count(`SELECT count(*) n FROM members WHERE phone IN (SELECT value FROM json_each(?))`, JSON.stringify(importedPhones()));
const memberByPhone = (p: string) => env.DB.prepare('SELECT id, home_store_id, tier_code, card_no FROM members WHERE phone = ?').bind(p).first<{ id: string; home_store_id: string; tier_code: string; card_no: string }>();

beforeAll(async () => {
  await seedChain();
  [hq, manager1, clerk1] = await Promise.all(['admin', 'manager1', 'clerk1'].map(loginAs)) as [string, string, string];
  existing = (await env.DB.prepare(`SELECT id, phone, name FROM members WHERE home_store_id = 'store-1' LIMIT 1`).first<{ id: string; phone: string; name: string }>())!;
});

describe('member CSV import: who', () => {
  it('HQ only: a manager or clerk cannot preview or import', async () => {
    for (const token of [manager1, clerk1]) {
      expect((await api('/api/member-admin/imports/preview', { token, body: { storeId: 'store-1', csv: file() } })).status).toBe(403);
      expect((await api('/api/member-admin/imports/commit', { token, body: { storeId: 'store-1', csv: file(), importId: ulid() } })).status).toBe(403);
    }
    expect(await membersOfFile()).toBe(0);
  });
});

describe('member CSV import: preview, commit, re-run', () => {
  it('preview names each bad row’s field and writes nothing', async () => {
    const r = await api('/api/member-admin/imports/preview', { token: hq, body: { storeId: 'store-1', csv: file() } });
    expect(r.status).toBe(200);
    expect(r.json.counts).toEqual({ new: 3, existing: 0, error: 7, created: 0 });
    const errs = Object.fromEntries(r.json.rows.map((x: { line: number; errors: { field: string }[] }) => [x.line, x.errors.map((e) => e.field)]));
    expect(errs).toEqual({ 2: [], 3: [], 4: [], 5: ['phone'], 6: ['phone'], 7: ['phone'], 8: ['phone'], 9: ['principal'], 10: ['store'], 11: ['tier'] });
    expect(r.json.rows[6].errors[0].message).toMatch(/already a member/);
    expect(r.json.rows[0]).toMatchObject({ status: 'new', storeId: 'store-1', principalFen: 120_050, bonusFen: 20_000, points: 300 });
    expect(r.json.rows[2]).toMatchObject({ status: 'new', storeId: 'store-2' });
    expect(await membersOfFile()).toBe(0);
  });

  const importId = ulid();
  it('commit creates the good rows with their opening balance in the account; bad rows change nothing', async () => {
    const r = await api('/api/member-admin/imports/commit', { token: hq, body: { storeId: 'store-1', csv: file(), importId } });
    expect(r.status).toBe(200);
    expect(r.json.counts).toEqual({ new: 0, existing: 0, error: 7, created: 3 });
    expect(r.json.opening).toEqual({ imported: 3, failed: [] });
    expect(await membersOfFile()).toBe(3);
    const a = (await memberByPhone(phone(1)))!;
    expect(a).toMatchObject({ home_store_id: 'store-1', tier_code: 'gold' });
    expect(a.card_no).toMatch(/^8800\d{8}$/);
    expect((await memberByPhone(phone(3)))!.home_store_id).toBe('store-2');
    const account = await api(`/api/members/${a.id}/account`, { token: hq });
    expect(account.json.balances).toMatchObject({ principalFen: 120_050, bonusFen: 20_000, points: 300 });
    const ledger = await api(`/api/members/${a.id}/ledger`, { token: hq });
    expect(ledger.json.entries.map((e: { kind: string }) => e.kind)).toEqual(['opening']);
    expect((await api(`/api/members/${a.id}/ledger/verify`, { token: hq })).json).toMatchObject({ ok: true, entries: 1 });
    // No balance, no member_imports row (nothing to open); tags as staff tags.
    const b = (await memberByPhone(phone(2)))!;
    expect((await api(`/api/members/${b.id}/account`, { token: hq })).json.balances).toMatchObject({ principalFen: 8_800, bonusFen: 0, points: 0 });
    expect((await api(`/api/member-admin/members/${a.id}`, { token: hq })).json.staffTags).toEqual(['老客', '烫发']);
    // The existing member named by a bad row is untouched.
    expect((await env.DB.prepare('SELECT name FROM members WHERE id = ?').bind(existing.id).first<{ name: string }>())!.name).toBe(existing.name);
  });

  it('audited: one registration per created member, one row for the import', async () => {
    const a = (await memberByPhone(phone(1)))!;
    const reg = await env.DB.prepare(`SELECT detail, store_id FROM audit_log WHERE action = 'member.register' AND entity_id = ?`).bind(a.id).all<{ detail: string; store_id: string }>();
    expect(reg.results).toHaveLength(1);
    expect(JSON.parse(reg.results[0]!.detail)).toMatchObject({ importId, phone: phone(1), principalFen: 120_050, cardNo: a.card_no });
    const summary = await env.DB.prepare(`SELECT detail FROM audit_log WHERE action = 'member.import' AND entity_id = ?`).bind(importId).all<{ detail: string }>();
    expect(summary.results).toHaveLength(1);
    expect(JSON.parse(summary.results[0]!.detail)).toMatchObject({ created: 3, error: 7, opening: 3 });
  });

  it('re-running the same file (same import id, or a new one) creates no member and no second balance', async () => {
    for (const id of [importId, ulid()]) {
      const r = await api('/api/member-admin/imports/commit', { token: hq, body: { storeId: 'store-1', csv: file(), importId: id } });
      expect(r.status).toBe(200);
      expect(r.json.counts).toEqual({ new: 0, existing: 3, error: 7, created: 0 });
      expect(r.json.opening.imported).toBe(0);
    }
    expect(await membersOfFile()).toBe(3);
    const a = (await memberByPhone(phone(1)))!;
    expect((await api(`/api/members/${a.id}/account`, { token: hq })).json.balances).toMatchObject({ principalFen: 120_050, bonusFen: 20_000, points: 300 });
    expect(await count(`SELECT count(*) n FROM ledger_entries WHERE member_id = ?`, a.id)).toBeLessThanOrEqual(1);
    expect((await api(`/api/members/${a.id}/ledger`, { token: hq })).json.entries).toHaveLength(1);
    expect(await count(`SELECT count(*) n FROM audit_log WHERE action = 'member.register' AND entity_id = ?`, a.id)).toBe(1);
  });

  it('a commit interrupted before its balances were opened is completed by the re-run', async () => {
    const p = phone(11);
    const csv = `手机,姓名,储值本金\n${p},中断丁,50`;
    await api('/api/member-admin/imports/commit', { token: hq, body: { storeId: 'store-1', csv, importId: ulid() } });
    const d = (await memberByPhone(p))!;
    // As if the worker stopped after writing the member: the balance is pending again (the object already has it, keyed by the op id).
    await env.DB.prepare('UPDATE member_imports SET imported_at = NULL WHERE member_id = ?').bind(d.id).run();
    const again = await api('/api/member-admin/imports/commit', { token: hq, body: { storeId: 'store-1', csv, importId: ulid() } });
    expect(again.json.counts.existing).toBe(1);
    expect((await api(`/api/members/${d.id}/ledger`, { token: hq })).json.entries).toHaveLength(1);
    expect((await api(`/api/members/${d.id}/account`, { token: hq })).json.balances.principalFen).toBe(5_000);
  });
});

describe('member CSV import: bad input is a 400 naming the field, and nothing changes', () => {
  it.each([
    ['csv', { storeId: 'store-1', importId: ulid() }],
    ['importId', { storeId: 'store-1', csv: `手机,姓名\n${phone(20)},甲`, importId: 'not-a-ulid' }],
    ['storeId', { csv: `手机,姓名\n${phone(20)},甲`, importId: ulid() }],
  ])('%s', async (field, body) => {
    const r = await api('/api/member-admin/imports/commit', { token: hq, body });
    expect(r.status).toBe(400);
    expect(r.json.error.message).toMatch(new RegExp(field));
  });
  it('a file without a phone column, or an unknown target store', async () => {
    const r = await api('/api/member-admin/imports/commit', { token: hq, body: { storeId: 'store-1', csv: `姓名,积分\n无手机,1`, importId: ulid() } });
    expect(r.status).toBe(400);
    expect(r.json.error.message).toMatch(/csv: missing column phone/);
    expect((await api('/api/member-admin/imports/preview', { token: hq, body: { storeId: 'store-none', csv: file() } })).status).toBe(404);
  });
});
