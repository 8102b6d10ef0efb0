import { and, desc, eq, max } from 'drizzle-orm';
import { assertHq, type Actor } from '../../shared/domain/authz';
import { DomainError } from '../../shared/errors';
import type { RuleVersion } from '../../shared/schemas/rules';
import type { Db } from '../db/client';
import { brokenConstraint } from '../db/constraint';
import { chainRules, ruleVersions, staff } from '../db/schema';

export type VersionKey = RuleVersion['key'];

/**
 * The version in force: the rules row's own counter, or for tiers the newest saved version. 0: never
 * saved through HQ (the seed's rules row counts as version 1).
 */
export async function currentVersion(db: Db, key: VersionKey): Promise<number> {
  if (key === 'rules') return (await db.select({ v: chainRules.version }).from(chainRules).where(eq(chainRules.key, 'rules')).get())?.v ?? 0;
  return (await db.select({ v: max(ruleVersions.version) }).from(ruleVersions).where(eq(ruleVersions.key, 'tiers')).get())?.v ?? 0;
}

/** The editor's version must be the one in force; otherwise someone saved since it was opened. */
export function assertFresh(key: VersionKey, base: number | undefined, current: number): void {
  if (base !== undefined && base !== current) {
    throw new DomainError('CONFLICT', `baseVersion: someone saved a newer version of the ${key} (${current}; you edited ${base}). Reload and make your change again`, { details: { currentVersion: current } });
  }
}

/**
 * The version row of a save. Its primary key (key, version) is what makes two saves from the same
 * base exclusive: the second one's batch fails on it and changes nothing (see `raiseIfRaced`).
 */
export const versionInsert = (db: Db, key: VersionKey, version: number, value: unknown, by: string, now: number) =>
  db.insert(ruleVersions).values({ key, version, value: JSON.stringify(value), savedAt: now, savedBy: by });

/** The version a first HQ save replaces, kept too so history starts with what the seed set. */
export const priorVersionInsert = (db: Db, key: VersionKey, version: number, value: unknown, by: string, at: number) =>
  db.insert(ruleVersions).values({ key, version, value: JSON.stringify(value), savedAt: at, savedBy: by }).onConflictDoNothing();

export function raiseIfRaced(e: unknown, key: VersionKey): never {
  if (brokenConstraint(e)?.startsWith('rule_versions')) throw new DomainError('CONFLICT', `baseVersion: someone saved a newer version of the ${key} at the same moment. Reload and make your change again`);
  throw e;
}

export async function listVersions(db: Db, actor: Actor, key: VersionKey, limit = 50): Promise<RuleVersion[]> {
  assertHq(actor);
  const rows = await db
    .select({ v: ruleVersions, name: staff.name })
    .from(ruleVersions)
    .leftJoin(staff, eq(staff.id, ruleVersions.savedBy))
    .where(and(eq(ruleVersions.key, key)))
    .orderBy(desc(ruleVersions.version))
    .limit(limit);
  return rows.map(({ v, name }) => ({ key, version: v.version, savedAt: v.savedAt, savedBy: v.savedBy, savedByName: name ?? null, value: JSON.parse(v.value) }));
}
