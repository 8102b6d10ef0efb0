import { and, eq, inArray } from 'drizzle-orm';
import { assertHq, type Actor } from '../../shared/domain/authz';
import { previewRules } from '../../shared/domain/rule-preview';
import { DomainError } from '../../shared/errors';
import type { CatalogItem } from '../../shared/schemas/promotions';
import type { RulePreview, RulePreviewRequest } from '../../shared/schemas/rules';
import type { Db } from '../db/client';
import { products, storePrices } from '../db/schema';
import { promotionsForStore } from './promotions';
import { loadRules } from './rules';
import { storeExists } from './stores';
import { listTiers } from './tiers';

/** The example's products as that store sells them (its own price where it sets one). */
async function catalogAt(db: Db, storeId: string, ids: string[]): Promise<CatalogItem[]> {
  const rows = await db
    .select({ p: products, storePrice: storePrices.priceFen })
    .from(products)
    .leftJoin(storePrices, and(eq(storePrices.productId, products.id), eq(storePrices.storeId, storeId)))
    .where(and(inArray(products.id, ids), eq(products.status, 'active')));
  return rows.map(({ p, storePrice }) => ({ productId: p.id, name: p.name, categoryId: p.categoryId, listPriceFen: p.listPriceFen, costPriceFen: p.costPriceFen, storePriceFen: storePrice }));
}

/** HQ's preview: the example sale under the rules (and tiers) in force and under the candidate. */
export async function previewRuleChange(db: Db, actor: Actor, req: RulePreviewRequest): Promise<RulePreview> {
  assertHq(actor);
  const { sale } = req;
  const ids = [...new Set(sale.lines.map((l) => l.productId))];
  const [, rules, tiers, catalog, promos] = await Promise.all([storeExists(db, sale.storeId), loadRules(db), listTiers(db), catalogAt(db, sale.storeId, ids), promotionsForStore(db, sale.storeId)]);
  const missing = ids.find((id) => !catalog.some((c) => c.productId === id));
  if (missing) throw new DomainError('VALIDATION_FAILED', `sale.lines: no product ${missing} on sale`);
  return previewRules({
    current: { rules, tiers },
    candidate: { rules: req.rules, tiers: req.tiers ?? tiers },
    sale: { ...sale, at: sale.at ?? Date.now() },
    catalog,
    campaigns: promos.campaigns,
  });
}
