import { verifyChain } from '../../shared/domain/account/ledger-hash';
import { ownedPurses, totalPoints, type AccountState } from '../../shared/domain/account/state';
import type { Lease } from '../../shared/domain/allowance/leases';
import type { OwnedCoupon, PunchCard } from '../../shared/schemas/account';
import type { MemberSnapshot } from '../../shared/schemas/backup';

/** The engine's view of a snapshot (what loadState() would read after it is written). */
export function stateOfSnapshot(s: MemberSnapshot): AccountState {
  const a = s.account;
  return {
    status: a.status, cardNo: a.cardNo, principalFen: a.principalFen, bonusFen: a.bonusFen, seq: a.seq, headHash: a.headHash,
    lots: s.lots, punchCards: s.punchCards as unknown as PunchCard[], coupons: s.coupons as unknown as OwnedCoupon[], leases: s.leases as unknown as Lease[],
  };
}

/**
 * Why a snapshot must not be restored, or null. The same checks as the object's own verify():
 * the hash chain holds, and the balances it holds are the ledger's sums. A restore is the one
 * write that does not go through the engine, so it takes nothing on trust — a file edited, cut
 * short or mixed from two backups is refused here rather than becoming a member's money.
 */
export function snapshotProblem(s: MemberSnapshot): string | null {
  const v = verifyChain(s.ledger);
  if (!v.ok) return `the ledger does not verify at entry ${v.atSeq}: ${v.reason}`;
  const state = stateOfSnapshot(s);
  if (v.entries !== state.seq || v.headHash !== state.headHash) return 'the account’s sequence or head hash is not the ledger’s last entry';
  const owned = ownedPurses(state);
  if (owned.principalFen !== v.principalFen || owned.bonusFen !== v.bonusFen || owned.reservedFen !== v.reservedFen || totalPoints(state) !== v.points) {
    return 'the balances held differ from the ledger sums';
  }
  const applied = new Set(s.ops.filter((o) => o.status === 'applied').map((o) => o.opId));
  const orphan = s.ledger.find((e) => !applied.has(e.opId));
  if (orphan) return `ledger entry ${orphan.seq} belongs to no applied operation`;
  const stranger = s.outbox.find((d) => d.memberId !== s.memberId);
  if (stranger) return `an outbox document belongs to another member (${stranger.memberId})`;
  return null;
}
