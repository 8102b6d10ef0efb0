import type { WriteTransaction } from 'replicache';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../domain/authz';
import { keys } from './keys';
import { createMutators } from './mutators';

// The tablet's own check of who may freeze a card (decision 002), before its optimistic write.
const member = { id: 'm-1', homeStoreId: 'store-1', lastVisitStoreId: 'store-3', status: 'active' };
const staff = (role: 'clerk' | 'store_manager' | 'hq_admin', storeId: string | null): Actor => ({ kind: 'staff', id: `s-${role}-${storeId}`, name: 'x', role, storeId });

function fakeTx(): { tx: WriteTransaction; data: Map<string, unknown> } {
  const data = new Map<string, unknown>([[keys.member(member.id), member]]);
  const tx = { get: async (k: string) => data.get(k), set: async (k: string, v: unknown) => void data.set(k, v), has: async (k: string) => data.has(k) };
  return { tx: tx as unknown as WriteTransaction, data };
}

describe('reportCardLoss on the tablet', () => {
  it.each([
    ['a clerk of the home store', staff('clerk', 'store-1'), true],
    ['a clerk of the store that last served them', staff('clerk', 'store-3'), true],
    ['HQ', staff('hq_admin', null), true],
    ['a clerk of another store', staff('clerk', 'store-2'), false],
    ['a manager of another store', staff('store_manager', 'store-2'), false],
  ] as const)('%s: frozen %s', async (_who, actor, allowed) => {
    const { tx, data } = fakeTx();
    const run = createMutators({ actor }).reportCardLoss(tx, { opId: '01JZZZZZZZZZZZZZZZZZZZZZZZ', memberId: member.id, reason: '' });
    if (allowed) await run;
    else await expect(run).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((data.get(keys.member(member.id)) as { status: string }).status).toBe(allowed ? 'frozen' : 'active');
  });
});
