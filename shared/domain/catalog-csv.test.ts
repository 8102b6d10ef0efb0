import { describe, expect, it } from 'vitest';
import type { Category, Product } from '../schemas/catalog';
import { catalogToCsv, CSV_TEMPLATE, parseCatalogCsv, yuanToFen } from './catalog-csv';
import { countPlan, planCatalogImport } from './catalog-csv-plan';

const categories: Category[] = [
  { id: 'cat-skin', name: '护肤品', nameEn: 'Skincare', sort: 1 },
  { id: 'cat-hair', name: '美发服务', nameEn: 'Hair services', sort: 2 },
];
const existing: Product = {
  id: 'p-1', sku: 'SKU1', name: '洁面乳', kind: 'goods', categoryId: 'cat-skin', unit: '支', barcode: '6900000000011',
  costPriceFen: 3200, listPriceFen: 9800, pointsEligible: true, punchEligible: false, status: 'active', updatedAt: 1,
};
const HEAD = 'SKU,名称,类型,分类,单位,条码,成本价,售价,积分,次卡';
const plan = (body: string, head = HEAD) => {
  const parsed = parseCatalogCsv(`${head}\n${body}`);
  expect(parsed.fileError).toBeNull();
  return planCatalogImport(parsed.rows, { products: [existing], categories });
};

describe('yuanToFen', () => {
  it.each([
    ['12', 1200], ['12.5', 1250], ['12.50', 1250], ['0.01', 1], ['¥1,234.56', 123456], ['0.29', 29], ['1.10', 110], ['19.99', 1999],
    ['12.345', 'decimals'], ['-1', 'negative'], ['abc', 'bad'], ['1e3', 'bad'], ['', 'bad'],
  ] as const)('%s → %s', (s, want) => expect(yuanToFen(s)).toBe(want));
});

describe('a row', () => {
  it.each([
    ['a new product', 'N1,面膜,商品,护肤品,盒,,45,128,是,否', 'create', null],
    ['English values and category name', 'N2,Cut,service,Hair services,次,,25.00,88.00,yes,no', 'create', null],
    ['the same as in the catalog', 'SKU1,洁面乳,商品,cat-skin,支,6900000000011,32.00,98.00,是,否', 'unchanged', null],
    ['a new price', 'SKU1,洁面乳,商品,cat-skin,支,6900000000011,32.00,99.00,是,否', 'update', null],
    ['a price with 3 decimals', 'N3,面膜,商品,护肤品,盒,,45,12.345,是,否', 'error', ['price', 'decimals']],
    ['a negative cost', 'N4,面膜,商品,护肤品,盒,,-1,12,是,否', 'error', ['cost', 'negative']],
    ['no SKU', ',面膜,商品,护肤品,盒,,45,128,是,否', 'error', ['sku', 'required']],
    ['an unknown kind', 'N5,面膜,套餐,护肤品,盒,,45,128,是,否', 'error', ['kind', 'bad_kind']],
    ['an unknown category', 'N6,面膜,商品,彩妆,盒,,45,128,是,否', 'error', ['category', 'unknown_category']],
    ['another product’s barcode', 'N7,面膜,商品,护肤品,盒,6900000000011,45,128,是,否', 'error', ['barcode', 'barcode_taken']],
    ['a yes/no that is neither', 'N8,面膜,商品,护肤品,盒,,45,128,也许,否', 'error', ['points', 'bad_yes_no']],
    ['no price', 'N9,面膜,商品,护肤品,盒,,45,,是,否', 'error', ['price', 'required']],
  ] as const)('%s', (_, body, action, issue) => {
    const [r] = plan(body);
    expect(r!.action).toBe(action);
    if (issue) expect(r!.issues).toContainEqual(expect.objectContaining({ field: issue[0], code: issue[1] }));
    else expect(r!.issues).toEqual([]);
  });

  it('says which fields an update changes, keeps what a missing column leaves out', () => {
    const [u] = plan('SKU1,洁面乳 120ml,商品,护肤品,32,98.00', 'SKU,名称,类型,分类,成本价,售价');
    expect(u).toMatchObject({ action: 'update', changes: ['name'] });
    expect(u!.input).toMatchObject({ unit: '支', barcode: '6900000000011', pointsEligible: true });
    const [cleared] = plan('SKU1,洁面乳,商品,cat-skin,支,,32.00,98.00,是,否');
    expect(cleared).toMatchObject({ action: 'update', changes: ['barcode'] });
  });
});

describe('the file', () => {
  it('reports both rows of a SKU or barcode that appears twice', () => {
    const rows = plan(['D1,甲,商品,护肤品,盒,6911111111111,1,2,是,否', 'D1,乙,商品,护肤品,盒,,1,2,是,否', 'D2,丙,商品,护肤品,盒,6911111111111,1,2,是,否'].join('\n'));
    expect(rows.map((r) => r.action)).toEqual(['error', 'error', 'error']);
    expect(rows[0]!.issues.map((i) => i.code)).toEqual(['duplicate_sku', 'duplicate_barcode']);
    expect(rows[1]!.issues[0]!.message).toContain('lines 2, 3');
  });

  it('accepts English headers, a BOM, a unit in brackets, blank lines; counts', () => {
    const parsed = parseCatalogCsv('\uFEFFsku,Name,Kind,Category,Cost (yuan),Price（元）\r\nE1,A,goods,cat-skin,1,2\r\n\r\nE2,B,service,cat-hair,1,x\r\n');
    expect(parsed.fileError).toBeNull();
    const rows = planCatalogImport(parsed.rows, { products: [], categories });
    expect(rows.map((r) => [r.line, r.action])).toEqual([[2, 'create'], [4, 'error']]);
    expect(countPlan(rows)).toEqual({ total: 2, create: 1, update: 0, unchanged: 0, error: 1 });
  });

  it.each([
    ['a missing column', 'SKU,名称,类型,分类,成本价\nA,B,商品,x,1', 'missing_columns'],
    ['no rows', `${HEAD}\n\n`, 'no_rows'],
    ['too many rows', `${HEAD}\n${'A,B,商品,x,1,2,是,否,,\n'.repeat(5001)}`, 'too_many_rows'],
  ])('refuses %s', (_, text, code) => expect(parseCatalogCsv(text).fileError?.code).toBe(code));

  it('exports what imports back unchanged, and the template imports', () => {
    const other: Product = { ...existing, id: 'p-2', sku: 'SKU2', name: '剪发, "总监"', kind: 'service', barcode: null, categoryId: 'cat-hair', costPriceFen: 5001, punchEligible: true, status: 'archived' };
    const rows = planCatalogImport(parseCatalogCsv(catalogToCsv([existing, other], categories)).rows, { products: [existing, other], categories });
    expect(rows.map((r) => r.action)).toEqual(['unchanged', 'unchanged']);
    const template = planCatalogImport(parseCatalogCsv(CSV_TEMPLATE).rows, { products: [], categories: [...categories, { id: 'c3', name: '美发服务x', nameEn: '', sort: 3 }] });
    expect(template.map((r) => r.action)).toEqual(['create', 'create']);
  });
});
