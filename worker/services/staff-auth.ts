import { eq } from 'drizzle-orm';
import type { LoginResponse, StaffLogin } from '../../shared/schemas/auth';
import { DomainError } from '../../shared/errors';
import { verifyPassword } from '../auth/password';
import { createSession } from '../auth/sessions';
import { assertNotThrottled, clearFailures, recordFailure } from '../auth/throttle';
import type { Db } from '../db/client';
import { staff } from '../db/schema';
import { auditInsert } from './audit';

export async function staffLogin(
  db: Db,
  input: StaffLogin,
  ctx: { ip: string; now: number; ttlMs: number },
): Promise<LoginResponse> {
  const username = input.username.toLowerCase();
  await assertNotThrottled(db, 'address', ctx.ip, ctx.now);
  await assertNotThrottled(db, 'account', username, ctx.now);

  const row = await db.select().from(staff).where(eq(staff.username, username)).get();
  const ok = await verifyPassword(input.password, row?.passwordHash ?? null);
  if (!row || !ok) {
    await db.batch([
      recordFailure(db, 'account', username, ctx.now),
      recordFailure(db, 'address', ctx.ip, ctx.now),
      auditInsert(db, {
        actor: { kind: 'system', id: 'auth' },
        action: 'auth.login_failed',
        entity: 'staff',
        entityId: row?.id ?? username,
        storeId: row?.storeId ?? null,
        ip: ctx.ip,
        at: ctx.now,
      }),
    ]);
    throw new DomainError('INVALID_CREDENTIALS', 'Wrong username or password');
  }
  if (row.status !== 'active') throw new DomainError('FORBIDDEN', 'This staff account is disabled; ask HQ to enable it');

  const session = await createSession(db, { kind: 'staff', id: row.id }, ctx.ttlMs, ctx.now);
  const user = { kind: 'staff' as const, id: row.id, name: row.name, role: row.role, storeId: row.storeId };
  await db.batch([
    clearFailures(db, 'account', username),
    auditInsert(db, { actor: user, action: 'auth.login', entity: 'staff', entityId: row.id, ip: ctx.ip, at: ctx.now }),
  ]);
  return { ...session, user, mustChangePassword: row.mustChangePassword };
}
