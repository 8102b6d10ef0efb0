// Backs up a whole chain (docs/decisions/017): D1's tables and every member's account object, to one
// NDJSON file whose SHA-256 is the backup's id. Runs as HQ, against any deployment:
//   npx tsx scripts/backup.ts --url http://127.0.0.1:8787 --user admin --password … [--out FILE]
//   npx tsx scripts/backup.ts --url https://… --token <HQ session token> --out backup.ndjson
// The password may also come from BACKUP_PASSWORD, the token from BACKUP_TOKEN.
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ulid } from 'ulid';
import type { Manifest, MemberSnapshot } from '../shared/schemas/backup';
import { BackupWriter } from './backup/file';
import { client, signIn, signOut } from './backup/http';

export type BackupOptions = {
  baseUrl: string;
  file: string;
  /** An HQ session token; or username and password to sign in with (and out again after). */
  token?: string;
  username?: string;
  password?: string;
  /** Rows per table page, members per member page (the server caps both). */
  tableRows?: number;
  memberPage?: number;
  log?: (message: string) => void;
};
export type BackupResult = { file: string; backupId: string; lines: number; rows: Record<string, number>; members: number; snapshots: number; quiet: boolean };

type TablePage = { table: string; columns: string[]; rows: (string | number | null)[][]; next: number | null };
type MemberPage = { members: { memberId: string; snapshot: MemberSnapshot | null }[]; next: string | null };

export async function backup(o: BackupOptions): Promise<BackupResult> {
  const log = o.log ?? (() => {});
  if (!o.token && !(o.username && o.password)) throw new Error('give an HQ token, or a username and password');
  const token = o.token ?? (await signIn(o.baseUrl, o.username!, o.password!));
  const api = client(o.baseUrl, { authorization: `Bearer ${token}` });
  // One run id for every page: the server audits the export once, under it.
  const run = ulid();
  const writer = new BackupWriter(o.file);
  try {
    const first = await api<Manifest>('GET', `/api/backup/manifest?run=${run}`);
    const { watermark, ...head } = first;
    writer.write({ type: 'header', source: o.baseUrl, ...head });
    const rows: Record<string, number> = {};
    for (const t of first.tables) {
      rows[t.name] = 0;
      for (let after: number | null = 0; after !== null; ) {
        const page: TablePage = await api('GET', `/api/backup/tables/${t.name}?run=${run}&after=${after}&limit=${o.tableRows ?? 1000}`);
        if (page.rows.length) writer.write({ type: 'rows', table: t.name, columns: page.columns, rows: page.rows });
        rows[t.name] = (rows[t.name] ?? 0) + page.rows.length;
        after = page.next;
      }
      log(`  ${t.name}: ${rows[t.name]} rows`);
    }
    let members = 0, snapshots = 0;
    for (let after: string | null = ''; after !== null; ) {
      const page: MemberPage = await api('GET', `/api/backup/members?run=${run}&after=${encodeURIComponent(after)}&limit=${o.memberPage ?? 100}`);
      for (const m of page.members) {
        writer.write({ type: 'member', memberId: m.memberId, snapshot: m.snapshot });
        members += 1;
        if (m.snapshot) snapshots += 1;
      }
      after = page.next;
    }
    log(`  members: ${members} (${snapshots} with an account)`);
    // Nothing moved between the first and the last look: the file is one point in time.
    const quiet = (await api<Manifest>('GET', `/api/backup/manifest?run=${run}`)).watermark === watermark;
    const lines = writer.lines + 1;
    const backupId = writer.finish({ rows, members, snapshots, quiet, finishedAt: Date.now() });
    return { file: o.file, backupId, lines, rows, members, snapshots, quiet };
  } catch (e) {
    writer.abandon();
    throw e;
  } finally {
    if (!o.token) await signOut(o.baseUrl, token);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { url: { type: 'string', default: 'http://127.0.0.1:8787' }, user: { type: 'string' }, password: { type: 'string' }, token: { type: 'string' }, out: { type: 'string' } } });
  const file = values.out ?? `backup-${new Date().toISOString().replace(/[:.]/g, '-')}.ndjson`;
  const token = values.token ?? process.env.BACKUP_TOKEN;
  const password = values.password ?? process.env.BACKUP_PASSWORD;
  if (!token && !(values.user && password)) {
    console.error('usage: npx tsx scripts/backup.ts --url URL (--user NAME --password PW | --token HQ_TOKEN) [--out FILE]');
    process.exit(2);
  }
  console.log(`Backing up ${values.url} to ${file}…`);
  const r = await backup({ baseUrl: values.url!, file, token, username: values.user, password, log: console.log });
  console.log(`Backup ${r.backupId}: ${r.lines} lines, ${Object.values(r.rows).reduce((a, b) => a + b, 0)} rows, ${r.members} members (${r.snapshots} accounts).`);
  if (!r.quiet) console.warn('Warning: the chain changed while it was being backed up; this file is not one point in time. Take it again when the chain is quiet (e.g. after closing).');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
