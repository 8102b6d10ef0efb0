import { z } from 'zod';
import { dateSchema, idSchema, timestampSchema } from './common';

export { SUGGESTED_INTERESTS } from '../domain/interests';

const interest = z.string().trim().min(1, 'must not be empty').max(12, 'must be at most 12 characters');
/** A birthday a person can have: a real date, after 1900 and not in the future. */
export const birthdaySchema = dateSchema.refine((d) => {
  const t = Date.parse(`${d}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === d && d >= '1900-01-01' && t <= Date.now();
}, 'must be a real date between 1900 and today');

/** What a member edits about themself in the app. The birthday is set once (then only a store corrects it). */
export const memberProfileSchema = z
  .object({
    name: z.string().trim().min(1, 'is required').max(20, 'must be at most 20 characters'),
    birthday: birthdaySchema.nullable(),
    interests: z.array(interest).max(10, 'at most 10 interests').refine((xs) => new Set(xs).size === xs.length, 'must not repeat an interest'),
  })
  .strict()
  .meta({ id: 'MemberProfile' });
export type MemberProfile = z.infer<typeof memberProfileSchema>;
export const memberProfileViewSchema = memberProfileSchema.extend({ birthdayLocked: z.boolean(), staffTags: z.array(z.string()) });
export type MemberProfileView = z.infer<typeof memberProfileViewSchema>;

/** A member's rating of a visit: one per order, 1–5 with an optional comment. */
export const visitRatingRequestSchema = z
  .object({ orderId: idSchema, score: z.number().int().min(1, 'must be 1 to 5').max(5, 'must be 1 to 5'), comment: z.string().trim().max(300, 'must be at most 300 characters').default('') })
  .strict();
export type VisitRatingRequest = z.infer<typeof visitRatingRequestSchema>;
export const visitRatingSchema = z
  .object({ orderId: idSchema, memberId: idSchema, storeId: idSchema, staffId: idSchema.nullable(), score: z.number().int(), comment: z.string(), createdAt: timestampSchema, memberName: z.string().optional() })
  .meta({ id: 'VisitRating' });
export type VisitRating = z.infer<typeof visitRatingSchema>;
export const visitRatingListQuerySchema = z.object({
  storeId: idSchema.optional(),
  maxScore: z.coerce.number().int().min(1).max(5).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const visitRatingListSchema = z.object({ ratings: z.array(visitRatingSchema), averageScore: z.number().nullable(), count: z.number().int() });
