import type { StandardSchemaV1 } from '@standard-schema/spec';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import { idSchema } from '../../shared/schemas/common';
import { closeShiftSchema, currentShiftSchema, openShiftSchema, shiftListQuerySchema, shiftListSchema, shiftSchema } from '../../shared/schemas/shift';
import { clientAddress } from '../auth/middleware';
import { openDb } from '../db/client';
import type { AppEnv } from '../env';
import { bearer, errors, ok } from '../http/openapi';
import { validate } from '../http/validate';
import * as svc from '../services/shifts';

const doc = (summary: string, schema: StandardSchemaV1) =>
  describeRoute({ tags: ['shifts'], summary, security: bearer, responses: { ...ok(schema), ...errors(400, 401, 403, 404, 409) } });
const idParam = z.object({ id: idSchema });

/** Till shifts: opened with a cash float, closed with a cash count and a summary by tender (audited). */
export const shifts = new Hono<AppEnv>()
  .post('/', doc('Open my shift at my store (the id is the idempotency key; one open shift per person)', shiftSchema), validate('json', openShiftSchema), async (c) =>
    c.json(await svc.openShift(openDb(c.env.DB), c.get('actor'), c.req.valid('json'), clientAddress(c.req))))
  .get('/current', doc('My open shift with its figures so far, or null', currentShiftSchema), async (c) =>
    c.json({ shift: await svc.currentShift(openDb(c.env.DB), c.get('actor')) }))
  .post('/:id/close', doc('Close a shift with the cash counted (its owner, a manager of its store, or HQ)', shiftSchema), validate('param', idParam), validate('json', closeShiftSchema), async (c) =>
    c.json(await svc.closeShift(openDb(c.env.DB), c.get('actor'), c.req.valid('param').id, c.req.valid('json'), clientAddress(c.req))))
  .get('/', doc('Shifts opened in [from, to), newest first (managers: their store; HQ: any)', shiftListSchema), validate('query', shiftListQuerySchema), async (c) =>
    c.json({ shifts: await svc.listShifts(openDb(c.env.DB), c.get('actor'), c.req.valid('query')) }));
