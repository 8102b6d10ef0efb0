import { describe, expect, it } from 'vitest';
import { canonicalJson, requestFingerprint, sameRequest } from './idempotency';

describe('canonicalJson', () => {
  it.each([
    ['key order does not matter', { b: 1, a: { d: [1, 2], c: 'x' } }, '{"a":{"c":"x","d":[1,2]},"b":1}'],
    ['undefined fields are left out', { a: 1, b: undefined }, '{"a":1}'],
    ['authorization fields are left out at any depth', { amountFen: 5, approval: { proof: 'p' }, manualDiscount: { kind: 'amount', approvedBy: 'm', proof: 'q' } }, '{"amountFen":5,"manualDiscount":{"kind":"amount"}}'],
    ['null and arrays are kept', { a: null, b: [] }, '{"a":null,"b":[]}'],
    ['strings are escaped', { a: 'x"y' }, '{"a":"x\\"y"}'],
  ])('%s', (_name, value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });
});

describe('requestFingerprint', () => {
  const recharge = { opId: '01J', storeId: 'store-1', amountFen: 10_000, paidWith: 'cash', reference: '' };
  it('is the same for the same request in another key order, and a fresh approval', async () => {
    const a = await requestFingerprint('recharge:m1', recharge);
    const b = await requestFingerprint('recharge:m1', { reference: '', paidWith: 'cash', amountFen: 10_000, storeId: 'store-1', opId: '01J', approval: { approvedBy: 'x', proof: 'y' } });
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(b).toBe(a);
  });
  it.each([
    ['another amount', { ...recharge, amountFen: 10_001 }, 'recharge:m1'],
    ['another store', { ...recharge, storeId: 'store-2' }, 'recharge:m1'],
    ['another member', recharge, 'recharge:m2'],
    ['another kind of request', recharge, 'punch_sale:m1'],
  ])('differs for %s', async (_name, request, scope) => {
    expect(await requestFingerprint(scope, request)).not.toBe(await requestFingerprint('recharge:m1', recharge));
  });
});

describe('sameRequest', () => {
  it.each([
    ['equal', 'a', 'a', true],
    ['different', 'a', 'b', false],
    ['recorded before fingerprints', null, 'b', true],
    ['asked without one', 'a', undefined, true],
  ] as const)('%s', (_n, recorded, now, expected) => {
    expect(sameRequest(recorded, now)).toBe(expected);
  });
});
