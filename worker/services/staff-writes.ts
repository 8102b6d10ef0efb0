import { eq } from 'drizzle-orm';
import { ulid } from 'ulid';
import { hashPassword } from '../../shared/crypto/password';
import type { Actor } from '../../shared/domain/authz';
import { DomainError } from '../../shared/errors';
import type { StaffAccount, StaffCreate, StaffReset, StaffResetResult, StaffUpdate } from '../../shared/schemas/staff';
import { clearFailures } from '../auth/throttle';
import type { Db } from '../db/client';
import { staff } from '../db/schema';
import { auditInsert } from './audit';
import {
  accountOf, afterSessionChange, assertManages, assertStaffAdmin, assertStoreOpen, auditView, checkEdit, diffOf, loadStaff, revokeAll, usernameFree, type Ctx,
} from './staff-admin';

/** A new account; its first password is the creator's, so its owner must choose their own at first sign-in. */
export async function createStaff(db: Db, actor: Actor, input: StaffCreate, ctx: Ctx): Promise<StaffAccount> {
  assertStaffAdmin(actor);
  const storeId = input.role === 'hq_admin' ? null : input.storeId;
  if (actor.role !== 'hq_admin') {
    if (input.role !== 'clerk') throw new DomainError('FORBIDDEN', 'role: a store manager creates clerks only');
    if (storeId !== actor.storeId) throw new DomainError('FORBIDDEN', 'storeId: a store manager creates clerks for their own store only');
  }
  await assertStoreOpen(db, storeId);
  if (await db.select({ id: staff.id }).from(staff).where(eq(staff.username, input.username)).get()) {
    throw new DomainError('CONFLICT', `username: ${input.username} is already taken`);
  }
  const row = {
    id: `staff-${ulid(ctx.now).toLowerCase()}`, username: input.username, name: input.name, phone: input.phone, role: input.role, storeId,
    passwordHash: await hashPassword(input.password), pinHash: null, status: 'active' as const, mustChangePassword: true, createdAt: ctx.now, updatedAt: ctx.now,
  };
  await usernameFree(input.username, () =>
    db.batch([
      db.insert(staff).values(row),
      auditInsert(db, { actor, action: 'staff.created', entity: 'staff', entityId: row.id, storeId, detail: { after: auditView(row) }, ip: ctx.ip, at: ctx.now }),
    ]),
  );
  return accountOf(db, row);
}

export async function updateStaff(db: Db, actor: Actor, id: string, patch: StaffUpdate, ctx: Ctx): Promise<StaffAccount> {
  assertStaffAdmin(actor);
  const row = await loadStaff(db, id);
  const next = await checkEdit(db, actor, row, patch);
  const diff = diffOf(row, next);
  if (!diff) return accountOf(db, row);
  const saved = { ...next, updatedAt: ctx.now };
  await db.batch([
    db.update(staff).set({ name: saved.name, phone: saved.phone, role: saved.role, storeId: saved.storeId, updatedAt: ctx.now }).where(eq(staff.id, id)),
    auditInsert(db, { actor, action: 'staff.updated', entity: 'staff', entityId: id, storeId: saved.storeId ?? row.storeId, detail: diff, ip: ctx.ip, at: ctx.now }),
  ]);
  // A new role or store takes effect on the next request, not at the next sign-in.
  afterSessionChange();
  return accountOf(db, saved);
}

/** Disable (signs the person out everywhere) or enable an account. Nobody disables themself. */
export async function setStaffStatus(db: Db, actor: Actor, id: string, status: 'active' | 'disabled', ctx: Ctx): Promise<StaffAccount> {
  assertStaffAdmin(actor);
  const row = await loadStaff(db, id);
  assertManages(actor, row);
  if (row.id === actor.id) throw new DomainError('FORBIDDEN', 'status: nobody disables or enables their own account');
  if (row.status === status) return accountOf(db, row);
  if (status === 'active') await assertStoreOpen(db, row.storeId);
  const saved = { ...row, status, updatedAt: ctx.now };
  await db.batch([
    db.update(staff).set({ status, updatedAt: ctx.now }).where(eq(staff.id, id)),
    ...(status === 'disabled' ? [revokeAll(db, id, ctx.now)] : []),
    auditInsert(db, {
      actor, action: status === 'disabled' ? 'staff.disabled' : 'staff.enabled', entity: 'staff', entityId: id, storeId: row.storeId,
      detail: { before: { status: row.status }, after: { status } }, ip: ctx.ip, at: ctx.now,
    }),
  ]);
  afterSessionChange();
  return accountOf(db, saved);
}

// No look-alikes (0/O, 1/l/I): it is read off a screen and typed on a tablet.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
export function temporaryPassword(length = 12): string {
  let out = '';
  while (out.length < length) {
    for (const b of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (b < ALPHABET.length * 4 && out.length < length) out += ALPHABET[b % ALPHABET.length];
    }
  }
  return out;
}

/**
 * A reset: the temporary password is the admin's or generated (returned once, never stored or
 * logged); every session of the person ends, and their next sign-in must choose a new one.
 */
export async function resetStaffPassword(db: Db, actor: Actor, id: string, input: StaffReset, ctx: Ctx): Promise<StaffResetResult> {
  assertStaffAdmin(actor);
  const row = await loadStaff(db, id);
  assertManages(actor, row);
  if (row.id === actor.id) throw new DomainError('FORBIDDEN', 'id: change your own password with your current one (PUT /api/me/password)');
  const password = input.password ?? temporaryPassword();
  if (password.toLowerCase().includes(row.username)) throw new DomainError('VALIDATION_FAILED', 'password: must not contain the username');
  const saved = { ...row, mustChangePassword: true, updatedAt: ctx.now };
  const [, revoked] = await db.batch([
    db.update(staff).set({ passwordHash: await hashPassword(password), mustChangePassword: true, updatedAt: ctx.now }).where(eq(staff.id, id)),
    revokeAll(db, id, ctx.now),
    clearFailures(db, 'account', row.username),
    auditInsert(db, {
      actor, action: 'staff.password_reset', entity: 'staff', entityId: id, storeId: row.storeId,
      detail: { generated: input.password === undefined, before: { mustChangePassword: row.mustChangePassword }, after: { mustChangePassword: true } }, ip: ctx.ip, at: ctx.now,
    }),
  ]);
  afterSessionChange();
  return { account: await accountOf(db, saved), temporaryPassword: password, revokedSessions: revoked.length };
}
