import type { Actor } from '../../shared/domain/authz';
import { formatFen } from '../../shared/domain/money';
import { DomainError } from '../../shared/errors';
import type { OpOutcome } from '../../shared/schemas/account';
import type { Db } from '../db/client';
import { accountStub, raiseIfRejected } from './accounts';
import { describeHolders, requestRelease } from './allowances';

/** How long an online sale waits for tablets to give reserved money back. */
export const RECLAIM_WAIT_MS = 3_000;
/** A tablet that has not answered a request this old is taken to be offline: no waiting for it again. */
const ANSWER_WITHIN_MS = 10_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Whether a stored-value sale may need money tablets hold, by the member row (a few seconds old at
 * most): nothing reserved, or enough besides, and the member's object is not asked first. A row
 * that missed a grant made just now costs at worst a refusal that names where the money is.
 */
export const mayNeedReclaim = (m: { principalFen: number; bonusFen: number; reservedFen: number }, fen: number) =>
  m.reservedFen > 0 && m.principalFen + m.bonusFen - m.reservedFen < fen;

/**
 * A stored-value sale needs money other tablets hold for offline use (decision 015). They are asked
 * to give it back; one that is online acknowledges through its sync queue, after every sale it made
 * under the allowance, so the money moves only once nothing can be spent against it. The sale waits
 * a moment for that; a tablet that is offline keeps its allowance until it syncs or HQ retires it.
 */
export async function reclaimIfShort(env: Env, db: Db, actor: Actor, memberId: string, orderId: string, fen: number, deviceId: string | null): Promise<void> {
  const stub = accountStub(env, memberId);
  const first = await stub.spendableFor(deviceId);
  if (first.spendableFen >= fen || first.others.length === 0) return;
  const now = Date.now();
  const answering = first.others.filter((o) => o.releaseRequestedAt === null || now - o.releaseRequestedAt < ANSWER_WITHIN_MS);
  if (answering.length === 0) return;
  const holders = await describeHolders(db, answering.map((o) => o.deviceId));
  const fresh = answering.filter((o) => o.releaseRequestedAt === null);
  if (fresh.length) await requestRelease(env, db, actor, memberId, `rr:${orderId}`, fresh.map((o) => o.leaseId), [...new Set(fresh.flatMap((o) => holders.get(o.deviceId)?.storeId ?? []))]);
  for (let waited = 0; waited < RECLAIM_WAIT_MS; waited += 200) {
    await sleep(200);
    if ((await stub.spendableFor(deviceId)).spendableFen >= fen) return;
  }
}

/**
 * A refused sale, its message naming where the member's reserved money is ("¥80.00 … at 天河1店").
 * The tablets holding it are asked for it too (once per sale), so it is there when the clerk tries again.
 */
export async function raiseNamingHolders(env: Env, db: Db, actor: Actor, memberId: string, out: OpOutcome): Promise<void> {
  const reservations = (out.status === 'rejected' && out.code === 'INSUFFICIENT_FUNDS' ? (out.detail.reservations as { leaseId: string; deviceId: string; fen: number }[] | undefined) : undefined) ?? [];
  if (reservations.length === 0) {
    raiseIfRejected(out);
    return;
  }
  const names = await describeHolders(db, reservations.map((r) => r.deviceId));
  await requestRelease(env, db, actor, memberId, `rr:${out.opId}`, reservations.map((r) => r.leaseId), [...new Set(reservations.flatMap((r) => names.get(r.deviceId)?.storeId ?? []))]);
  const holders = reservations.map((r) => ({ fen: r.fen, storeName: names.get(r.deviceId)?.storeName ?? '?', deviceName: names.get(r.deviceId)?.deviceName ?? r.deviceId }));
  const where = holders.map((h) => `${formatFen(h.fen)} is reserved for offline use at ${h.storeName} (${h.deviceName})`).join('; ');
  throw new DomainError('INSUFFICIENT_FUNDS', `Stored value is short: ${where}. It comes back when that tablet is online and gives it back, or when HQ retires it`, {
    details: { opId: out.opId, ...out.detail, holders },
  });
}
