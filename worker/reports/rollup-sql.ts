import { CHAIN_UTC_OFFSET_MINUTES } from '../../shared/domain/business-day';

/**
 * The rollups' facts as SELECTs over the rows D1 holds (decision 028). Each is written once and
 * used three ways: added by the batch that wrote the orders (`WHERE` this batch's ids), recomputed
 * over every order by the rebuild, and recomputed again by the check to compare. Column order of
 * each SELECT is its table's `cols`.
 */
const OFFSET_MS = CHAIN_UTC_OFFSET_MINUTES * 60_000;
export const dayOf = (col: string) => `date((${col} + ${OFFSET_MS}) / 1000, 'unixepoch')`;
const hourOf = (col: string) => `CAST(strftime('%H', (${col} + ${OFFSET_MS}) / 1000, 'unixepoch') AS INTEGER)`;

/** Sales that count: accepted ones, whatever has been refunded of them since. */
export const COUNTED_SALE = `o.kind = 'sale' AND o.status IN ('completed', 'refunded', 'partially_refunded')`;
/** The orders a batch wrote: ?1 is a JSON array of their ids. */
export const IN_BATCH = `o.id IN (SELECT value FROM json_each(?1))`;

export type Rollup = { table: string; keys: readonly string[]; adds: readonly string[] };
export const ROLLUPS = {
  lines: { table: 'sales_lines_daily', keys: ['day', 'store_id', 'staff_id', 'product_id', 'category_id'], adds: ['lines', 'quantity', 'gross_fen', 'discount_fen', 'net_fen', 'cost_fen', 'refund_fen', 'refund_cost_fen'] },
  products: { table: 'product_daily', keys: ['day', 'store_id', 'product_id', 'category_id'], adds: ['lines', 'quantity', 'gross_fen', 'discount_fen', 'net_fen', 'cost_fen', 'refund_fen', 'refund_cost_fen'] },
  cross: { table: 'cross_store_daily', keys: ['day', 'store_id', 'home_store_id'], adds: ['orders', 'net_fen', 'refund_fen'] },
  hourly: { table: 'sales_hourly', keys: ['day', 'store_id', 'hour', 'member'], adds: ['orders', 'gross_fen', 'discount_fen', 'net_fen', 'cost_fen', 'refunds', 'refund_fen', 'refund_cost_fen'] },
  tenders: { table: 'tender_daily', keys: ['day', 'store_id', 'tender'], adds: ['payments', 'amount_fen'] },
  staff: { table: 'staff_daily', keys: ['day', 'store_id', 'staff_id'], adds: ['orders', 'net_fen', 'refunds', 'refund_fen', 'recharges', 'recharge_fen', 'punch_cards', 'punch_fen'] },
  members: { table: 'member_daily', keys: ['member_id', 'day', 'store_id'], adds: ['orders', 'net_fen', 'refund_fen'] },
  spend: { table: 'member_spend', keys: ['member_id'], adds: ['orders', 'net_fen', 'refund_fen'] },
  campaigns: { table: 'campaign_daily', keys: ['campaign_id', 'store_id', 'day'], adds: ['orders', 'discount_fen', 'net_fen'] },
  value: { table: 'value_daily', keys: ['day', 'store_id', 'home_store_id', 'kind'], adds: ['entries', 'principal_fen', 'bonus_fen', 'points'] },
} as const satisfies Record<string, Rollup>;

/** `INSERT … SELECT` adding to a rollup: `extra` are non-key columns set on insert only. */
export function upsert(r: Rollup, select: string, extra: readonly string[] = [], withClause = ''): string {
  const cols = [...r.keys, ...extra, ...r.adds];
  return `${withClause} INSERT INTO ${r.table} (${cols.join(', ')}) ${select}
    ON CONFLICT(${r.keys.join(', ')}) DO UPDATE SET ${r.adds.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`;
}

const CATEGORY = `COALESCE(l.category_id, (SELECT p.category_id FROM products p WHERE p.id = l.product_id), '')`;
const HOME = `COALESCE((SELECT m.home_store_id FROM members m WHERE m.id = o.member_id), o.store_id)`;

/** Sales facts of the orders `where` selects (alias o), as SELECTs in each rollup's column order. */
export const saleSelects = (where: string) => ({
  lines: `SELECT ${dayOf('o.created_at')}, o.store_id, o.staff_id, l.product_id, ${CATEGORY}, count(*), sum(l.quantity), sum(l.total_fen + l.discount_fen), sum(l.discount_fen), sum(l.total_fen), sum(l.unit_cost_fen * l.quantity), 0, 0
    FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE ${where} GROUP BY 1, 2, 3, 4, 5`,
  products: `SELECT ${dayOf('o.created_at')}, o.store_id, l.product_id, ${CATEGORY}, count(*), sum(l.quantity), sum(l.total_fen + l.discount_fen), sum(l.discount_fen), sum(l.total_fen), sum(l.unit_cost_fen * l.quantity), 0, 0
    FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE ${where} GROUP BY 1, 2, 3, 4`,
  cross: `SELECT ${dayOf('o.created_at')}, o.store_id, ${HOME}, count(*), sum(o.total_fen), 0 FROM orders o WHERE ${where} AND o.member_id IS NOT NULL GROUP BY 1, 2, 3`,
  hourly: `SELECT ${dayOf('o.created_at')}, o.store_id, ${hourOf('o.created_at')}, o.member_id IS NOT NULL, count(*), sum(o.subtotal_fen), sum(o.discount_fen), sum(o.total_fen), sum(o.cost_fen), 0, 0, 0
    FROM orders o WHERE ${where} GROUP BY 1, 2, 3, 4`,
  tenders: `SELECT ${dayOf('o.created_at')}, o.store_id, p.tender, count(*), sum(p.amount_fen)
    FROM orders o JOIN payments p ON p.order_id = o.id WHERE ${where} GROUP BY 1, 2, 3`,
  staff: `SELECT ${dayOf('o.created_at')}, o.store_id, o.staff_id, count(*), sum(o.total_fen), 0, 0, 0, 0, 0, 0
    FROM orders o WHERE ${where} GROUP BY 1, 2, 3`,
  // home_store_id: set on insert only (the card's store when first counted that day).
  members: `SELECT o.member_id, ${dayOf('o.created_at')}, o.store_id, max(${HOME}), count(*), sum(o.total_fen), 0
    FROM orders o WHERE ${where} AND o.member_id IS NOT NULL GROUP BY 1, 2, 3`,
  spend: `SELECT o.member_id, count(*), sum(o.total_fen), 0 FROM orders o WHERE ${where} AND o.member_id IS NOT NULL GROUP BY 1`,
});

/** Each sale's campaigns with the discount each gave it (a points campaign gives none). */
const campaignHits = (where: string) => `WITH hit_lines AS (
    SELECT l.order_id AS order_id, json_extract(e.value, '$.refId') AS cid, json_extract(e.value, '$.fen') AS fen
    FROM orders o JOIN order_lines l ON l.order_id = o.id, json_each(l.discounts) e
    WHERE ${where} AND json_extract(e.value, '$.kind') IN ('campaign_percent', 'campaign_threshold') AND json_extract(e.value, '$.refId') IS NOT NULL
    UNION ALL SELECT o.id, o.points_campaign_id, 0 FROM orders o WHERE ${where} AND o.points_campaign_id IS NOT NULL),
  hits AS (SELECT order_id, cid, sum(fen) AS fen FROM hit_lines GROUP BY 1, 2)`;

export const campaignSelects = (where: string) => ({
  with: campaignHits(where),
  daily: `SELECT h.cid, o.store_id, ${dayOf('o.created_at')}, count(*), sum(h.fen), sum(o.total_fen) FROM hits h JOIN orders o ON o.id = h.order_id GROUP BY 1, 2, 3`,
  members: `SELECT h.cid, o.store_id, o.member_id, min(o.created_at) FROM hits h JOIN orders o ON o.id = h.order_id WHERE o.member_id IS NOT NULL GROUP BY 1, 2, 3`,
});

export const CAMPAIGN_MEMBERS_UPSERT = (select: string, withClause: string) =>
  `${withClause} INSERT INTO campaign_members (campaign_id, store_id, member_id, first_at) ${select}
    ON CONFLICT(campaign_id, store_id, member_id) DO UPDATE SET first_at = min(first_at, excluded.first_at)`;

/**
 * Refund facts: for each sale `where` selects, the refund that moves its refunded total from `r0`
 * to `r1` (SQL over o and parameters), spread over its lines by alloc (decision 028): every line but
 * the last `line × R ÷ T` rounded down, the last the rest; cost comes back only at R = T.
 */
export function refundSelects(where: string, r0: string, r1: string) {
  const withClause = `WITH r AS MATERIALIZED (SELECT o.*, ${r0} AS r0, ${r1} AS r1 FROM orders o WHERE ${where} AND o.kind = 'sale' AND o.total_fen > 0 AND ${r1} > ${r0}),
    ra AS (SELECT r.id, r.created_at, r.store_id, r.staff_id, r.total_fen AS t, r.r0, r.r1, l.product_id AS pid, ${CATEGORY} AS cat, l.total_fen AS lt, l.unit_cost_fen * l.quantity AS lc,
      row_number() OVER (PARTITION BY r.id ORDER BY l.line_no DESC) AS rn,
      sum(l.total_fen * r.r1 / r.total_fen) OVER (PARTITION BY r.id) AS s1,
      sum(l.total_fen * r.r0 / r.total_fen) OVER (PARTITION BY r.id) AS s0
      FROM r CROSS JOIN order_lines l ON l.order_id = r.id)`;
  const alloc = `CASE WHEN rn = 1 THEN (r1 - s1 + lt * r1 / t) - (r0 - s0 + lt * r0 / t) ELSE lt * r1 / t - lt * r0 / t END`;
  const back = (cost: string, t: string) => `(CASE WHEN r1 >= ${t} THEN ${cost} ELSE 0 END) - (CASE WHEN r0 >= ${t} THEN ${cost} ELSE 0 END)`;
  const HOME_R = `COALESCE((SELECT m.home_store_id FROM members m WHERE m.id = r.member_id), r.store_id)`;
  return {
    with: withClause,
    lines: `SELECT ${dayOf('created_at')}, store_id, staff_id, pid, cat, 0, 0, 0, 0, 0, 0, sum(${alloc}), sum(${back('lc', 't')}) FROM ra GROUP BY 1, 2, 3, 4, 5`,
    products: `SELECT ${dayOf('created_at')}, store_id, pid, cat, 0, 0, 0, 0, 0, 0, sum(${alloc}), sum(${back('lc', 't')}) FROM ra GROUP BY 1, 2, 3, 4`,
    cross: `SELECT ${dayOf('r.created_at')}, r.store_id, ${HOME_R}, 0, 0, sum(r1 - r0) FROM r WHERE r.member_id IS NOT NULL GROUP BY 1, 2, 3`,
    hourly: `SELECT ${dayOf('r.created_at')}, r.store_id, ${hourOf('r.created_at')}, r.member_id IS NOT NULL, 0, 0, 0, 0, 0, count(*), sum(r1 - r0), sum(${back('r.cost_fen', 'r.total_fen')}) FROM r GROUP BY 1, 2, 3, 4`,
    staff: `SELECT ${dayOf('r.created_at')}, r.store_id, r.staff_id, 0, 0, count(*), sum(r1 - r0), 0, 0, 0, 0 FROM r GROUP BY 1, 2, 3`,
    members: `SELECT r.member_id, ${dayOf('r.created_at')}, r.store_id, max(${HOME_R}), 0, 0, sum(r1 - r0) FROM r WHERE r.member_id IS NOT NULL GROUP BY 1, 2, 3`,
    spend: `SELECT r.member_id, 0, 0, sum(r1 - r0) FROM r WHERE r.member_id IS NOT NULL GROUP BY 1`,
  };
}

/**
 * Ledger facts for value_daily and staff_daily from ledger rows: `source` yields (member_id, kind,
 * principal_delta, bonus_delta, points_delta, store_id, staff_id, at) — either ledger_entries or a
 * batch's entries as JSON.
 */
export const valueSelect = (source: string) => `SELECT ${dayOf('e.at')}, COALESCE(e.store_id, ''), COALESCE((SELECT m.home_store_id FROM members m WHERE m.id = e.member_id), ''), e.kind,
    count(*), sum(e.principal_delta), sum(e.bonus_delta), sum(e.points_delta) FROM ${source} e WHERE true GROUP BY 1, 2, 3, 4`;

/** Recharges taken by each clerk: money into the card (principal), one entry per recharge. */
export const rechargeStaffSelect = (source: string) => `SELECT ${dayOf('e.at')}, e.store_id, e.staff_id, 0, 0, 0, 0, count(*), sum(e.principal_delta), 0, 0
    FROM ${source} e WHERE e.kind = 'recharge' AND e.store_id IS NOT NULL AND e.staff_id IS NOT NULL GROUP BY 1, 2, 3`;

/** Punch cards sold by each clerk, at the price the audit row recorded (`source` yields audit_log rows). */
export const punchStaffSelect = (source: string) => `SELECT ${dayOf('a.at')}, a.store_id, a.actor_id, 0, 0, 0, 0, 0, 0, count(*), sum(COALESCE(json_extract(a.detail, '$.priceFen'), 0))
    FROM ${source} a WHERE a.action = 'account.punch_sale' AND a.store_id IS NOT NULL GROUP BY 1, 2, 3`;

/** A batch's ledger entries as a row source: ?N is a JSON array of {member_id, kind, …, at}. */
export const jsonRows = (param: string, cols: readonly string[]) =>
  `(SELECT ${cols.map((c) => `json_extract(value, '$.${c}') AS ${c}`).join(', ')} FROM json_each(${param}))`;
