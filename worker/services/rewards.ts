import { assertHq, type Actor } from '../../shared/domain/authz';
import { DomainError } from '../../shared/errors';
import { couponTemplateSchema } from '../../shared/schemas/promotions';
import { rewardSchema, type Reward, type RewardOffer } from '../../shared/schemas/rewards';
import type { Db } from '../db/client';
import { rewards } from '../db/schema';
import { auditInsert } from './audit';

const DAY = 86_400_000;
type RewardRow = { id: string; doc: string; active: number; stock: number | null; redeemed: number };

const toReward = (r: RewardRow): Reward => rewardSchema.parse(JSON.parse(r.doc));

export async function loadReward(d1: D1Database, id: string): Promise<{ reward: Reward; redeemed: number } | null> {
  const r = await d1.prepare('SELECT * FROM rewards WHERE id = ?').bind(id).first<RewardRow>();
  return r ? { reward: toReward(r), redeemed: r.redeemed } : null;
}

/** Why a reward cannot be redeemed now, whoever asks (null: it can). */
export function closedReason(reward: Reward, now: number): RewardOffer['reason'] {
  if (!reward.active) return 'inactive';
  if (reward.startsAt !== null && now < reward.startsAt) return 'not_started';
  if (reward.endsAt !== null && now >= reward.endsAt) return 'ended';
  return null;
}

/**
 * The catalogue. A member sees the rewards on offer now (active, in their window) with what is
 * left and how many they have had; staff see every reward with its counts.
 */
export async function listRewards(d1: D1Database, actor: Actor, now: number): Promise<RewardOffer[]> {
  const rows = (await d1.prepare('SELECT * FROM rewards ORDER BY id').all<RewardRow>()).results;
  const mine = new Map<string, number>();
  if (actor.kind === 'member') {
    const counts = await d1.prepare(`SELECT reward_id, count(*) AS n FROM reward_redemptions WHERE member_id = ? AND status != 'refused' GROUP BY reward_id`).bind(actor.id).all<{ reward_id: string; n: number }>();
    for (const c of counts.results) mine.set(c.reward_id, c.n);
  }
  return rows.flatMap((row) => {
    const reward = toReward(row);
    const closed = closedReason(reward, now);
    if (actor.kind === 'member' && closed) return [];
    const left = row.stock === null ? null : Math.max(0, row.stock - row.redeemed);
    const n = mine.get(row.id) ?? 0;
    const reason = closed ?? (left === 0 ? 'sold_out' : reward.perMemberLimit !== null && n >= reward.perMemberLimit ? 'limit_reached' : null);
    return [{ reward, left, redeemed: row.redeemed, mine: n, available: reason === null, reason }];
  });
}

/**
 * Creates or replaces a reward (HQ; audited with before and after). Its coupon template or product
 * must exist; stock cannot go below what has been redeemed already.
 */
export async function saveReward(db: Db, d1: D1Database, actor: Actor, reward: Reward, meta: { ip: string; now: number }): Promise<Reward> {
  assertHq(actor);
  if (reward.kind === 'coupon') {
    const t = await d1.prepare('SELECT doc FROM coupon_templates WHERE id = ?').bind(reward.couponTemplateId).first<{ doc: string }>();
    if (!t || !couponTemplateSchema.safeParse(JSON.parse(t.doc)).success) throw new DomainError('VALIDATION_FAILED', `couponTemplateId: no coupon template ${reward.couponTemplateId}`);
  } else {
    const p = await d1.prepare(`SELECT id FROM products WHERE id = ? AND status = 'active'`).bind(reward.productId).first();
    if (!p) throw new DomainError('VALIDATION_FAILED', `productId: no active product ${reward.productId}`);
  }
  const before = await loadReward(d1, reward.id);
  if (before && before.reward.kind !== reward.kind) throw new DomainError('VALIDATION_FAILED', `kind: a ${before.reward.kind} reward cannot become a ${reward.kind} one; make a new reward`);
  if (before && reward.stock !== null && reward.stock < before.redeemed) {
    throw new DomainError('VALIDATION_FAILED', `stock: ${before.redeemed} have been redeemed already, so stock cannot be ${reward.stock}`);
  }
  const doc = JSON.stringify(reward);
  const set = { doc, active: reward.active, stock: reward.stock, updatedAt: meta.now };
  await db.batch([
    db.insert(rewards).values({ id: reward.id, ...set }).onConflictDoUpdate({ target: rewards.id, set }),
    auditInsert(db, { actor, action: before ? 'reward.update' : 'reward.create', entity: 'reward', entityId: reward.id, ip: meta.ip, at: meta.now, detail: { before: before?.reward ?? null, after: reward } }),
  ]);
  return reward;
}

/** The coupon a coupon reward gives now (null for goods), with the template's validity. */
export async function couponFor(d1: D1Database, reward: Reward, couponId: string, now: number) {
  if (reward.kind !== 'coupon') return null;
  const row = await d1.prepare('SELECT doc FROM coupon_templates WHERE id = ? AND active = 1').bind(reward.couponTemplateId).first<{ doc: string }>();
  const t = row ? couponTemplateSchema.safeParse(JSON.parse(row.doc)) : null;
  if (!t?.success) throw new DomainError('NOT_AVAILABLE', `The coupon of reward ${reward.name} is not offered any more`);
  const expiresAt = t.data.validity.kind === 'fixed' ? t.data.validity.endsAt : now + t.data.validity.days * DAY;
  if (expiresAt <= now) throw new DomainError('NOT_AVAILABLE', `The coupon of reward ${reward.name} has ended`);
  return { id: couponId, templateId: t.data.id, name: t.data.name, expiresAt };
}
