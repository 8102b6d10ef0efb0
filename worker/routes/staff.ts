import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import {
  staffAccountSchema, staffCreateSchema, staffIdParamSchema, staffListQuerySchema, staffListSchema, staffResetResultSchema, staffResetSchema, staffUpdateSchema,
} from '../../shared/schemas/staff';
import { clientAddress } from '../auth/middleware';
import { openDb } from '../db/client';
import type { AppEnv } from '../env';
import { bearer, errors, ok } from '../http/openapi';
import { validate } from '../http/validate';
import { listStaff } from '../services/staff-admin';
import { createStaff, resetStaffPassword, setStaffStatus, updateStaff } from '../services/staff-writes';

// Staff accounts (decision 023): HQ manages everyone, a store manager their own store's clerks.
const ctxOf = (c: { req: { header(n: string): string | undefined } }) => ({ ip: clientAddress(c.req), now: Date.now() });
const scope = 'HQ: anyone; a store manager: their own store’s clerks; audited';

export const staffRoutes = new Hono<AppEnv>()
  .get(
    '/',
    describeRoute({ tags: ['staff'], summary: 'Staff accounts: HQ all (filter by store, status, text), a manager their own store’s', security: bearer, responses: { ...ok(staffListSchema), ...errors(400, 401, 403) } }),
    validate('query', staffListQuerySchema),
    async (c) => c.json({ staff: await listStaff(openDb(c.env.DB), c.get('actor'), c.req.valid('query')) }),
  )
  .post(
    '/',
    describeRoute({ tags: ['staff'], summary: `Create an account with a first password its owner must change at first sign-in (${scope})`, security: bearer, responses: { ...ok(staffAccountSchema), ...errors(400, 401, 403, 409) } }),
    validate('json', staffCreateSchema),
    async (c) => c.json(await createStaff(openDb(c.env.DB), c.get('actor'), c.req.valid('json'), ctxOf(c))),
  )
  .patch(
    '/:id',
    describeRoute({ tags: ['staff'], summary: `Edit name, phone, role or store; a manager cannot promote or move a clerk (${scope})`, security: bearer, responses: { ...ok(staffAccountSchema), ...errors(400, 401, 403, 404) } }),
    validate('param', staffIdParamSchema),
    validate('json', staffUpdateSchema),
    async (c) => c.json(await updateStaff(openDb(c.env.DB), c.get('actor'), c.req.valid('param').id, c.req.valid('json'), ctxOf(c))),
  )
  .post(
    '/:id/disable',
    describeRoute({ tags: ['staff'], summary: `Disable an account and sign it out everywhere; nobody disables themself (${scope})`, security: bearer, responses: { ...ok(staffAccountSchema), ...errors(400, 401, 403, 404) } }),
    validate('param', staffIdParamSchema),
    async (c) => c.json(await setStaffStatus(openDb(c.env.DB), c.get('actor'), c.req.valid('param').id, 'disabled', ctxOf(c))),
  )
  .post(
    '/:id/enable',
    describeRoute({ tags: ['staff'], summary: `Enable a disabled account (${scope})`, security: bearer, responses: { ...ok(staffAccountSchema), ...errors(400, 401, 403, 404) } }),
    validate('param', staffIdParamSchema),
    async (c) => c.json(await setStaffStatus(openDb(c.env.DB), c.get('actor'), c.req.valid('param').id, 'active', ctxOf(c))),
  )
  .post(
    '/:id/reset-password',
    describeRoute({
      tags: ['staff'],
      summary: `Set a temporary password (given, or generated and returned once); signs the person out everywhere; their next sign-in must choose a new one (${scope})`,
      security: bearer,
      responses: { ...ok(staffResetResultSchema), ...errors(400, 401, 403, 404) },
    }),
    validate('param', staffIdParamSchema),
    validate('json', staffResetSchema),
    async (c) => c.json(await resetStaffPassword(openDb(c.env.DB), c.get('actor'), c.req.valid('param').id, c.req.valid('json'), ctxOf(c))),
  );
