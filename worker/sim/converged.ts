import type { AccountView } from '../../shared/schemas/account-api';
import type { SyncedAllowance } from '../../shared/schemas/device';
import type { Member } from '../../shared/schemas/member';
import type { SyncedOrder } from '../../shared/sync/entities';
import { keys, prefixes } from '../../shared/sync/keys';
import type { Book, Sent } from './book';
import { rowsUnder } from './mem-tx';
import { readD1 } from './step-checks';
import type { Tablet } from './tablet';
import type { Staffer } from './sim-world';
import { callWorker } from './call-worker';

const get = async (token: string, ip: string, path: string) => {
  const res = await callWorker(path, { headers: { authorization: `Bearer ${token}`, 'cf-connecting-ip': ip } });
  return { status: res.status, json: (await res.json()) as any };
};
const tendered = (s: Sent) => (s.args.tenders as { amountFen: number }[]).reduce((n, t) => n + t.amountFen, 0);

/**
 * After healing: every ledger verifies and D1 agrees with it (GET /ledger/verify); every device
 * shows what D1 shows (balances, allowances, refunds); the daily rollup and the stores report
 * (what HQ's screen reads) count each accepted sale once, at what the tablet charged.
 */
export async function checkConverged(ip: string, stores: string[], managers: Map<string, Staffer>, hq: Staffer, book: Book, devices: Tablet[], phone: { tablet: Tablet; memberId: string } | null, accepted: Sent[], done: Set<string>): Promise<string[]> {
  const out: string[] = [];
  const d1 = await readD1(stores, book.members);
  const row = new Map(d1.members.map((r) => [String(r.id), r]));
  for (const id of book.members) {
    const r = row.get(id);
    if (!r) continue; // a registration refused for good never made a member
    const v = await get(hq.token, ip, `/api/members/${id}/ledger/verify`);
    if (!v.json.ok || !v.json.projectionMatches) out.push(`member ${id}: verify says ${JSON.stringify(v.json)}; D1 ${JSON.stringify(r)}`);
  }
  for (const t of [...devices, ...(phone ? [phone.tablet] : [])]) {
    if (t.rep.pending.length) out.push(`${t.spec.name} still has ${t.rep.pending.length} pending mutations after healing`);
    for (const m of rowsUnder<Member>(t.rep.view, prefixes.member)) {
      const r = row.get(m.id);
      if (r && (m.principalFen !== r.principal_fen || m.bonusFen !== r.bonus_fen || m.reservedFen !== r.reserved_fen || m.points !== r.points)) out.push(`${t.spec.name} shows ${m.id} as ${m.principalFen}/${m.bonusFen}/${m.reservedFen}/${m.points}, D1 ${r.principal_fen}/${r.bonus_fen}/${r.reserved_fen}/${r.points}`);
    }
    if (t.spec.device) {
      const mine = new Map(d1.leases.filter((l) => l.device_id === t.spec.device!.id && l.state === 'open').map((l) => [String(l.lease_id), Number(l.held_fen)]));
      const shown = rowsUnder<SyncedAllowance>(t.rep.view, `${prefixes.allowance}${t.spec.device.id}/`);
      for (const a of shown) if (mine.get(a.leaseId) !== a.heldFen) out.push(`${t.spec.name} believes it holds ${a.heldFen} under ${a.leaseId}; D1 ${mine.get(a.leaseId) ?? 'nothing open'}`);
      if (shown.length !== mine.size) out.push(`${t.spec.name} shows ${shown.length} allowances, D1 has ${mine.size} open for it`);
    }
  }
  if (phone) {
    const acc = phone.tablet.rep.view.get(keys.account(phone.memberId)) as AccountView | undefined;
    const r = row.get(phone.memberId);
    if (r && acc && (acc.balances.principalFen !== r.principal_fen || acc.balances.bonusFen !== r.bonus_fen)) out.push(`the member's phone shows ${acc.balances.principalFen}/${acc.balances.bonusFen}, D1 ${r.principal_fen}/${r.bonus_fen}`);
  }
  // Refunds: each order's refunded total is the sum of the refunds that went through.
  const refunded = new Map<string, number>();
  for (const s of book.sent) if (s.name === 'refundOrder' && done.has(book.refIdOf(s))) refunded.set(String(s.args.refundOf), (refunded.get(String(s.args.refundOf)) ?? 0) + Number(s.args.amountFen));
  const orders = new Map(d1.orders.map((o) => [String(o.id), o]));
  for (const o of d1.orders) if (Number(o.refunded_fen) !== (refunded.get(String(o.id)) ?? 0)) out.push(`order ${o.id}: D1 says ${o.refunded_fen} refunded, the refunds that went through add to ${refunded.get(String(o.id)) ?? 0}`);
  for (const t of devices) for (const o of rowsUnder<SyncedOrder>(t.rep.view, prefixes.order)) {
    const r = orders.get(o.id);
    if (r && (o.refundedFen !== r.refunded_fen || o.status !== r.status)) out.push(`${t.spec.name} shows order ${o.id} ${o.status} ${o.refundedFen}, D1 ${r.status} ${r.refunded_fen}`);
  }
  // Reports: the rollup and the stores screen, against what the tablets charged for the accepted sales.
  for (const s of stores) {
    const mine = accepted.filter((a) => a.storeId === s);
    // A punch visit is priced by the server (quoteTotal): its D1 total is the figure.
    const fen = mine.reduce((n, a) => n + (a.name === 'checkout' ? tendered(a) : Number(orders.get(book.refIdOf(a))?.total_fen ?? NaN)), 0);
    const rolled = d1.rollup.filter((r) => r.store_id === s).reduce<{ n: number; fen: number }>((k, r) => ({ n: k.n + Number(r.orders), fen: k.fen + Number(r.sales_fen) }), { n: 0, fen: 0 });
    if (rolled.n !== mine.length || rolled.fen !== fen) out.push(`store ${s}: the daily rollup holds ${rolled.n} sales / ${rolled.fen} fen, the accepted sales are ${mine.length} / ${fen}`);
    const report = await get(managers.get(s)!.token, ip, '/api/stores');
    const line = (report.json.stores as { id: string; sales30dFen: number; orders30d: number }[] | undefined)?.find((x) => x.id === s);
    if (!line || line.orders30d !== mine.length || line.sales30dFen !== fen) out.push(`store ${s}: the stores report says ${line?.orders30d} sales / ${line?.sales30dFen} fen, the accepted sales are ${mine.length} / ${fen}`);
  }
  return out;
}
