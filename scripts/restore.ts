// Restores a backup (scripts/backup.ts) into an EMPTY deployment — migrated to the backup's level,
// not seeded, with RESTORE_TOKEN (32+ characters) set (docs/decisions/017):
//   npx tsx scripts/restore.ts --url http://127.0.0.1:8787 --file backup.ndjson   (token in RESTORE_TOKEN)
// Resumable: after a crash, run it again. Tables already complete are skipped, repeated rows and
// members change nothing, and once a restore is finished a rerun answers that it is done.
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { MemberSnapshot } from '../shared/schemas/backup';
import { checkFile, readLines } from './backup/file';
import { client } from './backup/http';

export type RestoreOptions = { baseUrl: string; file: string; restoreToken: string; membersPerCall?: number; log?: (message: string) => void };
export type RestoreResult = {
  backupId: string;
  /** `already`: this backup was restored here before; nothing was sent. */
  status: 'restored' | 'already';
  inserted: Record<string, number>;
  members: { restored: number; already: number };
};
type Restored = { memberId: string; status: 'restored' | 'already' | 'refused'; reason: string | null; verified: boolean; projectionMatches: boolean };

// A member call's body stays small (a member with a long ledger is one large snapshot).
const CALL_BYTES = 4_000_000;

export async function restore(o: RestoreOptions): Promise<RestoreResult> {
  const log = o.log ?? (() => {});
  const { header, end, backupId } = await checkFile(o.file);
  const api = client(o.baseUrl, { 'x-restore-token': o.restoreToken });
  const begun = await api<{ status: 'started' | 'resumed' | 'done'; rows: Record<string, number> }>('POST', '/api/backup/restore/begin', { backupId, migrations: header.migrations, createdAt: header.createdAt });
  const result: RestoreResult = { backupId, status: 'already', inserted: {}, members: { restored: 0, already: 0 } };
  if (begun.status === 'done') return result;
  log(`${begun.status === 'started' ? 'Restoring' : 'Resuming'} backup ${backupId.slice(0, 12)}… of ${header.source} (${new Date(header.createdAt).toISOString()})`);
  result.status = 'restored';

  const problems: string[] = [];
  let batch: { memberId: string; snapshot: MemberSnapshot }[] = [];
  let bytes = 0;
  const sendMembers = async () => {
    if (!batch.length) return;
    const r = await api<{ members: Restored[] }>('POST', '/api/backup/restore/members', { backupId, members: batch });
    for (const m of r.members) {
      if (m.status === 'refused') problems.push(`${m.memberId}: refused (${m.reason})`);
      else {
        result.members[m.status] += 1;
        if (!m.verified) problems.push(`${m.memberId}: the ledger does not verify`);
        // A backup taken while the chain was busy may hold a member's object ahead of its D1 rows.
        else if (!m.projectionMatches && end.quiet) problems.push(`${m.memberId}: D1 does not match the account`);
      }
    }
    batch = [];
    bytes = 0;
  };

  for await (const { text, line } of readLines(o.file)) {
    if (line.type === 'rows') {
      // Complete already (a resumed run): skip. Otherwise the page goes again; rows there are kept.
      if ((begun.rows[line.table] ?? 0) >= (end.rows[line.table] ?? 0)) continue;
      const r = await api<{ inserted: number }>('POST', '/api/backup/restore/rows', { backupId, table: line.table, columns: line.columns, rows: line.rows });
      result.inserted[line.table] = (result.inserted[line.table] ?? 0) + r.inserted;
    } else if (line.type === 'member' && line.snapshot) {
      if (batch.length >= (o.membersPerCall ?? 50) || bytes + text.length > CALL_BYTES) await sendMembers();
      batch.push({ memberId: line.memberId, snapshot: line.snapshot });
      bytes += text.length;
    }
  }
  await sendMembers();
  log(`  rows inserted: ${Object.values(result.inserted).reduce((a, b) => a + b, 0)}; members restored ${result.members.restored}, already there ${result.members.already}`);
  const loaded = result.members.restored + result.members.already;
  if (!problems.length && loaded !== end.snapshots) problems.push(`the file holds ${end.snapshots} accounts, ${loaded} were loaded`);
  if (problems.length) throw new Error(`restore not finished — ${problems.length} problem(s):\n  ${problems.slice(0, 20).join('\n  ')}`);
  await api('POST', '/api/backup/restore/finish', { backupId, rows: end.rows, members: end.members });
  return result;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { url: { type: 'string', default: 'http://127.0.0.1:8787' }, file: { type: 'string' }, token: { type: 'string' } } });
  const restoreToken = values.token ?? process.env.RESTORE_TOKEN;
  if (!values.file || !restoreToken) {
    console.error('usage: RESTORE_TOKEN=… npx tsx scripts/restore.ts --url URL --file BACKUP.ndjson   (or --token TOKEN)');
    process.exit(2);
  }
  const r = await restore({ baseUrl: values.url!, file: values.file, restoreToken, log: console.log });
  console.log(r.status === 'already' ? `Backup ${r.backupId} was restored into ${values.url} already; nothing to do.` : `Restored backup ${r.backupId} into ${values.url}. Remove RESTORE_TOKEN from the deployment now.`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
