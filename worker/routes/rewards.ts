import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { DomainError } from '../../shared/errors';
import { rewardIdParamSchema, rewardListSchema, rewardSchema } from '../../shared/schemas/rewards';
import { clientAddress } from '../auth/middleware';
import { openDb } from '../db/client';
import type { AppEnv } from '../env';
import { bearer, errors, ok } from '../http/openapi';
import { validate } from '../http/validate';
import { listRewards, saveReward } from '../services/rewards';

const doc = (summary: string, schema: Parameters<typeof ok>[0], ...codes: Parameters<typeof errors>) =>
  describeRoute({ tags: ['rewards'], summary, security: bearer, responses: { ...ok(schema), ...errors(...codes) } });

/** 积分兑换's catalogue: HQ defines the rewards (audited); members see what is on offer now. */
export const rewards = new Hono<AppEnv>()
  .get('/', doc('Rewards for points (a member: on offer now, with what is left and their count; staff: all)', rewardListSchema, 401), async (c) =>
    c.json({ rewards: await listRewards(c.env.DB, c.get('actor'), Date.now()) }))
  .put('/:id', doc('Create or replace a reward (HQ; audited)', rewardSchema, 400, 401, 403), validate('param', rewardIdParamSchema), validate('json', rewardSchema), async (c) => {
    const body = c.req.valid('json');
    if (body.id !== c.req.valid('param').id) throw new DomainError('VALIDATION_FAILED', `id: the body's id ${body.id} is not the path's ${c.req.valid('param').id}`);
    return c.json(await saveReward(openDb(c.env.DB), c.env.DB, c.get('actor'), body, { ip: clientAddress(c.req), now: Date.now() }));
  });
