import { describe, expect, it } from 'vitest';
import type { Rejection } from '../../../../shared/sync/entities';
import { mutatorNames } from '../../../../shared/sync/mutator-args';
import { en, zhCN } from '../../lib/locales';
import {
  ackStorageKey,
  formatWhen,
  parseAcked,
  REASON_CODES,
  reasonKey,
  REFUND_REASON_CODES,
  refIsOrder,
  rejectionId,
  shortRef,
  toRejections,
  unacknowledged,
  whatKey,
  withAck,
} from './rejections';

const rej = (over: Partial<Rejection> = {}): Rejection => ({
  clientID: 'c1',
  mutationID: 1,
  name: 'checkout',
  code: 'INSUFFICIENT_FUNDS',
  message: 'Balance too low',
  refId: '01JD0000000000000000ABC123',
  at: 1_000,
  ...over,
});
const view = (over: Partial<Rejection> = {}) => ({ rejection: rej(over), amountFen: null });
const ids = (items: { rejection: Rejection }[]) => items.map((i) => rejectionId(i.rejection));

/** Looks a dotted key up in a locale file. */
const lookup = (res: object, key: string): unknown => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], res);

describe('reasonKey', () => {
  it.each([
    ['INSUFFICIENT_FUNDS', 'clerk.rejections.reasons.INSUFFICIENT_FUNDS'],
    ['CARD_FROZEN', 'clerk.rejections.reasons.CARD_FROZEN'],
    ['COUPON_USED', 'clerk.rejections.reasons.COUPON_USED'],
    ['COUPON_EXPIRED', 'clerk.rejections.reasons.COUPON_EXPIRED'],
    ['INSUFFICIENT_POINTS', 'clerk.rejections.reasons.INSUFFICIENT_POINTS'],
    ['PUNCH_EXHAUSTED', 'clerk.rejections.reasons.PUNCH_EXHAUSTED'],
    ['VALIDATION_FAILED', 'clerk.rejections.reasons.VALIDATION_FAILED'],
    ['FORBIDDEN', 'clerk.rejections.reasons.FORBIDDEN'],
    ['INTERNAL', 'clerk.rejections.reasons.INTERNAL'],
    ['SOMETHING_NEW', null],
    ['', null],
    ['toString', null],
  ])('%s → %s', (code, key) => expect(reasonKey(code)).toBe(key));

  it('every code has wording in both languages', () => {
    for (const code of REASON_CODES) {
      const key = reasonKey(code)!;
      expect(lookup(zhCN, key), key).toEqual(expect.any(String));
      expect(lookup(en, key), key).toEqual(expect.any(String));
    }
  });
});

describe('reasonKey for a refused refund', () => {
  it.each([
    ['FORBIDDEN', 'clerk.rejections.refundReasons.FORBIDDEN'],
    ['REFUND_EXCEEDS_ORIGINAL', 'clerk.rejections.refundReasons.REFUND_EXCEEDS_ORIGINAL'],
    ['INTERNAL', 'clerk.rejections.reasons.INTERNAL'],
    ['SOMETHING_NEW', null],
  ])('%s → %s', (code, key) => expect(reasonKey(code, 'refundOrder')).toBe(key));

  it('a sale keeps the sale wording', () => expect(reasonKey('FORBIDDEN', 'checkout')).toBe('clerk.rejections.reasons.FORBIDDEN'));

  it('every refund code has wording in both languages', () => {
    for (const code of REFUND_REASON_CODES) {
      const key = reasonKey(code, 'refundOrder')!;
      expect(lookup(zhCN, key), key).toEqual(expect.any(String));
      expect(lookup(en, key), key).toEqual(expect.any(String));
    }
  });
});

describe('whatKey', () => {
  it.each([
    ['checkout', 'clerk.rejections.what.checkout'],
    ['recharge', 'clerk.rejections.what.recharge'],
    ['refundOrder', 'clerk.rejections.what.refundOrder'],
    ['someFutureMutator', null],
    ['constructor', null],
  ])('%s → %s', (name, key) => expect(whatKey(name)).toBe(key));

  it('every mutator has a name in both languages', () => {
    for (const name of mutatorNames) {
      const key = whatKey(name)!;
      expect(lookup(zhCN, key), key).toEqual(expect.any(String));
      expect(lookup(en, key), key).toEqual(expect.any(String));
    }
  });
  it('the Chinese names the brief asks for', () => {
    expect(lookup(zhCN, whatKey('checkout')!)).toBe('收银');
    expect(lookup(zhCN, whatKey('recharge')!)).toBe('充值');
  });
});

describe('unacknowledged', () => {
  const cases: { name: string; items: ReturnType<typeof view>[]; acked: string[]; want: string[] }[] = [
    { name: 'nothing', items: [], acked: [], want: [] },
    { name: 'newest first', items: [view({ mutationID: 1, at: 100 }), view({ mutationID: 2, at: 300 }), view({ mutationID: 3, at: 200 })], acked: [], want: ['c1/2', 'c1/3', 'c1/1'] },
    { name: 'acknowledged ones hidden', items: [view({ mutationID: 1, at: 100 }), view({ mutationID: 2, at: 300 })], acked: ['c1/2'], want: ['c1/1'] },
    { name: 'all acknowledged', items: [view({ mutationID: 1 })], acked: ['c1/1', 'c9/9'], want: [] },
    { name: 'same time: the later mutation first', items: [view({ mutationID: 4, at: 5 }), view({ mutationID: 7, at: 5 })], acked: [], want: ['c1/7', 'c1/4'] },
    { name: 'an ack of another client does not hide this one', items: [view({ clientID: 'c2', mutationID: 1 })], acked: ['c1/1'], want: ['c2/1'] },
  ];
  it.each(cases)('$name', ({ items, acked, want }) => expect(ids(unacknowledged(items, new Set(acked)))).toEqual(want));

  it('does not reorder its input', () => {
    const items = [view({ mutationID: 1, at: 1 }), view({ mutationID: 2, at: 2 })];
    unacknowledged(items, new Set());
    expect(ids(items)).toEqual(['c1/1', 'c1/2']);
  });
});

describe('toRejections', () => {
  it('keeps rejections and drops anything else', () => {
    const good = rej();
    expect(toRejections([good, null, 'x', { ...good, at: 'yesterday' }, { code: 'X' }, rej({ refId: null })])).toEqual([good, rej({ refId: null })]);
  });
});

describe('shortRef and refIsOrder', () => {
  it.each([
    ['01JD0000000000000000ABC123', 'ABC123'],
    ['abc', 'abc'],
    [null, null],
    ['', null],
  ])('%s → %s', (ref, want) => expect(shortRef(ref)).toBe(want));
  it.each([
    ['checkout', true],
    ['redeemPunch', true],
    ['refundOrder', true],
    ['recharge', false],
    ['registerMember', false],
  ])('%s is an order: %s', (name, want) => expect(refIsOrder(name)).toBe(want));
});

describe('formatWhen', () => {
  // Local-time constructors: the expectation holds in any time zone the tests run in.
  const at = (d: number, h: number, m: number) => new Date(2026, 10, d, h, m).getTime();
  it.each([
    ['today', at(20, 14, 5), at(20, 18, 0), '14:05'],
    ['just after midnight today', at(20, 0, 1), at(20, 23, 59), '00:01'],
    ['yesterday', at(19, 23, 58), at(20, 0, 2), '11-19 23:58'],
    ['a week ago', at(13, 9, 30), at(20, 9, 30), '11-13 09:30'],
  ])('%s', (_name, when, now, want) => expect(formatWhen(when, now)).toBe(want));
});

describe('acknowledgements', () => {
  it('one key per user', () => {
    expect(ackStorageKey('u1')).toBe('cloudcard.clerk.ackedRejections.u1');
    expect(ackStorageKey('u2')).not.toBe(ackStorageKey('u1'));
  });
  it.each([
    ['missing', null, []],
    ['empty', '', []],
    ['not json', '{oops', []],
    ['not a list', '{"a":1}', []],
    ['a list', '["c1/1","c1/2"]', ['c1/1', 'c1/2']],
    ['non-strings dropped', '["c1/1",2,null]', ['c1/1']],
  ])('parseAcked: %s', (_name, raw, want) => expect(parseAcked(raw)).toEqual(want));
  it.each([
    ['first ack', [], 'c1/1', ['c1/1'], ['c1/1']],
    ['adds to the others', ['c1/1'], 'c1/2', ['c1/1', 'c1/2'], ['c1/1', 'c1/2']],
    ['no duplicates', ['c1/1'], 'c1/1', ['c1/1'], ['c1/1']],
    ['forgets refusals no longer synced', ['c0/9', 'c1/1'], 'c1/2', ['c1/1', 'c1/2'], ['c1/1', 'c1/2']],
  ])('withAck: %s', (_name, acked, id, present, want) => expect(withAck(acked, id, present)).toEqual(want));
});
