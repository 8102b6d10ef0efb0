import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, loginAs, seedChain } from './test/fixtures';

// p-401 控油洗发水 ¥89 in every store; store 2 runs no demo campaign (the member-day one is off in tests).
const PRICE = 8900;
let hq: string, manager1: string, clerk1: string;

beforeAll(async () => {
  await seedChain();
  [hq, manager1, clerk1] = await Promise.all([loginAs('admin'), loginAs('manager1'), loginAs('clerk1')]);
});

const versions = async (key = 'rules') => (await api(`/api/rules/versions?key=${key}`, { token: hq })).json;
const auditOf = (entity: string, id: string) => env.DB.prepare(`SELECT action, detail FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY at DESC`).bind(entity, id).all<{ action: string; detail: string }>();

describe('rules: versioned saves', () => {
  it('HQ saves from the version in force; a stale version is 409 and changes nothing; every save is listed and audited', async () => {
    const v0 = await versions();
    const rules = v0.current;
    const next = { ...rules, pointsLockDays: rules.pointsLockDays + 1 };
    const saved = await api('/api/rules', { method: 'PUT', token: hq, body: { ...next, baseVersion: v0.version } });
    expect([saved.status, saved.headers.get('x-rules-version')]).toEqual([200, String(v0.version + 1)]);
    const v1 = await versions();
    expect(v1.version).toBe(v0.version + 1);
    expect(v1.versions[0]).toMatchObject({ key: 'rules', version: v0.version + 1, savedByName: expect.any(String), value: { pointsLockDays: next.pointsLockDays } });
    // The version it replaced is kept too.
    expect(v1.versions.map((v: { version: number }) => v.version)).toContain(v0.version);
    const stale = await api('/api/rules', { method: 'PUT', token: hq, body: { ...rules, pointsPerYuan: 9, baseVersion: v0.version } });
    expect([stale.status, stale.json.error.code]).toEqual([409, 'CONFLICT']);
    expect(stale.json.error.message).toContain('someone saved a newer version');
    expect((await versions()).current.pointsPerYuan).toBe(rules.pointsPerYuan);
    const audit = (await auditOf('chain_rules', 'rules')).results[0]!;
    expect(audit.action).toBe('rules.update');
    expect(JSON.parse(audit.detail)).toMatchObject({ before: { pointsLockDays: rules.pointsLockDays }, after: { pointsLockDays: next.pointsLockDays } });
    // Put back.
    expect((await api('/api/rules', { method: 'PUT', token: hq, body: { ...rules, baseVersion: v1.version } })).status).toBe(200);
  });

  it('bad rules are 400 naming the field, and nothing changes', async () => {
    const v = await versions();
    const bad = { ...v.current, rechargeRules: [{ minFen: 50_000, bonusFen: 5_000 }, { minFen: 100_000, bonusFen: -1 }], baseVersion: v.version };
    const r = await api('/api/rules', { method: 'PUT', token: hq, body: bad });
    expect([r.status, r.json.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(r.json.error.message).toContain('rechargeRules.1.bonusFen');
    const after = await versions();
    expect([after.version, after.versions.length]).toEqual([v.version, v.versions.length]);
  });

  it('managers and clerks may read the rules but not save them, list versions or preview', async () => {
    for (const token of [manager1, clerk1]) {
      const v = (await api('/api/rules', { token })).json;
      expect((await api('/api/rules', { method: 'PUT', token, body: v })).status).toBe(403);
      expect((await api('/api/rules/versions', { token })).status).toBe(403);
      expect((await api('/api/rules/preview', { token, body: { rules: v, sale: { storeId: 'store-2', lines: [{ productId: 'p-401', quantity: 1 }] } } })).status).toBe(403);
      expect((await api('/api/tiers/gold', { method: 'PUT', token, body: { name: '金卡', nameEn: 'Gold', upgradeSpendFen: 800_000, keepSpendFen: 600_000, discountBp: 9500, pointsMultiplierBp: 15_000 } })).status).toBe(403);
    }
  });
});

describe('rules: preview', () => {
  it('prices the example sale under the rules in force and under the candidate, exactly', async () => {
    const rules = (await versions()).current;
    const candidate = { ...rules, pointsPerYuan: 2, rechargeRules: [{ minFen: 100_000, bonusFen: 30_000 }] };
    const tiers = (await api('/api/tiers', { token: hq })).json.tiers.map((t: { code: string }) => (t.code === 'gold' ? { ...t, discountBp: 9000 } : t));
    const r = await api('/api/rules/preview', { token: hq, body: { rules: candidate, tiers, sale: { storeId: 'store-2', lines: [{ productId: 'p-401', quantity: 2 }], tierCode: 'gold', rechargeFen: 100_000 } } });
    expect(r.status).toBe(200);
    // Gold 9.5折 on ¥178 = ¥169.10 → 169 yuan × 1 point × 1.5 = 253; candidate 9折 = ¥160.20 → 160 × 2 × 1.5 = 480.
    expect(r.json.current).toMatchObject({ subtotalFen: 2 * PRICE, totalFen: 16_910, discountFen: 890, points: 253, rechargeBonusFen: 20_000 });
    expect(r.json.candidate).toMatchObject({ subtotalFen: 2 * PRICE, totalFen: 16_020, discountFen: 1_780, points: 480, rechargeBonusFen: 30_000 });
    expect(r.json.delta).toEqual({ totalFen: -890, points: 227, rechargeBonusFen: 10_000 });
    expect((await versions()).current.pointsPerYuan).toBe(rules.pointsPerYuan);
  });

  it('names the bad field of a candidate', async () => {
    const rules = (await versions()).current;
    const r = await api('/api/rules/preview', { token: hq, body: { rules: { ...rules, pointsExpiry: { kind: 'rolling_months', months: 0 } }, sale: { storeId: 'store-2', lines: [{ productId: 'p-401', quantity: 1 }] } } });
    expect([r.status, r.json.error.message]).toEqual([400, expect.stringContaining('rules.pointsExpiry.months')]);
  });
});

describe('tiers', () => {
  const body = (t: Record<string, unknown>, over: Record<string, unknown> = {}) => ({ name: t.name, nameEn: t.nameEn, upgradeSpendFen: t.upgradeSpendFen, keepSpendFen: t.keepSpendFen, discountBp: t.discountBp, pointsMultiplierBp: t.pointsMultiplierBp, categoryDiscounts: t.categoryDiscounts ?? {}, ...over });
  const gold = async () => (await api('/api/tiers', { token: hq })).json.tiers.find((t: { code: string }) => t.code === 'gold');

  it('HQ edits a tier with per-category rates: versioned, audited, priced at the counter, synced to tablets', async () => {
    const before = await gold();
    const v = await versions('tiers');
    const r = await api('/api/tiers/gold', { method: 'PUT', token: hq, body: body(before, { discountBp: 9200, categoryDiscounts: { 'cat-haircare': 8000 }, baseVersion: v.version }) });
    expect([r.status, r.json.categoryDiscounts]).toEqual([200, { 'cat-haircare': 8000 }]);
    const after = await versions('tiers');
    expect(after.version).toBe(v.version + 1);
    expect(after.versions[0].value.find((t: { code: string }) => t.code === 'gold')).toMatchObject({ discountBp: 9200 });
    const audit = (await auditOf('tier', 'gold')).results[0]!;
    expect(JSON.parse(audit.detail)).toMatchObject({ before: { discountBp: before.discountBp }, after: { discountBp: 9200, categoryDiscounts: { 'cat-haircare': 8000 } } });
    // The counter prices a gold member's shampoo (cat-haircare) at 8折 now, not 9.2折.
    const rules = (await versions()).current;
    const p = await api('/api/rules/preview', { token: hq, body: { rules, sale: { storeId: 'store-2', lines: [{ productId: 'p-401', quantity: 1 }], tierCode: 'gold' } } });
    expect(p.json.current.totalFen).toBe(7_120);
    // Stale edit: 409, nothing changes.
    const stale = await api('/api/tiers/gold', { method: 'PUT', token: hq, body: body(before, { discountBp: 5000, baseVersion: v.version }) });
    expect([stale.status, stale.json.error.message]).toEqual([409, expect.stringContaining('someone saved a newer version')]);
    expect((await gold()).discountBp).toBe(9200);
    // Put back.
    expect((await api('/api/tiers/gold', { method: 'PUT', token: hq, body: body(before, { categoryDiscounts: {} }) })).status).toBe(200);
  });

  it('refuses thresholds that do not climb with rank, keep above upgrade and unknown categories, naming the field', async () => {
    const g = await gold();
    const v = (await versions('tiers')).version;
    const cases: [Record<string, unknown>, string][] = [
      [{ upgradeSpendFen: 100_000, keepSpendFen: 50_000 }, 'upgradeSpendFen'],
      [{ keepSpendFen: g.upgradeSpendFen + 1 }, 'keepSpendFen'],
      [{ categoryDiscounts: { 'cat-nope': 9000 } }, 'categoryDiscounts.cat-nope'],
      [{ discountBp: 12_000 }, 'discountBp'],
    ];
    for (const [over, field] of cases) {
      const r = await api('/api/tiers/gold', { method: 'PUT', token: hq, body: body(g, over) });
      expect([r.status, r.json.error.message]).toEqual([400, expect.stringContaining(field)]);
    }
    expect((await versions('tiers')).version).toBe(v);
    expect(await gold()).toEqual(g);
  });
});
