import { describe, expect, it } from 'vitest';
import type { Actor } from './authz';
import { maskPhone, phoneFor, seesWholePhone } from './phone-mask';

const hq: Actor = { kind: 'staff', id: 's-hq', name: 'HQ', role: 'hq_admin', storeId: null };
const manager1: Actor = { kind: 'staff', id: 's-m1', name: 'M1', role: 'store_manager', storeId: 'store-1' };
const clerk1: Actor = { kind: 'staff', id: 's-c1', name: 'C1', role: 'clerk', storeId: 'store-1' };
const self: Actor = { kind: 'member', id: 'm-1', name: 'Me' };
const home1 = { id: 'm-1', phone: '13812345678', homeStoreId: 'store-1', lastVisitStoreId: null };
const visited1 = { id: 'm-2', phone: '13900001111', homeStoreId: 'store-2', lastVisitStoreId: 'store-1' };
const elsewhere = { id: 'm-3', phone: '13700002222', homeStoreId: 'store-2', lastVisitStoreId: 'store-3' };

describe('maskPhone', () => {
  it.each([
    ['13812345678', '138****5678'],
    [' 13812345678 ', '138****5678'],
    ['5678', '5678'],
    ['0211234567', '******4567'],
  ])('%s → %s', (input, out) => expect(maskPhone(input)).toBe(out));
});

describe('who sees a phone whole', () => {
  it.each([
    ['HQ, own store’s member', hq, home1, true],
    ['HQ, any member', hq, elsewhere, true],
    ['manager, home store', manager1, home1, true],
    ['manager, last served there', manager1, visited1, true],
    ['manager, another store’s member', manager1, elsewhere, false],
    ['clerk, own store’s member', clerk1, home1, false],
    ['clerk, another store’s member', clerk1, elsewhere, false],
    ['member, themself', self, home1, true],
    ['member, someone else', self, visited1, false],
  ] as const)('%s', (_name, actor, member, whole) => {
    expect(seesWholePhone(actor, member)).toBe(whole);
    expect(phoneFor(actor, member)).toBe(whole ? member.phone : maskPhone(member.phone));
  });
});
