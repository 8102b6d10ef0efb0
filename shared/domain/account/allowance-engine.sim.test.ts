import { describe, expect, it } from 'vitest';
import { createRng } from '../../../scripts/seed/rng';
import type { AccountOp } from '../../schemas/account';
import { checkAllowance, type AllowanceView } from '../allowance/device-check';
import { applyOp } from './engine';
import { verifyChain } from './ledger-hash';
import type { ConsumptionOrder } from './split';
import { balancesOf, emptyAccount, type AccountState, type OpRecord } from './state';

/**
 * The member's object itself (applyOp, the code the Durable Object runs) under random devices
 * going offline and online (issue 6, decision 015): sales offline under allowances and online at
 * any counter, recharges, renewals, leases expiring, another branch asking for reserved money
 * and online tablets giving it back, HQ retiring tablets. After every step: no purse below zero,
 * the ledger sums to the balances, every fen put in is either owned or spent; no sale made under
 * an allowance is refused or charged past its lease; a tablet never believes it holds more than
 * its lease does. At the end of a run the whole hash chain verifies. Replay: SIM_SEED=<seed>.
 */
type Account = { s: AccountState; records: Map<string, OpRecord>; entries: OpRecord['entries']; putIn: number; spent: number; writtenOff: number };
type Held = AllowanceView;
type Device = { id: string; online: boolean; retired: boolean; held: Map<number, Held>; queue: { member: number; op: AccountOp }[] };
export type EngineSimStats = { offlineTries: number; offlineServed: number; releasedOnAsk: number; refusedOnline: number };

const HOUR = 3_600_000;
const holdOf = (s: AccountState, leaseId: string) => s.leases.find((l) => l.id === leaseId);

export function simulateEngine(seed: number, steps = 250): EngineSimStats {
  const r = createRng(seed);
  const order = r.pick<ConsumptionOrder>(['principal_first', 'bonus_first', 'proportional']);
  const policy = { perMemberCapFen: r.pick([5_000, 20_000, 50_000]), shareBp: r.pick([3_000, 5_000, 10_000]) };
  const leaseMs = r.pick([2, 24]) * HOUR;
  const accounts: Account[] = Array.from({ length: r.int(1, 3) }, () => ({ s: emptyAccount('880000000001'), records: new Map(), entries: [], putIn: 0, spent: 0, writtenOff: 0 }));
  const devices: Device[] = Array.from({ length: r.int(1, 4) }, (_, i) => ({ id: `dev-${i}`, online: true, retired: false, held: new Map(), queue: [] }));
  const stats: EngineSimStats = { offlineTries: 0, offlineServed: 0, releasedOnAsk: 0, refusedOnline: 0 };
  let now = 1_800_000_000_000;
  let n = 0;
  const fail = (what: string): never => {
    throw new Error(`seed ${seed}: ${what}`);
  };

  function run(mi: number, op: AccountOp): OpRecord {
    const a = accounts[mi]!;
    const out = applyOp(a.s, op, { consumptionOrder: order }, (id) => a.records.get(id));
    if (out.replayed) return out.record;
    a.records.set(op.opId, out.record);
    a.s = out.state;
    a.entries.push(...out.record.entries);
    if (op.kind === 'recharge' && out.record.status === 'applied') a.putIn += op.amountFen + op.bonusFen;
    if (op.kind === 'settle' && out.record.status === 'applied') {
      a.spent += Number(out.record.detail.principalTaken) + Number(out.record.detail.bonusTaken);
      a.writtenOff += Number(out.record.detail.writtenOffFen ?? 0);
    }
    return out.record;
  }
  const ctx = (storeId: string) => ({ opId: `op-${++n}`, storeId, staffId: 'staff-1', at: now });
  const sale = (storeId: string, fen: number, deviceId: string | null, leaseId: string | null): AccountOp => ({
    ...ctx(storeId), kind: 'settle', storedValueFen: fen, pointsUsed: 0, punchUses: [], couponIds: [], pointsEarned: 0, pointsAvailableAt: now, pointsExpiresAt: now * 2, orderTotalFen: fen, deviceId, leaseId,
  });

  /** What the device holds, as its next pull would show it (it is online). */
  function refresh(d: Device, mi: number) {
    const l = accounts[mi]!.s.leases.find((x) => x.deviceId === d.id && x.state === 'open');
    if (l) d.held.set(mi, { leaseId: l.id, heldFen: l.principalFen + l.bonusFen, expiresAt: l.expiresAt, askedBack: !!l.releaseRequestedAt });
    else d.held.delete(mi);
  }

  /** The device is online: its queue goes out in order, then it acknowledges asks and renews. */
  function sync(d: Device) {
    for (const q of d.queue) {
      const rec = run(q.member, q.op);
      const fen = (q.op as Extract<AccountOp, { kind: 'settle' }>).storedValueFen;
      if (rec.status !== 'applied') fail(`${d.id}'s offline sale of ${fen} was refused at sync: ${rec.code} ${rec.message}`);
      if (!d.retired && (rec.detail.fromLeaseFen !== fen || rec.detail.writtenOffFen !== 0)) fail(`${d.id}'s offline sale of ${fen} was not covered by its lease: ${JSON.stringify(rec.detail)}`);
    }
    d.queue = [];
    if (d.retired) return d.held.clear();
    accounts.forEach((_, mi) => {
      refresh(d, mi);
      const h = d.held.get(mi);
      if (h?.askedBack) {
        run(mi, { ...ctx('store-1'), kind: 'lease_release', deviceId: d.id, leaseId: h.leaseId, reason: 'reclaimed' });
        stats.releasedOnAsk++;
      } else if (r.next() < 0.7) run(mi, { ...ctx('store-1'), kind: 'lease_grant', deviceId: d.id, newLeaseId: `lease-${++n}`, policy, expiresAt: now + leaseMs });
      else if (h && now >= h.expiresAt) run(mi, { ...ctx('store-1'), kind: 'lease_release', deviceId: d.id, leaseId: h.leaseId, reason: 'expired' });
      refresh(d, mi);
    });
  }

  function check(where: string) {
    accounts.forEach((a, mi) => {
      const s = a.s;
      const at = `${where}, member ${mi}`;
      if (s.principalFen < 0 || s.bonusFen < 0) fail(`${at}: a purse is negative`);
      for (const l of s.leases) if (l.principalFen < 0 || l.bonusFen < 0) fail(`${at}: lease ${l.id} is negative`);
      const b = balancesOf(s, now);
      if (b.principalFen + b.bonusFen + a.spent !== a.putIn) fail(`${at}: fen unaccounted for (owned ${b.principalFen + b.bonusFen}, spent ${a.spent}, put in ${a.putIn})`);
      const last = a.entries[a.entries.length - 1];
      if (last && (last.principalAfter !== b.principalFen || last.bonusAfter !== b.bonusFen || (last.reservedAfter ?? 0) !== b.reservedFen)) fail(`${at}: the ledger's last entry does not match the balances`);
    });
    // A tablet never believes it may spend more offline than its lease holds for it.
    for (const d of devices) {
      for (const [mi, h] of d.held) {
        const l = holdOf(accounts[mi]!.s, h.leaseId);
        const queued = d.queue.filter((q) => q.member === mi && (q.op as { leaseId?: string }).leaseId === h.leaseId).reduce((k, q) => k + (q.op as { storedValueFen: number }).storedValueFen, 0);
        if (l?.state === 'open' && l.principalFen + l.bonusFen < h.heldFen + queued) fail(`${where}: ${d.id} may spend more than lease ${h.leaseId} holds`);
      }
    }
  }

  for (let step = 0; step < steps; step++) {
    const d = r.pick(devices);
    const mi = r.int(0, accounts.length - 1);
    const roll = r.next();
    if (roll < 0.1) {
      const amount = r.int(1, 50) * 1_000;
      run(mi, { ...ctx('store-1'), kind: 'recharge', amountFen: amount, bonusFen: r.next() < 0.5 ? Math.floor(amount / 10) : 0 });
    } else if (roll < 0.25) {
      if (!d.retired) {
        d.online = !d.online;
        if (d.online) sync(d);
      }
    } else if (roll < 0.6 && !d.retired) {
      const fen = r.int(1, 120) * 100;
      if (!d.online) {
        stats.offlineTries++;
        const h = d.held.get(mi);
        const c = checkAllowance(h, fen, now);
        if (c.ok) {
          h!.heldFen -= fen;
          d.queue.push({ member: mi, op: sale(d.id, fen, d.id, h!.leaseId) });
          stats.offlineServed++;
        }
      } else {
        let rec = run(mi, sale(d.id, fen, d.id, null));
        const asked = rec.status === 'rejected' ? ((rec.detail.reservations as { leaseId: string; deviceId: string }[] | undefined) ?? []) : [];
        if (asked.length) {
          // Another branch needs the money: the tablets holding it are asked; the online ones give it back.
          run(mi, { ...ctx(d.id), kind: 'lease_request_release', leaseIds: asked.map((x) => x.leaseId) });
          for (const other of devices) if (other.online && !other.retired && asked.some((x) => x.deviceId === other.id)) sync(other);
          rec = run(mi, sale(d.id, fen, d.id, null));
        }
        if (rec.status === 'rejected') stats.refusedOnline++;
        refresh(d, mi);
      }
    } else if (roll < 0.85) {
      now += r.int(1, 6) * HOUR;
    } else if (roll < 0.87 && !d.online && !d.retired) {
      d.retired = true;
      accounts.forEach((_, k) => run(k, { ...ctx('hq'), kind: 'device_retire', deviceId: d.id }));
    } else if (d.online && !d.retired) sync(d);
    check(`step ${step}`);
  }
  for (const d of devices) {
    d.online = true;
    sync(d);
  }
  check('final sync');
  accounts.forEach((a, mi) => {
    const v = verifyChain(a.entries);
    const b = balancesOf(a.s, now);
    if (!v.ok || v.principalFen !== b.principalFen || v.bonusFen !== b.bonusFen || v.reservedFen !== b.reservedFen) fail(`member ${mi}: the hash chain does not verify: ${JSON.stringify(v)}`);
  });
  return stats;
}

describe('offline allowances through the member account engine, simulated', () => {
  const only = process.env.SIM_SEED ? [Number(process.env.SIM_SEED)] : null;
  it(`${only ? `seed ${only[0]}` : '2,000 seeded runs'}: never negative, never refused at sync, every fen accounted for`, () => {
    const seeds = only ?? Array.from({ length: 2_000 }, (_, i) => i + 1);
    const total: EngineSimStats = { offlineTries: 0, offlineServed: 0, releasedOnAsk: 0, refusedOnline: 0 };
    for (const seed of seeds) {
      const s = simulateEngine(seed);
      for (const k of Object.keys(total) as (keyof EngineSimStats)[]) total[k] += s[k];
    }
    // The runs exercise what they claim to.
    if (!only) {
      expect(total.offlineTries).toBeGreaterThan(1_000);
      expect(total.offlineServed).toBeGreaterThan(0);
      expect(total.offlineServed).toBeLessThan(total.offlineTries);
      expect(total.releasedOnAsk).toBeGreaterThan(0);
    }
    // CPU-bound (~3 s alone on 2 cores): the default 5 s is too tight when other work shares the machine.
  }, 60_000);
});
