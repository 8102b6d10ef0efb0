import { z } from 'zod';
import { fenSchema, idSchema, timestampSchema, ulidSchema } from './common';
import { genderSchema, memberStatusSchema, tierCodeSchema } from './member';

/** HQ's member list (docs/decisions/026): filters combine; a store's staff get their store's members only. */
export const memberAdminFilterSchema = z.object({
  /** Name (part of it), full phone, its last 4 digits, or a card number (or its start). */
  q: z.string().trim().max(64).default(''),
  tag: z.string().trim().max(12).optional(),
  tier: tierCodeSchema.optional(),
  /** Home store. */
  storeId: idSchema.optional(),
  status: memberStatusSchema.optional(),
});
export type MemberAdminFilter = z.infer<typeof memberAdminFilterSchema>;
export const memberAdminQuerySchema = memberAdminFilterSchema.extend({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});
export type MemberAdminQuery = z.infer<typeof memberAdminQuerySchema>;

export const memberAdminRowSchema = z
  .object({
    id: idSchema,
    name: z.string(),
    /** Whole, or 138****5678 where the caller's role may not see it whole (phoneMasked). */
    phone: z.string(),
    phoneMasked: z.boolean(),
    cardNo: z.string(),
    tierCode: tierCodeSchema,
    homeStoreId: idSchema,
    /** Named by the server: a manager's store list holds only their own store. */
    homeStoreName: z.string(),
    lastVisitStoreName: z.string().nullable(),
    status: memberStatusSchema,
    principalFen: fenSchema,
    bonusFen: fenSchema,
    points: z.number().int(),
    joinedAt: timestampSchema,
    lastVisitAt: timestampSchema.nullable(),
    lastVisitStoreId: idSchema.nullable(),
    /** Staff tags (editable here) and the member's own interests (theirs, shown only). */
    staffTags: z.array(z.string()),
    interests: z.array(z.string()),
  })
  .meta({ id: 'MemberAdminRow' });
export type MemberAdminRow = z.infer<typeof memberAdminRowSchema>;
export const memberAdminPageSchema = z.object({ members: z.array(memberAdminRowSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }).meta({ id: 'MemberAdminPage' });
export type MemberAdminPage = z.infer<typeof memberAdminPageSchema>;
export const memberAdminDetailSchema = memberAdminRowSchema.extend({ gender: genderSchema, birthday: z.string().nullable(), lifetimeSpendFen: fenSchema }).meta({ id: 'MemberAdminDetail' });
export type MemberAdminDetail = z.infer<typeof memberAdminDetailSchema>;

const tag = z.string().trim().min(1, 'must not be empty').max(12, 'must be at most 12 characters');
const memberIds = z.array(idSchema).min(1, 'choose at least one member').max(500, 'at most 500 members at a time');

/** Staff tags on some members; the opId makes a repeat change nothing. */
export const memberTagsRequestSchema = z
  .object({ opId: ulidSchema, memberIds, add: z.array(tag).max(10).default([]), remove: z.array(tag).max(10).default([]) })
  .refine((r) => r.add.length + r.remove.length > 0, { path: ['add'], message: 'add or remove at least one tag' });
export type MemberTagsRequest = z.infer<typeof memberTagsRequestSchema>;
export const memberTagsResultSchema = z.object({ changed: z.number().int(), unchanged: z.number().int() });

/** 新店会员分配: members (chosen, or every one a filter finds) get another home store. HQ only. */
export const memberAssignRequestSchema = z
  .object({ opId: ulidSchema, storeId: idSchema, memberIds: memberIds.optional(), filter: memberAdminFilterSchema.optional() })
  .refine((r) => (r.memberIds === undefined) !== (r.filter === undefined), { path: ['memberIds'], message: 'give either memberIds or filter' });
export type MemberAssignRequest = z.infer<typeof memberAssignRequestSchema>;
export const memberAssignResultSchema = z.object({ moved: z.number().int(), unchanged: z.number().int() });

/** CSV of members with opening balances (money in yuan), assigned to storeId unless a row names its store. */
export const memberImportPreviewRequestSchema = z.object({ storeId: idSchema, csv: z.string().min(1, 'is empty').max(2_000_000, 'is larger than 2 MB') });
export const memberImportCommitRequestSchema = memberImportPreviewRequestSchema.extend({ importId: ulidSchema });
export type MemberImportCommitRequest = z.infer<typeof memberImportCommitRequestSchema>;

export const importRowStatusSchema = z.enum(['new', 'existing', 'error', 'created']);
export const memberImportRowSchema = z.object({
  line: z.number().int(),
  phone: z.string(),
  name: z.string(),
  /** new: will be created; existing: already a member with the same name — left as is, no second balance. */
  status: importRowStatusSchema,
  memberId: idSchema.nullable(),
  storeId: idSchema.nullable(),
  principalFen: fenSchema,
  bonusFen: fenSchema,
  points: z.number().int(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })),
});
export type MemberImportRow = z.infer<typeof memberImportRowSchema>;
const counts = z.object({ new: z.number().int(), existing: z.number().int(), error: z.number().int(), created: z.number().int() });
export const memberImportPreviewSchema = z.object({ rows: z.array(memberImportRowSchema), counts, fileErrors: z.array(z.string()) }).meta({ id: 'MemberImportPreview' });
export type MemberImportPreview = z.infer<typeof memberImportPreviewSchema>;
export const memberImportResultSchema = memberImportPreviewSchema
  .extend({ importId: ulidSchema, opening: z.object({ imported: z.number().int(), failed: z.array(z.object({ memberId: z.string(), code: z.string().nullable(), message: z.string().nullable() })) }) })
  .meta({ id: 'MemberImportResult' });
export type MemberImportResult = z.infer<typeof memberImportResultSchema>;
