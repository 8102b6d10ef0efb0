import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import { assertHq, assertStaff } from '../../shared/domain/authz';
import { chainRulesSchema, rulePreviewRequestSchema, rulePreviewSchema, rulesSaveSchema, ruleVersionKeySchema, ruleVersionsSchema } from '../../shared/schemas/rules';
import { clientAddress } from '../auth/middleware';
import { openDb } from '../db/client';
import type { AppEnv } from '../env';
import { bearer, errors, ok } from '../http/openapi';
import { validate } from '../http/validate';
import { previewRuleChange } from '../services/rule-preview';
import { currentVersion, listVersions } from '../services/rule-versions';
import { loadRules, rulesWithVersion, saveRules } from '../services/rules';
import { listTiers } from '../services/tiers';

const versionsQuery = z.object({ key: ruleVersionKeySchema.default('rules') });

export const rules = new Hono<AppEnv>()
  .get('/', describeRoute({ tags: ['rules'], summary: 'The chain’s money and points rules (staff)', security: bearer, responses: { ...ok(chainRulesSchema), ...errors(401, 403) } }), async (c) => {
    assertStaff(c.get('actor'));
    return c.json(await loadRules(openDb(c.env.DB)));
  })
  .put(
    '/',
    describeRoute({ tags: ['rules'], summary: 'Replace the chain’s rules (HQ; versioned, audited; a stale baseVersion is 409)', security: bearer, responses: { ...ok(chainRulesSchema), ...errors(400, 401, 403, 409) } }),
    validate('json', rulesSaveSchema),
    async (c) => {
      const saved = await saveRules(openDb(c.env.DB), c.get('actor'), c.req.valid('json'), clientAddress(c.req));
      c.header('x-rules-version', String(saved.version));
      return c.json(saved.rules);
    },
  )
  .get(
    '/versions',
    describeRoute({ tags: ['rules'], summary: 'Saved versions of the rules or of the tiers, newest first, with the one in force (HQ)', security: bearer, responses: { ...ok(ruleVersionsSchema), ...errors(400, 401, 403) } }),
    validate('query', versionsQuery),
    async (c) => {
      const db = openDb(c.env.DB);
      const { key } = c.req.valid('query');
      const versions = await listVersions(db, c.get('actor'), key);
      const current = key === 'rules' ? ((await rulesWithVersion(db))?.rules ?? (await loadRules(db))) : await listTiers(db);
      return c.json({ key, version: await currentVersion(db, key), current, versions });
    },
  )
  .post(
    '/preview',
    describeRoute({ tags: ['rules'], summary: 'An example sale priced under the rules in force and under candidate rules/tiers (HQ; changes nothing)', security: bearer, responses: { ...ok(rulePreviewSchema), ...errors(400, 401, 403) } }),
    validate('json', rulePreviewRequestSchema),
    async (c) => {
      assertHq(c.get('actor'));
      return c.json(await previewRuleChange(openDb(c.env.DB), c.get('actor'), c.req.valid('json')));
    },
  );
