import { eq } from 'drizzle-orm';
import { assertHq, type Actor } from '../../shared/domain/authz';
import { DomainError } from '../../shared/errors';
import { campaignSchema, type CampaignParticipation } from '../../shared/schemas/promotions';
import type { Db } from '../db/client';
import { campaigns } from '../db/schema';

/**
 * Orders store only their discounts' receipt words (order_lines.explanation, a JSON array of
 * labels), not the campaign's id. The engine labels a campaign's discount "<name> <terms>"
 * (pricing-engine/line-stage.ts, order-stage.ts), so a sale took part when one of its lines carries
 * a label starting with the campaign's name and a space, within the campaign's dates. Decision 027
 * says what this cannot tell (a renamed campaign, two with one name, points campaigns).
 */
const SQL = `
WITH hit AS (
  SELECT o.id, o.store_id, o.member_id, o.total_fen,
    (SELECT COALESCE(SUM(l.discount_fen), 0) FROM order_lines l WHERE l.order_id = o.id
       AND EXISTS (SELECT 1 FROM json_each(l.explanation) e WHERE instr(e.value, ?1) = 1)) AS line_discount
  FROM orders o
  WHERE o.kind = 'sale' AND o.status IN ('completed', 'refunded', 'partially_refunded')
    AND o.created_at >= ?2 AND o.created_at < ?3
    AND EXISTS (SELECT 1 FROM order_lines l, json_each(l.explanation) e WHERE l.order_id = o.id AND instr(e.value, ?1) = 1)
)
SELECT s.id AS storeId, s.name AS storeName, COUNT(hit.id) AS orders, COALESCE(SUM(hit.line_discount), 0) AS discountFen,
  COALESCE(SUM(hit.total_fen), 0) AS revenueFen, COUNT(DISTINCT hit.member_id) AS members
FROM stores s LEFT JOIN hit ON hit.store_id = s.id
WHERE ?4 IS NULL OR s.id IN (SELECT value FROM json_each(?4))
GROUP BY s.id ORDER BY s.id`;

type Row = CampaignParticipation['stores'][number];

export async function campaignParticipation(db: Db, d1: D1Database, actor: Actor, id: string): Promise<CampaignParticipation> {
  assertHq(actor);
  const row = await db.select({ doc: campaigns.doc }).from(campaigns).where(eq(campaigns.id, id)).get();
  const parsed = row ? campaignSchema.safeParse(JSON.parse(row.doc)) : null;
  if (!parsed?.success) throw new DomainError('NOT_FOUND', `id: no campaign ${id}`);
  const c = parsed.data;
  const stores = (await d1.prepare(SQL).bind(`${c.name} `, c.startsAt, c.endsAt, c.storeIds ? JSON.stringify(c.storeIds) : null).all<Row>()).results;
  const sum = (f: (r: Row) => number) => stores.reduce((n, r) => n + f(r), 0);
  return {
    campaignId: c.id,
    measurable: c.kind !== 'points_multiplier',
    stores,
    totals: { orders: sum((r) => r.orders), discountFen: sum((r) => r.discountFen), revenueFen: sum((r) => r.revenueFen) },
  };
}
