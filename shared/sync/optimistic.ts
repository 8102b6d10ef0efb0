import type { ReadonlyJSONValue, WriteTransaction } from 'replicache';
import { rechargeBonus } from '../domain/account/recharge-rules';
import { canAccessMember } from '../domain/authz';
import { DomainError } from '../errors';
import { splitSpend } from '../domain/account/split';
import { pointsEarnedOn, priceCheckout } from '../domain/checkout/price-checkout';
import type { Member, Tier } from '../schemas/member';
import type { ChainRules } from '../schemas/rules';
import type { AccountView } from '../schemas/account-api';
import { MONEY_TENDERS } from '../schemas/order';
import { checkoutContext } from './checkout-context';
import type { SyncedInventory, SyncedOrder } from './entities';
import { keys, prefixes } from './keys';
import type { SyncedAllowance } from '../schemas/device';
import type { MutatorArgs, MutatorName } from './mutator-args';
import type { MutatorContext } from './mutators';
import { takeFromAllowance } from './allowance-effects';

type Effects = { [K in MutatorName]: (tx: WriteTransaction, args: MutatorArgs<K>, ctx: MutatorContext) => Promise<void> };

const read = async <T>(tx: WriteTransaction, key: string) => (await tx.get(key)) as T | undefined;
const write = (tx: WriteTransaction, key: string, value: unknown) => tx.set(key, value as ReadonlyJSONValue);

async function patchMember(tx: WriteTransaction, id: string, f: (m: Member) => Partial<Member>) {
  const m = await read<Member>(tx, keys.member(id));
  if (m) await write(tx, keys.member(id), { ...m, ...f(m) });
}

/** Takes stored value the way the server will; leaves the balance alone when it looks short (the server decides). */
function spend(m: Member, fen: number, rules: ChainRules | undefined): Partial<Member> {
  const split = splitSpend(fen, m, rules?.consumptionOrder ?? 'principal_first');
  return split ? { principalFen: m.principalFen - split.principalFen, bonusFen: m.bonusFen - split.bonusFen } : {};
}

/**
 * What the tablet or phone shows at once, before the server has answered. The server's pull
 * replaces all of it: these writes are a forecast, never the record.
 */
export const optimistic: Effects = {
  async checkout(tx, o, mc) {
    // First, so a sale the allowance cannot cover offline is refused before anything is written.
    await takeFromAllowance(tx, o, mc.deviceId ?? null);
    const ctx = await checkoutContext(tx, o.storeId, o.memberId, o.lines.map((l) => l.productId));
    const priced = ctx ? priceCheckout(o, ctx) : null;
    const total = o.tenders.reduce((n, t) => n + t.amountFen, 0);
    const lines = priced?.ok ? priced.lines.map(({ lineNo, productId, name, quantity, unitPriceFen, discountFen, totalFen, explanation }) => ({ lineNo, productId, name, quantity, unitPriceFen, discountFen, totalFen, explanation: explanation.map((e) => e.label) })) : [];
    const order: SyncedOrder = {
      id: o.id, storeId: o.storeId, staffId: '', memberId: o.memberId, kind: 'sale', status: 'pending', rejectReason: null,
      subtotalFen: priced?.ok ? priced.subtotalFen : total, discountFen: priced?.ok ? priced.discountFen : 0, totalFen: total, refundedFen: 0,
      pointsEarned: priced?.ok && ctx?.member ? pointsEarnedOn(priced, o.tenders, ctx.rules) : 0, note: o.note, createdAt: o.createdAt, lines,
      tenders: o.tenders.map((t) => ({ kind: t.kind, amountFen: t.amountFen })),
    };
    await write(tx, keys.order(o.id), order);
    const member = o.memberId ? await read<Member>(tx, keys.member(o.memberId)) : undefined;
    if (!member) return;
    const rules = ctx?.rules;
    const sv = o.tenders.filter((t) => t.kind === 'stored_value').reduce((n, t) => n + t.amountFen, 0);
    const points = o.tenders.reduce((n, t) => n + (t.kind === 'points' ? t.points : 0), 0);
    const moneyPaid = o.tenders.some((t) => MONEY_TENDERS.includes(t.kind));
    await patchMember(tx, member.id, (m) => ({
      ...spend(m, sv, rules),
      points: m.points >= points ? m.points - points : m.points,
      lastVisitAt: o.createdAt,
      lastVisitStoreId: o.storeId,
      lifetimeSpendFen: m.lifetimeSpendFen + (moneyPaid ? total : 0),
    }));
    const usedCoupons = new Set(priced?.ok ? priced.coupons.map((c) => c.couponId) : []);
    const acc = usedCoupons.size ? await read<AccountView>(tx, keys.account(member.id)) : undefined;
    if (acc) await write(tx, keys.account(member.id), { ...acc, coupons: acc.coupons.map((c) => (usedCoupons.has(c.id) ? { ...c, status: 'used', usedByOp: o.id } : c)) });
  },
  async recharge(tx, r) {
    const rules = await read<ChainRules>(tx, keys.rules());
    const bonus = rules ? rechargeBonus(r.amountFen, rules.rechargeRules) : 0;
    await patchMember(tx, r.memberId, (m) => ({ principalFen: m.principalFen + r.amountFen, bonusFen: m.bonusFen + bonus }));
  },
  async registerMember(tx, r) {
    if (await tx.has(keys.member(r.id))) return;
    const m: Member = {
      id: r.id, phone: r.phone, name: r.name, gender: r.gender, birthday: r.birthday, homeStoreId: r.homeStoreId, tierCode: 'normal',
      cardNo: r.cardNo ?? '', status: 'active', joinedAt: r.createdAt, principalFen: 0, bonusFen: 0, reservedFen: 0, points: 0, lifetimeSpendFen: 0,
      lastVisitAt: null, lastVisitStoreId: null, qrPublicKey: null,
    };
    await write(tx, keys.member(r.id), m);
  },
  async updateMember(tx, r) {
    const { id, ...fields } = r;
    await patchMember(tx, id, () => Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)));
  },
  async sellPunchCard(tx, r) {
    if (r.paidWith !== 'stored_value') return;
    const rules = await read<ChainRules>(tx, keys.rules());
    await patchMember(tx, r.memberId, (m) => spend(m, r.priceFen, rules));
  },
  async redeemPunch(tx, r) {
    const acc = await read<AccountView>(tx, keys.account(r.memberId));
    if (!acc) return;
    const punchCards = acc.punchCards.map((c) => (c.id === r.cardId && c.usesLeft >= r.uses ? { ...c, usesLeft: c.usesLeft - r.uses } : c));
    await write(tx, keys.account(r.memberId), { ...acc, punchCards });
  },
  async refundOrder(tx, r) {
    const o = await read<SyncedOrder>(tx, keys.order(r.refundOf));
    if (!o) return;
    const refundedFen = Math.min(o.totalFen, (o.refundedFen ?? 0) + r.amountFen);
    await write(tx, keys.order(o.id), { ...o, refundedFen, status: refundedFen >= o.totalFen ? 'refunded' : 'partially_refunded' });
  },
  async reportCardLoss(tx, r, mc) {
    // The server refuses a store that does not serve the member (decision 002); say so before the
    // tablet shows a card frozen that will not be.
    const m = await read<Member>(tx, keys.member(r.memberId));
    if (m && !canAccessMember(mc.actor, m)) throw new DomainError('FORBIDDEN', 'Only HQ or a store that serves this member (home store or last visit) can freeze the card; the member can report it from their phone');
    await patchMember(tx, r.memberId, () => ({ status: 'frozen' }));
  },
  async renewAllowances() {
    // The server decides what each member lends; the next pull brings the rows.
  },
  async releaseAllowances(tx, r, mc) {
    if (!mc.deviceId) return;
    for (const row of (await tx.scan({ prefix: `${prefixes.allowance}${mc.deviceId}/` }).values().toArray()) as SyncedAllowance[]) {
      if (r.leaseIds.includes(row.leaseId)) await tx.del(keys.allowance(mc.deviceId, row.memberId));
    }
  },
  async adjustInventory(tx, r) {
    const inv = await read<SyncedInventory>(tx, keys.inventory(r.productId));
    const next: SyncedInventory = { productId: r.productId, quantity: (inv?.quantity ?? 0) + r.delta, lowStockThreshold: inv?.lowStockThreshold ?? 0 };
    await write(tx, keys.inventory(r.productId), next);
  },
};
