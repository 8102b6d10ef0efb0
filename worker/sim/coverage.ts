import type { Rejection } from '../../shared/sync/entities';
import { keys } from '../../shared/sync/keys';
import { prefixes } from '../../shared/sync/keys';
import type { Book } from './book';
import type { ObjectRecord } from './final-checks';
import { rowsUnder } from './mem-tx';
import { count, type Tally } from './network';
import type { Tablet } from './tablet';

/**
 * What a run exercised, counted into its tally (`seen:` keys): the operations the member objects
 * recorded by kind and outcome, leases granted, asked back and spent under, and the refusals the
 * tablets show by code. The suite checks that the runs together cover what they claim to.
 */
export function countCoverage(tally: Tally, book: Book, objects: Map<string, ObjectRecord>, tablets: Tablet[]): void {
  for (const o of objects.values()) {
    for (const r of o.ops.values()) {
      count(tally, `seen:${r.kind}:${r.status}`);
      if (r.kind === 'lease_grant' && Number(r.detail.heldFen ?? 0) > 0) count(tally, 'seen:lease-held');
      if (r.kind === 'settle' && r.detail.leaseId) count(tally, 'seen:sale-under-lease');
      if (r.kind === 'settle' && Number(r.detail.writtenOffFen ?? 0) > 0) count(tally, 'seen:written-off');
    }
  }
  for (const t of tablets) for (const r of rowsUnder<Rejection>(t.rep.view, prefixes.rejection)) count(tally, `seen:refused:${r.code}`);
  count(tally, 'seen:offline-sale', book.sent.filter((s) => s.leased).length);
  count(tally, 'seen:refund', book.sent.filter((s) => s.name === 'refundOrder').length);
}

/**
 * Sales a tablet rang up that its own screen no longer shows at all: the server confirmed the
 * mutation (it left the queue), the order row has not come (its projection waits for D1) and no
 * refusal names it. Not a violation of the end state; counted and traced, because a clerk who
 * sees a sale vanish may ring it up again.
 */
export function vanishedSales(book: Book, devices: Map<string, Tablet>): string[] {
  const out: string[] = [];
  for (const s of book.sent) {
    if (s.name !== 'checkout' || !s.refId) continue;
    const t = devices.get(s.device)!;
    const queued = t.rep.pending.some((p) => p.clientID === s.clientID && p.id === s.id);
    if (!queued && !t.rep.view.has(keys.order(s.refId)) && !t.rep.view.has(keys.rejection(s.clientID, s.id))) out.push(s.refId);
  }
  return out;
}
