import { Hono } from 'hono';
import { describeRoute, resolver } from 'hono-openapi';
import { memberIdParamSchema, memberSchema } from '../../shared/schemas/member';
import { registerMemberSchema, updateMemberBodySchema } from '../../shared/schemas/member-write';
import { clientAddress } from '../auth/middleware';
import { openDb } from '../db/client';
import type { AppEnv } from '../env';
import { bearer, errors, ok } from '../http/openapi';
import { validate } from '../http/validate';
import { registerMember, updateMember } from '../services/member-registry';

const created = { 201: { description: 'Registered (a retry of the same registration gets this same answer)', content: { 'application/json': { schema: resolver(memberSchema) } } } };

/** Registering and editing members (staff). Reads are in ./members. */
export const memberWrites = new Hono<AppEnv>()
  .post(
    '/',
    describeRoute({
      tags: ['members'],
      summary: 'Register a member (staff, for their own store). The client-made id is the idempotency key: a repeat answers 201 with the same member',
      security: bearer,
      responses: { ...created, ...errors(400, 401, 403, 404, 409) },
    }),
    validate('json', registerMemberSchema),
    async (c) => c.json(await registerMember(openDb(c.env.DB), c.get('actor'), c.req.valid('json'), { ip: clientAddress(c.req) }), 201),
  )
  .patch(
    '/:id',
    describeRoute({
      tags: ['members'],
      summary: 'Change a member’s name, gender, birthday or phone (staff of a store that serves them, or HQ)',
      security: bearer,
      responses: { ...ok(memberSchema), ...errors(400, 401, 403, 404, 409) },
    }),
    validate('param', memberIdParamSchema),
    validate('json', updateMemberBodySchema),
    async (c) => {
      const input = { ...c.req.valid('json'), id: c.req.valid('param').id };
      return c.json(await updateMember(openDb(c.env.DB), c.get('actor'), input, { ip: clientAddress(c.req) }));
    },
  );
