import type { Rng } from '../../scripts/seed/rng';
import type { SyncedOrder } from '../../shared/sync/entities';
import type { SyncedAllowance } from '../../shared/schemas/device';
import { prefixes } from '../../shared/sync/keys';
import type { Book, RestOp } from './book';
import { rowsUnder } from './mem-tx';
import type { Conn, Network } from './network';
import { PUNCH_PRODUCT, ringUp } from './sales';
import type { Tablet } from './tablet';

export type Cast = { rng: Rng; book: Book; tablets: Tablet[]; phone: Tablet | null; hq: Conn; net: Network };

const DAY = 86_400_000;

/** HQ's REST call, retried with the same id while no answer comes back (as a browser would). */
async function hqOp(c: Cast, path: string, body: unknown, op: RestOp): Promise<string> {
  c.book.rest.push(op);
  for (let i = 0; i < 3 && op.status === null; i++) op.status = (await c.net.rest(c.hq, path, body))?.status ?? null;
  return `HQ ${op.kind} ${op.opId} → ${op.status ?? 'no answer'}`;
}

const manager = (t: Tablet) => t.spec.actor.kind === 'staff' && t.spec.actor.role === 'store_manager';

/** One thing a device (or HQ) does, chosen by seed; returns what it was, for the trace. */
export async function act(c: Cast): Promise<string> {
  const { rng, book } = c;
  const t = rng.pick(c.tablets);
  const members = t.members();
  const m = members.length ? rng.pick(members) : null;
  const id = () => book.nextId();
  const kind = rng.weighted<string>([
    ['sale', 34], ['rush', 4], ['recharge', 6], ['refund', 8], ['punch-sale', 3], ['punch-use', 3], ['desk', 2], ['coupon', 3], ['points', 3], ['renew', 3], ['release', 1],
    ['register', 2], ['lookup', 3], ['network', 10], ['sync', 6], ['reload', 3], ['phone', 2], ['retire', 0.5],
  ]);

  switch (kind) {
    case 'sale':
      return ringUp(t, rng, book);
    case 'rush': {
      // Two counters take the same member's money at once (both online): the member's object decides.
      const [a, b] = [rng.pick(c.tablets), rng.pick(c.tablets)];
      if (a === b || !a.online || !b.online) return ringUp(t, rng, book);
      const [ra, rb] = await Promise.all([ringUp(a, rng, book), ringUp(b, rng, book)]);
      return `rush: ${ra} | ${rb}`;
    }
    case 'recharge':
      if (!m) break;
      await t.mutate('recharge', { memberId: m.id, opId: id(), storeId: t.storeId, amountFen: rng.pick([5_000, 20_000, 50_000, 100_000]), paidWith: rng.pick(['cash', 'wechat'] as const), reference: '' });
      return `recharge ${m.id} at ${t.spec.name}`;
    case 'refund': {
      const sales = rowsUnder<SyncedOrder>(t.rep.view, prefixes.order).filter((o) => (o.status === 'completed' || o.status === 'partially_refunded') && o.totalFen > o.refundedFen);
      if (!manager(t) || sales.length === 0) break;
      const o = rng.pick(sales);
      const left = o.totalFen - o.refundedFen;
      const amountFen = rng.chance(0.5) ? left : rng.int(1, left);
      await t.mutate('refundOrder', { memberId: o.memberId, opId: id(), storeId: t.storeId, refundOf: o.id, amountFen, reason: 'sim', approval: null });
      return `refund ${amountFen} of ${o.id} at ${t.spec.name}`;
    }
    case 'punch-sale':
      if (!m) break;
      await t.mutate('sellPunchCard', { memberId: m.id, opId: id(), storeId: t.storeId, productId: PUNCH_PRODUCT, uses: 5, priceFen: 40_000, expiresAt: null, storeIds: null, paidWith: rng.pick(['stored_value', 'cash'] as const) });
      return `punch card for ${m.id} at ${t.spec.name}`;
    case 'punch-use': {
      const card = m ? t.desk.get(m.id)?.punchCards.find((k) => k.usesLeft > 0) : undefined;
      if (!m || !card) break;
      await t.mutate('redeemPunch', { id: id(), storeId: t.storeId, memberId: m.id, cardId: card.id, productId: card.productId, uses: 1, createdAt: t.now() });
      return `punch use of ${card.id} at ${t.spec.name}`;
    }
    case 'lookup': {
      const other = [...book.phones].filter(([mid]) => !t.rep.view.has(`member/${mid}`));
      if (!t.online || other.length === 0) break;
      const [mid, phone] = rng.pick(other);
      const found = await t.lookUp(phone);
      return `${t.spec.name} looks up ${mid} by phone: ${found ? 'found' : 'not found'}`;
    }
    case 'desk':
      if (!m) break;
      await t.readDesk(m.id);
      return `desk reads ${m.id} at ${t.spec.name}`;
    case 'coupon': {
      if (!m) break;
      const opId = id();
      book.touched.add(m.id);
      return hqOp(c, `/api/members/${m.id}/coupons`, { opId, templateId: 'ctpl-welcome-10', name: '模拟券', expiresAt: Date.now() + 30 * DAY }, { kind: 'coupon_grant', memberId: m.id, opId, status: null });
    }
    case 'points': {
      if (!m) break;
      const opId = id();
      book.touched.add(m.id);
      return hqOp(c, `/api/members/${m.id}/points/adjust`, { opId, delta: rng.chance(0.8) ? rng.int(1, 40) * 100 : -rng.int(1, 5) * 100, reason: 'sim adjust' }, { kind: 'points_adjust', memberId: m.id, opId, status: null });
    }
    case 'renew':
      if (!t.spec.device) break;
      await t.mutate('renewAllowances', { id: id(), storeId: t.storeId, at: t.now() });
      return `renew allowances at ${t.spec.name}${t.online ? '' : ' (queued offline)'}`;
    case 'release': {
      const own = t.spec.device ? rowsUnder<SyncedAllowance>(t.rep.view, `${prefixes.allowance}${t.spec.device.id}/`) : [];
      if (own.length === 0) break;
      await t.mutate('releaseAllowances', { id: id(), storeId: t.storeId, leaseIds: own.map((a) => a.leaseId) });
      return `release ${own.length} allowances at ${t.spec.name}`;
    }
    case 'register': {
      const memberId = id();
      const phone = book.phone();
      book.members.add(memberId);
      book.phones.set(memberId, phone);
      await t.mutate('registerMember', { id: memberId, phone, name: '模拟会员', gender: 'unknown', birthday: null, homeStoreId: t.storeId, cardNo: null, createdAt: t.now() });
      return `register ${memberId} at ${t.spec.name}`;
    }
    case 'network':
      t.online = !t.online;
      if (t.online) await t.sync();
      return `${t.spec.name} goes ${t.online ? 'online and syncs' : 'offline'}`;
    case 'reload': {
      const before = t.rep.pending.length;
      t.rep.reload(`${t.spec.name}-${id()}`);
      if (t.online) await t.sync();
      return `${t.spec.name} reloads with ${before} pending`;
    }
    case 'phone': {
      const p = c.phone;
      if (!p) break;
      await p.rep.pullAll();
      return 'the member’s phone pulls';
    }
    case 'retire': {
      const victims = c.tablets.filter((x) => x.spec.device && !book.retired.has(x.spec.device.id));
      if (victims.length === 0) break;
      const dev = rng.pick(victims).spec.device!;
      book.retired.add(dev.id);
      return hqOp(c, `/api/devices/${dev.id}/retire`, { reason: 'lost in the simulation' }, { kind: 'device_retire', memberId: null, opId: dev.id, status: null });
    }
    case 'sync':
      await t.sync();
      return `${t.spec.name} syncs`;
  }
  // Nothing to do for that action here (no member yet, no sale to refund…): the counter sells instead.
  return ringUp(t, rng, book);
}
