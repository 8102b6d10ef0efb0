import { canAccessStore, type Actor } from '../../shared/domain/authz';
import { DomainError, isDomainError } from '../../shared/errors';
import type { Rejection } from '../../shared/sync/entities';
import { keys } from '../../shared/sync/keys';
import { isMutatorName, refIdOf, type MutatorName } from '../../shared/sync/mutator-args';
import { checkMutation } from '../../shared/sync/mutators';
import type { Mutation, PushRequest, PushResponse } from '../../shared/sync/protocol';
import { openDb } from '../db/client';
import { auditLog, orders } from '../db/schema';
import { insertRow, runBatch } from '../db/statements';
import { accountStub } from '../services/accounts';
import { auditRow } from '../services/audit';
import { clientOf, countFailure, record, setLmid, type Meta } from './cvr-store';
import { serverMutators } from './server-mutators';
import type { DeviceRef } from '../services/devices';

/** A mutation's arguments as a record, whatever the client sent (they are checked later, or not at all for an unknown name). */
const argsOf = (m: Mutation) => (typeof m.args === 'object' && m.args !== null ? m.args : {}) as Record<string, unknown>;

/** A mutation that keeps failing for a reason that is not a refusal is refused after this many tries, so it cannot wedge the tablet. */
export const MAX_TRANSIENT_FAILURES = 5;

export class TransientPushError extends Error {}

/** Refusals are final (recorded, `lastMutationID` advances); a rate limit or outage is retried. */
const isRefusal = (e: unknown): e is DomainError => isDomainError(e) && e.status < 500 && e.code !== 'RATE_LIMITED';

/**
 * Runs a push's mutations in order, each exactly once: `id <= lastMutationID` is skipped, and every
 * effect is keyed by the order or operation id, so a crash between an effect and storing the new
 * `lastMutationID` re-runs a mutation that then changes nothing (docs/decisions/009).
 * Returns the stores whose tablets should pull.
 */
export async function processPush(sql: SqlStorage, env: Env, actor: Actor, meta: Meta, req: PushRequest, device: DeviceRef | null = null): Promise<{ response: PushResponse; touched: Set<string> }> {
  const next = meta.version + 1;
  const touched = new Set<string>();
  for (const m of req.mutations) {
    const client = clientOf(sql, m.clientID);
    const last = client?.lmid ?? 0;
    if (m.id <= last) continue;
    // A client the group does not know that is past its first mutation was forgotten: it resets.
    if (m.id > last + 1) return { response: last === 0 ? { error: 'ClientStateNotFound' } : {}, touched };
    const outcome = await runOne(env, actor, m, device);
    if (outcome === 'transient') {
      const retry = () => new TransientPushError(`mutation ${m.clientID}/${m.id} (${m.name}) failed; the client will retry`);
      if (countFailure(sql, m.clientID) < MAX_TRANSIENT_FAILURES) throw retry();
      const applied = await appliedByMember(env, m);
      if (applied === 'unknown') throw retry();
      if (!applied) await reject(sql, env, actor, m, next, new DomainError('INTERNAL', 'The server could not process this change after several attempts'));
    } else if (outcome !== 'ok') await reject(sql, env, actor, m, next, outcome);
    setLmid(sql, m.clientID, m.id, next);
    const storeId = (m.args as { storeId?: unknown; homeStoreId?: unknown } | null)?.storeId ?? (m.args as { homeStoreId?: unknown } | null)?.homeStoreId;
    if (typeof storeId === 'string') touched.add(storeId);
  }
  return { response: {}, touched };
}

/**
 * Before giving up on a mutation, ask the member's object (when it names one) whether its
 * operation went through after all — the answer was lost, then the retries failed. Money that
 * moved is never reported as refused; if the object cannot say, the client keeps retrying.
 */
async function appliedByMember(env: Env, m: Mutation): Promise<boolean | 'unknown'> {
  const args = argsOf(m);
  const refId = isMutatorName(m.name) ? refIdOf(m.name, args) : null;
  if (typeof args.memberId !== 'string' || !refId) return false;
  try {
    return (await accountStub(env, args.memberId).opStatus(refId)) === 'applied';
  } catch {
    return 'unknown';
  }
}

async function runOne(env: Env, actor: Actor, m: Mutation, device: DeviceRef | null): Promise<'ok' | 'transient' | DomainError> {
  try {
    if (!isMutatorName(m.name)) throw new DomainError('VALIDATION_FAILED', `Unknown mutator ${m.name}`);
    const name: MutatorName = m.name;
    const args = checkMutation({ actor }, name, m.args);
    await (serverMutators[name] as (c: unknown, a: unknown) => Promise<unknown>)({ env, db: openDb(env.DB), actor, device }, args);
    return 'ok';
  } catch (e) {
    if (isRefusal(e)) return e;
    console.error(`push: mutation ${m.clientID}/${m.id} (${m.name}) failed`, e);
    return 'transient';
  }
}

/**
 * A refusal is kept where the tablet that made it sees it (its group's view) and where HQ does
 * (the audit log; a refused checkout is also an order marked rejected, if nothing recorded it).
 */
async function reject(sql: SqlStorage, env: Env, actor: Actor, m: Mutation, version: number, e: DomainError): Promise<void> {
  const args = argsOf(m);
  const refId = isMutatorName(m.name) ? refIdOf(m.name, args) : null;
  const at = Date.now();
  const holders = (e.details as { holders?: Rejection['holders'] } | undefined)?.holders;
  const rejection: Rejection = { clientID: m.clientID, mutationID: m.id, name: m.name, code: e.code, message: e.message, refId, at, ...(holders?.length ? { holders } : {}) };
  record(sql, keys.rejection(m.clientID, m.id), rejection, version);
  const db = openDb(env.DB);
  try {
    await runBatch(db, [insertRow(db, auditLog, auditRow({ id: `sync:${m.clientID}:${m.id}`, actor, action: 'sync.rejected', entity: m.name, entityId: refId ?? '', at, detail: { code: e.code, message: e.message } }), { ignore: true })]);
    // A sale the member's object refused is already an order marked rejected (its refusal carries
    // the opId); one refused before it got there (prices, tenders) is recorded here — in the
    // actor's own store only, so a refused request cannot put rows into another store.
    const recorded = typeof (e.details as { opId?: unknown } | undefined)?.opId === 'string';
    if (m.name === 'checkout' && refId && !recorded && typeof args.storeId === 'string' && canAccessStore(actor, args.storeId)) {
      const tendered = Array.isArray(args.tenders) ? (args.tenders as { amountFen?: unknown }[]).reduce((n, t) => n + (typeof t?.amountFen === 'number' ? t.amountFen : 0), 0) : 0;
      const createdAt = typeof args.createdAt === 'number' ? args.createdAt : at;
      await runBatch(db, [insertRow(db, orders, {
        id: refId, storeId: args.storeId, staffId: actor.id, memberId: null, kind: 'sale', status: 'rejected', rejectReason: `${e.code}: ${e.message}`.slice(0, 500),
        subtotalFen: tendered, discountFen: 0, totalFen: tendered, costFen: 0, pointsEarned: 0, note: '', createdAt, receivedAt: at, updatedAt: at,
      }, { ignore: true })]);
    }
  } catch (err) {
    // The refusal is already in the group's view; HQ's copy is best effort (a store id that does not exist, say).
    console.warn('push: could not record a refusal in D1', err);
  }
}
