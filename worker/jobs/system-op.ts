import type { AccountOp, OpOutcome } from '../../shared/schemas/account';
import type { StaleTier } from '../durable/member-account';
import { accountStub } from '../services/accounts';
import { auditRow, type AuditEntry } from '../services/audit';
import type { JobContext } from './types';

/**
 * A job's operation on one member, through their object, audited as the system (the audit row
 * rides in the op's projection, so it is written once with it). True: it changed something now;
 * false: the object had seen the op id (an earlier run did it). A refusal is the member's failure.
 */
export async function systemOp(ctx: JobContext, m: { id: string; card_no: string; ledger_seq: number }, op: AccountOp, audit: Omit<AuditEntry, 'id' | 'at' | 'entity' | 'entityId'>): Promise<boolean> {
  const row = auditRow({ ...audit, id: op.opId, at: op.at, entity: 'member', entityId: m.id });
  const out = (await accountStub(ctx.env, m.id).apply({ memberId: m.id, cardNo: m.card_no }, op, { consumptionOrder: ctx.rules.consumptionOrder }, { audit: row, projectedSeq: m.ledger_seq })) as unknown as OpOutcome | StaleTier;
  if ('staleTier' in out) throw new Error(`${m.id}: answered staleTier to an unpriced op`);
  if (out.status === 'rejected') throw new Error(`${m.id}: ${out.code} ${out.message}`);
  return !out.replayed;
}
