import { env, runInDurableObject } from 'cloudflare:test';
import type { LedgerEntry } from '../../shared/schemas/account';
import type { Rejection, SyncedOrder } from '../../shared/sync/entities';
import { keys } from '../../shared/sync/keys';
import type { OpRecord } from '../../shared/domain/account/state';
import { accountStub } from '../services/accounts';
import type { Book, Sent } from './book';
import { ACCEPTED } from './step-checks';
import type { Tablet } from './tablet';

export type ObjectRecord = { ledger: LedgerEntry[]; ops: Map<string, OpRecord> };
type Row = Record<string, number | string | null>;

export async function readObject(memberId: string): Promise<ObjectRecord> {
  return runInDurableObject(accountStub(env, memberId), (_o, state) => ({
    ledger: state.storage.sql.exec<{ doc: string }>('SELECT doc FROM ledger ORDER BY seq').toArray().map((r) => JSON.parse(r.doc) as LedgerEntry),
    ops: new Map(state.storage.sql.exec<{ op_id: string; doc: string }>('SELECT op_id, doc FROM ops').toArray().map((r) => [r.op_id, JSON.parse(r.doc) as OpRecord])),
  }));
}

const MEMBER_MONEY = new Set(['checkout', 'recharge', 'sellPunchCard', 'redeemPunch', 'refundOrder']);
const svOf = (s: Sent) => ((s.args.tenders as { kind: string; amountFen: number }[] | undefined) ?? []).filter((x) => x.kind === 'stored_value').reduce((n, x) => n + x.amountFen, 0);

/**
 * Once every fault has healed and every device has synced: each mutation a tablet queued was
 * either carried out or refused where that tablet sees it (never both, never neither); an
 * accepted sale is in the member's ledger once, taking what the tablet charged, and in D1's
 * orders, operations and ledger once; a sale under a lease is never refused for money.
 */
export async function checkMutations(book: Book, devices: Map<string, Tablet>, objects: Map<string, ObjectRecord>): Promise<{ violations: string[]; accepted: Sent[]; done: Set<string> }> {
  const out: string[] = [];
  const accepted: Sent[] = [];
  const carried = new Set<string>();
  const orderIds = book.sent.filter((s) => s.name === 'checkout' || s.name === 'redeemPunch').map((s) => s.refId);
  const members = book.sent.filter((s) => s.name === 'registerMember').map((s) => s.refId);
  const [orders, ops, entries, pays, regs, audits] = await env.DB.batch<Row>([
    env.DB.prepare('SELECT id, status, member_id FROM orders WHERE id IN (SELECT value FROM json_each(?))').bind(JSON.stringify(orderIds)),
    env.DB.prepare('SELECT op_id, status FROM account_ops WHERE op_id IN (SELECT value FROM json_each(?))').bind(JSON.stringify(book.sent.map((s) => s.refId))),
    env.DB.prepare('SELECT op_id, count(*) AS n FROM ledger_entries WHERE op_id IN (SELECT value FROM json_each(?)) GROUP BY op_id').bind(JSON.stringify(orderIds)),
    env.DB.prepare('SELECT order_id, count(*) AS n FROM payments WHERE order_id IN (SELECT value FROM json_each(?)) GROUP BY order_id').bind(JSON.stringify(orderIds)),
    env.DB.prepare('SELECT id FROM members WHERE id IN (SELECT value FROM json_each(?))').bind(JSON.stringify(members)),
    env.DB.prepare(`SELECT id FROM audit_log WHERE id IN (SELECT value FROM json_each(?))`).bind(JSON.stringify(book.sent.filter((s) => s.name === 'refundOrder' && !s.memberId).map((s) => s.refId))),
  ]);
  const by = (rows: Row[] | undefined, k: string) => new Map((rows ?? []).map((r) => [String(r[k]), r]));
  const order = by(orders!.results, 'id'), op = by(ops!.results, 'op_id'), entry = by(entries!.results, 'op_id'), pay = by(pays!.results, 'order_id');
  const registered = by(regs!.results, 'id'), audited = by(audits!.results, 'id');
  for (const s of book.sent) {
    const t = devices.get(s.device)!;
    const refId = book.refIdOf(s);
    const where = `${s.device} ${s.clientID}/${s.id} ${s.name} ${refId}`;
    const refusal = t.rep.view.get(keys.rejection(s.clientID, s.id)) as Rejection | undefined;
    const obj = s.memberId ? objects.get(s.memberId) : undefined;
    let done: boolean | null;
    if (MEMBER_MONEY.has(s.name) && s.memberId) done = obj?.ops.get(refId)?.status === 'applied';
    else if (s.name === 'checkout') done = ACCEPTED.includes(String(order.get(refId)?.status));
    else if (s.name === 'refundOrder') done = audited.has(refId);
    else if (s.name === 'registerMember') done = registered.has(refId);
    else done = null; // allowances: composite, checked through the leases
    if (done === true && refusal) out.push(`${where}: carried out, yet the tablet shows it refused (${refusal.code}: ${refusal.message})`);
    if (done === false && !refusal) out.push(`${where}: neither carried out nor shown refused on the tablet`);
    if (done === null && refusal && !(refusal.code === 'FORBIDDEN' && t.spec.device && book.retired.has(t.spec.device.id))) out.push(`${where}: refused (${refusal.code}: ${refusal.message})`);
    if (s.leased && refusal?.code === 'INSUFFICIENT_FUNDS') out.push(`${where}: a sale under the tablet's lease was refused for money (decision 015)`);
    if (s.name === 'checkout' || s.name === 'redeemPunch') {
      const seen = t.rep.view.get(keys.order(refId)) as SyncedOrder | undefined;
      if (!seen || seen.status === 'pending') out.push(`${where}: the tablet still shows the sale as ${seen ? 'pending' : 'missing'}`);
      else if (done !== ACCEPTED.includes(seen.status)) out.push(`${where}: the tablet shows ${seen.status}, the server ${done ? 'accepted' : 'refused'} it`);
    }
    if (!done) continue;
    carried.add(refId);
    if (s.name === 'checkout' || s.name === 'redeemPunch') accepted.push(s);
    if (!s.memberId || !MEMBER_MONEY.has(s.name)) continue;
    const mine = obj!.ledger.filter((e) => e.opId === refId);
    if (mine.length !== 1) out.push(`${where}: ${mine.length} entries in the member's ledger`);
    if (op.get(refId)?.status !== 'applied') out.push(`${where}: D1's account_ops says ${op.get(refId)?.status ?? 'nothing'}`);
    const e = mine[0];
    if (e && s.name === 'recharge' && e.principalDelta !== s.args.amountFen) out.push(`${where}: recharged ${s.args.amountFen}, the ledger added ${e.principalDelta}`);
    const writtenOff = Number(obj!.ops.get(refId)?.detail.writtenOffFen ?? 0);
    if (e && s.name === 'checkout' && -(e.principalDelta + e.bonusDelta) !== svOf(s) - writtenOff) out.push(`${where}: took ${svOf(s)} in stored value (${writtenOff} written off), the ledger moved ${e.principalDelta + e.bonusDelta}`);
    if (s.name === 'checkout' || s.name === 'redeemPunch') {
      if (Number(entry.get(refId)?.n ?? 0) !== 1) out.push(`${where}: ${entry.get(refId)?.n ?? 0} entries in D1's ledger_entries`);
      if (order.get(refId)?.member_id !== s.memberId) out.push(`${where}: D1's order row is ${JSON.stringify(order.get(refId) ?? null)}`);
    }
    if (s.name === 'checkout' && Number(pay.get(refId)?.n ?? 0) !== (s.args.tenders as unknown[]).length) out.push(`${where}: ${pay.get(refId)?.n ?? 0} payment rows for ${(s.args.tenders as unknown[]).length} tenders`);
  }
  return { violations: out, accepted, done: carried };
}
