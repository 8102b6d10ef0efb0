import { derive, fromBase64Url, PBKDF2_ITERATIONS, toBase64Url } from '../crypto/password';
import { pinSchema, type Approval, type Approver, type PinRecord } from '../schemas/approval';

/**
 * A manager's approval PIN (docs/decisions/013). The store's tablets hold a verifier of each
 * approver's PIN so an approval can be checked with the network down; the server keeps a second
 * key derived from the same PIN with another label, and an approval carries an HMAC by that key
 * over exactly what was approved. A tablet's verifier therefore cannot sign an approval: only
 * someone who typed the PIN can (or who brute-forces it from a stolen verifier — 10⁶ PINs ×
 * 100,000 PBKDF2 rounds — which is why approvals are audited with the approver and lockable).
 */
const derived = (pin: string, label: 'verify' | 'approve', salt: string, iterations: number) =>
  derive(pin, new TextEncoder().encode(`${label}|${salt}`), iterations);

export async function makePinRecord(pin: string, iterations = PBKDF2_ITERATIONS): Promise<PinRecord> {
  const salt = toBase64Url(crypto.getRandomValues(new Uint8Array(16)));
  const [verifier, key] = await Promise.all([derived(pin, 'verify', salt, iterations), derived(pin, 'approve', salt, iterations)]);
  return { v: 1, iterations, salt, verifier: toBase64Url(verifier), key: toBase64Url(key) };
}

const hmacKey = (raw: Uint8Array, use: 'sign' | 'verify') =>
  crypto.subtle.importKey('raw', raw as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, [use]);

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a[i]! ^ b[i]!;
  return d === 0;
}

/**
 * On the tablet: checks the PIN against the approver's verifier and, when it matches, signs
 * `message` with the key the PIN derives. null: wrong PIN.
 */
export async function approve(approver: Approver, pin: string, message: string, iterations = PBKDF2_ITERATIONS): Promise<Approval | null> {
  if (!pinSchema.safeParse(pin).success) return null;
  const verifier = await derived(pin, 'verify', approver.salt, iterations);
  if (!sameBytes(verifier, fromBase64Url(approver.verifier))) return null;
  const key = await hmacKey(await derived(pin, 'approve', approver.salt, iterations), 'sign');
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(message));
  return { approvedBy: approver.id, proof: toBase64Url(new Uint8Array(mac)) };
}

/** On the server: is `proof` the approver's HMAC over `message`? (constant time, by WebCrypto). */
export async function verifyApproval(record: PinRecord, message: string, proof: string): Promise<boolean> {
  let mac: Uint8Array;
  try {
    mac = fromBase64Url(proof);
  } catch {
    return false;
  }
  const key = await hmacKey(fromBase64Url(record.key), 'verify');
  return crypto.subtle.verify('HMAC', key, mac as BufferSource, new TextEncoder().encode(message));
}

/** What exactly is approved: one canonical text per kind, naming the operation it belongs to. */
export const approvalMessages = {
  manualDiscount: (orderId: string, d: { kind: 'amount'; amountFen: number; reason: string } | { kind: 'percent'; discountBp: number; reason: string }) =>
    `manual-discount|${orderId}|${d.kind}|${d.kind === 'amount' ? d.amountFen : d.discountBp}|${d.reason.trim()}`,
  refund: (r: { opId: string; refundOf: string; amountFen: number }) => `refund|${r.opId}|${r.refundOf}|${r.amountFen}`,
} as const;
