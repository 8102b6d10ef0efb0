import { describe, expect, it } from 'vitest';
import type { PunchCard } from '../../../../../shared/schemas/account';
import { applyLocalRedeems, expiryAfterMonths, punchCardUsability, punchPriceSplits, sortForRedeem, type CardStatus } from './punch-cards';

const NOW = Date.UTC(2026, 10, 20, 4);
const card = (over: Partial<PunchCard> = {}): PunchCard => ({
  id: 'c1', productId: 'p-1', name: '洗剪吹 ×10', usesTotal: 10, usesLeft: 3, pricePerUseFen: 5_000, expiresAt: null, storeIds: null, ...over,
});

describe('punchCardUsability', () => {
  it.each<[string, Partial<PunchCard>, CardStatus, ReturnType<typeof punchCardUsability>, boolean?]>([
    ['valid everywhere, no expiry', {}, 'active', { ok: true }],
    ['valid here', { storeIds: ['store-1', 'store-2'] }, 'active', { ok: true }],
    ['expires later', { expiresAt: NOW + 1 }, 'active', { ok: true }],
    ['last use', { usesLeft: 1 }, 'active', { ok: true }],
    ['used up', { usesLeft: 0 }, 'active', { ok: false, reason: 'exhausted' }],
    ['other stores only', { storeIds: ['store-2'] }, 'active', { ok: false, reason: 'notHere' }],
    ['expired at this instant', { expiresAt: NOW }, 'active', { ok: false, reason: 'expired' }],
    ['expired beats not here and used up', { expiresAt: NOW - 1, storeIds: ['store-2'], usesLeft: 0 }, 'active', { ok: false, reason: 'expired' }],
    ['not here beats used up', { storeIds: [], usesLeft: 0 }, 'active', { ok: false, reason: 'notHere' }],
    ['card frozen (reported lost)', {}, 'frozen', { ok: false, reason: 'frozen' }],
    ['membership closed', {}, 'closed', { ok: false, reason: 'closed' }],
    ['service not sold here', {}, 'active', { ok: false, reason: 'notSold' }, false],
    ['frozen beats not sold', {}, 'frozen', { ok: false, reason: 'frozen' }, false],
    ['not sold beats expired', { expiresAt: NOW - 1 }, 'active', { ok: false, reason: 'notSold' }, false],
  ])('%s', (_, over, status, out, sold) => expect(punchCardUsability(card(over), 'store-1', NOW, status, sold)).toEqual(out));
});

describe('sortForRedeem', () => {
  it('usable first, then soonest expiry, then name', () => {
    const items = [
      { card: card({ id: 'a', name: 'B', expiresAt: null }), use: { ok: true } as const },
      { card: card({ id: 'b', name: 'A', usesLeft: 0 }), use: { ok: false, reason: 'exhausted' } as const },
      { card: card({ id: 'c', name: 'C', expiresAt: NOW + 10 }), use: { ok: true } as const },
      { card: card({ id: 'd', name: 'A', expiresAt: null }), use: { ok: true } as const },
    ];
    expect(sortForRedeem(items).map((i) => i.card.id)).toEqual(['c', 'd', 'a', 'b']);
  });
});

describe('applyLocalRedeems', () => {
  it('takes the uses off the named cards, never below zero', () => {
    const out = applyLocalRedeems([card({ id: 'a', usesLeft: 3 }), card({ id: 'b', usesLeft: 1 }), card({ id: 'c', usesLeft: 2 })], { a: 1, b: 4 });
    expect(out.map((c) => c.usesLeft)).toEqual([2, 0, 2]);
  });
});

describe('punchPriceSplits', () => {
  it.each([
    [100_000, 10, true],
    [99_900, 10, true],
    [100_001, 10, false],
    [100, 3, false],
    [0, 10, false],
    [100, 0, false],
  ])('%i fen over %i uses → %s', (price, uses, ok) => expect(punchPriceSplits(price, uses)).toBe(ok));
});

describe('expiryAfterMonths', () => {
  const local = (y: number, m: number, d: number, h = 10) => new Date(y, m - 1, d, h).getTime();
  const endOf = (y: number, m: number, d: number) => new Date(y, m - 1, d, 23, 59, 59, 999).getTime();
  it.each([
    [local(2026, 11, 20), 3, endOf(2027, 2, 20)],
    [local(2026, 11, 20), 12, endOf(2027, 11, 20)],
    [local(2027, 1, 31), 1, endOf(2027, 2, 28)],
    [local(2027, 12, 31), 2, endOf(2028, 2, 29)],
    [local(2026, 8, 31), 1, endOf(2026, 9, 30)],
  ])('%i + %i months → %i', (at, months, out) => expect(expiryAfterMonths(at, months)).toBe(out));
});
