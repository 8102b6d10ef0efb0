// Starts the whole system locally: build the PWAs if stale, migrate + seed the local D1, run
// `wrangler dev` (workerd + local D1 + local Durable Objects). Used by `npm start`, the browser
// tests and the benchmarks.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, openSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export type DevServer = { baseUrl: string; stop(): Promise<void>; child: ChildProcess };
export type DevServerOptions = { port: number; persistTo?: string; seedArgs?: string[]; quiet?: boolean; /** quiet, but the server's output kept in this file (to show when something fails). */ logFile?: string; /** false: leave staged opening balances unimported (large benchmark chains). */ importBalances?: boolean;
  /** false: migrate the local D1 but load no demo chain (an empty deployment, e.g. to restore a backup into); balances are then not imported either. */ seed?: boolean;
  /** Extra `wrangler dev --var NAME:VALUE` bindings (e.g. RESTORE_TOKEN), over wrangler.toml's [vars]. */ vars?: Record<string, string> };

// wrangler dev records a trace of every request into SQLite on disk (its local observability):
// dev tooling that costs more than a Durable Object call, so it is off unless asked for.
const quietEnv = { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', X_LOCAL_OBSERVABILITY: process.env.X_LOCAL_OBSERVABILITY ?? 'false' };

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((m, f) => (f === 'node_modules' || f === 'e2e' ? m : Math.max(m, newestMtime(join(path, f)))), st.mtimeMs);
}

/** Rebuilds dist/client when a client or shared source is newer than the last build. */
export function buildClientsIfStale(): void {
  const stamp = 'dist/client/index.html';
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  if (built > Math.max(newestMtime('client'), newestMtime('shared'))) return;
  console.log('▶ building the three PWAs (clerk, member, hq)…');
  const r = spawnSync('node', ['scripts/build-clients.mjs'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('client build failed');
}

export function seed(opts: Pick<DevServerOptions, 'persistTo' | 'seedArgs'>): void {
  const args = ['tsx', 'scripts/seed.ts', ...(opts.seedArgs ?? []), ...(opts.persistTo ? ['--persist-to', opts.persistTo] : [])];
  const r = spawnSync('npx', args, { stdio: ['ignore', 'inherit', 'pipe'], env: { ...quietEnv, WRANGLER_LOG: 'error' } });
  if (r.status !== 0) {
    process.stderr.write(r.stderr);
    throw new Error('seeding the local database failed');
  }
}

/** Applies the D1 migrations to the local database and nothing else (what `seed` does first). */
export function migrateOnly(opts: Pick<DevServerOptions, 'persistTo'>): void {
  const args = ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local', ...(opts.persistTo ? ['--persist-to', opts.persistTo] : [])];
  const r = spawnSync('npx', args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...quietEnv, CI: 'true', WRANGLER_LOG: 'error' } });
  if (r.status !== 0) {
    process.stderr.write(r.stderr);
    throw new Error('migrating the local database failed');
  }
}

export async function waitForHealth(baseUrl: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the worker did not become healthy at ${baseUrl} within ${timeoutMs / 1000} s`);
}

/** A server left running by an earlier, crashed run would answer in place of the new one. */
async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', () => reject(new Error(`port ${port} is in use (a dev server left running by an earlier run?)`)));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

export async function startDevServer(opts: DevServerOptions): Promise<DevServer> {
  await assertPortFree(opts.port);
  buildClientsIfStale();
  if (opts.seed === false) migrateOnly(opts);
  else seed(opts);
  const args = ['wrangler', 'dev', '--port', String(opts.port), '--ip', '127.0.0.1', '--show-interactive-dev-session=false'];
  if (opts.persistTo) args.push('--persist-to', opts.persistTo);
  for (const [name, value] of Object.entries(opts.vars ?? {})) args.push('--var', `${name}:${value}`);
  // Own process group: stopping npx alone would leave workerd running.
  const log = opts.logFile ? openSync(opts.logFile, 'a') : null;
  const child = spawn('npx', args, { detached: true, stdio: log !== null ? ['ignore', log, log] : opts.quiet ? 'ignore' : 'inherit', env: quietEnv });
  const baseUrl = `http://127.0.0.1:${opts.port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      return;
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  try {
    await Promise.race([waitForHealth(baseUrl), exited.then(() => Promise.reject(new Error('wrangler dev exited during start-up')))]);
  } catch (e) {
    await stop();
    throw e;
  }
  try {
    if (opts.importBalances !== false && opts.seed !== false) await importOpeningBalances(baseUrl, !opts.quiet);
  } catch (e) {
    await stop();
    throw e;
  }
  return { baseUrl, stop, child };
}

async function adminToken(baseUrl: string): Promise<string> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'demo1234' }),
  });
  return ((await login.json()) as { token: string }).token;
}

/** Runs the opening-balance import until nothing is pending (the seed stages balances; the ledger takes them in). */
export async function importOpeningBalances(baseUrl: string, log = false): Promise<void> {
  const token = await adminToken(baseUrl);
  // Short calls: under wrangler dev, the request after one that ran for several seconds can find its
  // proxied connection reset ("Network connection lost"), which stops wrangler altogether.
  for (;;) {
    const res = await fetch(`${baseUrl}/api/imports/opening-balances?limit=100`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`opening-balance import failed: ${res.status} ${await res.text()}`);
    const r = (await res.json()) as { imported: number; remaining: number };
    if (log && r.imported) console.log(`  … opening balances imported: ${r.imported} (${r.remaining} to go)`);
    if (r.remaining === 0) return;
  }
}

/** A seeded member's phone, looked up as HQ: what the demo banner and browser tests sign in with. */
export async function demoMemberPhone(baseUrl: string): Promise<string> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'demo1234' }),
  });
  const { token } = (await login.json()) as { token: string };
  const res = await fetch(`${baseUrl}/api/members?limit=50`, { headers: { authorization: `Bearer ${token}` } });
  const { members } = (await res.json()) as { members: { phone: string; homeStoreId: string }[] };
  await fetch(`${baseUrl}/api/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  // A store-1 member (clerk1's store keeps its members offline): the newest visitor is whoever the
  // seed's last sale happened to serve, which changes with the time the seed is anchored to.
  const member = members.find((m) => m.homeStoreId === 'store-1');
  if (!member) throw new Error('the seed has no store-1 member among the 50 most recent visitors');
  return member.phone;
}
