import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../../../shared/schemas/auth';
import { initialApprover, selfApproves, toApprovers } from './approvers';

const staff = (role: 'clerk' | 'store_manager' | 'hq_admin', storeId: string | null): SessionUser => ({ kind: 'staff', id: 'u1', name: 'U', role, storeId });
const approver = (id: string, name: string, role: 'store_manager' | 'hq_admin') => ({ id, name, role, salt: 's', verifier: 'v' });

describe('selfApproves', () => {
  it.each<[string, SessionUser | null, boolean]>([
    ['a clerk', staff('clerk', 'store-1'), false],
    ['this store’s manager', staff('store_manager', 'store-1'), true],
    ['another store’s manager', staff('store_manager', 'store-2'), false],
    ['HQ', staff('hq_admin', null), true],
    ['a member', { kind: 'member', id: 'm1', name: 'M' }, false],
    ['nobody', null, false],
  ])('%s → %s', (_, actor, want) => expect(selfApproves(actor, 'store-1')).toBe(want));
});

describe('toApprovers', () => {
  it('keeps what parses, managers before HQ', () => {
    const list = toApprovers([approver('a', '总部', 'hq_admin'), { id: 'x' }, approver('m', '李店长', 'store_manager')]);
    expect(list.map((a) => a.id)).toEqual(['m', 'a']);
  });
});

describe('initialApprover', () => {
  const two = toApprovers([approver('m', '李店长', 'store_manager'), approver('a', '总部', 'hq_admin')]);
  it.each<[string, ReturnType<typeof toApprovers>, string | null, string | null]>([
    ['the only one', two.slice(0, 1), null, 'm'],
    ['none of several', two, null, null],
    ['the last one used', two, 'a', 'a'],
    ['not a last one who is gone', two, 'z', null],
    ['nobody at all', [], 'a', null],
  ])('%s', (_, list, last, want) => expect(initialApprover(list, last)).toBe(want));
});
