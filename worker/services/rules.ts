import { eq, sql } from 'drizzle-orm';
import { assertHq, type Actor } from '../../shared/domain/authz';
import { chainRulesSchema, DEFAULT_CHAIN_RULES, type ChainRules, type RulesSave } from '../../shared/schemas/rules';
import type { Db } from '../db/client';
import { TtlCache } from './ttl-cache';
import { chainRules } from '../db/schema';
import { auditInsert } from './audit';
import { assertFresh, priorVersionInsert, raiseIfRaced, versionInsert } from './rule-versions';

const cache = new TtlCache<ChainRules>(5_000);

/** The chain's rules (cached for a few seconds); the seeded defaults until HQ saves its own. */
export function loadRules(db: Db): Promise<ChainRules> {
  return cache.get('rules', () => readRules(db));
}

const parseRules = (value: string): ChainRules => {
  const parsed = chainRulesSchema.safeParse(JSON.parse(value));
  return parsed.success ? parsed.data : DEFAULT_CHAIN_RULES;
};

async function readRules(db: Db): Promise<ChainRules> {
  const row = await db.select().from(chainRules).where(eq(chainRules.key, 'rules')).get();
  return row ? parseRules(row.value) : DEFAULT_CHAIN_RULES;
}

/** The rules as stored now (no cache) with their version: what an editor starts from. */
export async function rulesWithVersion(db: Db): Promise<{ rules: ChainRules; version: number; updatedAt: number; updatedBy: string } | null> {
  const row = await db.select().from(chainRules).where(eq(chainRules.key, 'rules')).get();
  return row ? { rules: parseRules(row.value), version: row.version, updatedAt: row.updatedAt, updatedBy: row.updatedBy } : null;
}

/** An unversioned write (tests, scripts): it still bumps the version so an open editor sees it is stale. */
export function saveRulesStatement(db: Db, rules: ChainRules, by: string, now: number) {
  cache.clear();
  const value = JSON.stringify(rules);
  return db.insert(chainRules).values({ key: 'rules', value, updatedAt: now, updatedBy: by }).onConflictDoUpdate({ target: chainRules.key, set: { value, updatedAt: now, updatedBy: by, version: sql`${chainRules.version} + 1` } });
}

/**
 * HQ's save: refused (409) if `baseVersion` is not the version in force; otherwise the new doc, its
 * rule_versions row and the audit row (before/after) in one D1 batch. The version row's primary key
 * also refuses the slower of two saves made from the same version at the same moment.
 */
export async function saveRules(db: Db, actor: Actor, body: RulesSave, ip: string): Promise<{ rules: ChainRules; version: number }> {
  assertHq(actor);
  const { baseVersion, ...next } = body;
  const cur = await rulesWithVersion(db);
  const current = cur?.version ?? 0;
  assertFresh('rules', baseVersion, current);
  const version = current + 1;
  const now = Date.now();
  const value = JSON.stringify(next);
  const before = cur?.rules ?? DEFAULT_CHAIN_RULES;
  cache.clear();
  try {
    await db.batch([
      versionInsert(db, 'rules', version, next, actor.id, now),
      ...(cur ? [priorVersionInsert(db, 'rules', current, cur.rules, cur.updatedBy, cur.updatedAt)] : []),
      db.insert(chainRules).values({ key: 'rules', value, version, updatedAt: now, updatedBy: actor.id }).onConflictDoUpdate({ target: chainRules.key, set: { value, version, updatedAt: now, updatedBy: actor.id } }),
      auditInsert(db, { actor, action: 'rules.update', entity: 'chain_rules', entityId: 'rules', ip, at: now, detail: { version, before, after: next } }),
    ]);
  } catch (e) {
    raiseIfRaced(e, 'rules');
  }
  cache.clear();
  return { rules: next, version };
}
