// The backup-and-restore drill (issue 21, docs/decisions/017): a seeded chain A with real money
// traffic is backed up to a file and restored into an EMPTY deployment B (migrated, not seeded);
// then every ledger verifies on B and every balance, report and view equals A's.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backup, type BackupResult } from './backup';
import type { BackupLine } from '../shared/schemas/backup';
import { readLines } from './backup/file';
import { api, driveTraffic, figures, login } from './backup/drill-chain';
import { startDevServer, type DevServer } from './dev-server';
import { restore } from './restore';

const TOKEN_A = 'a'.repeat(20) + 'restore-token-of-deployment-A';
const TOKEN_B = 'b'.repeat(20) + 'restore-token-of-deployment-B';
const dir = mkdtempSync(join(tmpdir(), 'cloudcard-drill-'));
const file = join(dir, 'chain.ndjson');
let a: DevServer, b: DevServer, taken: BackupResult, before: Awaited<ReturnType<typeof figures>>, touched: string[];

beforeAll(async () => {
  // A: the demo chain, small (the drill is about the path, not the volume). B: migrated, empty.
  const started = await Promise.allSettled([
    startDevServer({ port: 8795, persistTo: join(dir, 'a'), seedArgs: ['--members', '40', '--orders', '200'], logFile: join(dir, 'a.log'), vars: { RESTORE_TOKEN: TOKEN_A } }),
    startDevServer({ port: 8796, persistTo: join(dir, 'b'), seed: false, logFile: join(dir, 'b.log'), vars: { RESTORE_TOKEN: TOKEN_B } }),
  ]);
  // One failed to start: stop the other, or it outlives the run and answers on its port next time.
  const failed = started.find((r) => r.status === 'rejected');
  if (failed) {
    await Promise.all(started.map((r) => (r.status === 'fulfilled' ? r.value.stop() : undefined)));
    throw failed.reason;
  }
  [a, b] = started.map((r) => (r as PromiseFulfilledResult<DevServer>).value) as [DevServer, DevServer];
  touched = await driveTraffic(a.baseUrl);
  taken = await backup({ baseUrl: a.baseUrl, file, username: 'admin', password: 'demo1234' });
  before = await figures(a.baseUrl);
}, 240_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  rmSync(dir, { recursive: true, force: true });
});

const restoreCall = (base: string, path: string, body: unknown, token = TOKEN_B) => api(base)(`/api/backup/restore/${path}`, { body, headers: { 'x-restore-token': token } });

describe('backup and restore drill', { timeout: 60_000 }, () => {
  it('exports as HQ only, into a file whose id is its SHA-256', async () => {
    expect(taken).toMatchObject({ quiet: true, members: 40, snapshots: 40 });
    expect(taken.backupId).toMatch(/^[0-9a-f]{64}$/);
    expect(taken.rows.staff).toBe(10);
    expect(taken.rows.sessions).toBeUndefined(); // sign-in state is not copied
    const clerk = await login(a.baseUrl, 'clerk1');
    const call = api(a.baseUrl);
    expect((await call('/api/backup/manifest?run=01JDRILLRUN0000000000000', { token: clerk })).status).toBe(403);
    expect((await call('/api/backup/manifest?run=01JDRILLRUN0000000000000')).status).toBe(401);
    const hq = await login(a.baseUrl, 'admin');
    const bad = await call('/api/backup/tables/sessions?run=01JDRILLRUN0000000000000', { token: hq });
    expect([bad.status, bad.json.error.code]).toEqual([404, 'NOT_FOUND']);
    expect((await call('/api/backup/members?run=x&limit=0', { token: hq })).json.error.code).toBe('VALIDATION_FAILED');
  });

  it('refuses a file that was changed, a wrong token, and a deployment that is not empty', async () => {
    const edited = join(dir, 'edited.ndjson');
    writeFileSync(edited, readFileSync(file, 'utf8').replace('"principalFen":', '"principalFen":1'));
    await expect(restore({ baseUrl: b.baseUrl, file: edited, restoreToken: TOKEN_B })).rejects.toThrow(/digest/);
    const begin = { backupId: taken.backupId, migrations: [], createdAt: Date.now() };
    for (const token of ['', 'wrong'.repeat(8)]) expect((await restoreCall(b.baseUrl, 'begin', begin, token)).status).toBe(401);
    expect((await restoreCall(b.baseUrl, 'begin', { backupId: 'nope' })).json.error.code).toBe('VALIDATION_FAILED');
    // A, the live chain, is not empty: a restore there is refused before it writes anything.
    await expect(restore({ baseUrl: a.baseUrl, file, restoreToken: TOKEN_A })).rejects.toMatchObject({ status: 409, message: /not empty/ });
  });

  it('restores into the empty deployment and resumes after a crash without doing anything twice', async () => {
    // A run that "crashed" after begin, the tables up to members, and five members (a sixth sent edited).
    const lines: BackupLine[] = [];
    for await (const { line } of readLines(file)) lines.push(line);
    const header = lines[0] as Extract<BackupLine, { type: 'header' }>;
    const id = taken.backupId;
    expect((await restoreCall(b.baseUrl, 'begin', { backupId: id, migrations: header.migrations, createdAt: header.createdAt })).json.status).toBe('started');
    const upTo = header.tables.findIndex((t) => t.name === 'members');
    const pages = lines.filter((l) => l.type === 'rows' && header.tables.findIndex((t) => t.name === l.table) <= upTo) as Extract<BackupLine, { type: 'rows' }>[];
    // Rows whose parents are not there yet (order lines before orders) are refused whole, as a 409.
    const child = lines.find((l) => l.type === 'rows' && l.table === 'order_lines')!;
    const orphan = await restoreCall(b.baseUrl, 'rows', { backupId: id, ...child });
    expect([orphan.status, orphan.json.error.code, orphan.json.error.message]).toEqual([409, 'CONFLICT', expect.stringMatching(/FOREIGN KEY/)]);
    let sent = 0;
    for (const p of pages) sent += (await restoreCall(b.baseUrl, 'rows', { backupId: id, ...p })).json.inserted;
    expect(sent).toBe(pages.reduce((n, p) => n + p.rows.length, 0));
    expect(pages.some((p) => p.table === 'members')).toBe(true);
    // A page sent again inserts nothing.
    expect((await restoreCall(b.baseUrl, 'rows', { backupId: id, ...pages[0] })).json.inserted).toBe(0);
    const members = (lines.filter((l) => l.type === 'member') as Extract<BackupLine, { type: 'member' }>[]).map(({ memberId, snapshot }) => ({ memberId, snapshot: snapshot! }));
    const first = (await restoreCall(b.baseUrl, 'members', { backupId: id, members: members.slice(0, 5) })).json.members;
    expect(first.map((m: { status: string; verified: boolean }) => [m.status, m.verified])).toEqual(Array(5).fill(['restored', true]));
    // An edited snapshot (money added) is refused by the member's object, and nothing is written.
    const sixth = members[5]!;
    const forged = { ...sixth, snapshot: { ...sixth.snapshot, account: { ...sixth.snapshot.account, principalFen: sixth.snapshot.account.principalFen + 100 } } };
    const refused = (await restoreCall(b.baseUrl, 'members', { backupId: id, members: [forged] })).json.members[0];
    expect(refused).toMatchObject({ status: 'refused', reason: expect.stringMatching(/differ from the ledger/) });
    const seventh = members[6]!;
    const twice = { ...seventh, snapshot: { ...seventh.snapshot, ops: [...seventh.snapshot.ops, ...seventh.snapshot.ops] } };
    const unfit = (await restoreCall(b.baseUrl, 'members', { backupId: id, members: [twice] })).json.members[0];
    expect(unfit).toMatchObject({ status: 'refused', reason: expect.stringMatching(/does not fit/) });

    const r = await restore({ baseUrl: b.baseUrl, file, restoreToken: TOKEN_B });
    expect(r.status).toBe('restored');
    expect(r.members).toEqual({ restored: 35, already: 5 });
    const total = Object.values(taken.rows).reduce((s, n) => s + n, 0);
    expect(Object.values(r.inserted).reduce((s, n) => s + n, 0) + sent).toBe(total);
  });

  it('B verifies every ledger and shows every balance, report and view as A did; HQ signs in with the same password', async () => {
    const after = await figures(b.baseUrl);
    expect(after.verify).toHaveLength(40);
    for (const v of after.verify) expect(v).toMatchObject({ ok: true, projectionMatches: true });
    // Not vacuous: money is owed, the store's view holds this week's orders, the shift is listed.
    expect(after.liabilityFen).toBeGreaterThan(0);
    expect(after.storeView.patch.filter((p: { key?: string }) => p.key?.startsWith('order/')).length).toBeGreaterThan(0);
    expect(after.shifts.shifts).toHaveLength(1);
    for (const id of touched) expect(after.accounts.find((x: { memberId: string }) => x.memberId === id).seq).toBeGreaterThan(1);
    expect(after).toEqual(before);
    // Sessions are not copied: A's token means nothing on B.
    expect((await api(b.baseUrl)('/api/stores', { token: await login(a.baseUrl, 'admin') })).status).toBe(401);
  });

  it('a second run changes nothing; another backup is refused there', async () => {
    expect(await restore({ baseUrl: b.baseUrl, file, restoreToken: TOKEN_B })).toMatchObject({ status: 'already', inserted: {} });
    const page = await restoreCall(b.baseUrl, 'rows', { backupId: taken.backupId, table: 'staff', columns: ['id'], rows: [] });
    expect(page.status).toBe(409);
    const other = join(dir, 'other.ndjson');
    const second = await backup({ baseUrl: a.baseUrl, file: other, username: 'admin', password: 'demo1234' });
    expect(second.backupId).not.toBe(taken.backupId);
    await expect(restore({ baseUrl: b.baseUrl, file: other, restoreToken: TOKEN_B })).rejects.toMatchObject({ status: 409, message: /Another backup/ });
    const hq = await login(b.baseUrl, 'admin');
    expect((await api(b.baseUrl)('/api/members?limit=100', { token: hq })).json.members.sort((x: { id: string }, y: { id: string }) => x.id.localeCompare(y.id))).toEqual(before.members);
  });
});
