import { describe, expect, it } from 'vitest';
import { generateMemberKeyPair, issueMemberCode } from '../../../../../shared/domain/member-code';
import type { Member } from '../../../../../shared/schemas/member';
import type { SyncedProduct } from '../../../../../shared/sync/entities';
import { en, zhCN } from '../../../lib/locales';
import { resolveScan, scanMessageKey, scanMessageValues, type ScanLookup, type ScanResult } from './resolve-scan';
import { SeenNonces } from './seen-nonces';

const T0 = Date.UTC(2026, 10, 24, 2, 0, 0);
const phone = generateMemberKeyPair();
const member = (over: Partial<Member>): Member => ({
  id: '01JD8Z4M2Q5V7X9B1C3D5F7G9H', phone: '13800000001', name: '王芳', gender: 'female', birthday: null, homeStoreId: 'store-1', tierCode: 'gold',
  cardNo: '880000000001', status: 'active', joinedAt: 0, principalFen: 0, bonusFen: 0, reservedFen: 0, points: 0, lifetimeSpendFen: 0, lastVisitAt: null,
  lastVisitStoreId: null, qrPublicKey: phone.publicKey, ...over,
});
const withKey = member({});
const noKey = member({ id: 'm-nokey', cardNo: '880000000002', name: '李雷', qrPublicKey: null });
const oldRow = member({ id: 'm-old', cardNo: '880000000003', name: '韩梅' });
delete oldRow.qrPublicKey; // synced before the field existed
const product = (barcode: string): SyncedProduct => ({ id: `p-${barcode}`, sku: 'S1', name: '洗发水', kind: 'goods', categoryId: 'c1', listPriceFen: 5900, storePriceFen: 5900, costPriceFen: null, barcode, unit: '瓶' });
const products = [product('6920000000017'), product('012345678905')];
const members = [withKey, noKey, oldRow];

function lookup(at = T0, seen = new SeenNonces(() => at)): ScanLookup {
  return {
    // Async on purpose: the tablet's lookups are Replicache queries.
    memberByCardNo: async (c) => members.find((m) => m.cardNo === c) ?? null,
    memberById: async (id) => members.find((m) => m.id === id) ?? null,
    productByBarcode: (b) => products.find((p) => p.barcode === b) ?? null,
    seen,
    now: () => at,
  };
}

const code = (id = withKey.id, at = T0, secret = phone.secretKey) => issueMemberCode(id, secret, at);
type Expect = { kind: ScanResult['kind']; memberId?: string | null; via?: string; code?: string; productId?: string; looksLikeCardNo?: boolean };
const summary = (r: ScanResult): Expect => ({
  kind: r.kind,
  ...(r.kind === 'member' ? { memberId: r.member.id, via: r.via } : {}),
  ...(r.kind === 'error' ? { code: r.code, memberId: r.member?.id ?? null } : {}),
  ...(r.kind === 'product' ? { productId: r.product.id } : {}),
  ...(r.kind === 'not_found' ? { looksLikeCardNo: r.looksLikeCardNo } : {}),
});

describe('resolveScan', () => {
  it.each<[string, () => string, number, Expect]>([
    ['a fresh member code', () => code(), T0 + 5_000, { kind: 'member', memberId: withKey.id, via: 'member_code' }],
    ['a member code with the scanner’s CR/LF', () => `${code()}\r\n`, T0, { kind: 'member', memberId: withKey.id, via: 'member_code' }],
    ['an expired member code', () => code(), T0 + 61_000, { kind: 'error', code: 'expired', memberId: withKey.id }],
    ['a code from a phone far ahead', () => code(withKey.id, T0 + 120_000), T0, { kind: 'error', code: 'not_yet_valid', memberId: withKey.id }],
    ['a code signed by another phone', () => code(withKey.id, T0, generateMemberKeyPair().secretKey), T0, { kind: 'error', code: 'bad_signature', memberId: withKey.id }],
    ['a member not on this tablet', () => code('01JD8Z4M2Q5V7X9B1C3D5F7G9Z'), T0, { kind: 'error', code: 'unknown_member', memberId: null }],
    ['a member without a key yet', () => code(noKey.id), T0, { kind: 'error', code: 'no_key', memberId: noKey.id }],
    ['a row synced before keys existed', () => code(oldRow.id), T0, { kind: 'error', code: 'no_key', memberId: oldRow.id }],
    ['a truncated member code', () => code().slice(0, 40), T0, { kind: 'error', code: 'malformed', memberId: null }],
    ['a card number', () => '880000000002', T0, { kind: 'member', memberId: noKey.id, via: 'card_no' }],
    ['an EAN-13 product', () => '6920000000017', T0, { kind: 'product', productId: 'p-6920000000017' }],
    ['a UPC-A product (12 digits, no such card)', () => '012345678905', T0, { kind: 'product', productId: 'p-012345678905' }],
    ['an unknown card-like number', () => '880099999999', T0, { kind: 'not_found', looksLikeCardNo: true }],
    ['an unknown barcode', () => 'ABC-123', T0, { kind: 'not_found', looksLikeCardNo: false }],
    ['nothing', () => ' \r\n', T0, { kind: 'not_found', looksLikeCardNo: false }],
  ])('%s', async (_, text, now, expected) => {
    expect(summary(await resolveScan(text(), lookup(now)))).toEqual(expected);
  });

  it('refuses a code this tablet already accepted, even scanned twice at once', async () => {
    const l = lookup(T0 + 1_000);
    const c = code();
    const both = await Promise.all([resolveScan(c, l), resolveScan(c, l)]);
    expect(both.map(summary)).toEqual([
      { kind: 'member', memberId: withKey.id, via: 'member_code' },
      { kind: 'error', code: 'replayed', memberId: withKey.id },
    ]);
    // The phone's next code is fine.
    expect((await resolveScan(code(withKey.id, T0 + 30_000), { ...l, now: () => T0 + 31_000 })).kind).toBe('member');
  });
});

describe('scan messages', () => {
  const get = (obj: object, path: string) => path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], obj);
  const results: ScanResult[] = [
    { kind: 'member', member: withKey, via: 'member_code' },
    { kind: 'member', member: withKey, via: 'card_no' },
    { kind: 'product', product: products[0]! },
    { kind: 'not_found', text: '880099999999', looksLikeCardNo: true },
    { kind: 'not_found', text: 'x', looksLikeCardNo: false },
    ...(['malformed', 'unknown_member', 'no_key', 'bad_signature', 'expired', 'not_yet_valid', 'replayed'] as const).map((code): ScanResult => ({ kind: 'error', code, text: 'CC1.x', member: null })),
  ];
  it.each(results.map((r) => [scanMessageKey(r), r] as const))('%s exists in both languages with its values', (key, r) => {
    for (const lang of [zhCN, en]) {
      const text = get(lang, key);
      expect(typeof text, key).toBe('string');
      for (const [, name] of (text as string).matchAll(/\{\{(\w+)\}\}/g)) expect(Object.keys(scanMessageValues(r))).toContain(name);
    }
  });
});
