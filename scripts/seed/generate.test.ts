import { describe, expect, it } from 'vitest';
import { PRODUCTS, STAFF } from './demo-catalog';
import { baseStatements, generateMembers, generateOrders, storePrices } from './generate';
import { insertRows, lit } from './sql';

const anchor = Date.UTC(2026, 10, 1);

describe('seed generator', () => {
  it('is deterministic: same sizes and anchor give the same members and orders', () => {
    const a = generateMembers({ members: 50, orders: 100 }, anchor);
    const b = generateMembers({ members: 50, orders: 100 }, anchor);
    expect(a.sql).toEqual(b.sql);
    expect([...generateOrders({ members: 50, orders: 100 }, anchor, a.members)]).toEqual([
      ...generateOrders({ members: 50, orders: 100 }, anchor, b.members),
    ]);
  });

  it('makes unique member ids, phones and card numbers', () => {
    const { members, sql } = generateMembers({ members: 3000, orders: 0 }, anchor);
    expect(new Set(members.map((m) => m.id)).size).toBe(3000);
    const phones = sql.join('').match(/'1[3-9]\d{9}'/g)!;
    expect(new Set(phones).size).toBe(3000);
    const cards = sql.join('').match(/'8800\d{8}'/g)!;
    expect(new Set(cards).size).toBe(3000);
  });

  it('puts every order within the last year, in Shanghai business hours, after the member joined', () => {
    const { members } = generateMembers({ members: 100, orders: 500 }, anchor);
    const joined = new Map(members.map((m) => [m.id, m.joinedAt]));
    const sql = [...generateOrders({ members: 100, orders: 500 }, anchor, members, 100)].flat().filter((s) => s.includes('INTO orders'));
    const rows = sql.flatMap((s) => [...s.matchAll(/\('([0-9A-Z]{26})','(store-\d)','[^']+',(NULL|'[0-9A-Z]{26}'),.*?,(\d+),(\d+)\)/g)]);
    expect(rows.length).toBe(500);
    for (const r of rows) {
      const at = Number(r[4]);
      expect(at).toBeLessThan(anchor);
      expect(at).toBeGreaterThanOrEqual(anchor - 365 * 86_400_000);
      const hour = new Date(at + 8 * 3_600_000).getUTCHours();
      expect(hour).toBeGreaterThanOrEqual(10);
      expect(hour).toBeLessThan(21);
      if (r[3] !== 'NULL') expect(at).toBeGreaterThanOrEqual(joined.get(r[3]!.slice(1, -1))!);
    }
  });

  it('prices some products per store, in whole yuan', () => {
    const prices = storePrices();
    expect(prices.size).toBeGreaterThan(10);
    for (const fen of prices.values()) expect(fen % 100).toBe(0);
    expect(PRODUCTS.length).toBeGreaterThanOrEqual(45);
    expect(new Set(PRODUCTS.map((p) => p.categoryId)).size).toBe(6);
  });

  it('keeps every statement under D1’s 100 KB statement limit', () => {
    const { members, sql } = generateMembers({ members: 2000, orders: 2000 }, anchor);
    const all = [...sql, ...[...generateOrders({ members: 2000, orders: 2000 }, anchor, members)].flat()];
    for (const s of all) expect(new TextEncoder().encode(s).length).toBeLessThan(100_000);
  });

  it('never inserts twice: every statement is INSERT OR IGNORE', () => {
    const stmts = baseStatements(anchor, new Map(STAFF.map((s) => [s.username, 'x'])));
    for (const s of stmts) expect(s.startsWith('INSERT OR IGNORE')).toBe(true);
  });
});

describe('sql literals', () => {
  it.each([
    [null, 'NULL'],
    [12, '12'],
    ["O'Brien", "'O''Brien'"],
    ['a\nb', "'a b'"],
  ] as const)('%s → %s', (v, out) => expect(lit(v)).toBe(out));
  it('refuses non-integers', () => expect(() => lit(1.5)).toThrow());
  it('chunks rows', () => expect(insertRows('t', ['a'], [[1], [2], [3]], 2)).toHaveLength(2));
});
