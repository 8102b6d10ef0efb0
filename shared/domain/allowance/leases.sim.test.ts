import { describe, expect, it } from 'vitest';
import { createRng } from '../../../scripts/seed/rng';
import type { ConsumptionOrder } from '../account/split';
import { checkOfflineSpend, type HeldAllowance } from './device-check';
import { allowanceTarget, DEFAULT_ALLOWANCE_POLICY, grant, release, reservedFen, retire, settleOffline, spendableFen, type Escrow } from './leases';

/**
 * Randomized simulation (issue 6): devices go offline and online at random, spend offline under
 * their allowances and online at the counter, leases expire, get renewed, released for another
 * branch, and devices get retired. After every step: no purse below zero; no spend made under an
 * allowance touches the member's balance or is refused at sync; every fen is accounted for.
 * Replay one run with SIM_SEED=<seed>.
 */
type Member = { e: Escrow; putIn: number; spentOnline: number; spentOffline: number; writtenOff: number };
type Device = { id: string; online: boolean; retired: boolean; held: Map<number, HeldAllowance>; queue: { member: number; leaseId: string; fen: number }[] };
export type SimStats = { offlineTries: number; offlineServed: number; syncedSpends: number; writtenOffFen: number };

const HOUR = 3_600_000;

export function simulate(seed: number, steps = 300): SimStats {
  const r = createRng(seed);
  const order = r.pick<ConsumptionOrder>(['principal_first', 'bonus_first', 'proportional']);
  const policy = { ...DEFAULT_ALLOWANCE_POLICY, perMemberCapFen: r.pick([5_000, 20_000, 50_000]), leaseMs: r.pick([2, 24]) * HOUR };
  const members: Member[] = Array.from({ length: r.int(1, 4) }, () => ({ e: { principalFen: 0, bonusFen: 0, leases: [] }, putIn: 0, spentOnline: 0, spentOffline: 0, writtenOff: 0 }));
  const devices: Device[] = Array.from({ length: r.int(1, 4) }, (_, i) => ({ id: `dev-${i}`, online: true, retired: false, held: new Map(), queue: [] }));
  const stats: SimStats = { offlineTries: 0, offlineServed: 0, syncedSpends: 0, writtenOffFen: 0 };
  let now = 1_800_000_000_000;
  let leaseSeq = 0;

  const check = (where: string) => {
    members.forEach((m, i) => {
      const e = m.e;
      const fail = (what: string) => { throw new Error(`seed ${seed}, ${where}, member ${i}: ${what} — ${JSON.stringify(e)}`); };
      if (e.principalFen < 0 || e.bonusFen < 0) fail('a purse is negative');
      for (const l of e.leases) if (l.principalFen < 0 || l.bonusFen < 0) fail(`lease ${l.id} is negative`);
      if (spendableFen(e) + reservedFen(e) + m.spentOnline + m.spentOffline !== m.putIn) fail('fen unaccounted for');
    });
    // What a device may still spend offline is always held for it on the member's side.
    for (const d of devices) {
      for (const [mi, h] of d.held) {
        const lease = members[mi]!.e.leases.find((l) => l.id === h.leaseId)!;
        const queued = d.queue.filter((q) => q.leaseId === h.leaseId).reduce((n, q) => n + q.fen, 0);
        if (lease.state === 'open' && lease.principalFen + lease.bonusFen < h.grantedFen - h.spentFen + queued) {
          throw new Error(`seed ${seed}, ${where}: device ${d.id} may spend more than lease ${h.leaseId} holds`);
        }
      }
    }
  };

  /** The device is online: its offline spends settle, then its leases are renewed or given back. */
  function sync(d: Device) {
    for (const q of d.queue) {
      const m = members[q.member]!;
      const out = settleOffline(m.e, q, order);
      const fromLease = out.fromLease.principalFen + out.fromLease.bonusFen;
      const fromBalance = out.fromBalance.principalFen + out.fromBalance.bonusFen;
      if (!d.retired && (out.writtenOffFen > 0 || fromBalance > 0)) throw new Error(`seed ${seed}: an honest device's spend of ${q.fen} was not covered by its lease`);
      m.spentOffline += fromLease + fromBalance;
      m.writtenOff += out.writtenOffFen;
      stats.writtenOffFen += out.writtenOffFen;
      stats.syncedSpends += 1;
    }
    d.queue = [];
    if (d.retired) return d.held.clear();
    for (const [mi, h] of [...d.held]) {
      const m = members[mi]!;
      if (now >= h.expiresAt) {
        release(m.e, h.leaseId);
        d.held.delete(mi);
      }
    }
    // Renew or take allowances for the members this store serves (here: all of them, by chance).
    members.forEach((m, mi) => {
      if (r.next() < 0.3) return;
      const h = d.held.get(mi);
      const lease = h ? m.e.leases.find((l) => l.id === h.leaseId)! : null;
      const heldFen = lease ? lease.principalFen + lease.bonusFen : 0;
      const target = allowanceTarget(policy, spendableFen(m.e) + heldFen);
      if (!h && target === 0) return;
      const leaseId = h?.leaseId ?? `L${++leaseSeq}`;
      const expiresAt = now + policy.leaseMs;
      grant(m.e, { leaseId, deviceId: d.id, targetFen: target, expiresAt }, order);
      const now2 = m.e.leases.find((l) => l.id === leaseId)!;
      d.held.set(mi, { leaseId, memberId: String(mi), grantedFen: now2.principalFen + now2.bonusFen, spentFen: 0, expiresAt });
    });
  }

  for (let step = 0; step < steps; step++) {
    const d = r.pick(devices);
    const mi = r.int(0, members.length - 1);
    const m = members[mi]!;
    const roll = r.next();
    if (roll < 0.1) {
      const amount = r.int(1, 50) * 1_000;
      const bonus = r.next() < 0.5 ? Math.floor(amount / 10) : 0;
      m.e.principalFen += amount;
      m.e.bonusFen += bonus;
      m.putIn += amount + bonus;
    } else if (roll < 0.25) {
      if (!d.retired) {
        d.online = !d.online;
        if (d.online) sync(d);
      }
    } else if (roll < 0.55) {
      // A stored-value sale at device d.
      const fen = r.int(1, 120) * 100;
      if (d.retired) continue;
      if (!d.online) {
        stats.offlineTries += 1;
        const h = d.held.get(mi);
        if (checkOfflineSpend(h, fen, now).ok) {
          h!.spentFen += fen;
          d.queue.push({ member: mi, leaseId: h!.leaseId, fen });
          stats.offlineServed += 1;
        }
      } else {
        // Online: the spendable balance; short, the leases of online devices are released first
        // (an online device has synced its spends, so it acknowledges at once).
        if (fen > spendableFen(m.e)) {
          for (const other of devices) {
            const h = other.held.get(mi);
            if (!other.online || !h) continue;
            release(m.e, h.leaseId);
            other.held.delete(mi);
          }
        }
        if (fen <= spendableFen(m.e)) {
          const take = fen;
          const p = Math.min(m.e.principalFen, order === 'bonus_first' ? Math.max(0, take - m.e.bonusFen) : take);
          m.e.principalFen -= p;
          m.e.bonusFen -= take - p;
          m.spentOnline += take;
        }
      }
    } else if (roll < 0.8) {
      now += r.int(1, 6) * HOUR;
    } else if (roll < 0.82 && !d.online && !d.retired) {
      // HQ retires a device that has been gone too long: its reserved money comes back now.
      d.retired = true;
      for (const mem of members) retire(mem.e, d.id);
    } else if (d.online && !d.retired) {
      sync(d);
    }
    check(`step ${step}`);
  }
  for (const d of devices) {
    if (!d.online) {
      d.online = true;
      sync(d);
      check('final sync');
    }
  }
  return stats;
}

describe('offline allowances, simulated', () => {
  const only = process.env.SIM_SEED ? [Number(process.env.SIM_SEED)] : null;
  it(`${only ? `seed ${only[0]}` : '3,000 seeded runs'}: never negative, never refused at sync, every fen accounted for`, () => {
    const seeds = only ?? Array.from({ length: 3_000 }, (_, i) => i + 1);
    let served = 0;
    let tries = 0;
    let writtenOff = 0;
    for (const seed of seeds) {
      const s = simulate(seed);
      served += s.offlineServed;
      tries += s.offlineTries;
      writtenOff += s.writtenOffFen;
    }
    // The runs exercise what they claim to: offline sales happen, and some are refused locally.
    expect(tries).toBeGreaterThan(1_000);
    expect(served).toBeGreaterThan(0);
    expect(served).toBeLessThan(tries);
    expect(writtenOff).toBeGreaterThanOrEqual(0);
  });
});
