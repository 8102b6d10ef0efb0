// Sync figures against the local worker (wrangler dev): initial sync of a store's view with
// 20,000 members and 5,000 products; client mutation → subscription latency beside a bare
// Replicache holding as many entries, measured in the same run; cross-branch propagation latency
// (a recharge at store 1 seen on store 2's tablet); push throughput of queued checkouts.
// Usage: npx tsx bench/sync.ts [--members 60000] [--products 5000] [--dir .wrangler/bench-sync]
import { rmSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { parseArgs } from 'node:util';
import { Replicache, type WriteTransaction } from 'replicache';
import { ulid } from 'ulid';
import { initialSync, login, openTablet, syncFully, waitFor } from '../client/src/lib/sync/harness';
import { keys, prefixes } from '../shared/sync/keys';
import type { Member } from '../shared/schemas/member';
import { startDevServer } from '../scripts/dev-server';

const { values } = parseArgs({ options: { members: { type: 'string', default: '44000' }, products: { type: 'string', default: '5000' }, dir: { type: 'string', default: '.wrangler/bench-sync' } } });
const dir = values.dir!;
rmSync(dir, { recursive: true, force: true });
console.log(`▶ seeding ${values.members} members (≈ a third per store) and ${values.products} extra products…`);
const server = await startDevServer({ port: 8798, persistTo: dir, seedArgs: ['--members', values.members!, '--orders', '0', '--extra-products', values.products!], quiet: !!process.env.BENCH_QUIET, importBalances: false });
const base = server.baseUrl;

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const fmt = (xs: number[]) => `p50 ${pct(xs, 0.5).toFixed(2)} ms, p95 ${pct(xs, 0.95).toFixed(2)} ms, p99 ${pct(xs, 0.99).toFixed(2)} ms (n=${xs.length})`;
const memberOf = (id: string) => (tx: { get(k: string): Promise<unknown> }) => tx.get(keys.member(id)) as Promise<Member | undefined>;

try {
  // Timestamps of the current propagation round (stage breakdown).
  let marks: Record<string, number> = {};
  const mark = (who: string) => (e: string) => {
    marks[`${who}.${e}`] ??= performance.now();
  };
  // 1. Initial sync of store 1's view.
  const a = openTablet(base, await login(base, 'clerk1'), { trace: mark('A') });
  let t0 = performance.now();
  await initialSync(a.rep, 60_000);
  const initialMs = performance.now() - t0;
  const counts = await a.rep.query(async (tx) => ({
    members: (await tx.scan({ prefix: prefixes.member }).keys().toArray()).length,
    products: (await tx.scan({ prefix: prefixes.product }).keys().toArray()).length,
    all: (await tx.scan().keys().toArray()).length,
  }));
  console.log(`initial sync: ${(initialMs / 1000).toFixed(2)} s for ${counts.all} entries (${counts.members} members, ${counts.products} products)`);
  await a.pokes?.opened();

  // 2. Mutation → subscription on the tablet, with that view loaded.
  const x = (await a.rep.query((tx) => tx.scan({ prefix: prefixes.member }).values().toArray()))[100] as Member;
  const ours: number[] = [];
  for (let i = 0; i < 500; i++) {
    const before = (await a.rep.query(memberOf(x.id)))!.principalFen;
    t0 = performance.now();
    const seen = waitFor(a.rep, memberOf(x.id), (m) => (m?.principalFen ?? 0) > before);
    await a.rep.mutate.recharge({ memberId: x.id, opId: ulid(), storeId: 'store-1', amountFen: 100, paidWith: 'cash', reference: '' });
    await seen;
    ours.push(performance.now() - t0);
  }

  // The same on a bare Replicache holding as many entries (no server, a one-key mutator).
  const bare = new Replicache({
    name: `bare-${ulid()}`, kvStore: 'mem', pullInterval: null,
    mutators: {
      fill: async (tx: WriteTransaction, n: number) => {
        for (let i = 0; i < n; i++) await tx.set(`e/${String(i).padStart(6, '0')}`, { i, name: `entry ${i}`, principalFen: 0 });
      },
      bump: async (tx: WriteTransaction, v: number) => tx.set('e/000100', { i: 100, name: 'entry 100', principalFen: v }),
    },
  });
  await bare.mutate.fill(counts.all);
  const bareLat: number[] = [];
  for (let i = 1; i <= 500; i++) {
    t0 = performance.now();
    const seen = waitFor(bare as never, (tx) => tx.get('e/000100') as Promise<{ principalFen: number } | undefined>, (v) => v?.principalFen === i);
    await bare.mutate.bump(i);
    await seen;
    bareLat.push(performance.now() - t0);
  }
  await bare.close();
  console.log(`mutation → subscription (tablet, ${counts.all} entries): ${fmt(ours)}`);
  console.log(`bare Replicache mutate → subscription (${counts.all} entries): ${fmt(bareLat)}`);
  console.log(`  ratio p95 ours / bare: ${(pct(ours, 0.95) / pct(bareLat, 0.95)).toFixed(2)}× (target ≤ 3×, and p95 ≤ 16.7 ms)`);

  // 3. Cross-branch propagation: store 2's tablet (its own thread, as another device) holds X once X has been served there.
  const remote = new Worker(new URL('./remote-tablet.ts', import.meta.url), { execArgv: ['--import', 'tsx'] });
  const ask = <T>(msg: unknown, reply: string) => new Promise<T>((resolve) => {
    const on = (m: { type: string }) => {
      if (m.type !== reply) return;
      remote.off('message', on);
      resolve(m as T);
    };
    remote.on('message', on);
    remote.postMessage(msg);
  });
  // Store 1's 500 recharges reach the server behind the screen; let them land first.
  while ((await a.rep.experimentalPendingMutations()).length) await new Promise((r) => setTimeout(r, 20));
  const ready = await ask<{ syncMs: number; members: number }>({ type: 'open', base, username: 'clerk2' }, 'ready');
  console.log(`second tablet's initial sync (store 2, ${ready.members} members, own thread): ${(ready.syncMs / 1000).toFixed(2)} s`);
  await ask({ type: 'visit', memberId: x.id }, 'visited');
  const now = () => performance.timeOrigin + performance.now();
  const prop: number[] = [];
  const stages: Record<string, number[]> = { 'A push sent': [], 'A push answered': [], 'B poked': [], 'B pull sent': [], 'B pull answered': [] };
  for (let i = 0; i < 200; i++) {
    await new Promise((r) => setTimeout(r, 50)); // one change at a time
    marks = {};
    // The other tablet starts watching from what it shows now, then store 1 recharges.
    const seen = new Promise<{ at: number; marks: Record<string, number> }>((resolve) => {
      const on = (m: { type: string }) => {
        if (m.type !== 'seen') return;
        remote.off('message', on);
        resolve(m as never);
      };
      remote.on('message', on);
    });
    await ask({ type: 'watch', memberId: x.id }, 'watching');
    const t0 = now();
    await a.rep.mutate.recharge({ memberId: x.id, opId: ulid(), storeId: 'store-1', amountFen: 100, paidWith: 'cash', reference: '' });
    const got = await seen;
    prop.push(got.at - t0);
    const at = (v: number | undefined) => (v ?? NaN) - t0;
    stages['A push sent']!.push(at(marks['A.push'] === undefined ? undefined : performance.timeOrigin + marks['A.push']));
    stages['A push answered']!.push(at(marks['A.pushed'] === undefined ? undefined : performance.timeOrigin + marks['A.pushed']));
    stages['B poked']!.push(at(got.marks.poke));
    stages['B pull sent']!.push(at(got.marks.pull));
    stages['B pull answered']!.push(at(got.marks.pulled));
  }
  console.log(`cross-branch propagation (store 1 recharge → store 2 tablet shows it): ${fmt(prop)} (target p99 ≤ 100 ms)`);
  for (const [label, xs] of Object.entries(stages)) console.log(`  ${label.padEnd(16)} at p50 ${pct(xs.filter((v) => !Number.isNaN(v)), 0.5).toFixed(1)} ms, p95 ${pct(xs.filter((v) => !Number.isNaN(v)), 0.95).toFixed(1)} ms`);
  await ask({ type: 'close' }, 'closed');
  await remote.terminate();

  // 4. Push throughput: a tablet that was offline sends 1,000 queued checkouts (a quarter on members' cards).
  const c = openTablet(base, await login(base, 'clerk1b'));
  await syncFully(c.rep);
  const payers = (await c.rep.query((tx) => tx.scan({ prefix: prefixes.member }).values().toArray())).slice(200, 210) as Member[];
  for (const p of payers) await c.rep.mutate.recharge({ memberId: p.id, opId: ulid(), storeId: 'store-1', amountFen: 100 * 1800, paidWith: 'cash', reference: '' });
  while ((await c.rep.experimentalPendingMutations()).length) await new Promise((r) => setTimeout(r, 20));
  c.online = false;
  for (let i = 0; i < 1000; i++) {
    const member = i % 4 === 0 ? payers[i % payers.length]!.id : null;
    await c.rep.mutate.checkout({ id: ulid(), storeId: 'store-1', memberId: member, createdAt: Date.now(), note: '', lines: [{ productId: 'p-501', quantity: 1 }], tenders: [member ? { kind: 'stored_value', amountFen: 1800 } : { kind: 'cash', amountFen: 1800, reference: '' }] });
  }
  c.online = true;
  t0 = performance.now();
  void c.rep.push({ now: true }).catch(() => {});
  while ((await c.rep.experimentalPendingMutations()).length) await new Promise((r) => setTimeout(r, 20));
  const pushS = (performance.now() - t0) / 1000;
  console.log(`push throughput: 1,000 queued checkouts (250 on members' cards) in ${pushS.toFixed(2)} s → ${(1000 / pushS).toFixed(0)} mutations/s`);
  await Promise.all([a.close(), c.close()]);
} finally {
  await server.stop();
}
