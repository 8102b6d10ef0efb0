import type { ReadTransaction } from 'replicache';
import { contextOf } from '../../../../../shared/sync/checkout-context';
import type { SyncedProduct } from '../../../../../shared/sync/entities';
import { keys, prefixes } from '../../../../../shared/sync/keys';
import type { CheckoutContext } from '../../../../../shared/domain/checkout/price-checkout';
import type { Member, Tier } from '../../../../../shared/schemas/member';
import type { Campaign, CouponTemplate } from '../../../../../shared/schemas/promotions';
import type { ChainRules } from '../../../../../shared/schemas/rules';
import type { OwnedCoupon } from '../../../../../shared/schemas/account';

export type Category = { id: string; name: string; nameEn: string; sort: number };
export type Catalog = { products: SyncedProduct[]; byId: Map<string, SyncedProduct>; byBarcode: Map<string, SyncedProduct>; categories: Category[] };
export type PricingRows = { rules: ChainRules | null; tiers: Map<string, Tier>; campaigns: Campaign[]; couponTemplates: CouponTemplate[] };

const all = async <T>(tx: ReadTransaction, prefix: string) => (await tx.scan({ prefix }).values().toArray()) as T[];

export const EMPTY_CATALOG: Catalog = { products: [], byId: new Map(), byBarcode: new Map(), categories: [] };
export const EMPTY_PRICING: PricingRows = { rules: null, tiers: new Map(), campaigns: [], couponTemplates: [] };

/** The store's catalog as the tablet holds it, indexed once per change (5,000 products: a few ms). */
export async function readCatalog(tx: ReadTransaction): Promise<Catalog> {
  const [products, categories] = await Promise.all([all<SyncedProduct>(tx, prefixes.product), all<Category>(tx, prefixes.category)]);
  products.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  return {
    products,
    byId: new Map(products.map((p) => [p.id, p])),
    byBarcode: new Map(products.flatMap((p) => (p.barcode ? [[p.barcode, p] as const] : []))),
    categories: categories.sort((a, b) => a.sort - b.sort),
  };
}

export async function readPricingRows(tx: ReadTransaction): Promise<PricingRows> {
  const [rules, tiers, campaigns, couponTemplates] = await Promise.all([
    tx.get(keys.rules()) as Promise<ChainRules | undefined>,
    all<Tier>(tx, prefixes.tier),
    all<Campaign>(tx, prefixes.campaign),
    all<CouponTemplate>(tx, prefixes.couponTemplate),
  ]);
  return { rules: rules ?? null, tiers: new Map(tiers.map((t) => [t.code, t])), campaigns, couponTemplates };
}

export const readMember = async (tx: ReadTransaction, id: string | null) => (id ? (((await tx.get(keys.member(id))) as Member | undefined) ?? null) : null);

/** The pricing context for the cart, from rows already in memory: no await between tap and total. */
export function counterContext(catalog: Catalog, rows: PricingRows, storeId: string, member: Member | null, productIds: readonly string[], owned: readonly OwnedCoupon[] | null): CheckoutContext | null {
  if (!rows.rules) return null;
  const products = productIds.flatMap((id) => catalog.byId.get(id) ?? []);
  return contextOf({ storeId, rules: rows.rules, member, tier: member ? (rows.tiers.get(member.tierCode) ?? null) : null, products, campaigns: rows.campaigns, couponTemplates: rows.couponTemplates, ownedCoupons: owned });
}

/** Products matching what the clerk typed: name, SKU or barcode; at most `limit`. */
export function searchProducts(catalog: Catalog, q: string, categoryId: string | null, limit = 60): SyncedProduct[] {
  const needle = q.trim().toLowerCase();
  const out: SyncedProduct[] = [];
  for (const p of catalog.products) {
    if (categoryId && p.categoryId !== categoryId) continue;
    if (needle && !p.name.toLowerCase().includes(needle) && !p.sku.toLowerCase().includes(needle) && p.barcode !== needle) continue;
    out.push(p);
    if (out.length >= limit) break;
  }
  return out;
}

/** Members on this tablet by phone, last 4 digits, card number or name (the offline lookup). */
export async function findMembersLocal(tx: ReadTransaction, raw: string, limit = 20): Promise<Member[]> {
  const q = raw.replace(/[\s-]/g, '');
  if (!q) return [];
  const match = /^\d{11}$/.test(q)
    ? (m: Member) => m.phone === q
    : /^\d{12}$/.test(q)
      ? (m: Member) => m.cardNo === q
      : /^\d{4}$/.test(q)
        ? (m: Member) => m.phone.endsWith(q)
        : (m: Member) => m.name.includes(q) || m.phone.includes(q);
  const out: Member[] = [];
  for await (const v of tx.scan({ prefix: prefixes.member }).values()) {
    const m = v as Member;
    if (match(m)) out.push(m);
    if (out.length >= limit) break;
  }
  return out;
}
