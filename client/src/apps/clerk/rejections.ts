import { rejectionSchema, type Rejection } from '../../../../shared/sync/entities';
import { isMutatorName, type MutatorName } from '../../../../shared/sync/mutator-args';
import { formatClock } from '../../lib/sync/sync-display';

/** A refusal as the panel shows it: for a refused checkout, the sale's total when the tablet has it. */
export type RejectionView = { rejection: Rejection; amountFen: number | null };

/** Unique per device and mutation: what an acknowledgement remembers. */
export const rejectionId = (r: Pick<Rejection, 'clientID' | 'mutationID'>): string => `${r.clientID}/${r.mutationID}`;

/** The synced values under `rejection/`, minus anything that is not a rejection (never trust a cache to crash the counter). */
export function toRejections(values: readonly unknown[]): Rejection[] {
  return values.flatMap((v) => {
    const r = rejectionSchema.safeParse(v);
    return r.success ? [r.data] : [];
  });
}

/** What still needs the clerk's eye: not acknowledged, newest first. */
export function unacknowledged<T extends { rejection: Rejection }>(items: readonly T[], acked: ReadonlySet<string>): T[] {
  return items
    .filter((i) => !acked.has(rejectionId(i.rejection)))
    .sort((a, b) => b.rejection.at - a.rejection.at || b.rejection.mutationID - a.rejection.mutationID || (a.rejection.clientID < b.rejection.clientID ? 1 : -1));
}

/** Codes with their own wording for the counter: each says what to do next, not just what went wrong. */
export const REASON_CODES = [
  'INSUFFICIENT_FUNDS',
  'CARD_FROZEN',
  'CARD_CLOSED',
  'COUPON_USED',
  'COUPON_EXPIRED',
  'INSUFFICIENT_POINTS',
  'PUNCH_EXHAUSTED',
  'PUNCH_EXPIRED',
  'PUNCH_NOT_VALID_HERE',
  'REFUND_NOT_ALLOWED',
  'REFUND_EXCEEDS_ORIGINAL',
  'MEMBER_NOT_FOUND',
  'PHONE_TAKEN',
  'VALIDATION_FAILED',
  'FORBIDDEN',
  'INTERNAL',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];
const reasonCodes: ReadonlySet<string> = new Set(REASON_CODES);

/**
 * A refused refund reads differently from a refused sale: nothing went back to the card, and the
 * clerk may already have handed cash over. These codes have refund wording of their own.
 */
export const REFUND_REASON_CODES = ['REFUND_NOT_ALLOWED', 'REFUND_EXCEEDS_ORIGINAL', 'FORBIDDEN', 'OPERATION_NOT_FOUND', 'INSUFFICIENT_FUNDS', 'CARD_CLOSED', 'PUNCH_EXHAUSTED'] as const;
type RefundReasonCode = (typeof REFUND_REASON_CODES)[number];
const refundReasonCodes: ReadonlySet<string> = new Set(REFUND_REASON_CODES);

/** The translation key for a refusal's code (of mutator `name`); null means "show the server's own message". */
export function reasonKey(code: string, name?: string): `clerk.rejections.reasons.${ReasonCode}` | `clerk.rejections.refundReasons.${RefundReasonCode}` | null {
  if (name === 'refundOrder' && refundReasonCodes.has(code)) return `clerk.rejections.refundReasons.${code as RefundReasonCode}`;
  return reasonCodes.has(code) ? `clerk.rejections.reasons.${code as ReasonCode}` : null;
}

/** The translation key naming what was refused; null for a mutator this build does not know (shown as is). */
export function whatKey(name: string): `clerk.rejections.what.${MutatorName}` | null {
  return isMutatorName(name) ? `clerk.rejections.what.${name}` : null;
}

/** Mutations whose id is an order's: the clerk knows it as an order number. */
const ORDER_MUTATORS: ReadonlySet<string> = new Set<MutatorName>(['checkout', 'redeemPunch', 'refundOrder']);
export const refIsOrder = (name: string): boolean => ORDER_MUTATORS.has(name);

/** The last 6 characters of an id, enough to find it on a receipt or in HQ's list. */
export const shortRef = (refId: string | null): string | null => (refId ? refId.slice(-6) : null);

const pad2 = (n: number) => String(n).padStart(2, '0');

/** 14:05 for today; 11-20 14:05 for an older refusal left unacknowledged (local time). */
export function formatWhen(at: number, now: number): string {
  const d = new Date(at);
  const today = new Date(now);
  const sameDay = d.getFullYear() === today.getFullYear() && d.getMonth() === today.getMonth() && d.getDate() === today.getDate();
  return sameDay ? formatClock(at) : `${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${formatClock(at)}`;
}

/** Where a user's acknowledgements live: local UI state, per user, since a tablet is shared. */
export const ackStorageKey = (userId: string): string => `cloudcard.clerk.ackedRejections.${userId}`;

/** The stored list, or none when it is missing or not what we wrote. */
export function parseAcked(raw: string | null): string[] {
  if (!raw) return [];
  try {
    const v: unknown = JSON.parse(raw);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * The acknowledgements after acknowledging `id`. Ids of refusals no longer synced are dropped, so
 * the list never outgrows what the server still sends.
 */
export function withAck(acked: readonly string[], id: string, present: readonly string[]): string[] {
  const keep = new Set(present);
  return [...new Set([...acked.filter((a) => keep.has(a)), id])];
}
