import { env } from 'cloudflare:test';
import { createRng } from '../../scripts/seed/rng';
import { accountStub } from '../services/accounts';
import { act, type Cast } from './actions';
import { Book } from './book';
import { countCoverage, vanishedSales } from './coverage';
import { checkConverged } from './converged';
import { checkMutations, readObject } from './final-checks';
import { restart, type Faults, type ObjectFault } from './faults';
import { heal } from './heal';
import { count, Network, type Tally } from './network';
import { idsFor } from './sim-ids';
import { buildWorld, memberSession } from './sim-world';
import { checkStep } from './step-checks';
import { Tablet } from './tablet';

export type RunResult = { seed: number; steps: number; tally: Tally; violations: string[]; trace: string[] };

const OBJECT_FAULTS: ObjectFault[] = ['member:crash-before-commit', 'member:commit-lost', 'member:crash-after-commit', 'member:crash-after-reply', 'projector:crash-after-write', 'push:answer-lost'];

/**
 * One seeded run: a fresh corner of the chain, its tablets and a member's phone set up on a clean
 * network, then `steps` actions with faults drawn by seed, the invariants checked after each;
 * then every fault heals and the end state is checked. All choices come from one PRNG.
 */
export async function runOne(seed: number, steps: number, faults: Faults, live?: (line: string) => void): Promise<RunResult> {
  const rng = createRng(seed);
  const ids = idsFor(seed, rng);
  const tally: Tally = {};
  faults.tally = tally;
  const book = new Book(ids);
  const trace: string[] = [];
  const violations: string[] = [];
  const complain = (w: string) => violations.push(`protocol: ${w}`);
  const world = await buildWorld(seed, rng, ids);
  const net = new Network(rng, 0, tally);
  const tablets = world.tablets.map((w) => new Tablet({ name: w.name, actor: w.staff.actor, token: w.staff.token, storeId: w.staff.actor.storeId, device: w.device, skewMs: w.skewMs, ip: world.ip }, `g-${ids.ulid()}`, `${w.name}-${ids.ulid()}`, net, book, complain, () => rng.chance(0.8)));
  const devices = new Map(tablets.map((t) => [t.spec.name, t]));
  const cast: Cast = { rng, book, tablets, phone: null, hq: { token: world.hq.token, device: null, ip: world.ip, online: () => true }, net };

  // Setup, fault-free: every tablet registers a member and funds it (queued, then one push each).
  for (const t of tablets) {
    t.online = false;
    const id = ids.ulid(), phone = ids.phone();
    book.members.add(id);
    book.phones.set(id, phone);
    await t.mutate('registerMember', { id, phone, name: '模拟会员', gender: 'female', birthday: null, homeStoreId: t.storeId, cardNo: null, createdAt: t.now() });
    await t.mutate('recharge', { memberId: id, opId: ids.ulid(), storeId: t.storeId, amountFen: rng.pick([30_000, 50_000, 100_000]), paidWith: 'cash', reference: '' });
    // A registered tablet renews its allowances once it has synced (the app's allowance keeper).
    if (t.spec.device && rng.chance(0.6)) await t.mutate('renewAllowances', { id: ids.ulid(), storeId: t.storeId, at: t.now() });
    t.online = true;
    await t.rep.push();
  }
  for (const t of tablets) await t.rep.pullAll();
  // Most runs have the first member's phone pulling its own view too.
  const phoneOf = [...book.members][0]!;
  const phone = !rng.chance(0.6) ? null : new Tablet({ name: 'phone', actor: { kind: 'member', id: phoneOf, name: '模拟会员' }, token: await memberSession(phoneOf, ids), storeId: null, device: null, skewMs: 0, ip: world.ip }, `g-${ids.ulid()}`, `phone-${ids.ulid()}`, net, book, complain);
  if (phone) {
    await phone.rep.pullAll();
    devices.set('phone', phone);
  }
  cast.phone = phone;
  const everyone = phone ? [...tablets, phone] : tablets;

  live?.('set up');
  const rate = rng.pick([0.05, 0.15, 0.3]);
  (net as unknown as { rate: number }).rate = rate;
  for (let step = 0; step < steps && violations.length === 0; step++) {
    if (rng.chance(0.25)) faults.arm(rng.pick(OBJECT_FAULTS));
    if (faults.d1Down === 0 && rng.chance(0.08)) {
      faults.d1Down = rng.int(1, 3);
      count(tally, 'd1:outage');
    }
    await restartSome(rng.next(), rng, book, tablets, tally);
    book.touched.clear();
    const what = await act(cast);
    await net.tick();
    faults.disarm();
    if (faults.d1Down > 0) faults.d1Down--;
    trace.push(`step ${step}: ${what}`);
    live?.(trace[trace.length - 1]!);
    const v = await checkStep(world.stores, book.members, book.touched, everyone);
    violations.push(...v.map((x) => `after step ${step}: ${x}`));
    const gone = vanishedSales(book, devices);
    if (gone.length) {
      count(tally, 'seen:sale-vanished-from-tablet');
      trace.push(`  (the tablet that made it no longer shows sale ${gone.join(', ')})`);
    }
  }
  live?.('healing');
  if (violations.length === 0) {
    violations.push(...(await heal(net, faults, everyone, book.members, () => book.sent.length)));
    live?.('healed');
    const objects = new Map(await Promise.all([...book.members].map(async (id) => [id, await readObject(id)] as const)));
    const m = await checkMutations(book, devices, objects);
    violations.push(...m.violations);
    live?.('mutations checked');
    violations.push(...(await checkConverged(world.ip, world.stores, world.managers, world.hq, book, tablets, phone && { tablet: phone, memberId: phoneOf }, m.accepted, m.done)));
    count(tally, 'sales:accepted', m.accepted.length);
    countCoverage(tally, book, objects, everyone);
    live?.('converged checked');
  }
  count(tally, 'mutations', book.sent.length);
  count(tally, 'refused-on-tablet', book.refusedOnTablet);
  return { seed, steps: trace.filter((l) => l.startsWith('step ')).length, tally, violations, trace };
}

/** Restarts between steps: a member's object, the projector, or a tablet's client group. */
async function restartSome(roll: number, rng: ReturnType<typeof createRng>, book: Book, tablets: Tablet[], tally: Tally): Promise<void> {
  if (roll < 0.1 && book.members.size) {
    count(tally, 'restart:member');
    await restart(accountStub(env, rng.pick([...book.members])));
  } else if (roll < 0.13) {
    count(tally, 'restart:projector');
    await restart(env.PROJECTOR.get(env.PROJECTOR.idFromName('DB')));
  } else if (roll < 0.17) {
    count(tally, 'restart:client-group');
    const t = rng.pick(tablets);
    await restart(env.CLIENT_GROUP.get(env.CLIENT_GROUP.idFromName(t.rep.groupID)));
  }
}
