import type { ReadonlyJSONValue, WriteTransaction } from 'replicache';
import { allowanceView, checkAllowance, offlineRefusalMessage } from '../domain/allowance/device-check';
import { DomainError } from '../errors';
import type { SyncedAllowance } from '../schemas/device';
import type { OrderInput } from '../schemas/order';
import { keys } from './keys';

/**
 * The tablet's side of a stored-value sale and its allowance for the member (decision 015).
 * A sale taken under the allowance (a tender names its lease) must fit what the tablet still holds,
 * before the lease expires by the sale's own time (`createdAt`, so a replay decides the same way):
 * otherwise it is refused here, with the reason, and the clerk takes another tender. An online sale
 * may be paid partly from this tablet's lease on the server, so the local copy assumes it was.
 */
export async function takeFromAllowance(tx: WriteTransaction, o: OrderInput, deviceId: string | null): Promise<void> {
  const sv = o.tenders.reduce((n, t) => n + (t.kind === 'stored_value' ? t.amountFen : 0), 0);
  const leaseId = o.tenders.flatMap((t) => (t.kind === 'stored_value' && t.leaseId ? [t.leaseId] : []))[0];
  const key = deviceId && o.memberId ? keys.allowance(deviceId, o.memberId) : null;
  const a = key ? ((await tx.get(key)) as SyncedAllowance | undefined) : undefined;
  if (leaseId) {
    const check = checkAllowance(a && a.leaseId === leaseId ? allowanceView(a) : null, sv, o.createdAt);
    if (!check.ok) throw new DomainError('OFFLINE_ALLOWANCE', offlineRefusalMessage(check), { details: { reason: check.reason, availableFen: check.availableFen } });
  }
  if (key && a && sv > 0) await tx.set(key, { ...a, heldFen: Math.max(0, a.heldFen - sv) } as ReadonlyJSONValue);
}
