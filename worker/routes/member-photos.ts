import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import { memberIdParamSchema } from '../../shared/schemas/member';
import { memberPhotoSchema, memberPhotoUploadSchema } from '../../shared/schemas/member-photo';
import { clientAddress } from '../auth/middleware';
import { openDb } from '../db/client';
import type { AppEnv } from '../env';
import { bearer, errors, ok } from '../http/openapi';
import { validate } from '../http/validate';
import { getMemberPhoto, setMemberPhoto } from '../services/member-photos';

const saved = z.object({ ok: z.literal(true), updatedAt: z.number().int() });

/** A member's photo from the counter camera: small, fetched on demand, not synced. */
export const memberPhotos = new Hono<AppEnv>()
  .get(
    '/:id/photo',
    describeRoute({
      tags: ['members'],
      summary: 'The member’s photo as a JPEG data URL, or null (staff who may see the member; the member themself)',
      security: bearer,
      responses: { ...ok(memberPhotoSchema), ...errors(400, 401, 403, 404) },
    }),
    validate('param', memberIdParamSchema),
    async (c) => c.json(await getMemberPhoto(openDb(c.env.DB), c.get('actor'), c.req.valid('param').id)),
  )
  .put(
    '/:id/photo',
    describeRoute({
      tags: ['members'],
      summary: 'Set or replace the member’s photo (staff of a store that serves them; a JPEG data URL of at most 60 KB; audited)',
      security: bearer,
      responses: { ...ok(saved), ...errors(400, 401, 403, 404) },
    }),
    validate('param', memberIdParamSchema),
    validate('json', memberPhotoUploadSchema),
    async (c) =>
      c.json(await setMemberPhoto(openDb(c.env.DB), c.get('actor'), c.req.valid('param').id, c.req.valid('json').dataUrl, { ip: clientAddress(c.req) })),
  );
