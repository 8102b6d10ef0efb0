import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { meSchema } from '../../shared/schemas/me';
import { memberSchema } from '../../shared/schemas/member';
import { memberQrKeyBodySchema } from '../../shared/schemas/member-qr-key';
import { bearerToken, clientAddress } from '../auth/middleware';
import { limitByAddress } from '../auth/rate-limit';
import { changeOwnPassword } from '../services/staff-password';
import { changePasswordSchema } from '../../shared/schemas/auth';
import { openDb } from '../db/client';
import type { AppEnv } from '../env';
import { bearer, errors, ok } from '../http/openapi';
import { validate } from '../http/validate';
import { describeMe } from '../services/me';
import { registerQrKey } from '../services/member-qr-key';
import { setApprovalPin } from '../services/approvals';
import { setPinSchema } from '../../shared/schemas/approval';
import { z } from 'zod';
import { memberProfileSchema, memberProfileViewSchema } from '../../shared/schemas/member-profile';
import { getProfile, saveProfile } from '../services/member-profile';

export const me = new Hono<AppEnv>()
  .get(
    '/',
    describeRoute({
      tags: ['auth'],
      summary: 'The signed-in user, their store (staff) or their account (member)',
      security: bearer,
      responses: { ...ok(meSchema), ...errors(401) },
    }),
    async (c) => c.json(await describeMe(openDb(c.env.DB), c.get('actor'))),
  )
  .put(
    '/qr-key',
    describeRoute({
      tags: ['auth'],
      summary: 'Register this phone’s member-code public key (members only); replaces the previous phone’s key',
      security: bearer,
      responses: { ...ok(memberSchema), ...errors(400, 401, 403) },
    }),
    validate('json', memberQrKeyBodySchema),
    async (c) => {
      const ctx = { env: c.env, db: openDb(c.env.DB), actor: c.get('actor'), ip: clientAddress(c.req) };
      return c.json(await registerQrKey(ctx, c.req.valid('json').publicKey));
    },
  )
  .put(
    '/password',
    describeRoute({
      tags: ['auth'],
      summary: 'Change the signed-in staff member’s password (with the current one); every other session of theirs is signed out; audited',
      security: bearer,
      responses: { ...ok(z.object({ ok: z.literal(true), revokedSessions: z.number().int() })), ...errors(400, 401, 403, 429) },
    }),
    limitByAddress('AUTH_LIMIT'),
    validate('json', changePasswordSchema),
    async (c) => {
      const token = bearerToken(c.req.header('authorization')) ?? '';
      return c.json(await changeOwnPassword(openDb(c.env.DB), c.get('actor'), token, c.req.valid('json'), { ip: clientAddress(c.req), now: Date.now() }));
    },
  )
  .put(
    '/pin',
    describeRoute({
      tags: ['auth'],
      summary: 'Set the signed-in manager’s (or HQ’s) 6-digit approval PIN, confirmed with their password; audited (decision 013)',
      security: bearer,
      responses: { ...ok(z.object({ ok: z.literal(true) })), ...errors(400, 401, 403, 429) },
    }),
    validate('json', setPinSchema),
    async (c) => c.json(await setApprovalPin(openDb(c.env.DB), c.get('actor'), c.req.valid('json'), { ip: clientAddress(c.req), now: Date.now() })),
  )
  .get(
    '/profile',
    describeRoute({ tags: ['auth'], summary: 'The signed-in member’s profile: name, birthday (set once), interests (members only)', security: bearer, responses: { ...ok(memberProfileViewSchema), ...errors(401, 403) } }),
    async (c) => c.json(await getProfile(c.env.DB, c.get('actor'))),
  )
  .put(
    '/profile',
    describeRoute({ tags: ['auth'], summary: 'Edit the signed-in member’s name, interests and (once) birthday (members only; audited)', security: bearer, responses: { ...ok(memberProfileViewSchema), ...errors(400, 401, 403) } }),
    validate('json', memberProfileSchema),
    async (c) => c.json(await saveProfile(c.env.DB, c.get('actor'), c.req.valid('json'), { ip: clientAddress(c.req), now: Date.now() })),
  );
