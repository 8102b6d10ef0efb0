import { eq } from 'drizzle-orm';
import type { LoginResponse } from '../../shared/schemas/auth';
import { DomainError } from '../../shared/errors';
import { smsText } from '../../shared/domain/notification-templates';
import { createSession } from '../auth/sessions';
import type { SmsSender } from '../auth/sms';
import { assertNotThrottled, clearFailures, recordFailure } from '../auth/throttle';
import { sha256Hex } from '../auth/tokens';
import type { Db } from '../db/client';
import { members, otpCodes } from '../db/schema';

export const OTP_TTL_MS = 5 * 60_000;
export const OTP_RESEND_MS = 60_000;
const OTP_MAX_ATTEMPTS = 5;

const codeHash = (phone: string, code: string) => sha256Hex(`${phone}:${code}`);

function sixDigits(): string {
  const n = crypto.getRandomValues(new Uint32Array(1))[0]! % 1_000_000;
  return n.toString().padStart(6, '0');
}

/**
 * Sends a one-time code. An unregistered phone gets the same answer and no SMS, so the endpoint
 * does not reveal who is a member.
 */
export async function requestOtp(db: Db, sms: SmsSender, phone: string, now: number): Promise<{ resendAfter: number }> {
  const prior = await db.select().from(otpCodes).where(eq(otpCodes.phone, phone)).get();
  if (prior && prior.sentAt + OTP_RESEND_MS > now) {
    const retryAfter = Math.ceil((prior.sentAt + OTP_RESEND_MS - now) / 1000);
    throw new DomainError('RATE_LIMITED', `A code was just sent; request another in ${retryAfter} s`, { retryAfter });
  }
  const member = await db.select({ id: members.id, status: members.status }).from(members).where(eq(members.phone, phone)).get();
  if (member && member.status !== 'closed') {
    const code = sixDigits();
    const row = { phone, codeHash: await codeHash(phone, code), sentAt: now, expiresAt: now + OTP_TTL_MS, attempts: 0 };
    await db.insert(otpCodes).values(row).onConflictDoUpdate({ target: otpCodes.phone, set: row });
    await sms.send(phone, smsText({ kind: 'otp', code, minutes: OTP_TTL_MS / 60_000 }, 'zh-CN'));
  }
  return { resendAfter: OTP_RESEND_MS / 1000 };
}

export async function memberLogin(
  db: Db,
  input: { phone: string; code: string },
  ctx: { ip: string; now: number; ttlMs: number },
): Promise<LoginResponse> {
  const { phone, code } = input;
  await assertNotThrottled(db, 'address', ctx.ip, ctx.now);
  await assertNotThrottled(db, 'otp', phone, ctx.now);

  const row = await db.select().from(otpCodes).where(eq(otpCodes.phone, phone)).get();
  const valid = row && row.expiresAt > ctx.now && row.attempts < OTP_MAX_ATTEMPTS && row.codeHash === (await codeHash(phone, code));
  if (!valid) {
    const writes = [recordFailure(db, 'otp', phone, ctx.now), recordFailure(db, 'address', ctx.ip, ctx.now)] as const;
    if (row) await db.batch([...writes, db.update(otpCodes).set({ attempts: row.attempts + 1 }).where(eq(otpCodes.phone, phone))]);
    else await db.batch(writes);
    throw new DomainError('INVALID_OTP', 'The code is wrong or has expired; request a new one');
  }
  const member = await db.select().from(members).where(eq(members.phone, phone)).get();
  if (!member || member.status === 'closed') throw new DomainError('INVALID_OTP', 'The code is wrong or has expired; request a new one');

  await db.batch([db.delete(otpCodes).where(eq(otpCodes.phone, phone)), clearFailures(db, 'otp', phone)]);
  const session = await createSession(db, { kind: 'member', id: member.id }, ctx.ttlMs, ctx.now);
  return { ...session, user: { kind: 'member', id: member.id, name: member.name } };
}
