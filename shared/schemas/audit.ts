import { z } from 'zod';
import { idSchema, timestampSchema } from './common';

const ms = z.coerce.number().int('must be whole milliseconds').nonnegative('must be UTC milliseconds');

/** GET /api/audit: every filter optional; newest first, a page at a time. */
export const auditQuerySchema = z
  .object({
    /** A staff id or username (or any actor id: a member's, a system job's). */
    actor: z.string().trim().min(1).max(64).optional(),
    storeId: idSchema.optional(),
    /** An action ("staff.updated") or its kind with a trailing dot ("staff."). */
    action: z.string().trim().min(1).max(64).optional(),
    entity: z.string().trim().min(1).max(32).optional(),
    entityId: z.string().trim().min(1).max(128).optional(),
    from: ms.optional(),
    to: ms.optional(),
    /** Free text, matched in the action, the entity id and the detail. */
    q: z.string().trim().min(1).max(64).optional(),
    cursor: z.string().max(200).regex(/^\d+~.+$/, 'must be a cursor from a previous page').optional(),
    limit: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(200, 'must be at most 200').default(50),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { path: ['to'], message: 'must not be before from' });
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditEntrySchema = z
  .object({
    id: z.string(),
    at: timestampSchema,
    actorKind: z.enum(['staff', 'member', 'system']),
    actorId: z.string(),
    actorName: z.string().nullable(),
    actorUsername: z.string().nullable(),
    storeId: z.string().nullable(),
    storeName: z.string().nullable(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string(),
    /** What the change was: edits carry `before` and `after` with the fields that changed. */
    detail: z.record(z.string(), z.unknown()),
    ip: z.string(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z
  .object({ entries: z.array(auditEntrySchema), nextCursor: z.string().nullable() })
  .meta({ id: 'AuditPage' });
export type AuditPage = z.infer<typeof auditPageSchema>;
