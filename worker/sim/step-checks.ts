import { env, runInDurableObject } from 'cloudflare:test';
import { businessDay } from '../../shared/domain/business-day';
import { ownedPurses, type AccountState } from '../../shared/domain/account/state';
import type { Member } from '../../shared/schemas/member';
import type { SyncedAllowance } from '../../shared/schemas/device';
import { prefixes } from '../../shared/sync/keys';
import type { LedgerEntry } from '../../shared/schemas/account';
import { accountStub } from '../services/accounts';
import { rowsUnder } from './mem-tx';
import type { Tablet } from './tablet';

export const ACCEPTED = ['completed', 'refunded', 'partially_refunded'];
type Row = Record<string, number | string | null>;
const ids = (xs: Iterable<string>) => JSON.stringify([...xs]);

/** What D1 holds for the run: its members' balances, its stores' orders and daily rollup, its leases. */
export async function readD1(stores: string[], members: Iterable<string>) {
  const [m, rollup, orders, leases] = await env.DB.batch<Row>([
    env.DB.prepare('SELECT id, principal_fen, bonus_fen, reserved_fen, points, locked_points, ledger_seq FROM members WHERE id IN (SELECT value FROM json_each(?))').bind(ids(members)),
    env.DB.prepare('SELECT store_id, day, orders, sales_fen FROM store_daily_sales WHERE store_id IN (SELECT value FROM json_each(?))').bind(ids(stores)),
    env.DB.prepare('SELECT id, store_id, member_id, status, total_fen, refunded_fen, created_at FROM orders WHERE store_id IN (SELECT value FROM json_each(?))').bind(ids(stores)),
    env.DB.prepare('SELECT lease_id, member_id, device_id, held_fen, state FROM device_allowances WHERE member_id IN (SELECT value FROM json_each(?))').bind(ids(members)),
  ]);
  return { members: m!.results, rollup: rollup!.results, orders: orders!.results, leases: leases!.results };
}

/**
 * After every step: nothing negative anywhere (D1, the objects the step touched, every tablet's
 * view), the daily rollup HQ reads equal to the accepted orders it sums, no order refunded past
 * its total, and no operation twice in a member's ledger.
 */
export async function checkStep(stores: string[], members: Set<string>, touched: Iterable<string>, devices: Tablet[]): Promise<string[]> {
  const out: string[] = [];
  const d1 = await readD1(stores, members);
  for (const r of d1.members) {
    if ([r.principal_fen, r.bonus_fen, r.reserved_fen, r.points].some((v) => Number(v) < 0)) out.push(`D1 member ${r.id} has a negative balance: ${JSON.stringify(r)}`);
    if (Number(r.reserved_fen) > Number(r.principal_fen) + Number(r.bonus_fen)) out.push(`D1 member ${r.id} reserves more than it owns: ${JSON.stringify(r)}`);
  }
  const sums = new Map<string, { orders: number; fen: number }>();
  for (const o of d1.orders) {
    if (Number(o.refunded_fen) > Number(o.total_fen)) out.push(`order ${o.id} refunded ${o.refunded_fen} of ${o.total_fen}`);
    if (!ACCEPTED.includes(String(o.status))) continue;
    const k = `${o.store_id}|${businessDay(Number(o.created_at))}`;
    const s = sums.get(k) ?? { orders: 0, fen: 0 };
    sums.set(k, { orders: s.orders + 1, fen: s.fen + Number(o.total_fen) });
  }
  const rolled = new Map(d1.rollup.map((r) => [`${r.store_id}|${r.day}`, { orders: Number(r.orders), fen: Number(r.sales_fen) }]));
  for (const k of new Set([...sums.keys(), ...rolled.keys()])) {
    const a = sums.get(k) ?? { orders: 0, fen: 0 }, b = rolled.get(k) ?? { orders: 0, fen: 0 };
    if (a.orders !== b.orders || a.fen !== b.fen) out.push(`daily rollup ${k} says ${b.orders} orders / ${b.fen} fen, the orders say ${a.orders} / ${a.fen}`);
  }
  for (const l of d1.leases) if (Number(l.held_fen) < 0) out.push(`D1 lease ${l.lease_id} holds ${l.held_fen}`);
  for (const id of touched) out.push(...(await checkObject(id)));
  for (const t of devices) {
    for (const m of rowsUnder<Member>(t.rep.view, prefixes.member)) {
      if (m.principalFen < 0 || m.bonusFen < 0 || m.points < 0) out.push(`${t.spec.name} shows member ${m.id} negative: ${m.principalFen}/${m.bonusFen}/${m.points}`);
    }
    for (const a of rowsUnder<SyncedAllowance>(t.rep.view, prefixes.allowance)) if (a.heldFen < 0) out.push(`${t.spec.name} shows allowance ${a.leaseId} at ${a.heldFen}`);
  }
  return out;
}

/** One member's object as it is in memory and in its storage: purses, leases, ledger. */
export async function checkObject(memberId: string): Promise<string[]> {
  return runInDurableObject(accountStub(env, memberId), (o, state) => {
    const out: string[] = [];
    const s = (o as unknown as { state: AccountState | null }).state;
    if (!s) return out;
    if (s.principalFen < 0 || s.bonusFen < 0) out.push(`member ${memberId}'s object has a negative purse: ${s.principalFen}/${s.bonusFen}`);
    for (const l of s.leases) if (l.principalFen < 0 || l.bonusFen < 0) out.push(`member ${memberId}'s lease ${l.id} is negative`);
    for (const lot of s.lots) if (lot.remaining < 0) out.push(`member ${memberId}'s points lot ${lot.id} is negative`);
    const twice = state.storage.sql.exec<{ op_id: string; n: number }>('SELECT op_id, count(*) AS n FROM ledger GROUP BY op_id HAVING n > 1').toArray();
    for (const r of twice) out.push(`member ${memberId}'s ledger holds operation ${r.op_id} ${r.n} times`);
    const last = state.storage.sql.exec<{ doc: string }>('SELECT doc FROM ledger ORDER BY seq DESC LIMIT 1').toArray()[0];
    const owned = ownedPurses(s);
    if (last) {
      const e = JSON.parse(last.doc) as LedgerEntry;
      if (e.seq !== s.seq || e.principalAfter !== owned.principalFen || e.bonusAfter !== owned.bonusFen) out.push(`member ${memberId}'s last ledger entry (seq ${e.seq}: ${e.principalAfter}/${e.bonusAfter}) differs from its purses (seq ${s.seq}: ${owned.principalFen}/${owned.bonusFen})`);
    }
    return out;
  });
}
