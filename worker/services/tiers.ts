import { asc, inArray } from 'drizzle-orm';
import { eq } from 'drizzle-orm';
import { assertHq, type Actor } from '../../shared/domain/authz';
import { DomainError } from '../../shared/errors';
import type { Tier } from '../../shared/schemas/member';
import type { TierEdit } from '../../shared/schemas/rules';
import type { Db } from '../db/client';
import { TtlCache } from './ttl-cache';
import { categories, tiers } from '../db/schema';
import { auditInsert } from './audit';
import { assertFresh, currentVersion, priorVersionInsert, raiseIfRaced, versionInsert } from './rule-versions';

const cache = new TtlCache<Tier[]>(5_000);

/** The column's JSON text as a map; a row that does not parse prices at the tier's default rate. */
export function parseCategoryDiscounts(text: string): Record<string, number> {
  try {
    const v: unknown = JSON.parse(text);
    if (!v || typeof v !== 'object' || Array.isArray(v)) return {};
    return Object.fromEntries(Object.entries(v).filter((e): e is [string, number] => Number.isInteger(e[1])));
  } catch {
    return {};
  }
}

/** Tiers change rarely: cached for a few seconds. */
export function listTiers(db: Db): Promise<Tier[]> {
  return cache.get('tiers', () => readTiers(db));
}

async function readTiers(db: Db): Promise<Tier[]> {
  const rows = await db.select().from(tiers).orderBy(asc(tiers.rank));
  return rows.map(({ updatedAt: _u, categoryDiscounts, ...t }) => ({ ...t, categoryDiscounts: parseCategoryDiscounts(categoryDiscounts) }));
}

/**
 * Thresholds must climb with rank: a higher tier costs more to get (and to keep) than the one
 * below it, or the upgrade on a sale and the review would disagree about where a member belongs.
 */
export function checkLadder(ladder: readonly Tier[]): void {
  for (let i = 1; i < ladder.length; i++) {
    const lo = ladder[i - 1]!, hi = ladder[i]!;
    if (hi.upgradeSpendFen <= lo.upgradeSpendFen) throw new DomainError('VALIDATION_FAILED', `upgradeSpendFen: ${hi.name} (${hi.code}) must need more spend than ${lo.name} (${lo.code}, ${lo.upgradeSpendFen} fen)`);
    if (hi.keepSpendFen < lo.keepSpendFen) throw new DomainError('VALIDATION_FAILED', `keepSpendFen: ${hi.name} (${hi.code}) must need at least the keep spend of ${lo.name} (${lo.code}, ${lo.keepSpendFen} fen)`);
  }
}

/** HQ edits one tier: checked against the whole ladder, versioned (key 'tiers') and audited in one batch. */
export async function saveTier(db: Db, actor: Actor, code: string, edit: TierEdit, ip: string): Promise<{ tier: Tier; version: number }> {
  assertHq(actor);
  const { baseVersion, ...fields } = edit;
  const [all, current] = await Promise.all([readTiers(db), currentVersion(db, 'tiers')]);
  const before = all.find((t) => t.code === code);
  if (!before) throw new DomainError('NOT_FOUND', `code: no tier ${code}`);
  assertFresh('tiers', baseVersion, current);
  const ids = Object.keys(fields.categoryDiscounts);
  if (ids.length > 0) {
    const known = new Set((await db.select({ id: categories.id }).from(categories).where(inArray(categories.id, ids))).map((c) => c.id));
    const unknown = ids.find((id) => !known.has(id));
    if (unknown) throw new DomainError('VALIDATION_FAILED', `categoryDiscounts.${unknown}: no such category`);
  }
  const after: Tier = { ...before, ...fields };
  const ladder = all.map((t) => (t.code === code ? after : t));
  checkLadder(ladder);
  const now = Date.now();
  const version = current + 1;
  cache.clear();
  try {
    await db.batch([
      versionInsert(db, 'tiers', version, ladder, actor.id, now),
      // The ladder before HQ's first save, so history starts with the seeded tiers.
      ...(current === 0 ? [priorVersionInsert(db, 'tiers', 0, all, 'seed', now - 1)] : []),
      db.update(tiers).set({ ...fields, categoryDiscounts: JSON.stringify(fields.categoryDiscounts), updatedAt: now }).where(eq(tiers.code, before.code)),
      auditInsert(db, { actor, action: 'tier.update', entity: 'tier', entityId: code, ip, at: now, detail: { version, before, after } }),
    ]);
  } catch (e) {
    raiseIfRaced(e, 'tiers');
  }
  cache.clear();
  return { tier: after, version };
}
