import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import { deviceIdParamSchema, deviceListSchema, deviceSchema, registerDeviceSchema, registeredDeviceSchema, retireDeviceSchema } from '../../shared/schemas/device';
import { DomainError } from '../../shared/errors';
import { openDb } from '../db/client';
import type { AppEnv } from '../env';
import { bearer, errors, ok } from '../http/openapi';
import { validate } from '../http/validate';
import { giveBackRetired } from '../services/allowances';
import { listDevices, markRetired, registerDevice } from '../services/devices';

const doc = (summary: string, schema: z.ZodType, codes: (400 | 401 | 403 | 404 | 409)[]) =>
  describeRoute({ tags: ['devices'], summary, security: bearer, responses: { ...ok(schema), ...errors(...codes) } });

/** Registered tablets and what they hold for offline use (decision 015). */
export const devices = new Hono<AppEnv>()
  .post('/', doc('Register this tablet for a store (its manager or HQ); the credential is answered once', registeredDeviceSchema, [400, 401, 403, 404]), validate('json', registerDeviceSchema), async (c) =>
    c.json(await registerDevice(openDb(c.env.DB), c.get('actor'), c.req.valid('json')), 201))
  .get('/', doc('Tablets with their outstanding offline allowances: HQ every store, staff their own', deviceListSchema, [401, 403]), async (c) =>
    c.json({ devices: await listDevices(openDb(c.env.DB), c.get('actor')) }))
  .get('/current', doc('The tablet this request comes from (its x-device credential)', deviceSchema, [401, 404]), async (c) => {
    const device = c.get('device');
    const found = device ? (await listDevices(openDb(c.env.DB), c.get('actor'))).find((d) => d.id === device.id) : undefined;
    if (!found) throw new DomainError('NOT_FOUND', 'This browser is not a registered tablet of your store');
    return c.json(found);
  })
  .post('/:id/retire', doc('Retire a lost or broken tablet (HQ): members get back what it held; what it brings in later is written off', z.object({ device: deviceSchema, releasedFen: z.number().int() }), [400, 401, 403, 404]),
    validate('param', deviceIdParamSchema), validate('json', retireDeviceSchema), async (c) => {
      const db = openDb(c.env.DB);
      const id = c.req.valid('param').id;
      const { storeId, memberIds } = await markRetired(db, c.get('actor'), id, c.req.valid('json').reason);
      const releasedFen = await giveBackRetired(c.env, db, c.get('actor'), id, storeId, memberIds);
      const device = (await listDevices(db, c.get('actor'))).find((d) => d.id === id)!;
      return c.json({ device, releasedFen });
    });
