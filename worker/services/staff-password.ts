import { and, eq, ne } from 'drizzle-orm';
import { assertStaff, type Actor } from '../../shared/domain/authz';
import { hashPassword } from '../../shared/crypto/password';
import type { ChangePassword } from '../../shared/schemas/auth';
import { DomainError } from '../../shared/errors';
import { verifyPassword } from '../auth/password';
import { forgetCachedSessions } from '../auth/sessions';
import { sha256Hex } from '../auth/tokens';
import { assertNotThrottled, clearFailures, recordFailure } from '../auth/throttle';
import type { Db } from '../db/client';
import { sessions, staff } from '../db/schema';
import { auditInsert } from './audit';

/**
 * A staff member changes their own password with the current one. Every other session of theirs
 * is revoked in the same batch (a password changed because it leaked must lock the leaker out);
 * the session making the change stays. Wrong current passwords count towards the sign-in limit.
 */
export async function changeOwnPassword(db: Db, actor: Actor, token: string, input: ChangePassword, ctx: { ip: string; now: number }): Promise<{ ok: true; revokedSessions: number }> {
  assertStaff(actor);
  const row = await db.select().from(staff).where(eq(staff.id, actor.id)).get();
  if (!row) throw new DomainError('UNAUTHENTICATED', 'Sign in again');
  await assertNotThrottled(db, 'account', row.username, ctx.now);
  if (!(await verifyPassword(input.currentPassword, row.passwordHash))) {
    await recordFailure(db, 'account', row.username, ctx.now);
    // 403, not 401: a mistyped password must not sign the person out of the app.
    throw new DomainError('FORBIDDEN', 'currentPassword: the current password is wrong');
  }
  if (input.newPassword.toLowerCase().includes(row.username.toLowerCase())) {
    throw new DomainError('VALIDATION_FAILED', 'newPassword: must not contain the username');
  }
  const current = await sha256Hex(token);
  const [, revoked] = await db.batch([
    // The new password is the person's own: a reset's "choose a new one first" is over.
    db.update(staff).set({ passwordHash: await hashPassword(input.newPassword), mustChangePassword: false, updatedAt: ctx.now }).where(eq(staff.id, actor.id)),
    db.update(sessions).set({ revokedAt: ctx.now })
      .where(and(eq(sessions.subjectKind, 'staff'), eq(sessions.subjectId, actor.id), ne(sessions.tokenHash, current)))
      .returning({ id: sessions.tokenHash }),
    clearFailures(db, 'account', row.username),
    auditInsert(db, {
      actor, action: 'staff.password_changed', entity: 'staff', entityId: actor.id, ip: ctx.ip, at: ctx.now,
      detail: row.mustChangePassword ? { before: { mustChangePassword: true }, after: { mustChangePassword: false } } : {},
    }),
  ]);
  // Other isolates drop theirs within the cache's few seconds (docs/decisions/003).
  forgetCachedSessions();
  return { ok: true, revokedSessions: revoked.length };
}
