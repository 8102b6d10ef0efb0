import { rebuildSql } from '../../worker/reports/rollup-rebuild';
import { ulid } from 'ulid';
import { CHAIN_UTC_OFFSET_MINUTES } from '../../shared/domain/business-day';
import { DEFAULT_CHAIN_RULES, type ChainRules } from '../../shared/schemas/rules';

/** The demo chain's rules: the defaults plus a birthday benefit (silver 9折, gold 8.8折, diamond 8.5折 on the day). */
const DEMO_CHAIN_RULES: ChainRules = {
  ...DEFAULT_CHAIN_RULES,
  birthdayBenefit: { active: true, scope: 'day', discountBpByTier: { silver: 9000, gold: 8800, diamond: 8500 }, categoryIds: null, stacksWithTier: false },
};
import { CATEGORIES, PRODUCTS, STAFF, STORES, STORE_PRICE_RULES, TIERS } from './demo-catalog';
import { person, uniquePhone } from './people';
import { createRng } from './rng';
import { insertRows, type SqlValue } from './sql';
import { demoPromotions, demoRewards } from './demo-promotions';

export type SeedSize = { members: number; orders: number };
export const DEFAULT_SIZE: SeedSize = { members: 240, orders: 1800 };

const DAY = 86_400_000;
const HOUR = 3_600_000;
const SHANGHAI = 8 * HOUR; // UTC+8, no daylight saving

export const staffId = (username: string) => `staff-${username}`;

/** Stores, staff, tiers, catalog, per-store prices and inventory. */
/** `pinRecords`: each approver's `staff.pin_hash` (JSON of shared/domain/manager-pin's record). */
export function baseStatements(anchor: number, passwordHashes: ReadonlyMap<string, string>, pinRecords: ReadonlyMap<string, string> = new Map()): string[] {
  const rng = createRng(7);
  const t = anchor - 3 * 365 * DAY;
  const prices = storePrices();
  const promos = demoPromotions(anchor);
  return [
    ...insertRows('stores', ['id', 'code', 'name', 'address', 'phone', 'status', 'created_at', 'updated_at'],
      STORES.map((s) => [s.id, s.code, s.name, s.address, s.phone, 'open', t, t])),
    ...insertRows('staff', ['id', 'username', 'name', 'role', 'store_id', 'password_hash', 'pin_hash', 'status', 'created_at', 'updated_at'],
      STAFF.map((s) => [staffId(s.username), s.username, s.name, s.role, s.store, passwordHashes.get(s.username)!, pinRecords.get(s.username) ?? null, 'active', t, t])),
    ...insertRows('tiers', ['code', 'name', 'name_en', 'rank', 'upgrade_spend_fen', 'keep_spend_fen', 'discount_bp', 'points_multiplier_bp', 'updated_at'],
      TIERS.map((x) => [x.code, x.name, x.nameEn, x.rank, x.upgradeSpendFen, x.keepSpendFen, x.discountBp, x.pointsMultiplierBp, t])),
    ...insertRows('categories', ['id', 'name', 'name_en', 'sort', 'updated_at'], CATEGORIES.map((c) => [c.id, c.name, c.nameEn, c.sort, t])),
    // Services may be sold as punch cards (次卡); goods may not.
    ...insertRows('products', ['id', 'sku', 'name', 'kind', 'category_id', 'list_price_fen', 'cost_price_fen', 'barcode', 'unit', 'punch_eligible', 'status', 'updated_at'],
      PRODUCTS.map((p) => [p.id, p.sku, p.name, p.kind, p.categoryId, p.listPriceFen, p.costPriceFen, p.barcode, p.unit, p.kind === 'service' ? 1 : 0, 'active', t])),
    ...insertRows('store_prices', ['store_id', 'product_id', 'price_fen', 'updated_at'],
      [...prices].map(([key, fen]) => [...(key.split('|') as [string, string]), fen, t])),
    ...insertRows('inventory', ['store_id', 'product_id', 'quantity', 'low_stock_threshold', 'updated_at'],
      STORES.flatMap((s) => PRODUCTS.filter((p) => p.kind === 'goods').map((p) => [s.id, p.id, rng.int(3, 150), 10, anchor]))),
    ...insertRows('chain_rules', ['key', 'value', 'updated_at', 'updated_by'], [['rules', JSON.stringify(DEMO_CHAIN_RULES), t, 'seed']]),
    ...insertRows('campaigns', ['id', 'doc', 'active', 'ends_at', 'updated_at'], promos.campaigns.map((c) => [c.id, JSON.stringify(c), c.active ? 1 : 0, c.endsAt, t])),
    ...insertRows('coupon_templates', ['id', 'doc', 'active', 'updated_at'], promos.couponTemplates.map((c) => [c.id, JSON.stringify(c), c.active ? 1 : 0, t])),
    ...insertRows('rewards', ['id', 'doc', 'active', 'stock', 'redeemed', 'updated_at'], demoRewards().map((r) => [r.id, JSON.stringify(r), r.active ? 1 : 0, r.stock, 0, t])),
  ];
}

/** `${storeId}|${productId}` → override price (fen), rounded to whole yuan like a real price list. */
export function storePrices(): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of STORE_PRICE_RULES) {
    for (const p of PRODUCTS.filter((x) => x.categoryId === r.categoryId)) {
      out.set(`${r.storeId}|${p.id}`, Math.round((p.listPriceFen * r.pct) / 100 / 100) * 100);
    }
  }
  return out;
}

export type SeedMember = { id: string; homeStoreId: string; joinedAt: number };

/** Members in insert-ready chunks; returns the list the order generator needs. */
export function generateMembers(size: SeedSize, anchor: number, chunk = 400): { members: SeedMember[]; sql: string[] } {
  const rng = createRng(42);
  const phones = new Set<string>();
  const members: SeedMember[] = [];
  const rows: SqlValue[][] = [];
  for (let i = 0; i < size.members; i++) {
    const p = person(rng);
    const phone = uniquePhone(rng, phones);
    const joinedAt = anchor - rng.int(30, 3 * 365) * DAY - rng.int(0, DAY - 1);
    const homeStoreId = rng.weighted(STORES.map((s, k) => [s.id, [45, 30, 25][k]!] as const));
    const id = ulid(joinedAt, rng.next);
    const cardNo = `8800${String(i + 1).padStart(8, '0')}`;
    members.push({ id, homeStoreId, joinedAt });
    rows.push([id, phone, p.name, p.gender, p.birthday, homeStoreId, 'normal', cardNo, 'active', joinedAt, joinedAt]);
  }
  const sql = insertRows('members', ['id', 'phone', 'name', 'gender', 'birthday', 'home_store_id', 'tier_code', 'card_no', 'status', 'joined_at', 'updated_at'], rows, chunk);
  return { members, sql };
}

const TENDERS = [['wechat', 45], ['alipay', 30], ['bank_card', 15], ['cash', 10]] as const;

/**
 * Sales history over the past year, in business hours (10:00–21:00 Shanghai), yielded in chunks
 * of SQL so that a million orders never sit in memory at once.
 */
export function* generateOrders(size: SeedSize, anchor: number, members: readonly SeedMember[], chunk = 5000): Generator<string[]> {
  const rng = createRng(4242);
  const prices = storePrices();
  const clerksByStore = new Map<string, string[]>(STORES.map((s) => [s.id, STAFF.filter((x) => x.store === s.id).map((x) => staffId(x.username))]));
  const discountBp = new Map(TIERS.map((t) => [t.code, t.discountBp]));
  const start = anchor - 365 * DAY;
  const pickMember = regularsFirst(rng, members);
  let orders: SqlValue[][] = [], lines: SqlValue[][] = [], pays: SqlValue[][] = [];
  const flush = () => {
    const out = [
      ...insertRows('orders', ['id', 'store_id', 'staff_id', 'member_id', 'kind', 'status', 'subtotal_fen', 'discount_fen', 'total_fen', 'cost_fen', 'points_earned', 'note', 'created_at', 'received_at', 'updated_at'], orders, 300),
      ...insertRows('order_lines', ['order_id', 'line_no', 'product_id', 'name', 'quantity', 'unit_price_fen', 'discount_fen', 'total_fen', 'unit_cost_fen'], lines, 500),
      ...insertRows('payments', ['id', 'order_id', 'tender', 'amount_fen', 'reference', 'created_at'], pays, 500),
    ];
    orders = []; lines = []; pays = [];
    return out;
  };
  for (let i = 0; i < size.orders; i++) {
    const member = members.length > 0 && rng.chance(0.72) ? pickMember() : null;
    const from = Math.max(start, member?.joinedAt ?? start);
    const day = Math.floor((from + rng.next() * (anchor - from) + SHANGHAI) / DAY);
    let at = day * DAY - SHANGHAI + 10 * HOUR + Math.floor(rng.next() * 11 * HOUR);
    if (at < from) at += DAY;
    if (at >= anchor) at -= DAY;
    const storeId = member && rng.chance(0.8) ? member.homeStoreId : rng.pick(STORES).id;
    const staffIdV = rng.pick(clerksByStore.get(storeId)!);
    const id = ulid(at, rng.next);
    // Imported history: members paid list price less a flat 2 % typical of the old system.
    const bp = member ? discountBp.get('silver')! : 10000;
    let subtotal = 0, discount = 0, cost = 0;
    const n = rng.weighted([[1, 55], [2, 30], [3, 15]] as const);
    for (let l = 0; l < n; l++) {
      const p = rng.pick(PRODUCTS);
      const qty = p.kind === 'goods' ? rng.weighted([[1, 80], [2, 20]] as const) : 1;
      const unit = prices.get(`${storeId}|${p.id}`) ?? p.listPriceFen;
      const gross = unit * qty;
      const d = gross - Math.round((gross * bp) / 10000);
      subtotal += gross; discount += d; cost += p.costPriceFen * qty;
      lines.push([id, l + 1, p.id, p.name, qty, unit, d, gross - d, p.costPriceFen]);
    }
    const total = subtotal - discount;
    const points = member ? Math.floor(total / 100) : 0;
    orders.push([id, storeId, staffIdV, member?.id ?? null, 'sale', 'completed', subtotal, discount, total, cost, points, '历史导入', at, at, at]);
    const split = total > 20000 && rng.chance(0.1);
    const first = split ? Math.round(total / 2 / 100) * 100 : total;
    pays.push([ulid(at, rng.next), id, rng.weighted(TENDERS), first, '', at]);
    if (split) pays.push([ulid(at, rng.next), id, rng.weighted(TENDERS), total - first, '', at]);
    if (orders.length >= chunk) yield flush();
  }
  if (orders.length) yield flush();
}

/** A few regulars make most of the visits (so the demo has gold and diamond members). */
function regularsFirst(rng: ReturnType<typeof createRng>, members: readonly SeedMember[]): () => SeedMember {
  const cumulative: number[] = [];
  let total = 0;
  for (let i = 0; i < members.length; i++) {
    total += rng.weighted([[40, 2], [12, 6], [3, 22], [1, 70]] as const);
    cumulative.push(total);
  }
  return () => {
    const r = rng.next() * total;
    let lo = 0, hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return members[lo]!;
  };
}

/** Read-model columns derived from the history, and the tier each member's spend earns. */
export function finalizeStatements(): string[] {
  const tierCase = [...TIERS]
    .sort((a, b) => b.rank - a.rank)
    .map((t) => `WHEN lifetime_spend_fen >= ${t.upgradeSpendFen} THEN '${t.code}'`)
    .join(' ');
  return [
    `UPDATE members SET lifetime_spend_fen = coalesce((SELECT sum(total_fen) FROM orders o WHERE o.member_id = members.id AND o.kind = 'sale' AND o.status = 'completed'), 0), last_visit_at = (SELECT max(created_at) FROM orders o WHERE o.member_id = members.id), last_visit_store_id = (SELECT store_id FROM orders o WHERE o.member_id = members.id ORDER BY created_at DESC LIMIT 1);`,
    `UPDATE members SET tier_code = CASE ${tierCase} ELSE 'normal' END;`,
    `INSERT OR REPLACE INTO member_store_visits (member_id, store_id, last_visit_at) SELECT member_id, store_id, max(created_at) FROM orders WHERE member_id IS NOT NULL AND status <> 'rejected' GROUP BY member_id, store_id;`,
    // Balances carried over from the previous system; they enter each member's ledger through the
    // opening-balance import (POST /api/imports/opening-balances), never by writing balances directly.
    `INSERT OR IGNORE INTO member_imports (member_id, principal_fen, bonus_fen, points, punch_cards) SELECT id,
       CASE WHEN rowid % 5 < 3 THEN ((rowid * 7919) % 3000 + 50) * 100 ELSE 0 END,
       CASE WHEN rowid % 5 < 2 THEN ((rowid * 31) % 40) * 500 ELSE 0 END,
       (SELECT coalesce(sum(points_earned), 0) FROM orders o WHERE o.member_id = members.id) * 6 / 10,
       CASE WHEN rowid % 8 = 0 THEN json_array(json_object('id', 'import-pc-' || id, 'productId', 'p-001', 'name', '洗剪吹（设计师）10次卡',
         'usesTotal', 10, 'usesLeft', 1 + rowid % 10, 'pricePerUseFen', 7900, 'expiresAt', NULL, 'storeIds', NULL)) ELSE '[]' END
     FROM members;`,
    `INSERT OR REPLACE INTO store_daily_sales (store_id, day, orders, sales_fen, cost_fen) SELECT store_id, date(created_at / 1000 + ${CHAIN_UTC_OFFSET_MINUTES * 60}, 'unixepoch'), count(*), sum(total_fen), sum(cost_fen) FROM orders WHERE kind = 'sale' AND status = 'completed' GROUP BY 1, 2;`,
    // HQ's report rollups of that history, by the same SELECTs the live batches use (decision 028).
    ...rebuildSql(0, Date.UTC(2100, 0, 1)),
  ].map((s) => s.replace(/\s*\n\s*/g, ' ')); // D1 exec takes one statement per line
}

/**
 * A larger catalog for benchmarks (`--extra-products N`): synthetic retail items beside the demo
 * ones, so a tablet's view can hold thousands of products.
 */
export function extraProductStatements(n: number, anchor: number): string[] {
  const rows: SqlValue[][] = [];
  for (let i = 1; i <= n; i++) {
    const seq = String(i).padStart(5, '0');
    rows.push([`p-x${seq}`, `SKUX${seq}`, `零售商品 ${seq}`, 'goods', 'cat-skincare', 1000 + (i % 50) * 100, 400 + (i % 50) * 30, `68${String(10_000_000_000 + i).slice(-11)}`, '件', 'active', anchor]);
  }
  return insertRows('products', ['id', 'sku', 'name', 'kind', 'category_id', 'list_price_fen', 'cost_price_fen', 'barcode', 'unit', 'status', 'updated_at'], rows, 400);
}
