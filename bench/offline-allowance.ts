// How much offline stored value a policy serves, and how much money it holds back (issue 6,
// decision 015). A generated chain — members with home stores, balances, visit habits — runs for
// some weeks while each store's tablet drops offline now and then; every stored-value sale made
// while offline is served only if the tablet's allowance for that member covers it. Uses the
// domain functions the member's object and the tablet use (shared/domain/allowance).
// Usage: npx tsx bench/offline-allowance.ts [--members 5000] [--days 28] [--seed 7]
import { parseArgs } from 'node:util';
import { createRng } from '../scripts/seed/rng';
import { checkOfflineSpend, type HeldAllowance } from '../shared/domain/allowance/device-check';
import { allowanceTarget, grant, release, reservedFen, settleOffline, spendableFen, type AllowancePolicy, type Escrow } from '../shared/domain/allowance/leases';
import { DEFAULT_OFFLINE_ALLOWANCE } from '../shared/schemas/rules';

const { values } = parseArgs({ options: { members: { type: 'string', default: '5000' }, days: { type: 'string', default: '28' }, seed: { type: 'string', default: '7' } } });
const MEMBERS = Number(values.members);
const DAYS = Number(values.days);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const STORES = 3;

/** The seed's PRNG with the two distributions visit habits need. */
function rng(seed: number) {
  const { next } = createRng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  return { next, exp: (mean: number) => -Math.log(1 - next()) * mean, logNormal: (median: number, sigma: number) => median * Math.exp(sigma * normal()) };
}

type Visit = { at: number; member: number; store: number; fen: number };
type World = { home: number[]; balance: number[]; visits: Visit[]; outages: { store: number; from: number; to: number }[] };

/** Members' habits: a visit every ~2 weeks (some weekly, some monthly), 85 % at their home store. */
function generate(seed: number): World {
  const r = rng(seed);
  const home = Array.from({ length: MEMBERS }, () => Math.floor(r.next() * STORES));
  const balance = Array.from({ length: MEMBERS }, () => Math.round(r.logNormal(60_000, 0.9) / 100) * 100);
  const visits: Visit[] = [];
  for (let m = 0; m < MEMBERS; m++) {
    const every = r.logNormal(14, 0.6) * DAY;
    for (let at = r.exp(every); at < DAYS * DAY; at += r.exp(every)) {
      const store = r.next() < 0.85 ? home[m]! : Math.floor(r.next() * STORES);
      // Opening hours 10:00–22:00.
      const t = Math.floor(at / DAY) * DAY + 10 * HOUR + r.next() * 12 * HOUR;
      visits.push({ at: t, member: m, store, fen: Math.round(r.logNormal(15_000, 0.7) / 100) * 100 });
    }
  }
  visits.sort((a, b) => a.at - b.at);
  // About one outage a week per store, from minutes to most of a day (heavy tail).
  const outages: World['outages'] = [];
  for (let s = 0; s < STORES; s++) {
    for (let at = r.exp(7 * DAY); at < DAYS * DAY; at += r.exp(7 * DAY)) outages.push({ store: s, from: at, to: at + Math.min(20 * HOUR, r.logNormal(1.5 * HOUR, 1.2)) });
  }
  return { home, balance, visits, outages };
}

type Result = { tries: number; served: number; servedFen: number; wantedFen: number; reservedAvgFen: number; balanceAvgFen: number };

/** The chain's policy as the server applies it: per member, and per tablet (how many members, how much in all). */
type Policy = AllowancePolicy & { maxMembers: number; perDeviceCapFen: number };

function run(world: World, policy: Policy): Result {
  const escrow: Escrow[] = world.balance.map((b) => ({ principalFen: b, bonusFen: 0, leases: [] }));
  // Each store's tablet holds allowances for its home members and those served there lately.
  const held: Map<number, HeldAllowance>[] = Array.from({ length: STORES }, () => new Map());
  const queue: { member: number; leaseId: string; fen: number }[][] = Array.from({ length: STORES }, () => []);
  // When each member was last served at each store (home members count from the start), so a
  // tablet's renewal picks its most recent `maxMembers` first, as worker/services/allowances.ts does.
  const seen: Map<number, number>[] = Array.from({ length: STORES }, () => new Map());
  world.home.forEach((s, m) => seen[s]!.set(m, 0));
  const offline = (store: number, at: number) => world.outages.some((o) => o.store === store && o.from <= at && at < o.to);
  const res: Result = { tries: 0, served: 0, servedFen: 0, wantedFen: 0, reservedAvgFen: 0, balanceAvgFen: 0 };
  let samples = 0;
  let leaseSeq = 0;

  /** An online tablet syncs: its offline sales settle, then its allowances are renewed. */
  function sync(store: number, at: number) {
    for (const q of queue[store]!) settleOffline(escrow[q.member]!, q, 'principal_first');
    queue[store] = [];
    const wanted = [...seen[store]!].filter(([m]) => spendableFen(escrow[m]!) + reservedFen(escrow[m]!) > 0).sort((a, b) => b[1] - a[1]).slice(0, policy.maxMembers).map(([m]) => m);
    const keep = new Set(wanted);
    for (const [m, h] of [...held[store]!]) {
      if (keep.has(m)) continue;
      release(escrow[m]!, h.leaseId);
      held[store]!.delete(m);
    }
    let budget = policy.perDeviceCapFen;
    for (const m of wanted) {
      const e = escrow[m]!;
      const h = held[store]!.get(m);
      const lease = h ? e.leases.find((l) => l.id === h.leaseId) : undefined;
      const heldFen = lease ? lease.principalFen + lease.bonusFen : 0;
      const target = allowanceTarget({ ...policy, perMemberCapFen: Math.min(policy.perMemberCapFen, budget) }, spendableFen(e) + heldFen);
      budget -= target;
      if (!h && target === 0) continue;
      const leaseId = h?.leaseId ?? `${store}:${m}:${++leaseSeq}`;
      grant(e, { leaseId, deviceId: `tablet-${store}`, targetFen: target, expiresAt: at + policy.leaseMs }, 'principal_first');
      const l = e.leases.find((x) => x.id === leaseId)!;
      held[store]!.set(m, { leaseId, memberId: String(m), grantedFen: l.principalFen + l.bonusFen, spentFen: 0, expiresAt: at + policy.leaseMs });
    }
  }

  let nextSync = 0;
  for (const v of world.visits) {
    // Tablets that are online sync every 15 minutes.
    while (nextSync <= v.at) {
      for (let s = 0; s < STORES; s++) if (!offline(s, nextSync)) sync(s, nextSync);
      let reserved = 0;
      let balance = 0;
      for (const e of escrow) {
        reserved += reservedFen(e);
        balance += spendableFen(e) + reservedFen(e);
      }
      res.reservedAvgFen += reserved;
      res.balanceAvgFen += balance;
      samples += 1;
      nextSync += 15 * 60_000;
    }
    const e = escrow[v.member]!;
    seen[v.store]!.set(v.member, v.at);
    if (!offline(v.store, v.at)) {
      // Online: the spendable balance, with the leases of online tablets given back if short.
      if (v.fen > spendableFen(e)) for (let s = 0; s < STORES; s++) if (!offline(s, v.at) && held[s]!.has(v.member)) release(e, held[s]!.get(v.member)!.leaseId), held[s]!.delete(v.member);
      if (v.fen <= spendableFen(e)) e.principalFen -= v.fen;
      continue;
    }
    // Offline: only members who could pay it online count as a stored-value attempt.
    if (v.fen > spendableFen(e) + reservedFen(e)) continue;
    res.tries += 1;
    res.wantedFen += v.fen;
    const h = held[v.store]!.get(v.member);
    if (checkOfflineSpend(h, v.fen, v.at).ok) {
      h!.spentFen += v.fen;
      queue[v.store]!.push({ member: v.member, leaseId: h!.leaseId, fen: v.fen });
      res.served += 1;
      res.servedFen += v.fen;
    }
  }
  res.reservedAvgFen /= samples;
  res.balanceAvgFen /= samples;
  return res;
}

const world = generate(Number(values.seed));
const offlineHours = world.outages.reduce((n, o) => n + (o.to - o.from), 0) / HOUR;
console.log(`${MEMBERS} members, ${STORES} stores, ${DAYS} days: ${world.visits.length} visits, ${world.outages.length} outages (${offlineHours.toFixed(0)} store-hours offline)`);
console.log('policy (member cap / share, members / total per tablet)  offline SV tries  served  by value  reserved (avg)  of all stored value');
const d = DEFAULT_OFFLINE_ALLOWANCE;
const policies: [string, Policy][] = [
  ['default', { perMemberCapFen: d.perMemberCapFen, shareBp: d.shareBp, leaseMs: d.leaseHours * HOUR, maxMembers: d.maxMembers, perDeviceCapFen: d.perDeviceCapFen }],
];
for (const [maxMembers, perDeviceCapFen] of [[300, 2_000_000], [1_000, 20_000_000], [2_000, 40_000_000], [5_000, 100_000_000]] as const) {
  for (const [cap, shareBp] of [[10_000, 3_000], [20_000, 3_000], [50_000, 5_000], [50_000, 10_000]] as const) {
    policies.push(['', { perMemberCapFen: cap, shareBp, leaseMs: 24 * HOUR, maxMembers, perDeviceCapFen }]);
  }
}
for (const [label, p] of policies) {
  const r = run(world, p);
  const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)} %`;
  const name = `¥${p.perMemberCapFen / 100} / ${p.shareBp / 100} %, ${p.maxMembers} / ¥${p.perDeviceCapFen / 100}${label ? ` (${label})` : ''}`;
  console.log(name.padEnd(56) + String(r.tries).padStart(16) + pct(r.served, r.tries).padStart(8) + pct(r.servedFen, r.wantedFen).padStart(10) + `¥${(r.reservedAvgFen / 100).toFixed(0)}`.padStart(16) + pct(r.reservedAvgFen, r.balanceAvgFen).padStart(21));
}
