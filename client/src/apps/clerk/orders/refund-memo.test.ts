import { describe, expect, it } from 'vitest';
import { parseMemos, withMemo } from './refund-memo';

describe('refund memo', () => {
  const m = (n: number) => ({ opId: `op${n}`, orderId: `o${n}`, amountFen: n });
  it.each<[string, string | null, number]>([
    ['nothing', null, 0],
    ['junk', '{]', 0],
    ['not a list', '{"opId":"x"}', 0],
    ['two good, one bad', JSON.stringify([m(1), { opId: 'x' }, m(2)]), 2],
  ])('parses %s', (_, raw, n) => expect(parseMemos(raw)).toHaveLength(n));

  it('keeps the last 50, once per op', () => {
    let list = Array.from({ length: 60 }, (_, i) => m(i)).reduce(withMemo, []);
    expect(list).toHaveLength(50);
    expect(list[0]!.opId).toBe('op10');
    list = withMemo(list, { ...m(30), amountFen: 999 });
    expect(list.filter((x) => x.opId === 'op30')).toEqual([{ opId: 'op30', orderId: 'o30', amountFen: 999 }]);
  });
});
