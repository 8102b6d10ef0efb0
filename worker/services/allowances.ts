import { and, desc, eq, gt, inArray, or, sql } from 'drizzle-orm';
import { assertStoreAccess, assertStaff, type Actor } from '../../shared/domain/authz';
import { DomainError } from '../../shared/errors';
import type { OfflineAllowancePolicy } from '../../shared/schemas/rules';
import { allowanceTarget } from '../../shared/domain/allowance/leases';
import type { Db } from '../db/client';
import { deviceAllowances, devices, members, memberStoreVisits, stores } from '../db/schema';
import { VISIT_DAYS } from '../sync/policy';
import { channels, poke } from '../sync/poke';
import { findMember, opContext, runOp } from './accounts';
import type { DeviceRef } from './devices';
import { loadRules } from './rules';

/** How many members' objects a renewal talks to at once. */
const PARALLEL = 16;

function assertDeviceAt(device: DeviceRef | null, storeId: string): asserts device is DeviceRef {
  if (!device) throw new DomainError('FORBIDDEN', 'This tablet is not registered for offline use: a manager registers it under 设置');
  if (device.status !== 'active') throw new DomainError('FORBIDDEN', 'This tablet was retired by HQ');
  if (device.storeId !== storeId) throw new DomainError('FORBIDDEN', 'This tablet is registered for another store');
}

async function inChunks<T>(items: T[], f: (x: T, chunkSize: number) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += PARALLEL) {
    const chunk = items.slice(i, i + PARALLEL);
    await Promise.all(chunk.map((x) => f(x, chunk.length)));
  }
}

/** The members a store's tablet is likely to serve, most recently served (or joined) first. */
async function candidates(db: Db, storeId: string, policy: OfflineAllowancePolicy, now: number): Promise<{ id: string; freeFen: number }[]> {
  if (policy.maxMembers === 0 || policy.perMemberCapFen === 0 || policy.shareBp === 0) return [];
  const visitedAt = sql<number | null>`(SELECT ${memberStoreVisits.lastVisitAt} FROM ${memberStoreVisits} WHERE ${memberStoreVisits.memberId} = ${members.id} AND ${memberStoreVisits.storeId} = ${storeId})`;
  const rows = await db.select({ id: members.id, freeFen: sql<number>`${members.principalFen} + ${members.bonusFen} - ${members.reservedFen}` }).from(members)
    .where(and(
      eq(members.status, 'active'),
      gt(sql`${members.principalFen} + ${members.bonusFen} - ${members.reservedFen}`, 0),
      or(eq(members.homeStoreId, storeId), inArray(members.id, db.select({ id: memberStoreVisits.memberId }).from(memberStoreVisits).where(and(eq(memberStoreVisits.storeId, storeId), gt(memberStoreVisits.lastVisitAt, now - VISIT_DAYS * 86_400_000))))),
    ))
    // Served here lately, or just joined here: the likeliest to come back soon.
    .orderBy(desc(sql`max(coalesce(${visitedAt}, 0), CASE WHEN ${members.homeStoreId} = ${storeId} THEN ${members.joinedAt} ELSE 0 END)`), desc(members.lastVisitAt)).limit(policy.maxMembers);
  return rows.map((r) => ({ id: r.id, freeFen: Number(r.freeFen) }));
}

/**
 * A registered tablet renews its allowances (a mutator, so it runs after every sale the tablet
 * queued before it): members it is likely to serve get their lease topped up or renewed to the
 * policy, within the tablet's total; leases of members no longer on the list go back.
 */
export async function renewAllowances(env: Env, db: Db, actor: Actor, device: DeviceRef | null, r: { id: string; storeId: string }, now = Date.now()): Promise<{ granted: number; heldFen: number; released: number }> {
  assertStaff(actor);
  assertStoreAccess(actor, r.storeId);
  assertDeviceAt(device, r.storeId);
  const rules = await loadRules(db);
  const policy = rules.offlineAllowance;
  const [list, open] = await Promise.all([
    candidates(db, r.storeId, policy, now),
    db.select().from(deviceAllowances).where(and(eq(deviceAllowances.deviceId, device.id), eq(deviceAllowances.state, 'open'))),
  ]);
  const wanted = new Set(list.map((c) => c.id));
  const leaseMs = policy.leaseHours * 3_600_000;
  const expiresAt = now + leaseMs;
  // A lease at its target with more than half its time left is left alone: a renewal every quarter
  // hour then costs one D1 read for most members, not a call to each member's object.
  const byMember = new Map(open.map((l) => [l.memberId, l]));
  const fresh = (c: { id: string; freeFen: number }) => {
    const l = byMember.get(c.id);
    return !!l && l.releaseRequestedAt === null && l.expiresAt - now > leaseMs / 2 && l.heldFen >= allowanceTarget({ ...policy, leaseMs }, c.freeFen + l.heldFen);
  };
  const keep = list.filter(fresh);
  let budget = policy.perDeviceCapFen - keep.reduce((n, c) => n + byMember.get(c.id)!.heldFen, 0);
  let heldFen = policy.perDeviceCapFen - budget, granted = keep.length, released = 0;
  await inChunks(list.filter((c) => !fresh(c)).map((c) => c.id), async (memberId, together) => {
    // A chunk shares what is left of the tablet's total (read before any await), so it is never passed.
    const cap = Math.max(0, Math.min(policy.perMemberCapFen, Math.floor(budget / together)));
    const member = await findMember(db, memberId);
    const out = await runOp(env, member, {
      ...opContext(actor, `lg:${r.id}:${memberId}`, r.storeId), kind: 'lease_grant', deviceId: device.id, newLeaseId: `lease:${r.id}:${memberId}`,
      policy: { perMemberCapFen: cap, shareBp: policy.shareBp }, expiresAt,
    }, rules);
    const held = Number(out.detail.heldFen ?? 0);
    budget -= held;
    heldFen += held;
    if (held > 0) granted++;
  });
  await inChunks(open.filter((l) => !wanted.has(l.memberId)), async (l) => {
    await runOp(env, await findMember(db, l.memberId), { ...opContext(actor, `lr:${r.id}:${l.memberId}`, r.storeId), kind: 'lease_release', deviceId: device.id, leaseId: l.leaseId, reason: 'not_needed' }, rules);
    released++;
  });
  return { granted, heldFen, released };
}

/** The tablet gives leases back (another branch asked, or it is signing off); only its own. */
export async function releaseAllowances(env: Env, db: Db, actor: Actor, device: DeviceRef | null, r: { id: string; storeId: string; leaseIds: string[] }): Promise<void> {
  assertStaff(actor);
  assertStoreAccess(actor, r.storeId);
  if (!device || device.storeId !== r.storeId) throw new DomainError('FORBIDDEN', 'Only the tablet holding an allowance can give it back');
  const rows = await db.select().from(deviceAllowances).where(inArray(deviceAllowances.leaseId, r.leaseIds));
  const rules = await loadRules(db);
  // All or nothing: a list naming another device's allowance gives back none of it.
  if (rows.some((l) => l.deviceId !== device.id)) throw new DomainError('FORBIDDEN', 'This allowance belongs to another device');
  await inChunks(rows, async (l) => {
    await runOp(env, await findMember(db, l.memberId), { ...opContext(actor, `la:${r.id}:${l.memberId}`, r.storeId), kind: 'lease_release', deviceId: device.id, leaseId: l.leaseId, reason: 'reclaimed' }, rules);
  });
}

/** HQ retired a device: every member it held money for gets it back now. */
export async function giveBackRetired(env: Env, db: Db, actor: Actor, deviceId: string, storeId: string, memberIds: string[]): Promise<number> {
  const rules = await loadRules(db);
  let fen = 0;
  await inChunks(memberIds, async (memberId) => {
    const out = await runOp(env, await findMember(db, memberId), { ...opContext(actor, `retire:${deviceId}:${memberId}`, storeId), kind: 'device_retire', deviceId }, rules);
    fen += Number(out.detail.releasedFen ?? 0);
  });
  return fen;
}

/** Who holds a member's reserved money, by store and device name (for the clerk's message). */
export async function describeHolders(db: Db, deviceIds: string[]): Promise<Map<string, { storeId: string; storeName: string; deviceName: string }>> {
  if (deviceIds.length === 0) return new Map();
  const rows = await db.select({ id: devices.id, storeId: devices.storeId, name: devices.name, storeName: stores.name }).from(devices).innerJoin(stores, eq(stores.id, devices.storeId)).where(inArray(devices.id, deviceIds));
  return new Map(rows.map((r) => [r.id, { storeId: r.storeId, storeName: r.storeName, deviceName: r.name }]));
}

/** Asks the tablets holding these leases to give them back (they acknowledge by syncing a release). */
export async function requestRelease(env: Env, db: Db, actor: Actor, memberId: string, opId: string, leaseIds: string[], storeIds: string[]): Promise<void> {
  const rules = await loadRules(db);
  await runOp(env, await findMember(db, memberId), { ...opContext(actor, opId, null), kind: 'lease_request_release', leaseIds }, rules);
  await poke(env, storeIds.map(channels.store));
}
