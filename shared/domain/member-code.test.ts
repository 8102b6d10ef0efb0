import { describe, expect, it } from 'vitest';
import {
  generateMemberKeyPair,
  isMemberCode,
  isMemberPublicKey,
  issueMemberCode,
  parseMemberCode,
  publicKeyOf,
  verifyMemberCode,
  type MemberCodeResult,
  type SeenCodes,
} from './member-code';

// A fixed key (RFC 8032 test 1's secret) so the expected codes below are stable.
const SECRET = 'nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A';
const PUBLIC = '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo';
const OTHER = generateMemberKeyPair();
const ID = '01JD8Z4M2Q5V7X9B1C3D5F7G9H';
const T0 = Date.UTC(2026, 10, 24, 2, 0, 0);
const NONCE = 'AAECAwQFBgc';

class MemorySeen implements SeenCodes {
  readonly keys = new Map<string, number>();
  has = (k: string) => this.keys.has(k);
  add = (k: string, until: number) => void this.keys.set(k, until);
}

const code = (over: { id?: string; at?: number; nonce?: string; secret?: string } = {}) =>
  issueMemberCode(over.id ?? ID, over.secret ?? SECRET, over.at ?? T0, over.nonce ?? NONCE);
const keys = (id: string) => (id === ID ? PUBLIC : undefined);

describe('member code format', () => {
  it('the fixed key pair is what the code signs with', () => expect(publicKeyOf(SECRET)).toBe(PUBLIC));

  it('is CC1.<id>.<seconds>.<nonce>.<86-char signature>', () => {
    const c = code();
    expect(c).toMatch(new RegExp(`^CC1\\.${ID}\\.${T0 / 1000}\\.${NONCE}\\.[\\w-]{86}$`));
    expect(parseMemberCode(c)).toMatchObject({ memberId: ID, issuedAt: T0, nonce: NONCE, signed: `CC1.${ID}.${T0 / 1000}.${NONCE}` });
    // Ed25519 is deterministic: the same inputs give the same code.
    expect(code()).toBe(c);
    expect(isMemberCode(` ${c}\n`)).toBe(true);
    expect(isMemberCode('880000000001')).toBe(false);
  });

  it.each([
    ['empty', ''],
    ['card number', '880000000001'],
    ['other version', code().replace(/^CC1/, 'CC2')],
    ['missing signature', code().split('.').slice(0, 4).join('.')],
    ['short signature', code().slice(0, -1)],
    ['dot in id', `CC1.a.b.${T0 / 1000}.${NONCE}.${'A'.repeat(86)}`],
    ['leading zero time', `CC1.${ID}.0${T0 / 1000}.${NONCE}.${'A'.repeat(86)}`],
    ['short nonce', `CC1.${ID}.${T0 / 1000}.abc.${'A'.repeat(86)}`],
  ])('rejects as malformed: %s', (_, text) => {
    expect(parseMemberCode(text)).toBeNull();
    expect(verifyMemberCode(text, keys, T0, new MemorySeen())).toEqual({ ok: false, code: 'malformed' });
  });

  it.each([
    [PUBLIC, true],
    [OTHER.publicKey, true],
    [PUBLIC.slice(0, -1), false],
    [`${PUBLIC}A`, false],
    [PUBLIC.slice(0, -1) + 'p', false], // non-zero padding bits
    ['_'.repeat(42) + 'w', false], // 2^255-ish: not a canonical field element
    [PUBLIC.replace(/_/g, '/'), false],
  ])('public key %s valid: %s', (key, valid) => expect(isMemberPublicKey(key)).toBe(valid));
});

describe('verifyMemberCode', () => {
  const sec = 1000;
  const tamper = (c: string, i: number) => c.slice(0, i) + (c[i] === 'A' ? 'B' : 'A') + c.slice(i + 1);
  const cases: [string, () => string, number, (id: string) => string | null | undefined, MemberCodeResult][] = [
    ['fresh code', () => code(), T0, keys, { ok: true, memberId: ID, nonce: NONCE, issuedAt: T0 }],
    ['59 s old', () => code(), T0 + 59 * sec, keys, { ok: true, memberId: ID, nonce: NONCE, issuedAt: T0 }],
    ['exactly 60 s old', () => code(), T0 + 60 * sec, keys, { ok: true, memberId: ID, nonce: NONCE, issuedAt: T0 }],
    ['60.001 s old', () => code(), T0 + 60 * sec + 1, keys, { ok: false, code: 'expired' }],
    ['phone 30 s ahead', () => code({ at: T0 + 30 * sec }), T0, keys, { ok: true, memberId: ID, nonce: NONCE, issuedAt: T0 + 30 * sec }],
    ['phone 31 s ahead', () => code({ at: T0 + 31 * sec }), T0, keys, { ok: false, code: 'not_yet_valid' }],
    ['member not on this tablet', () => code({ id: '01JD8Z4M2Q5V7X9B1C3D5F7G9J' }), T0, keys, { ok: false, code: 'unknown_member' }],
    ['member without a key', () => code(), T0, () => null, { ok: false, code: 'unknown_member' }],
    ['signed by another phone', () => code({ secret: OTHER.secretKey }), T0, keys, { ok: false, code: 'bad_signature' }],
    ['old key on record', () => code(), T0, () => OTHER.publicKey, { ok: false, code: 'bad_signature' }],
    ['garbage stored key', () => code(), T0, () => 'not-a-key', { ok: false, code: 'bad_signature' }],
    ['time changed', () => code().replace(`.${T0 / 1000}.`, `.${T0 / 1000 + 30}.`), T0, keys, { ok: false, code: 'bad_signature' }],
    ['nonce changed', () => code().replace(NONCE, 'AAECAwQFBgg'), T0, keys, { ok: false, code: 'bad_signature' }],
    ['signature byte changed', () => tamper(code(), code().length - 20), T0, keys, { ok: false, code: 'bad_signature' }],
    ['expired and forged', () => code({ secret: OTHER.secretKey }), T0 + 3600 * sec, keys, { ok: false, code: 'bad_signature' }],
  ];
  it.each(cases)('%s', (_, make, now, keyFor, expected) => {
    expect(verifyMemberCode(make(), keyFor, now, new MemorySeen())).toEqual(expected);
  });

  it('accepts a code once per tablet, remembering it until it would expire anyway', () => {
    const seen = new MemorySeen();
    const c = code();
    expect(verifyMemberCode(c, keys, T0 + 1000, seen).ok).toBe(true);
    expect([...seen.keys]).toEqual([[`${ID}.${NONCE}`, T0 + 60_000]]);
    expect(verifyMemberCode(c, keys, T0 + 2000, seen)).toEqual({ ok: false, code: 'replayed' });
    // Another tablet has its own set (the limit decision 011 describes).
    expect(verifyMemberCode(c, keys, T0 + 2000, new MemorySeen()).ok).toBe(true);
    // The next code from the phone has a new nonce and is accepted.
    expect(verifyMemberCode(code({ nonce: 'BBECAwQFBgc', at: T0 + 30_000 }), keys, T0 + 31_000, seen).ok).toBe(true);
  });

  it('refused codes are not remembered', () => {
    const seen = new MemorySeen();
    expect(verifyMemberCode(code(), keys, T0 + 61_000, seen)).toEqual({ ok: false, code: 'expired' });
    expect(verifyMemberCode(code({ secret: OTHER.secretKey }), keys, T0, seen)).toEqual({ ok: false, code: 'bad_signature' });
    expect(seen.keys.size).toBe(0);
  });

  it('round-trips with freshly generated keys and random nonces', () => {
    const pair = generateMemberKeyPair();
    expect(isMemberPublicKey(pair.publicKey)).toBe(true);
    expect(publicKeyOf(pair.secretKey)).toBe(pair.publicKey);
    const a = issueMemberCode(ID, pair.secretKey, T0);
    const b = issueMemberCode(ID, pair.secretKey, T0);
    expect(a).not.toBe(b);
    const seen = new MemorySeen();
    for (const c of [a, b]) expect(verifyMemberCode(c, () => pair.publicKey, T0, seen).ok).toBe(true);
  });
});
