import type { ReadTransaction, Replicache } from 'replicache';
import type { SeenCodes } from '../../../../../shared/domain/member-code';
import type { Member } from '../../../../../shared/schemas/member';
import type { SyncedProduct } from '../../../../../shared/sync/entities';
import { keys, prefixes } from '../../../../../shared/sync/keys';
import { CardIndex } from './card-index';
import type { ScanLookup } from './resolve-scan';
import { tabletSeenCodes } from './seen-nonces';

/** What the lookups need of the tablet's Replicache (a `CloudRep` has both). */
export type ScanRep = Pick<Replicache, 'query' | 'experimentalWatch'>;

/** Reads every member row: the fallback when the card index has no entry (measured ~28 ms for 20,000 in Node). */
export async function memberWithCardNo(tx: ReadTransaction, cardNo: string): Promise<Member | null> {
  for await (const v of tx.scan({ prefix: prefixes.member }).values()) {
    if ((v as { cardNo?: unknown }).cardNo === cardNo) return v as unknown as Member;
  }
  return null;
}

/** Products are a few thousand rows at most: a scan is cheap enough for a barcode. */
export async function productWithBarcode(tx: ReadTransaction, barcode: string): Promise<SyncedProduct | null> {
  for await (const v of tx.scan({ prefix: prefixes.product }).values()) {
    if ((v as { barcode?: unknown }).barcode === barcode) return v as unknown as SyncedProduct;
  }
  return null;
}

const memberAt = async (tx: ReadTransaction, id: string) => ((await tx.get(keys.member(id))) as unknown as Member | undefined) ?? null;

export type ReplicacheLookup = ScanLookup & { close(): void; indexedCards(): number };

/**
 * The scan lookups over this tablet's synced view. A card number goes through a card → id index
 * kept from Replicache's watch, and falls back to scanning the members when the index has no
 * entry (a row the watch has not delivered yet). Accepted member codes go to the tablet's one set.
 * Call close() when the Replicache closes.
 */
export function replicacheLookup(rep: ScanRep, opts: { seen?: SeenCodes; now?: () => number } = {}): ReplicacheLookup {
  const cards = new CardIndex();
  const stop = rep.experimentalWatch((diff) => cards.apply(diff), { prefix: prefixes.member, initialValuesInFirstDiff: true });
  return {
    memberById: (id) => rep.query((tx) => memberAt(tx, id)),
    memberByCardNo: (cardNo) =>
      rep.query(async (tx) => {
        const id = cards.idFor(cardNo);
        const hit = id ? await memberAt(tx, id) : null;
        return hit?.cardNo === cardNo ? hit : memberWithCardNo(tx, cardNo);
      }),
    productByBarcode: (barcode) => rep.query((tx) => productWithBarcode(tx, barcode)),
    seen: opts.seen ?? tabletSeenCodes,
    now: opts.now ?? Date.now,
    close: stop,
    indexedCards: () => cards.size,
  };
}
