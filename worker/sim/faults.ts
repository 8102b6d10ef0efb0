import { runInDurableObject } from 'cloudflare:test';
import { ClientGroup } from '../durable/client-group';
import { MemberAccount } from '../durable/member-account';
import { Projector } from '../durable/projector';
import { serverMutators } from '../sync/server-mutators';
import { count, type Tally } from './network';

/** Faults inside the worker: each is armed for one step and fires at most once. */
export type ObjectFault =
  | 'member:crash-before-commit' // the object restarts as the operation arrives: nothing recorded
  | 'member:commit-lost' // it restarts right after its commit, before the commit was durable
  | 'member:crash-after-commit' // durable commit, then restart before the projection
  | 'member:crash-after-reply' // all done, then restart before the answer leaves
  | 'projector:crash-after-write' // D1 has the batch; the projector restarts before answering
  | 'push:answer-lost'; // a mutator's effect went through, the push lost its answer (009)

type Ctx = { ctx: DurableObjectState };
const ctxOf = (o: unknown) => (o as Ctx).ctx;
const crash = (o: unknown, why: string): never => {
  ctxOf(o).abort(why);
  throw new Error(why);
};

/**
 * The switchboard the patched classes consult. Nothing here is in the product: the simulation
 * wraps the Durable Object classes' methods from the test side (they run in the test's isolate),
 * and refuses to do so unless the test configuration's SIM_FAULTS binding is set.
 */
export class Faults {
  private armed = new Set<ObjectFault>();
  /** Steps left of a D1 outage as the projector meets it; 0: D1 answers. */
  d1Down = 0;
  /** Where fired faults are counted: the current run's tally. */
  tally: Tally = {};

  arm(f: ObjectFault): void {
    this.armed.add(f);
  }

  /** Whatever did not fire during its step is withdrawn, so a fault never leaks into the next. */
  disarm(): void {
    this.armed.clear();
  }

  take(f: ObjectFault): boolean {
    if (!this.armed.delete(f)) return false;
    count(this.tally, f);
    return true;
  }

  projectorDown(): boolean {
    if (this.d1Down <= 0) return false;
    count(this.tally, 'd1:refused-batch');
    return true;
  }
}

const MONEY_MUTATORS = ['checkout', 'recharge', 'sellPunchCard', 'redeemPunch', 'refundOrder'] as const;

/** Patches the classes for one file's runs; returns the undo. */
export function installFaults(env: { SIM_FAULTS?: string }, f: Faults): () => void {
  if (env.SIM_FAULTS !== '1') throw new Error('fault hooks need the SIM_FAULTS binding, which only the sim project of vitest.config.ts sets');
  const apply = MemberAccount.prototype.apply;
  const project = MemberAccount.prototype.project;
  const write = Projector.prototype.project;
  const effects = Object.fromEntries(MONEY_MUTATORS.map((n) => [n, serverMutators[n]]));
  MemberAccount.prototype.apply = async function (this: MemberAccount, ...a: Parameters<typeof apply>) {
    if (f.take('member:crash-before-commit')) crash(this, 'sim: member object restarted before its commit');
    const out = await apply.apply(this, a);
    if (f.take('member:crash-after-reply')) {
      await ctxOf(this).storage.sync();
      crash(this, 'sim: member object restarted before its answer left');
    }
    return out;
  };
  // apply() calls project() right after its commit: the seam between commit and projection.
  MemberAccount.prototype.project = async function (this: MemberAccount) {
    if (f.take('member:commit-lost')) crash(this, 'sim: member object restarted before its commit was durable');
    if (f.take('member:crash-after-commit')) {
      await ctxOf(this).storage.sync();
      crash(this, 'sim: member object restarted between commit and projection');
    }
    return project.apply(this);
  };
  Projector.prototype.project = async function (this: Projector, ...a: Parameters<typeof write>) {
    if (f.projectorDown()) throw new Error('D1_ERROR: simulated outage');
    const out = await write.apply(this, a);
    if (f.take('projector:crash-after-write')) crash(this, 'sim: projector restarted after its D1 batch');
    return out;
  };
  for (const n of MONEY_MUTATORS) {
    const original = effects[n] as (c: unknown, a: unknown) => Promise<unknown>;
    (serverMutators as Record<string, unknown>)[n] = async (c: unknown, a: unknown) => {
      const out = await original(c, a);
      if (f.take('push:answer-lost')) throw new Error('sim: the effect went through, its answer was lost');
      return out;
    };
  }
  return () => {
    MemberAccount.prototype.apply = apply;
    MemberAccount.prototype.project = project;
    Projector.prototype.project = write;
    Object.assign(serverMutators, effects);
  };
}

/** Restarts an object between requests (in-memory state gone, storage kept), as an eviction or a deploy would. */
export async function restart(stub: DurableObjectStub<MemberAccount> | DurableObjectStub<Projector> | DurableObjectStub<ClientGroup>): Promise<void> {
  await runInDurableObject(stub as DurableObjectStub<MemberAccount>, (_o, state) => state.abort('sim: restart')).catch(() => undefined);
}
