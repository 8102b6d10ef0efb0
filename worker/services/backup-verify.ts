import { accountStub } from './accounts';

/**
 * What `GET /api/members/:id/ledger/verify` reports (worker/services/account-reads.ts), for a
 * member just restored: the object's chain and sums, and whether D1's read model — restored from
 * the same file — agrees with them. The restore runs before anyone may sign in, so it cannot go
 * through the route's member access check.
 */
export async function restoredMemberCheck(env: Env, memberId: string): Promise<{ verified: boolean; projectionMatches: boolean }> {
  const stub = accountStub(env, memberId);
  const v = await stub.verify();
  const pending = await stub.pendingProjection();
  const row = await env.DB.prepare(
    'SELECT principal_fen AS p, bonus_fen AS b, reserved_fen AS r, points AS pts, ledger_seq AS seq, (SELECT count(*) FROM ledger_entries WHERE member_id = ?1) AS n FROM members WHERE id = ?1',
  ).bind(memberId).first<{ p: number; b: number; r: number; pts: number; seq: number; n: number }>();
  const projectionMatches = v.ok && pending === 0 && row?.p === v.principalFen && row.b === v.bonusFen && row.r === v.reservedFen && row.pts === v.points && row.seq === v.entries && row.n === v.entries;
  return { verified: v.ok, projectionMatches };
}
