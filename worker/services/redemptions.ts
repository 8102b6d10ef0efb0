import { assertStaff, assertStoreAccess, isHq, type Actor } from '../../shared/domain/authz';
import { requestFingerprint } from '../../shared/domain/idempotency';
import { DomainError, isDomainError, type ErrorCode } from '../../shared/errors';
import type { AccountOp } from '../../shared/schemas/account';
import { redemptionGrantSchema, type RedeemRequest, type Redemption } from '../../shared/schemas/rewards';
import { auditRow, auditStatement } from './audit';
import { findMember, runOp } from './accounts';
import { loadRules } from './rules';
import { closedReason, couponFor, loadReward } from './rewards';
import type { Db } from '../db/client';

type Row = {
  id: string; reward_id: string; member_id: string; points: number; status: Redemption['status']; grant: string;
  coupon_id: string | null; pickup_code: string | null; code: string | null; message: string | null;
  collected_store_id: string | null; created_at: number; updated_at: number; doc: string;
};
type Meta = { ip: string; now: number };

const SELECT = `SELECT x.*, r.doc FROM reward_redemptions x JOIN rewards r ON r.id = x.reward_id`;
const getRow = (d1: D1Database, id: string) => d1.prepare(`${SELECT} WHERE x.id = ?`).bind(id).first<Row>();
// What holds stock: every redemption the member's object has not refused.
const RECOUNT = `UPDATE rewards SET redeemed = (SELECT count(*) FROM reward_redemptions WHERE reward_id = ?1 AND status != 'refused') WHERE id = ?1`;

function view(r: Row): Redemption {
  const doc = JSON.parse(r.doc) as { name: string; kind: Redemption['kind'] };
  return {
    id: r.id, rewardId: r.reward_id, rewardName: doc.name, kind: doc.kind, memberId: r.member_id, points: r.points, status: r.status,
    couponId: r.coupon_id, pickupCode: r.status === 'refused' ? null : r.pickup_code, code: r.code, message: r.message,
    collectedStoreId: r.collected_store_id, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

function pickupCode(): string {
  const n = crypto.getRandomValues(new Uint32Array(1))[0]! % 100_000_000;
  return String(n).padStart(8, '0');
}

/**
 * 积分兑换, exactly once (decision 021). The redemption row is claimed in D1 first, holding one of
 * the reward's stock in the same batch; then the member's object takes the points and gives the
 * coupon in one operation keyed by the redemption id. A retry of the same id finishes a claim a
 * crash left pending (the object answers a repeat with its first outcome) and never holds stock twice.
 */
export async function redeem(env: Env, db: Db, actor: Actor, req: RedeemRequest, meta: Meta): Promise<Redemption> {
  if (actor.kind !== 'member') throw new DomainError('FORBIDDEN', 'Points are exchanged by the member, from their phone');
  const d1 = env.DB;
  let row = await getRow(d1, req.redemptionId);
  if (!row) {
    const found = await loadReward(d1, req.rewardId);
    if (!found) throw new DomainError('NOT_FOUND', `No reward ${req.rewardId}`);
    const { reward } = found;
    if (closedReason(reward, meta.now)) throw new DomainError('NOT_AVAILABLE', `${reward.name} is not on offer now`);
    const grant = { points: reward.pointsCost, coupon: await couponFor(d1, reward, `redeem:${req.redemptionId}`, meta.now) };
    await d1.batch([
      d1.prepare(`INSERT OR IGNORE INTO reward_redemptions (id, reward_id, member_id, points, status, "grant", pickup_code, created_at, updated_at)
        SELECT ?1, ?2, ?3, ?4, 'pending', ?5, ?6, ?7, ?7 FROM rewards r WHERE r.id = ?2 AND r.active = 1 AND (r.stock IS NULL OR r.redeemed < r.stock)
          AND (?8 IS NULL OR (SELECT count(*) FROM reward_redemptions m WHERE m.reward_id = ?2 AND m.member_id = ?3 AND m.status != 'refused') < ?8)`)
        .bind(req.redemptionId, reward.id, actor.id, grant.points, JSON.stringify(grant), reward.kind === 'coupon' ? null : pickupCode(), meta.now, reward.perMemberLimit),
      d1.prepare(RECOUNT).bind(reward.id),
    ]);
    row = await getRow(d1, req.redemptionId);
    if (!row) {
      const now = await loadReward(d1, reward.id);
      const soldOut = now && now.reward.stock !== null && now.redeemed >= now.reward.stock;
      if (soldOut) throw new DomainError('REWARD_SOLD_OUT', `${reward.name} is sold out`);
      throw new DomainError('REWARD_LIMIT_REACHED', `${reward.name} can be redeemed ${reward.perMemberLimit} time(s) per member, and you have had them`);
    }
  }
  if (row.member_id !== actor.id || row.reward_id !== req.rewardId) {
    throw new DomainError('IDEMPOTENCY_MISMATCH', `Redemption id ${req.redemptionId} was already used for another request; make a new id for a new redemption`);
  }
  if (row.status === 'pending') row = await finish(env, db, row, actor, meta);
  if (row.status === 'refused') throw new DomainError((row.code ?? 'CONFLICT') as ErrorCode, row.message ?? 'Refused', { details: { redemptionId: row.id } });
  return view(row);
}

/** Asks the member's object to take the points (again: a repeat is answered as first done) and records how it ended. */
async function finish(env: Env, db: Db, row: Row, actor: Actor, meta: Meta): Promise<Row> {
  const grant = redemptionGrantSchema.parse(JSON.parse(row.grant));
  const [member, rules] = await Promise.all([findMember(db, row.member_id), loadRules(db)]);
  const op: AccountOp = {
    opId: `redeem:${row.id}`, kind: 'points_redeem', rewardId: row.reward_id, points: grant.points, coupon: grant.coupon, storeId: null, staffId: null, at: meta.now,
    fingerprint: await requestFingerprint(`points_redeem:${row.member_id}`, { rewardId: row.reward_id, grant }),
  };
  const audit = auditRow({ id: op.opId, actor, action: 'reward.redeem', entity: 'member', entityId: row.member_id, storeId: null, ip: meta.ip, at: meta.now, detail: { redemptionId: row.id, rewardId: row.reward_id, points: grant.points } });
  let out;
  try {
    out = await runOp(env, member, op, rules, { audit });
  } catch (e) {
    if (isDomainError(e)) throw e;
    // Left pending: the same id again (or the member's next look at their redemptions) finishes it.
    throw new DomainError('UNAVAILABLE', 'Your account could not be reached just now; nothing was taken twice. Try again in a moment', { retryAfter: 2 });
  }
  const status = out.status === 'applied' ? 'issued' : 'refused';
  await env.DB.batch([
    env.DB.prepare(`UPDATE reward_redemptions SET status = ?2, coupon_id = ?3, code = ?4, message = ?5, updated_at = ?6 WHERE id = ?1 AND status = 'pending'`)
      .bind(row.id, status, status === 'issued' ? (grant.coupon?.id ?? null) : null, out.code, out.message, meta.now),
    env.DB.prepare(RECOUNT).bind(row.reward_id),
  ]);
  return (await getRow(env.DB, row.id))!;
}

/**
 * A member's own redemptions (newest first), finishing any a crash left pending; staff find one by
 * its pickup code to hand the goods over, HQ lists all.
 */
export async function listRedemptions(env: Env, db: Db, actor: Actor, q: { pickupCode?: string; status?: Redemption['status']; limit: number }, meta: Meta): Promise<Redemption[]> {
  const d1 = env.DB;
  const where: string[] = [];
  const args: unknown[] = [];
  if (actor.kind === 'member') (where.push('x.member_id = ?'), args.push(actor.id));
  else if (!isHq(actor) && !q.pickupCode) throw new DomainError('FORBIDDEN', 'A store finds a redemption by its pickup code');
  if (q.pickupCode) (where.push('x.pickup_code = ?'), args.push(q.pickupCode));
  if (q.status) (where.push('x.status = ?'), args.push(q.status));
  const sql = `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY x.created_at DESC, x.id DESC LIMIT ?`;
  const rows = (await d1.prepare(sql).bind(...args, q.limit).all<Row>()).results;
  const out: Row[] = [];
  for (const r of rows) {
    if (r.status === 'pending' && actor.kind === 'member' && meta.now - r.updated_at > 10_000) out.push(await finish(env, db, r, actor, meta).catch(() => r));
    else out.push(r);
  }
  return out.map(view);
}

/** A store hands a product or service reward over against its pickup code (audited; a repeat at the same store changes nothing). */
export async function collect(env: Env, db: Db, actor: Actor, id: string, storeId: string, meta: Meta): Promise<Redemption> {
  assertStaff(actor);
  assertStoreAccess(actor, storeId);
  const row = await getRow(env.DB, id);
  if (!row) throw new DomainError('NOT_FOUND', `No redemption ${id}`);
  const doc = JSON.parse(row.doc) as { kind: string; storeIds: string[] | null; name: string };
  if (doc.kind === 'coupon') throw new DomainError('CONFLICT', 'A coupon reward is in the member’s wallet already: there is nothing to hand over');
  if (doc.storeIds && !doc.storeIds.includes(storeId)) throw new DomainError('CONFLICT', `${doc.name} is not handed over at this store`);
  if (row.status === 'collected') {
    if (row.collected_store_id === storeId) return view(row);
    throw new DomainError('CONFLICT', 'This reward was handed over already, at another store');
  }
  if (row.status !== 'issued') throw new DomainError('CONFLICT', `This redemption is ${row.status}: nothing to hand over`);
  await env.DB.batch([
    env.DB.prepare(`UPDATE reward_redemptions SET status = 'collected', collected_store_id = ?2, collected_by = ?3, updated_at = ?4 WHERE id = ?1 AND status = 'issued'`).bind(id, storeId, actor.id, meta.now),
    auditStatement(env.DB, { actor, action: 'reward.collect', entity: 'redemption', entityId: id, storeId, ip: meta.ip, at: meta.now, detail: { memberId: row.member_id, rewardId: row.reward_id } }, { ifChanged: true }),
  ]);
  const after = (await getRow(env.DB, id))!;
  if (after.status === 'collected' && after.collected_store_id !== storeId) throw new DomainError('CONFLICT', 'This reward was handed over already, at another store');
  return view(after);
}
