import { env, runDurableObjectAlarm } from 'cloudflare:test';
import { accountStub } from '../services/accounts';
import type { Faults } from './faults';
import type { Network } from './network';
import type { Tablet } from './tablet';

/**
 * The end of a run: every fault heals (D1 answers, the network is clean, every device is online),
 * what the network held arrives late, every device drains its queue and pulls until quiet, and
 * every member object's alarm runs, as time passing would run it, until nothing waits for D1.
 * Returns what did not settle.
 */
export async function heal(net: Network, faults: Faults, devices: Tablet[], members: Iterable<string>, mutations: () => number): Promise<string[]> {
  const out: string[] = [];
  faults.disarm();
  faults.d1Down = 0;
  net.calm();
  for (const t of devices) t.online = true;
  await net.tick(true);
  for (let round = 0; ; round++) {
    const made = mutations();
    // Queues out first, then what D1 still lacks, then one pull each: it brings the projections
    // and the asks to give leases back, which the tablet answers behind its queue.
    for (const t of devices) if (t.rep.pending.length && (await t.rep.push()) !== 'ok') out.push(`${t.spec.name}: a push failed on a healed network`);
    await catchUp(members, out, round === 5);
    for (const t of devices) {
      if (!(await t.rep.pullAll())) out.push(`${t.spec.name}: a pull failed on a healed network`);
      await t.answerAsks();
    }
    // Quiet: nothing queued, and nobody gave a lease back this round (the others must see that too).
    if (devices.every((t) => t.rep.pending.length === 0) && mutations() === made) break;
    if (round === 5) {
      for (const t of devices) if (t.rep.pending.length) out.push(`${t.spec.name}: ${t.rep.pending.length} mutations still pending after healing (first ${t.rep.pending[0]!.name} ${t.rep.pending[0]!.clientID}/${t.rep.pending[0]!.id})`);
      break;
    }
  }
  return out;
}

/** Runs the alarm of every member object that still holds documents D1 lacks. */
async function catchUp(members: Iterable<string>, out: string[], last: boolean): Promise<void> {
  for (const id of members) {
    const stub = accountStub(env, id);
    for (let i = 0; ; i++) {
      const n = await stub.pendingProjection();
      if (n === 0) break;
      const ran = await runDurableObjectAlarm(stub);
      if (i === 3 || (!ran && (await stub.pendingProjection()) > 0)) {
        if (last || !ran) out.push(`member ${id}: ${n} documents never reached D1 (alarm ${ran ? 'ran' : 'not set'})`);
        break;
      }
    }
  }
}
