import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * The tamper-evident chain over a member's ledger (docs/decisions/006). Each entry's hash is
 * SHA-256 over a fixed serialization: the JSON array below, in exactly this field order, with
 * null for an absent store or staff. The first entry links to GENESIS. Synchronous on purpose:
 * the Durable Object computes it inside its write transaction.
 */
export const GENESIS = '0'.repeat(64);
export const LEDGER_HASH_VERSION = 'cloudcard-ledger-v1';
/** Entries of an account that has lent money to devices (decision 015) also hash the reserved columns. */
export const LEDGER_HASH_VERSION_RESERVED = 'cloudcard-ledger-v2';

export type HashedFields = {
  seq: number;
  opId: string;
  kind: string;
  principalDelta: number;
  bonusDelta: number;
  pointsDelta: number;
  punchDelta: number;
  principalAfter: number;
  bonusAfter: number;
  pointsAfter: number;
  storeId: string | null;
  staffId: string | null;
  at: number;
  prevHash: string;
  reservedDelta?: number;
  reservedAfter?: number;
};

export function serializeEntry(e: HashedFields): string {
  const reserved = e.reservedDelta !== undefined || e.reservedAfter !== undefined;
  return JSON.stringify([
    reserved ? LEDGER_HASH_VERSION_RESERVED : LEDGER_HASH_VERSION,
    e.seq,
    e.opId,
    e.kind,
    e.principalDelta,
    e.bonusDelta,
    e.pointsDelta,
    e.punchDelta,
    e.principalAfter,
    e.bonusAfter,
    e.pointsAfter,
    e.storeId,
    e.staffId,
    e.at,
    e.prevHash,
    ...(reserved ? [e.reservedDelta ?? 0, e.reservedAfter ?? 0] : []),
  ]);
}

const nobleSha256Hex = (text: string) => bytesToHex(sha256(utf8ToBytes(text)));
let sha256Hex = nobleSha256Hex;

/**
 * The digest behind `hashEntry`: SHA-256 from @noble/hashes in every runtime, unless one offers a
 * native synchronous one. The member's object hashes inside its write transaction, where the pure
 * JavaScript digest was ~3 % of a settlement's CPU; it installs node:crypto's at start (same bytes).
 */
export function useSha256Hex(digest: ((text: string) => string) | null): void {
  sha256Hex = digest ?? nobleSha256Hex;
}

export function hashEntry(e: HashedFields): string {
  return sha256Hex(serializeEntry(e));
}

export type VerifyResult =
  | { ok: true; entries: number; principalFen: number; bonusFen: number; points: number; reservedFen: number; headHash: string }
  | { ok: false; atSeq: number; reason: string };

/** Recomputes the chain and the running sums; the first broken link is reported. */
export function verifyChain(entries: readonly (HashedFields & { hash: string })[]): VerifyResult {
  let prev = GENESIS, p = 0, b = 0, pts = 0, r = 0;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const fail = (reason: string): VerifyResult => ({ ok: false, atSeq: e.seq, reason });
    if (e.seq !== i + 1) return fail(`sequence gap: expected ${i + 1}`);
    if (e.prevHash !== prev) return fail('previous-hash link broken');
    if (hashEntry(e) !== e.hash) return fail('hash does not match the entry');
    p += e.principalDelta; b += e.bonusDelta; pts += e.pointsDelta; r += e.reservedDelta ?? 0;
    if (p !== e.principalAfter || b !== e.bonusAfter || pts !== e.pointsAfter) return fail('balance after ≠ sum of deltas');
    if (r !== (e.reservedAfter ?? 0)) return fail('reserved after ≠ sum of reserved deltas');
    if (p < 0 || b < 0 || pts < 0) return fail('balance negative');
    if (r < 0 || r > p + b) return fail('reserved outside 0…balance');
    prev = e.hash;
  }
  return { ok: true, entries: entries.length, principalFen: p, bonusFen: b, points: pts, reservedFen: r, headHash: prev };
}
