import { isMemberCode, parseMemberCode, verifyMemberCode, type MemberCodeError, type SeenCodes } from '../../../../../shared/domain/member-code';
import type { Member } from '../../../../../shared/schemas/member';
import type { SyncedProduct } from '../../../../../shared/sync/entities';

type Awaitable<T> = T | Promise<T>;

/** What the counter knows offline: this tablet's members and products, and the codes it accepted. */
export type ScanLookup = {
  memberByCardNo(cardNo: string): Awaitable<Member | null>;
  memberById(id: string): Awaitable<Member | null>;
  productByBarcode(code: string): Awaitable<SyncedProduct | null>;
  seen: SeenCodes;
  now(): number;
};

/** Why a member code was refused; `no_key`: the member is here but their phone's key is not (yet). */
export type ScanErrorCode = MemberCodeError | 'no_key';

export type ScanResult =
  | { kind: 'member'; member: Member; via: 'member_code' | 'card_no' }
  | { kind: 'product'; product: SyncedProduct }
  | { kind: 'error'; code: ScanErrorCode; text: string; member: Member | null }
  | { kind: 'not_found'; text: string; looksLikeCardNo: boolean };

export const CARD_NO_RE = /^\d{12}$/;

/** What scanners add around a code: whitespace, control characters (a suffix, a GS separator). */
export const cleanScan = (raw: string) => raw.replace(/[\u0000-\u001f\u007f\s]+/g, '');

/**
 * Classifies what a scanner read (USB scanner or camera): a member's QR code, verified here
 * without the network (docs/decisions/011); a 12-digit card number; a product barcode. A 12-digit
 * number that is no card here may still be a product (UPC-A has 12 digits), so it is tried as one.
 */
export async function resolveScan(raw: string, lookup: ScanLookup): Promise<ScanResult> {
  const text = cleanScan(raw);
  if (isMemberCode(text)) return resolveMemberCode(text, lookup);
  if (CARD_NO_RE.test(text)) {
    const member = await lookup.memberByCardNo(text);
    if (member) return { kind: 'member', member, via: 'card_no' };
  }
  const product = text ? await lookup.productByBarcode(text) : null;
  if (product) return { kind: 'product', product };
  return { kind: 'not_found', text, looksLikeCardNo: CARD_NO_RE.test(text) };
}

async function resolveMemberCode(text: string, lookup: ScanLookup): Promise<ScanResult> {
  const parsed = parseMemberCode(text);
  if (!parsed) return { kind: 'error', code: 'malformed', text, member: null };
  const member = await lookup.memberById(parsed.memberId);
  if (!member) return { kind: 'error', code: 'unknown_member', text, member: null };
  // Rows synced before the key existed have no field at all: the same as no key.
  const key = member.qrPublicKey ?? null;
  if (!key) return { kind: 'error', code: 'no_key', text, member };
  // Nothing is awaited from here on: two scans of one code cannot both pass the replay check.
  const r = verifyMemberCode(text, (id) => (id === member.id ? key : null), lookup.now(), lookup.seen);
  return r.ok ? { kind: 'member', member, via: 'member_code' } : { kind: 'error', code: r.code, text, member };
}

/** The i18n key (under `scan.`) that tells the clerk what happened and what to do. */
export function scanMessageKey(r: ScanResult) {
  switch (r.kind) {
    case 'member':
      return r.via === 'member_code' ? ('scan.found.memberCode' as const) : ('scan.found.cardNo' as const);
    case 'product':
      return 'scan.found.product' as const;
    case 'not_found':
      return r.looksLikeCardNo ? ('scan.notFound.cardNo' as const) : ('scan.notFound.other' as const);
    case 'error':
      return `scan.refused.${r.code}` as const;
  }
}

/** Values for that message's placeholders. */
export function scanMessageValues(r: ScanResult): Record<string, string> {
  switch (r.kind) {
    case 'member':
      return { name: r.member.name, cardNo: r.member.cardNo };
    case 'product':
      return { name: r.product.name, barcode: r.product.barcode ?? '' };
    case 'not_found':
      return { text: r.text };
    case 'error':
      return { name: r.member?.name ?? '' };
  }
}
