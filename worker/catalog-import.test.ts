import { env } from 'cloudflare:test';
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, loginAs, seedChain } from './test/fixtures';

let hq: string, manager1: string, clerk1: string;
beforeAll(async () => {
  await seedChain();
  [hq, manager1, clerk1] = await Promise.all([loginAs('admin'), loginAs('manager1'), loginAs('clerk1')]);
});

const HEAD = '编码,名称,类型,分类,单位,条码,成本价（元）,售价（元）,积分,次卡';
const tag = ulid().slice(-6);
/** 50 rows: 49 new products and one whose price has three decimals (line 12). */
const rows = (price = '128.00') => Array.from({ length: 50 }, (_, i) =>
  `IMP${tag}${String(i).padStart(2, '0')},导入面膜${i},商品,护肤品,盒,69${tag.replace(/\D/g, '7').padEnd(6, '7')}${String(i).padStart(5, '0')},45.5,${i === 10 ? '12.345' : price},是,否`);
const csvOf = (lines: string[]) => `${HEAD}\n${lines.join('\n')}\n`;
const count = async (sql: string, ...args: unknown[]) => (await env.DB.prepare(sql).bind(...args).first<{ n: number }>())!.n;
const mine = () => count(`SELECT count(*) AS n FROM products WHERE sku LIKE ?`, `IMP${tag}%`);
const audits = () => count(`SELECT count(*) AS n FROM audit_log WHERE action IN ('product.create', 'product.update', 'catalog.import')`);
const commit = (csv: string, importId = ulid(), token = hq) => api('/api/catalog/import/commit', { token, body: { importId, csv } });

describe('CSV import', () => {
  it('previews row by row and writes nothing', async () => {
    const before = [await count('SELECT count(*) AS n FROM products'), await audits()];
    const r = await api('/api/catalog/import/preview', { token: hq, body: { csv: csvOf(rows()) } });
    expect(r.status).toBe(200);
    expect(r.json.counts).toEqual({ total: 50, create: 49, update: 0, unchanged: 0, error: 1 });
    const bad = r.json.rows.find((x: { action: string }) => x.action === 'error');
    expect(bad).toMatchObject({ line: 12, sku: `IMP${tag}10`, issues: [{ field: 'price', code: 'decimals' }] });
    expect([await count('SELECT count(*) AS n FROM products'), await audits()]).toEqual(before);
  });

  it('commits the good rows only, audited; a re-run updates by SKU and never duplicates', async () => {
    const importId = ulid();
    const first = await commit(csvOf(rows()), importId);
    expect(first.json).toMatchObject({ importId, replayed: false, counts: { create: 49, error: 1 } });
    expect(first.json.errors.map((e: { line: number }) => e.line)).toEqual([12]);
    expect(await mine()).toBe(49);
    expect(await count(`SELECT count(*) AS n FROM products WHERE sku = ?`, `IMP${tag}10`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'product.create' AND detail LIKE ?`, `%${importId}%`)).toBe(49);
    expect(await env.DB.prepare(`SELECT list_price_fen AS p, cost_price_fen AS c, points_eligible AS pts FROM products WHERE sku = ?`).bind(`IMP${tag}00`).first()).toEqual({ p: 12800, c: 4550, pts: 1 });

    // The same file again (another import): nothing to do.
    expect((await commit(csvOf(rows()))).json.counts).toEqual({ total: 50, create: 0, update: 0, unchanged: 49, error: 1 });
    // New prices, and the bad row fixed: 49 updates and one create, still no duplicates.
    const fixed = rows('138.00').map((l) => l.replace('12.345', '138.00'));
    const again = await commit(csvOf(fixed));
    expect(again.json.counts).toEqual({ total: 50, create: 1, update: 49, unchanged: 0, error: 0 });
    expect(await mine()).toBe(50);
    expect(await count(`SELECT count(*) AS n FROM products WHERE sku LIKE ? AND list_price_fen = 13800`, `IMP${tag}%`)).toBe(50);
    const upd = await env.DB.prepare(`SELECT detail FROM audit_log WHERE action = 'product.update' AND entity_id = (SELECT id FROM products WHERE sku = ?)`).bind(`IMP${tag}00`).first<{ detail: string }>();
    expect(JSON.parse(upd!.detail)).toMatchObject({ changes: ['listPriceFen'], before: { listPriceFen: 12800 }, after: { listPriceFen: 13800 } });
  });

  it('answers a repeated importId with the first result and changes nothing; another file under it is refused', async () => {
    const importId = ulid();
    const csv = csvOf([`IMP${tag}R1,重复提交,服务,美发服务,次,,10,20,否,是`]);
    const first = await commit(csv, importId);
    expect(first.json.counts.create).toBe(1);
    const before = [await mine(), await audits()];
    const again = await commit(csv, importId);
    expect(again.json).toEqual({ ...first.json, replayed: true });
    expect([await mine(), await audits()]).toEqual(before);
    expect((await commit(csvOf([`IMP${tag}R2,别的,服务,美发服务,次,,10,20,否,是`]), importId)).status).toBe(409);
  });

  it('round-trips: the exported catalog imports back unchanged', async () => {
    const csv = (await api('/api/catalog/export', { token: hq })).json as string;
    const r = await api('/api/catalog/import/preview', { token: hq, body: { csv } });
    expect(r.json.counts.unchanged).toBe(r.json.counts.total);
    expect(r.json.counts.total).toBe(await count('SELECT count(*) AS n FROM products'));
  });

  it('refuses bad input naming the field, and is HQ’s alone', async () => {
    const cases: [unknown, string][] = [
      [{ importId: 'nope', csv: csvOf(rows()) }, 'importId'],
      [{ importId: ulid() }, 'csv'],
      [{ importId: ulid(), csv: '编码,名称\nA,B\n' }, 'csv: missing columns: kind, category, cost, price'],
      [{ importId: ulid(), csv: csvOf(Array.from({ length: 5001 }, (_, i) => `X${i},x,商品,护肤品,盒,,1,2,是,否`)) }, 'at most 5000'],
    ];
    for (const [body, text] of cases) {
      const r = await api('/api/catalog/import/commit', { token: hq, body });
      expect([r.status, r.json.error.message.includes(text)], r.json.error.message).toEqual([400, true]);
    }
    for (const token of [manager1, clerk1]) {
      expect((await api('/api/catalog/import/preview', { token, body: { csv: csvOf(rows()) } })).status).toBe(403);
      expect((await commit(csvOf(rows()), ulid(), token)).status).toBe(403);
    }
  });
});
