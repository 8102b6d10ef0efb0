import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { assertHq, assertStaff } from '../../shared/domain/authz';
import { chainRulesSchema } from '../../shared/schemas/rules';
import { clientAddress } from '../auth/middleware';
import { openDb } from '../db/client';
import type { AppEnv } from '../env';
import { bearer, errors, ok } from '../http/openapi';
import { validate } from '../http/validate';
import { auditInsert } from '../services/audit';
import { loadRules, saveRulesStatement } from '../services/rules';

export const rules = new Hono<AppEnv>()
  .get('/', describeRoute({ tags: ['rules'], summary: 'The chain’s money and points rules (staff)', security: bearer, responses: { ...ok(chainRulesSchema), ...errors(401, 403) } }), async (c) => {
    assertStaff(c.get('actor'));
    return c.json(await loadRules(openDb(c.env.DB)));
  })
  .put(
    '/',
    describeRoute({ tags: ['rules'], summary: 'Replace the chain’s rules (HQ; audited)', security: bearer, responses: { ...ok(chainRulesSchema), ...errors(400, 401, 403) } }),
    validate('json', chainRulesSchema),
    async (c) => {
      const actor = c.get('actor');
      assertHq(actor);
      const db = openDb(c.env.DB);
      const next = c.req.valid('json');
      const before = await loadRules(db);
      const now = Date.now();
      await db.batch([saveRulesStatement(db, next, actor.id, now), auditInsert(db, { actor, action: 'rules.update', entity: 'chain_rules', entityId: 'rules', ip: clientAddress(c.req), at: now, detail: { before, after: next } })]);
      return c.json(next);
    },
  );
