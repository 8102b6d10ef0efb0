import type { ReadTransaction } from 'replicache';
import type { CheckoutContext } from '../domain/checkout/price-checkout';
import type { AccountView } from '../schemas/account-api';
import type { Member, Tier } from '../schemas/member';
import type { Campaign, CatalogItem, CouponTemplate } from '../schemas/promotions';
import type { ChainRules } from '../schemas/rules';
import type { SyncedProduct } from './entities';
import { keys, prefixes } from './keys';

const get = async <T>(tx: ReadTransaction, key: string) => (await tx.get(key)) as T | undefined;
const all = async <T>(tx: ReadTransaction, prefix: string) => (await tx.scan({ prefix }).values().toArray()) as T[];

export const catalogItemOf = (p: SyncedProduct): CatalogItem => ({
  productId: p.id, name: p.name, categoryId: p.categoryId, listPriceFen: p.listPriceFen, storePriceFen: p.storePriceFen, costPriceFen: p.costPriceFen ?? 0,
  pointsEligible: p.pointsEligible ?? true, punchEligible: p.punchEligible ?? false,
});

/**
 * What pricing needs, from the rows this device holds: the same inputs the server reads from D1
 * (its store's prices, campaigns and templates, the member's tier and coupons). null until the
 * chain's rules have synced: nothing is priced from a half-loaded view.
 */
export async function checkoutContext(tx: ReadTransaction, storeId: string, memberId: string | null, productIds: readonly string[]): Promise<CheckoutContext | null> {
  const rules = await get<ChainRules>(tx, keys.rules());
  if (!rules) return null;
  const member = memberId ? ((await get<Member>(tx, keys.member(memberId))) ?? null) : null;
  const [tier, account, products, campaigns, couponTemplates] = await Promise.all([
    member ? get<Tier>(tx, keys.tier(member.tierCode)) : undefined,
    member ? get<AccountView>(tx, keys.account(member.id)) : undefined,
    Promise.all([...new Set(productIds)].map((id) => get<SyncedProduct>(tx, keys.product(id)))),
    all<Campaign>(tx, prefixes.campaign),
    all<CouponTemplate>(tx, prefixes.couponTemplate),
  ]);
  return contextOf({ storeId, rules, member, tier: tier ?? null, products: products.flatMap((p) => (p ? [p] : [])), campaigns, couponTemplates, ownedCoupons: account?.coupons ?? null });
}

/** The context from rows already read (a transaction above, or the counter's in-memory copy). */
export function contextOf(r: {
  storeId: string; rules: ChainRules; member: Member | null; tier: Tier | null; products: readonly SyncedProduct[];
  campaigns: readonly Campaign[]; couponTemplates: readonly CouponTemplate[]; ownedCoupons: CheckoutContext['ownedCoupons'];
}): CheckoutContext {
  return {
    catalog: r.products.map(catalogItemOf),
    member: r.member ? { id: r.member.id, birthday: r.member.birthday } : null,
    tier: r.tier,
    rules: r.rules,
    campaigns: r.campaigns.filter((c) => c.storeIds === null || c.storeIds.includes(r.storeId)),
    couponTemplates: r.couponTemplates,
    ownedCoupons: r.ownedCoupons,
  };
}
