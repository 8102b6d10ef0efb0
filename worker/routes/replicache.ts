import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import { DomainError } from '../../shared/errors';
import { pullRequestSchema, pushRequestSchema, SYNC_SCHEMA_VERSION } from '../../shared/sync/protocol';
import type { ClientGroup, GroupAnswer } from '../durable/client-group';
import type { AppEnv } from '../env';
import { bearer, errors } from '../http/openapi';
import { validate } from '../http/validate';
import { hubFor } from '../sync/poke';
import { channelFor } from '../sync/views';

const groupStub = (env: Env, id: string) => {
  const ns = env.CLIENT_GROUP as DurableObjectNamespace<ClientGroup>;
  return ns.get(ns.idFromName(id));
};

function unwrap<T>(a: GroupAnswer<T>): T {
  if ('ok' in a) return a.ok;
  if ('refused' in a) throw new DomainError('FORBIDDEN', a.refused.message);
  // Not advanced: the client pushes the same mutations again later.
  throw new DomainError('UNAVAILABLE', a.retry, { retryAfter: 1 });
}

/** A client built for another schema is told to update (Replicache calls its onUpdateNeeded). */
const outdated = (schemaVersion: string) => (schemaVersion === SYNC_SCHEMA_VERSION ? null : { error: 'VersionNotSupported' as const, versionType: 'schema' as const });

const doc = (summary: string) =>
  describeRoute({ tags: ['sync'], summary, security: bearer, responses: { 200: { description: 'Replicache response' }, ...errors(400, 401, 403) } });

/** Replicache push and pull (protocol version 1), and the poke socket (docs/decisions/009). */
export const replicache = new Hono<AppEnv>()
  .post('/push', doc('Replicache push v1: mutations applied in order, each exactly once'), validate('json', pushRequestSchema), async (c) => {
    const req = c.req.valid('json');
    return c.json(outdated(req.schemaVersion) ?? unwrap(await groupStub(c.env, req.clientGroupID).push(c.get('actor'), req, c.get('device'))));
  })
  .post('/pull', doc('Replicache pull v1: what changed in this user’s view since the cookie, paged'), validate('json', pullRequestSchema), async (c) => {
    const req = c.req.valid('json');
    return c.json(outdated(req.schemaVersion) ?? unwrap(await groupStub(c.env, req.clientGroupID).pull(c.get('actor'), req)));
  })
  .get('/poke', doc('WebSocket: "poke" when something in this user’s view changed'), validate('query', z.object({ token: z.string().optional() })), async (c) => {
    if (c.req.header('upgrade') !== 'websocket') throw new DomainError('VALIDATION_FAILED', 'Connect with a WebSocket');
    const channel = channelFor(c.get('actor'));
    const url = new URL(c.req.url);
    url.search = `?channel=${encodeURIComponent(channel)}`;
    return hubFor(c.env, channel).fetch(new Request(url, c.req.raw));
  });
