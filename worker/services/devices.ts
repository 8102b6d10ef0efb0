import { and, eq, sql } from 'drizzle-orm';
import { ulid } from 'ulid';
import { assertHq, assertStaff, type Actor } from '../../shared/domain/authz';
import { DomainError } from '../../shared/errors';
import type { Device, RegisterDevice } from '../../shared/schemas/device';
import { toBase64Url } from '../../shared/crypto/password';
import type { Db } from '../db/client';
import { auditLog, deviceAllowances, devices, stores } from '../db/schema';
import { auditRow } from './audit';
import { TtlCache } from './ttl-cache';

/** The device a request comes from, when it carries a valid credential. */
export type DeviceRef = { id: string; storeId: string; status: 'active' | 'retired' };

const sha256 = async (s: string) => toBase64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s))));
const cache = new TtlCache<DeviceRef | null>(5_000);

/** A tablet's store manager, or HQ, sets it up for the store; the credential is shown once. */
export async function registerDevice(db: Db, actor: Actor, input: RegisterDevice, now = Date.now()): Promise<{ device: Device; credential: string }> {
  assertStaff(actor);
  if (!(actor.role === 'hq_admin' || (actor.role === 'store_manager' && actor.storeId === input.storeId))) {
    throw new DomainError('FORBIDDEN', 'Only the store’s manager or HQ can register a tablet for it');
  }
  const store = await db.select({ name: stores.name }).from(stores).where(eq(stores.id, input.storeId)).get();
  if (!store) throw new DomainError('NOT_FOUND', `No store ${input.storeId}`);
  const id = `dev-${ulid(now)}`;
  const secret = toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
  const row = { id, storeId: input.storeId, name: input.name, secretHash: await sha256(secret), status: 'active' as const, registeredBy: actor.id, createdAt: now, lastSeenAt: now, retiredAt: null, retiredBy: null, updatedAt: now };
  await db.batch([
    db.insert(devices).values(row),
    db.insert(auditLog).values(auditRow({ actor, action: 'device.register', entity: 'device', entityId: id, storeId: input.storeId, detail: { name: input.name }, at: now })),
  ]);
  return { device: { id, storeId: input.storeId, storeName: store.name, name: input.name, status: 'active', createdAt: now, lastSeenAt: now, retiredAt: null, openAllowances: 0, outstandingFen: 0, writtenOffFen: 0 }, credential: `${id}.${secret}` };
}

/** The device behind a credential header; null for none or one that does not check out. */
export function resolveDevice(db: Db, header: string | undefined): Promise<DeviceRef | null> {
  const m = /^(dev-[0-9A-Z]{26})\.([\w-]{20,})$/.exec(header ?? '');
  if (!m) return Promise.resolve(null);
  return cache.get(header!, async () => {
    const row = await db.select().from(devices).where(eq(devices.id, m[1]!)).get();
    if (!row || row.secretHash !== (await sha256(m[2]!))) return null;
    return { id: row.id, storeId: row.storeId, status: row.status };
  });
}

/** HQ sees every store's tablets, a manager or clerk their own store's. */
export async function listDevices(db: Db, actor: Actor): Promise<Device[]> {
  assertStaff(actor);
  const held = db.select({
    deviceId: deviceAllowances.deviceId,
    open: sql<number>`sum(CASE WHEN ${deviceAllowances.state} = 'open' AND ${deviceAllowances.heldFen} > 0 THEN 1 ELSE 0 END)`.as('open_n'),
    fen: sql<number>`sum(CASE WHEN ${deviceAllowances.state} = 'open' THEN ${deviceAllowances.heldFen} ELSE 0 END)`.as('held_fen_sum'),
    off: sql<number>`sum(${deviceAllowances.writtenOffFen})`.as('written_off_sum'),
  }).from(deviceAllowances).groupBy(deviceAllowances.deviceId).as('held');
  const rows = await db.select({ d: devices, storeName: stores.name, open: held.open, fen: held.fen, off: held.off })
    .from(devices).innerJoin(stores, eq(stores.id, devices.storeId)).leftJoin(held, eq(held.deviceId, devices.id))
    .where(actor.role === 'hq_admin' ? undefined : eq(devices.storeId, actor.storeId ?? ''))
    .orderBy(devices.storeId, devices.createdAt);
  return rows.map(({ d, storeName, open, fen, off }) => ({
    id: d.id, storeId: d.storeId, storeName, name: d.name, status: d.status, createdAt: d.createdAt, lastSeenAt: d.lastSeenAt, retiredAt: d.retiredAt,
    openAllowances: Number(open ?? 0), outstandingFen: Number(fen ?? 0), writtenOffFen: Number(off ?? 0),
  }));
}

/** Marks a device retired (HQ); its allowances are then given back member by member (see allowances.ts). */
export async function markRetired(db: Db, actor: Actor, id: string, reason: string, now = Date.now()): Promise<{ storeId: string; memberIds: string[] }> {
  assertHq(actor);
  const row = await db.select().from(devices).where(eq(devices.id, id)).get();
  if (!row) throw new DomainError('NOT_FOUND', `No device ${id}`);
  if (row.status === 'active') {
    await db.batch([
      db.update(devices).set({ status: 'retired', retiredAt: now, retiredBy: actor.id, updatedAt: now }).where(eq(devices.id, id)),
      db.insert(auditLog).values(auditRow({ actor, action: 'device.retire', entity: 'device', entityId: id, storeId: row.storeId, detail: { reason }, at: now })),
    ]);
    cache.clear();
  }
  const open = await db.select({ memberId: deviceAllowances.memberId }).from(deviceAllowances).where(and(eq(deviceAllowances.deviceId, id), eq(deviceAllowances.state, 'open')));
  return { storeId: row.storeId, memberIds: [...new Set(open.map((r) => r.memberId))] };
}

/** When the device last reached the server (at most once a minute per isolate). */
const seen = new TtlCache<null>(60_000);
export function touchDevice(db: Db, id: string, now = Date.now()): Promise<null> {
  return seen.get(id, async () => {
    await db.update(devices).set({ lastSeenAt: now }).where(eq(devices.id, id));
    return null;
  });
}
