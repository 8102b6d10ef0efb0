import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import {
  loginResponseSchema,
  memberLoginSchema,
  otpRequestResponseSchema,
  otpRequestSchema,
  staffLoginSchema,
} from '../../shared/schemas/auth';
import { okSchema } from '../../shared/schemas/common';
import { bearerToken, clientAddress } from '../auth/middleware';
import { limitByAddress } from '../auth/rate-limit';
import { revokeSession } from '../auth/sessions';
import { smsSenderFromEnv } from '../auth/sms';
import { openDb } from '../db/client';
import type { AppEnv } from '../env';
import { bearer, errors, ok } from '../http/openapi';
import { validate } from '../http/validate';
import { memberLogin, requestOtp } from '../services/member-auth';
import { staffLogin } from '../services/staff-auth';

const hours = (v: string, fallback: number) => (Number(v) > 0 ? Number(v) : fallback) * 3_600_000;

export const auth = new Hono<AppEnv>()
  .post(
    '/login',
    describeRoute({
      tags: ['auth'],
      summary: 'Staff sign-in with username and password',
      responses: { ...ok(loginResponseSchema), ...errors(400, 401, 403, 429) },
    }),
    limitByAddress('AUTH_LIMIT'),
    validate('json', staffLoginSchema),
    async (c) => {
      const res = await staffLogin(openDb(c.env.DB), c.req.valid('json'), {
        ip: clientAddress(c.req),
        now: Date.now(),
        ttlMs: hours(c.env.SESSION_TTL_HOURS, 12),
      });
      return c.json(res);
    },
  )
  .post(
    '/logout',
    describeRoute({ tags: ['auth'], summary: 'Revoke the bearer token', security: bearer, responses: ok(okSchema) }),
    async (c) => {
      const token = bearerToken(c.req.header('authorization'));
      if (token) await revokeSession(openDb(c.env.DB), token, Date.now());
      return c.json({ ok: true as const });
    },
  )
  .post(
    '/member/otp',
    describeRoute({
      tags: ['auth'],
      summary: 'Send a one-time sign-in code to a member’s phone',
      responses: { ...ok(otpRequestResponseSchema), ...errors(400, 429) },
    }),
    limitByAddress('OTP_SEND_LIMIT'),
    validate('json', otpRequestSchema),
    async (c) => {
      const db = openDb(c.env.DB);
      const { resendAfter } = await requestOtp(db, smsSenderFromEnv(c.env, db), c.req.valid('json').phone, Date.now());
      return c.json({ sent: true as const, resendAfter });
    },
  )
  .post(
    '/member/login',
    describeRoute({
      tags: ['auth'],
      summary: 'Member sign-in with phone and one-time code',
      responses: { ...ok(loginResponseSchema), ...errors(400, 401, 429) },
    }),
    limitByAddress('AUTH_LIMIT'),
    validate('json', memberLoginSchema),
    async (c) => {
      const res = await memberLogin(openDb(c.env.DB), c.req.valid('json'), {
        ip: clientAddress(c.req),
        now: Date.now(),
        ttlMs: hours(c.env.MEMBER_SESSION_TTL_HOURS, 720),
      });
      return c.json(res);
    },
  );
