import type { MutatorName } from '../../shared/sync/mutator-args';
import type { Ids } from './sim-ids';

/** A mutation a device queued, as the harness remembers it (the tablet's own record is the Replicache queue). */
export type Sent = {
  device: string;
  clientID: string;
  id: number;
  name: MutatorName;
  /** The order or operation id: the idempotency key, and what a refusal names. */
  refId: string | null;
  memberId: string | null;
  storeId: string;
  args: Record<string, unknown>;
  /** Stored value taken offline under the tablet's lease: decision 015 says it cannot be refused for money. */
  leased: boolean;
};

/** An operation sent over REST by HQ (no queue: retried with the same id until it is answered, or given up). */
export type RestOp = { kind: 'coupon_grant' | 'points_adjust' | 'device_retire'; memberId: string | null; opId: string; status: number | null };

/** What the run set out to do, checked against what the system says it did. */
export class Book {
  readonly sent: Sent[] = [];
  readonly rest: RestOp[] = [];
  readonly members = new Set<string>();
  /** Each registered member's phone: what a clerk at another store types to find them. */
  readonly phones = new Map<string, string>();
  /** Members an action of the current step named: their objects are checked after the step. */
  readonly touched = new Set<string>();
  readonly retired = new Set<string>();
  refusedOnTablet = 0;

  constructor(private ids: Ids) {}

  /** A fresh client-made id (ULID), from the run's PRNG. */
  nextId(): string {
    return this.ids.ulid();
  }

  phone(): string {
    return this.ids.phone();
  }

  refIdOf(s: Pick<Sent, 'refId'>): string {
    if (!s.refId) throw new Error('a mutation without an id');
    return s.refId;
  }
}
