import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { assertHq } from '../../shared/domain/authz';
import {
  inboxPageSchema, inboxQuerySchema, markReadResultSchema, markReadSchema, notificationIdParamSchema, notificationListQuerySchema,
  notificationListSchema, notificationPreferencesSchema, notificationRowSchema,
} from '../../shared/schemas/notifications';
import { clientAddress } from '../auth/middleware';
import { openDb } from '../db/client';
import type { AppEnv } from '../env';
import { bearer, errors, ok } from '../http/openapi';
import { validate } from '../http/validate';
import { listNotifications, retryNotification } from '../notify/hq';
import { inboxPage, markRead, memberOf, savePreferences } from '../notify/inbox';
import { loadPreferences } from '../notify/preferences';

const doc = (summary: string, schema: Parameters<typeof ok>[0], ...codes: Parameters<typeof errors>) =>
  describeRoute({ tags: ['notifications'], summary, security: bearer, responses: { ...ok(schema), ...errors(...codes) } });

/**
 * Notifications (decision 020), mounted at /api: a member's own inbox and preferences under
 * /me/…, and HQ's view of the outbox (HQ only: failures are a chain-wide matter) with its retry.
 */
export const notifications = new Hono<AppEnv>()
  .get('/me/notifications', doc('The signed-in member’s inbox, newest first, in their locale (members only)', inboxPageSchema, 400, 401, 403), validate('query', inboxQuerySchema), async (c) =>
    c.json(await inboxPage(c.env.DB, memberOf(c.get('actor')), c.req.valid('query'))))
  .post('/me/notifications/read', doc('Mark the member’s own notifications read: some ids, or all (members only)', markReadResultSchema, 400, 401, 403), validate('json', markReadSchema), async (c) =>
    c.json({ marked: await markRead(c.env.DB, memberOf(c.get('actor')), c.req.valid('json'), Date.now()) }))
  .get('/me/notification-preferences', doc('The member’s channels per kind, quiet hours and language (defaults until set)', notificationPreferencesSchema, 401, 403), async (c) =>
    c.json(await loadPreferences(c.env.DB, memberOf(c.get('actor')))))
  .put('/me/notification-preferences', doc('Replace the member’s notification preferences (members only; audited)', notificationPreferencesSchema, 400, 401, 403), validate('json', notificationPreferencesSchema), async (c) =>
    c.json(await savePreferences(openDb(c.env.DB), c.get('actor'), c.req.valid('json'), { ip: clientAddress(c.req), now: Date.now() })))
  .get('/notifications', doc('The notification outbox, newest first, e.g. status=failed (HQ)', notificationListSchema, 400, 401, 403), validate('query', notificationListQuerySchema), async (c) => {
    assertHq(c.get('actor'));
    return c.json({ notifications: await listNotifications(c.env.DB, c.req.valid('query')) });
  })
  .post('/notifications/:id/retry', doc('Send a failed notification again, now (HQ; audited)', notificationRowSchema, 400, 401, 403, 404, 409), validate('param', notificationIdParamSchema), async (c) => {
    const actor = c.get('actor');
    assertHq(actor);
    return c.json(await retryNotification(c.env, openDb(c.env.DB), actor, c.req.valid('param').id, { ip: clientAddress(c.req), now: Date.now() }));
  });
