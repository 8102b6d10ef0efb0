import { describe, expect, it } from 'vitest';
import { capacity, cashDraft, changeDueFen, leaseOffline, pointsDraft, punchOptions, remainingFen, toTenders, type PayContext, type PunchBlocker, type TenderDraft } from './tenders';
import type { PunchCard } from '../../../../../shared/schemas/account';

const member = { status: 'active' as const, principalFen: 5_000, bonusFen: 1_000, points: 800 };
const ctx = (over: Partial<PayContext> = {}): PayContext => ({ totalFen: 10_000, member, rules: { pointValueFenPer100: 100 }, ...over });

describe('capacity', () => {
  it.each<[string, Parameters<typeof capacity>[0], PayContext, TenderDraft[], ReturnType<typeof capacity>]>([
    ['cash takes what is left', 'cash', ctx(), [], { maxFen: 10_000 }],
    ['WeChat after stored value', 'wechat', ctx(), [{ kind: 'stored_value', amountFen: 6_000 }], { maxFen: 4_000 }],
    ['stored value: the whole balance (principal + bonus)', 'stored_value', ctx(), [], { maxFen: 6_000 }],
    ['stored value: only what is left to pay', 'stored_value', ctx({ totalFen: 2_500 }), [], { maxFen: 2_500 }],
    ['stored value: not twice the same balance', 'stored_value', ctx(), [{ kind: 'stored_value', amountFen: 6_000 }], { blocked: 'no_balance' }],
    ['stored value needs a member', 'stored_value', ctx({ member: null }), [], { blocked: 'no_member' }],
    ['a frozen card pays nothing', 'stored_value', ctx({ member: { ...member, status: 'frozen' } }), [], { blocked: 'card_frozen' }],
    ['an empty card', 'stored_value', ctx({ member: { ...member, principalFen: 0, bonusFen: 0 } }), [], { blocked: 'no_balance' }],
    ['points: all of them when they fit', 'points', ctx(), [], { maxFen: 800, maxPoints: 800 }],
    ['points: no more than what is left to pay', 'points', ctx({ totalFen: 350 }), [], { maxFen: 350, maxPoints: 350 }],
    ['points worth ¥0.50 per 100', 'points', ctx({ totalFen: 333, rules: { pointValueFenPer100: 50 } }), [], { maxFen: 333, maxPoints: 666 }],
    ['no points', 'points', ctx({ member: { ...member, points: 0 } }), [], { blocked: 'no_points' }],
    ['too few points to be worth a fen', 'points', ctx({ member: { ...member, points: 1 }, rules: { pointValueFenPer100: 50 } }), [], { blocked: 'points_too_few' }],
    ['nothing left to pay', 'cash', ctx(), [{ kind: 'wechat', amountFen: 10_000, reference: 'x' }], { blocked: 'paid' }],
  ])('%s', (_, kind, c, drafts, want) => expect(capacity(kind, c, drafts)).toEqual(want));
});

describe('cash and change', () => {
  it('pays what is left and gives change', () => {
    const drafts: TenderDraft[] = [{ kind: 'stored_value', amountFen: 6_000 }];
    const cash = cashDraft(5_000, ctx(), drafts)!;
    expect(cash).toEqual({ kind: 'cash', amountFen: 4_000, receivedFen: 5_000 });
    expect(remainingFen(ctx(), [...drafts, cash])).toBe(0);
    expect(changeDueFen([...drafts, cash])).toBe(1_000);
  });
  it('part cash leaves the rest to pay', () => {
    const cash = cashDraft(3_000, ctx(), [])!;
    expect([cash.amountFen, remainingFen(ctx(), [cash]), changeDueFen([cash])]).toEqual([3_000, 7_000, 0]);
  });
  it('refuses nothing handed over, or nothing left to pay', () => {
    expect(cashDraft(0, ctx(), [])).toBeNull();
    expect(cashDraft(100, ctx({ totalFen: 0 }), [])).toBeNull();
  });
});

describe('points as money', () => {
  it('are worth what the rules say, and no more than the member has', () => {
    expect(pointsDraft(500, ctx(), [])).toEqual({ kind: 'points', points: 500, amountFen: 500 });
    expect(pointsDraft(900, ctx(), [])).toBeNull();
    expect(pointsDraft(0, ctx(), [])).toBeNull();
  });
});

describe('toTenders', () => {
  it('records cash at what it paid, not what was handed over', () => {
    expect(toTenders([{ kind: 'cash', amountFen: 4_000, receivedFen: 5_000 }, { kind: 'alipay', amountFen: 100, reference: '2088' }, { kind: 'points', points: 100, amountFen: 100 }])).toEqual([
      { kind: 'cash', amountFen: 4_000, reference: '' },
      { kind: 'alipay', amountFen: 100, reference: '2088' },
      { kind: 'points', points: 100, amountFen: 100 },
    ]);
  });
});

describe('punch cards at the counter', () => {
  const NOW = 1_800_000_000_000;
  const card = (over: Partial<PunchCard> = {}): PunchCard => ({ id: 'pc1', productId: 'p-001', name: '洗剪吹10次卡', usesTotal: 10, usesLeft: 3, pricePerUseFen: 8_000, expiresAt: null, storeIds: null, ...over });
  // Two haircuts at ¥88 each after a tier discount (¥176), and a ¥89 shampoo.
  const lines = [{ productId: 'p-001', quantity: 2, totalFen: 17_600 }, { productId: 'p-401', quantity: 1, totalFen: 8_900 }];
  const at = (over: Partial<PayContext> = {}) => ({ ...ctx({ totalFen: 26_500, ...over }), storeId: 'store-1', at: NOW });
  const punch = (id: string, uses: number, amountFen: number): TenderDraft => ({ kind: 'punch_card', cardId: id, productId: 'p-001', name: '洗剪吹10次卡', uses, amountFen });

  it.each<[string, PunchCard, TenderDraft[], { uses: number; amountFen: number } | PunchBlocker, number?]>([
    ['pays the units of its service in the cart, at what they cost on the order', card(), [], { uses: 2, amountFen: 17_600 }],
    ['no more visits than are left on it', card({ usesLeft: 1 }), [], { uses: 1, amountFen: 8_800 }],
    ['expired', card({ expiresAt: NOW }), [], 'expired'],
    ['valid at other stores only', card({ storeIds: ['store-2'] }), [], 'not_here'],
    ['used up', card({ usesLeft: 0 }), [], 'used_up'],
    ['its service is not in the cart', card({ productId: 'p-999' }), [], 'not_in_cart'],
    ['already added', card(), [punch('pc1', 2, 17_600)], 'in_use'],
    ['a second card takes the units the first did not', card({ id: 'pc2' }), [punch('pc1', 1, 8_800)], { uses: 1, amountFen: 8_800 }],
    ['worth more than is left to pay', card(), [{ kind: 'wechat', amountFen: 20_000, reference: '' }], 'too_much'],
  ])('%s', (_, c, drafts, want) => {
    const [o] = punchOptions([c], lines, at(), drafts);
    if (typeof want === 'string') expect([o!.draft, o!.blocked]).toEqual([null, want]);
    else expect(o!.draft).toEqual({ kind: 'punch_card', cardId: c.id, productId: c.productId, name: c.name, ...want });
  });

  it('odd fen are split so the units add up to the line', () => {
    const odd = [{ productId: 'p-001', quantity: 3, totalFen: 10_000 }];
    const [a] = punchOptions([card({ usesLeft: 1 })], odd, { ...at({ totalFen: 10_000 }) }, []);
    const [b] = punchOptions([card({ id: 'pc2', usesLeft: 5 })], odd, at({ totalFen: 10_000 }), [a!.draft!]);
    expect([a!.draft!.amountFen, b!.draft!.amountFen, a!.draft!.amountFen + b!.draft!.amountFen]).toEqual([3_333, 6_667, 10_000]);
    expect(toTenders([b!.draft!])).toEqual([{ kind: 'punch_card', cardId: 'pc2', productId: 'p-001', uses: 2, amountFen: 6_667 }]);
  });
});

describe('stored value and offline allowances (decision 015)', () => {
  const NOW = 1_800_000_000_000;
  const allowance = { leaseId: 'lease-1', heldFen: 3_000, expiresAt: NOW + 3_600_000, askedBack: false };
  const sv = (over: Partial<NonNullable<PayContext['storedValue']>> = {}) => ({ offline: true, allowance, now: NOW, ...over });
  it.each<[string, PayContext, TenderDraft[], ReturnType<typeof capacity>]>([
    ['online: what other tablets hold can be taken, once they give it back', ctx({ member: { ...member, reservedFen: 4_000 } }), [], { maxFen: 6_000, askAboveFen: 2_000 }],
    ['online: this tablet’s own allowance needs nobody', ctx({ member: { ...member, reservedFen: 4_000 }, storedValue: sv({ offline: false }) }), [], { maxFen: 6_000, askAboveFen: 5_000 }],
    ['online: nothing held elsewhere', ctx({ member: { ...member, reservedFen: 3_000 }, storedValue: sv({ offline: false }) }), [], { maxFen: 6_000 }],
    ['offline: only the allowance, under its lease', ctx({ storedValue: sv() }), [], { maxFen: 3_000, leaseId: 'lease-1' }],
    ['offline: less what is already on the sale', ctx({ storedValue: sv() }), [{ kind: 'stored_value', amountFen: 1_000, leaseId: 'lease-1' }], { maxFen: 2_000, leaseId: 'lease-1' }],
    ['offline: used up', ctx({ storedValue: sv() }), [{ kind: 'stored_value', amountFen: 3_000, leaseId: 'lease-1' }], { blocked: 'offline_over_allowance' }],
    ['offline: no allowance for this member', ctx({ storedValue: sv({ allowance: null }) }), [], { blocked: 'offline_no_allowance' }],
    ['offline: past its expiry by the tablet’s clock', ctx({ storedValue: sv({ now: NOW + 3_600_000 }) }), [], { blocked: 'offline_expired' }],
    ['offline: another branch asked for it back', ctx({ storedValue: sv({ allowance: { ...allowance, askedBack: true } }) }), [], { blocked: 'offline_asked_back' }],
    ['offline: a frozen card still pays from what was set aside', ctx({ member: { ...member, status: 'frozen' }, storedValue: sv() }), [], { maxFen: 3_000, leaseId: 'lease-1' }],
  ])('%s', (_, c, drafts, want) => expect(capacity('stored_value', c, drafts)).toEqual(want));

  it('gone offline after stored value was added: it takes the lease when the allowance covers it, else says why', () => {
    const drafts: TenderDraft[] = [{ kind: 'stored_value', amountFen: 2_000 }, { kind: 'cash', amountFen: 8_000, receivedFen: 8_000 }];
    expect(leaseOffline(drafts, sv())).toEqual({ drafts: [{ kind: 'stored_value', amountFen: 2_000, leaseId: 'lease-1' }, drafts[1]] });
    expect(leaseOffline([{ kind: 'stored_value', amountFen: 5_000 }], sv())).toEqual({ blocked: 'offline_over_allowance' });
    expect(leaseOffline(drafts, sv({ offline: false }))).toEqual({ drafts });
    expect(toTenders([{ kind: 'stored_value', amountFen: 2_000, leaseId: 'lease-1' }])).toEqual([{ kind: 'stored_value', amountFen: 2_000, leaseId: 'lease-1' }]);
  });
});
