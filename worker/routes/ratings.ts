import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { visitRatingListQuerySchema, visitRatingListSchema, visitRatingRequestSchema, visitRatingSchema } from '../../shared/schemas/member-profile';
import type { AppEnv } from '../env';
import { bearer, errors, ok } from '../http/openapi';
import { validate } from '../http/validate';
import { listRatings, rateVisit } from '../services/visit-ratings';

const doc = (summary: string, schema: Parameters<typeof ok>[0], ...codes: Parameters<typeof errors>) =>
  describeRoute({ tags: ['ratings'], summary, security: bearer, responses: { ...ok(schema), ...errors(...codes) } });

/** 评价: members rate their visits; a store's manager and HQ read them. */
export const ratings = new Hono<AppEnv>()
  .post('/', doc('Rate a visit of yours, 1–5 with a comment, once (members)', visitRatingSchema, 400, 401, 403, 404, 409), validate('json', visitRatingRequestSchema), async (c) =>
    c.json(await rateVisit(c.env.DB, c.get('actor'), c.req.valid('json'), Date.now())))
  .get('/', doc('Ratings, newest first, with their average (a member: own; a manager: their store; HQ: any)', visitRatingListSchema, 400, 401, 403), validate('query', visitRatingListQuerySchema), async (c) =>
    c.json(await listRatings(c.env.DB, c.get('actor'), c.req.valid('query'))));
