import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import type { AppEnv } from '../env';
import { ok } from '../http/openapi';

const healthSchema = z.object({ ok: z.boolean(), db: z.boolean(), time: z.number() });

export const health = new Hono<AppEnv>().get(
  '/',
  describeRoute({ tags: ['system'], summary: 'Liveness and database check', responses: ok(healthSchema) }),
  async (c) => {
    const db = await c.env.DB.prepare('select 1 as one').first<{ one: number }>().then(
      (r) => r?.one === 1,
      () => false,
    );
    return c.json({ ok: db, db, time: Date.now() }, db ? 200 : 503);
  },
);
