import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { assertHq, type Actor } from '../../shared/domain/authz';
import { punchCardSchema } from '../../shared/schemas/account';
import type { Db } from '../db/client';
import { memberImports, members } from '../db/schema';
import { auditInsert } from './audit';
import { runOp } from './accounts';
import { loadRules } from './rules';

/**
 * Moves balances migrated from the chain's previous system into each member's ledger as an
 * `opening` entry. The op id is derived from the member (`import-<id>`), so running the import
 * again — or after a crash halfway — changes nothing twice. `only`: just these members' pending
 * rows (HQ's CSV import of members, docs/decisions/026), not the whole chain's.
 */
export async function importOpeningBalances(env: Env, db: Db, actor: Actor, limit: number, ip: string, only?: readonly string[]) {
  assertHq(actor);
  const rules = await loadRules(db);
  const pending = (ids?: readonly string[]) => db
    .select({ imp: memberImports, m: members })
    .from(memberImports)
    .innerJoin(members, eq(members.id, memberImports.memberId))
    .where(ids ? and(isNull(memberImports.importedAt), inArray(memberImports.memberId, [...ids])) : isNull(memberImports.importedAt))
    .limit(limit);
  const rows = only ? [] : await pending();
  for (let i = 0; only && i < only.length && rows.length < limit; i += 90) rows.push(...(await pending(only.slice(i, i + 90))));
  let imported = 0;
  const failed: { memberId: string; code: string | null; message: string | null }[] = [];
  const now = Date.now();
  // A few at a time: each member's object is independent, D1 is the shared bottleneck.
  for (let i = 0; i < rows.length; i += 8) {
    await Promise.all(
      rows.slice(i, i + 8).map(async ({ imp, m }) => {
        const out = await runOp(env, m, {
          opId: `import-${m.id}`, storeId: null, staffId: actor.kind === 'staff' ? actor.id : null, at: now, kind: 'opening',
          principalFen: imp.principalFen, bonusFen: imp.bonusFen, points: imp.points,
          punchCards: punchCardSchema.array().parse(JSON.parse(imp.punchCards)),
        }, rules);
        if (out.status === 'applied') imported += 1;
        else failed.push({ memberId: m.id, code: out.code, message: out.message });
        await db.update(memberImports).set({ importedAt: now }).where(eq(memberImports.memberId, m.id));
      }),
    );
  }
  const remaining = (await db.select({ n: sql<number>`count(*)` }).from(memberImports).where(isNull(memberImports.importedAt)).get())?.n ?? 0;
  if (rows.length) await auditInsert(db, { actor, action: 'import.opening_balances', entity: 'member_imports', entityId: String(now), ip, at: now, detail: { imported, failed: failed.length } }).run();
  return { imported, failed, remaining };
}
