import { ed25519 } from '@noble/curves/ed25519.js';
import { fromBase64Url, toBase64Url } from '../crypto/password';

/**
 * The member app's QR code (docs/decisions/011). Each phone holds its own Ed25519 key; the server
 * keeps only the public key, which reaches the tablets through sync, so a tablet verifies a code
 * offline and holds nothing that could forge one.
 *
 *   CC1.<memberId>.<issuedAtSeconds>.<nonce>.<signature>
 *
 * The signature (Ed25519, 64 bytes, base64url) is over the UTF-8 bytes of everything before the
 * last '.', i.e. `CC1.<memberId>.<issuedAtSeconds>.<nonce>`: the version prefix is signed too, so
 * a later format can never be read as this one. A code is good from issuedAt for 60 s; a phone
 * clock up to 30 s ahead of the tablet's is tolerated.
 */
export const MEMBER_CODE_PREFIX = 'CC1';
export const CODE_TTL_MS = 60_000;
export const CLOCK_SKEW_MS = 30_000;

export type MemberCodeError = 'malformed' | 'unknown_member' | 'bad_signature' | 'expired' | 'not_yet_valid' | 'replayed';
export type MemberCodeResult = { ok: true; memberId: string; nonce: string; issuedAt: number } | { ok: false; code: MemberCodeError };
export type ParsedMemberCode = { memberId: string; issuedAt: number; nonce: string; signed: string; signature: string };

/** Codes a tablet has accepted, until `expiresAt` (UTC ms): after that the code is expired anyway. */
export type SeenCodes = { has(key: string): boolean; add(key: string, expiresAt: number): void };

const CODE_RE = /^CC1\.([0-9A-Za-z_-]{1,64})\.(0|[1-9]\d{0,11})\.([0-9A-Za-z_-]{8,32})\.([0-9A-Za-z_-]{86})$/;
// 43 base64url characters are 258 bits: the last character carries 2 zero bits for 32 bytes.
const PUBLIC_KEY_RE = /^[0-9A-Za-z_-]{42}[AEIMQUYcgkosw048]$/;

export function parseMemberCode(text: string): ParsedMemberCode | null {
  const m = CODE_RE.exec(text.trim());
  if (!m) return null;
  const [, memberId, issued, nonce, signature] = m as unknown as [string, string, string, string, string];
  return { memberId, issuedAt: Number(issued) * 1000, nonce, signature, signed: `${MEMBER_CODE_PREFIX}.${memberId}.${issued}.${nonce}` };
}

/** Does the text look like a member code at all (a scanner's text is classified by this)? */
export const isMemberCode = (text: string) => text.trim().startsWith(`${MEMBER_CODE_PREFIX}.`);

/** A base64url Ed25519 public key: 32 bytes that decode to a point on the curve. */
export function isMemberPublicKey(key: string): boolean {
  if (!PUBLIC_KEY_RE.test(key)) return false;
  try {
    return ed25519.utils.isValidPublicKey(fromBase64Url(key), false);
  } catch {
    return false;
  }
}

export function verifySignature(signed: string, signature: string, publicKey: string): boolean {
  try {
    // zip215 off: strict RFC 8032, so one code has exactly one valid signature.
    return ed25519.verify(fromBase64Url(signature), new TextEncoder().encode(signed), fromBase64Url(publicKey), { zip215: false });
  } catch {
    return false;
  }
}

/**
 * Checks a scanned code: its form, the member's key, the signature, the time window and then that
 * this tablet has not accepted it before. Only an accepted code is added to `seen`. `now` is UTC ms.
 */
export function verifyMemberCode(code: string, publicKeyFor: (memberId: string) => string | null | undefined, now: number, seen: SeenCodes): MemberCodeResult {
  const p = parseMemberCode(code);
  if (!p) return { ok: false, code: 'malformed' };
  const key = publicKeyFor(p.memberId);
  if (!key) return { ok: false, code: 'unknown_member' };
  if (!verifySignature(p.signed, p.signature, key)) return { ok: false, code: 'bad_signature' };
  if (now > p.issuedAt + CODE_TTL_MS) return { ok: false, code: 'expired' };
  if (p.issuedAt > now + CLOCK_SKEW_MS) return { ok: false, code: 'not_yet_valid' };
  const seenKey = `${p.memberId}.${p.nonce}`;
  if (seen.has(seenKey)) return { ok: false, code: 'replayed' };
  seen.add(seenKey, p.issuedAt + CODE_TTL_MS);
  return { ok: true, memberId: p.memberId, nonce: p.nonce, issuedAt: p.issuedAt };
}

export type MemberKeyPair = { secretKey: string; publicKey: string };

export function generateMemberKeyPair(): MemberKeyPair {
  const { secretKey, publicKey } = ed25519.keygen();
  return { secretKey: toBase64Url(secretKey), publicKey: toBase64Url(publicKey) };
}

export const publicKeyOf = (secretKey: string) => toBase64Url(ed25519.getPublicKey(fromBase64Url(secretKey)));

export const newNonce = () => toBase64Url(crypto.getRandomValues(new Uint8Array(8)));

/** Makes a code on the phone. `now` is UTC ms (the code carries whole seconds). */
export function issueMemberCode(memberId: string, secretKey: string, now: number, nonce: string = newNonce()): string {
  const signed = `${MEMBER_CODE_PREFIX}.${memberId}.${Math.floor(now / 1000)}.${nonce}`;
  const signature = toBase64Url(ed25519.sign(new TextEncoder().encode(signed), fromBase64Url(secretKey)));
  const code = `${signed}.${signature}`;
  if (!parseMemberCode(code)) throw new Error(`cannot make a member code for id ${memberId}`);
  return code;
}
