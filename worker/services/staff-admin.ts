import { and, asc, eq, isNull, or, type SQL } from 'drizzle-orm';
import { like } from './audit-log';
import { assertStaff, type Actor } from '../../shared/domain/authz';
import { DomainError } from '../../shared/errors';
import { staffStoreFits, type StaffAccount, type StaffCreate, type StaffUpdate } from '../../shared/schemas/staff';
import type { Db } from '../db/client';
import { brokenConstraint } from '../db/constraint';
import { sessions, staff, stores } from '../db/schema';
import { forgetCachedSessions } from '../auth/sessions';
import { changedFields } from './audit-diff';

export type Ctx = { ip: string; now: number };
type StaffRow = typeof staff.$inferSelect;
type Target = Pick<StaffRow, 'id' | 'role' | 'storeId'>;
type StaffActor = Extract<Actor, { kind: 'staff' }>;

export const toAccount = (r: StaffRow, storeName: string | null): StaffAccount => ({
  id: r.id, username: r.username, name: r.name, phone: r.phone, role: r.role, storeId: r.storeId, storeName,
  status: r.status, mustChangePassword: r.mustChangePassword, createdAt: r.createdAt, updatedAt: r.updatedAt,
});
/** What an audit row may say about an account: never a password or PIN hash. */
export const auditView = (r: StaffRow) => ({ username: r.username, name: r.name, phone: r.phone, role: r.role, storeId: r.storeId, status: r.status });

const forbid = (message: string) => new DomainError('FORBIDDEN', message);

/** HQ and store managers manage staff; clerks do not (not even to read the list). */
export function assertStaffAdmin(actor: Actor): asserts actor is StaffActor {
  assertStaff(actor);
  if (actor.role === 'clerk') throw forbid('Only HQ and store managers manage staff accounts');
}

/** HQ manages everyone; a store manager only the clerks of their own store, and keeps them there. */
export function assertManages(actor: StaffActor, target: Target): void {
  if (actor.role === 'hq_admin') return;
  if (target.role !== 'clerk' || target.storeId !== actor.storeId) throw forbid('A store manager manages only the clerks of their own store');
}

export async function assertStoreOpen(db: Db, storeId: string | null): Promise<void> {
  if (storeId === null) return;
  const s = await db.select({ status: stores.status }).from(stores).where(eq(stores.id, storeId)).get();
  if (!s) throw new DomainError('VALIDATION_FAILED', `storeId: no store with id ${storeId}`);
  if (s.status !== 'open') throw new DomainError('VALIDATION_FAILED', `storeId: store ${storeId} is closed`);
}

export async function loadStaff(db: Db, id: string): Promise<StaffRow> {
  const row = await db.select().from(staff).where(eq(staff.id, id)).get();
  if (!row) throw new DomainError('NOT_FOUND', `No staff account with id ${id}`);
  return row;
}

async function storeNameOf(db: Db, storeId: string | null): Promise<string | null> {
  if (!storeId) return null;
  return (await db.select({ name: stores.name }).from(stores).where(eq(stores.id, storeId)).get())?.name ?? null;
}
export const accountOf = async (db: Db, r: StaffRow) => toAccount(r, await storeNameOf(db, r.storeId));

export async function listStaff(db: Db, actor: Actor, q: { storeId?: string; status?: 'active' | 'disabled'; q?: string }): Promise<StaffAccount[]> {
  assertStaffAdmin(actor);
  if (actor.role !== 'hq_admin' && q.storeId && q.storeId !== actor.storeId) throw forbid('storeId: a store manager sees only their own store’s staff');
  const storeId = actor.role === 'hq_admin' ? q.storeId : (actor.storeId ?? '');
  const text = q.q ? `%${q.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : null;
  const where: (SQL | undefined)[] = [
    storeId ? eq(staff.storeId, storeId) : undefined,
    q.status ? eq(staff.status, q.status) : undefined,
    text ? or(like(staff.username, text), like(staff.name, text), like(staff.phone, text)) : undefined,
  ];
  const rows = await db.select({ s: staff, storeName: stores.name }).from(staff).leftJoin(stores, eq(stores.id, staff.storeId))
    .where(and(...where)).orderBy(asc(staff.storeId), asc(staff.role), asc(staff.username));
  return rows.map((r) => toAccount(r.s, r.storeName));
}

/** The fields of an edit that differ, with the merged record checked against the role and store rules. */
export async function checkEdit(db: Db, actor: StaffActor, row: StaffRow, patch: StaffUpdate): Promise<StaffRow> {
  assertManages(actor, row);
  const next: StaffRow = { ...row, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
  // Changing a role to or from HQ moves the store with it, when the edit did not say.
  if (patch.role === 'hq_admin' && patch.storeId === undefined) next.storeId = null;
  if (actor.role !== 'hq_admin') assertManages(actor, next);
  if (row.id === actor.id && (next.role !== row.role || next.storeId !== row.storeId)) throw forbid('role: nobody changes their own role or store');
  if (!staffStoreFits(next)) throw new DomainError('VALIDATION_FAILED', 'storeId: HQ administrators belong to no store; a manager or clerk needs one');
  if (next.storeId !== row.storeId) await assertStoreOpen(db, next.storeId);
  return next;
}

export const diffOf = (row: StaffRow, next: StaffRow) => changedFields(auditView(row), auditView(next));

/** Every session of an account, signed out in the same batch as what made them stale. */
export const revokeAll = (db: Db, id: string, now: number) =>
  db.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.subjectKind, 'staff'), eq(sessions.subjectId, id), isNull(sessions.revokedAt))).returning({ id: sessions.tokenHash });

/** This isolate forgets cached sessions at once (others within the cache's seconds: decision 003). */
export const afterSessionChange = () => forgetCachedSessions();

export async function usernameFree<T>(username: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (brokenConstraint(e) === 'staff.username') throw new DomainError('CONFLICT', `username: ${username} is already taken`);
    throw e;
  }
}

export type { StaffRow, StaffActor, StaffCreate };
