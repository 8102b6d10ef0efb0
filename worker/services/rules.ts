import { eq } from 'drizzle-orm';
import { chainRulesSchema, DEFAULT_CHAIN_RULES, type ChainRules } from '../../shared/schemas/rules';
import type { Db } from '../db/client';
import { chainRules } from '../db/schema';

/** The chain's rules; the seeded defaults until HQ saves its own. */
export async function loadRules(db: Db): Promise<ChainRules> {
  const row = await db.select().from(chainRules).where(eq(chainRules.key, 'rules')).get();
  if (!row) return DEFAULT_CHAIN_RULES;
  const parsed = chainRulesSchema.safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : DEFAULT_CHAIN_RULES;
}

export function saveRulesStatement(db: Db, rules: ChainRules, by: string, now: number) {
  const value = JSON.stringify(rules);
  return db.insert(chainRules).values({ key: 'rules', value, updatedAt: now, updatedBy: by }).onConflictDoUpdate({ target: chainRules.key, set: { value, updatedAt: now, updatedBy: by } });
}
