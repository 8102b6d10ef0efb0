import { eq } from 'drizzle-orm';
import { chainRulesSchema, DEFAULT_CHAIN_RULES, type ChainRules } from '../../shared/schemas/rules';
import type { Db } from '../db/client';
import { TtlCache } from './ttl-cache';
import { chainRules } from '../db/schema';

const cache = new TtlCache<ChainRules>(5_000);

/** The chain's rules (cached for a few seconds); the seeded defaults until HQ saves its own. */
export function loadRules(db: Db): Promise<ChainRules> {
  return cache.get('rules', () => readRules(db));
}

async function readRules(db: Db): Promise<ChainRules> {
  const row = await db.select().from(chainRules).where(eq(chainRules.key, 'rules')).get();
  if (!row) return DEFAULT_CHAIN_RULES;
  const parsed = chainRulesSchema.safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : DEFAULT_CHAIN_RULES;
}

export function saveRulesStatement(db: Db, rules: ChainRules, by: string, now: number) {
  cache.clear();
  const value = JSON.stringify(rules);
  return db.insert(chainRules).values({ key: 'rules', value, updatedAt: now, updatedBy: by }).onConflictDoUpdate({ target: chainRules.key, set: { value, updatedAt: now, updatedBy: by } });
}
