import { assertHq, type Actor } from '../../shared/domain/authz';
import type { Manifest, MemberSnapshot } from '../../shared/schemas/backup';
import type { Db } from '../db/client';
import { accountStub } from './accounts';
import { auditInsert } from './audit';
import { manifest, tableNamed, tablePage } from './backup-tables';

/*
 * The export side of backup (docs/decisions/017): HQ pages through D1's tables and through the
 * members, whose objects each hand over their whole state. Nothing here holds more than a page.
 */

type Caller = { env: Env; db: Db; actor: Actor; run: string; ip: string };

/**
 * One audit row per export run, however many pages it reads: the run id makes the insert a no-op
 * after the first page, so a backup of 50,000 members does not write 1,000 audit rows.
 */
async function authorize(c: Caller, what: string): Promise<void> {
  assertHq(c.actor);
  const at = Date.now();
  await auditInsert(c.db, { id: `backup.export:${c.run}`, actor: c.actor, action: 'backup.export', entity: 'backup', entityId: c.run, ip: c.ip, at, detail: { first: what } }).onConflictDoNothing();
}

export async function exportManifest(c: Caller): Promise<Manifest> {
  await authorize(c, 'manifest');
  return manifest(c.env.DB, Date.now());
}

export async function exportTablePage(c: Caller, table: string, after: number, limit: number) {
  await authorize(c, `table ${table}`);
  return tablePage(c.env.DB, await tableNamed(c.env.DB, table), after, limit);
}

// Member objects asked at once per page: each is its own object, D1 is not involved.
const PARALLEL = 8;
const PAGE_BYTES = 8_000_000;

/**
 * Members after `after` (by id), each with their object's snapshot (null: no account yet). A page
 * stops early past ~8 MB of snapshots, so members with long ledgers make smaller pages.
 */
export async function exportMemberPage(c: Caller, after: string, limit: number) {
  await authorize(c, 'members');
  const ids = (await c.env.DB.prepare('SELECT id FROM members WHERE id > ?1 ORDER BY id LIMIT ?2').bind(after, limit).all<{ id: string }>()).results.map((r) => r.id);
  const out: { memberId: string; snapshot: MemberSnapshot | null }[] = [];
  let bytes = 0;
  for (let i = 0; i < ids.length && bytes <= PAGE_BYTES; i += PARALLEL) {
    const chunk = ids.slice(i, i + PARALLEL);
    const snaps = await Promise.all(chunk.map((id) => accountStub(c.env, id).exportState()));
    chunk.forEach((memberId, k) => {
      out.push({ memberId, snapshot: snaps[k] ?? null });
      bytes += JSON.stringify(snaps[k] ?? null).length;
    });
  }
  const more = out.length < ids.length || ids.length === limit;
  return { members: out, next: more && out.length ? out[out.length - 1]!.memberId : null };
}
