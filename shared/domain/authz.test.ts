import { describe, expect, it } from 'vitest';
import { canAccessMember, canAccessStore, type Actor } from './authz';

const hq: Actor = { kind: 'staff', id: 'a', name: 'HQ', role: 'hq_admin', storeId: null };
const clerk1: Actor = { kind: 'staff', id: 'c1', name: 'C1', role: 'clerk', storeId: 's1' };
const mgr2: Actor = { kind: 'staff', id: 'm2', name: 'M2', role: 'store_manager', storeId: 's2' };
const member: Actor = { kind: 'member', id: 'mem1', name: 'M' };

describe('canAccessStore', () => {
  it.each([
    [hq, 's1', true],
    [hq, 's2', true],
    [clerk1, 's1', true],
    [clerk1, 's2', false],
    [mgr2, 's2', true],
    [mgr2, 's1', false],
    [member, 's1', false],
  ] as const)('%o on %s → %s', (actor, store, expected) => {
    expect(canAccessStore(actor, store)).toBe(expected);
  });
});

describe('canAccessMember', () => {
  const home1 = { id: 'mem1', homeStoreId: 's1', lastVisitStoreId: null };
  const home2seen1 = { id: 'mem2', homeStoreId: 's2', lastVisitStoreId: 's1' };
  const home2 = { id: 'mem3', homeStoreId: 's2', lastVisitStoreId: 's2' };
  it.each([
    [hq, home2, true],
    [clerk1, home1, true],
    [clerk1, home2seen1, true],
    [clerk1, home2, false],
    [mgr2, home1, false],
    [member, home1, true],
    [member, home2, false],
  ] as const)('%o on %o → %s', (actor, m, expected) => {
    expect(canAccessMember(actor, m)).toBe(expected);
  });
});
