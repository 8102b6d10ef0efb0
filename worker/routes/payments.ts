import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { chargeRequestSchema, chargeResultSchema, paymentSetupSchema } from '../../shared/schemas/payment';
import { assertStaff } from '../../shared/domain/authz';
import { openDb } from '../db/client';
import type { AppEnv } from '../env';
import { bearer, errors, ok } from '../http/openapi';
import { validate } from '../http/validate';
import { paymentSetup } from '../payments/provider';
import { charge } from '../services/payments';

export const payments = new Hono<AppEnv>()
  .get(
    '/setup',
    describeRoute({ tags: ['payments'], summary: 'How the counter takes WeChat Pay, Alipay and bank cards: `manual` (type the terminal’s reference) or a provider that charges a scanned payment code', security: bearer, responses: { ...ok(paymentSetupSchema), ...errors(401, 403) } }),
    (c) => {
      assertStaff(c.get('actor'));
      return c.json(paymentSetup(c.env));
    },
  )
  .post(
    '/charge',
    describeRoute({ tags: ['payments'], summary: 'Charge a customer’s payment code through the tender’s provider (the payment id is the idempotency key; a decline is an answer, not an error)', security: bearer, responses: { ...ok(chargeResultSchema), ...errors(400, 401, 403, 404, 409) } }),
    validate('json', chargeRequestSchema),
    async (c) => c.json(await charge(c.env, openDb(c.env.DB), c.get('actor'), c.req.valid('json'))),
  );
