import { z } from 'zod';
import { dateSchema, fenSchema, idSchema, phoneSchema, timestampSchema } from './common';

export const tierCodeSchema = z.enum(['normal', 'silver', 'gold', 'diamond']);
export type TierCode = z.infer<typeof tierCodeSchema>;
export const memberStatusSchema = z.enum(['active', 'frozen', 'closed']);
export const genderSchema = z.enum(['female', 'male', 'unknown']);

export const memberSchema = z
  .object({
    id: idSchema,
    /** Whole, or masked (138****5678) for staff of a store that identified the member by card but does not serve them (decision 002). */
    phone: z.union([phoneSchema, z.string().regex(/^1\d{2}\*{4}\d{4}$/)]),
    name: z.string(),
    gender: genderSchema,
    birthday: dateSchema.nullable(),
    homeStoreId: idSchema,
    tierCode: tierCodeSchema,
    cardNo: z.string(),
    status: memberStatusSchema,
    joinedAt: timestampSchema,
    principalFen: fenSchema,
    bonusFen: fenSchema,
    /** Of the two purses, what tablets hold for offline use (decision 015): not spendable elsewhere. */
    reservedFen: fenSchema.default(0),
    points: z.number().int(),
    lifetimeSpendFen: fenSchema,
    lastVisitAt: timestampSchema.nullable(),
    lastVisitStoreId: idSchema.nullable(),
    // The public key of the member app's QR code (base64url Ed25519; docs/decisions/011); null until
    // the member's phone registers one. Optional because rows a tablet synced before the field
    // existed, and rows a tablet makes itself (a registration), have none: read absent as null.
    qrPublicKey: z.string().nullable().optional(),
  })
  .meta({ id: 'Member' });
export type Member = z.infer<typeof memberSchema>;

export const memberSearchQuerySchema = z.object({
  q: z.string().trim().max(64).default(''),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const memberIdParamSchema = z.object({ id: idSchema });
export const memberListSchema = z.object({ members: z.array(memberSchema) });

export const tierSchema = z
  .object({
    code: tierCodeSchema,
    name: z.string(),
    nameEn: z.string(),
    rank: z.number().int(),
    upgradeSpendFen: fenSchema,
    keepSpendFen: fenSchema,
    discountBp: z.number().int(),
    pointsMultiplierBp: z.number().int(),
    // The tier's rate per category (bp of the price paid) where it differs from discountBp (issue 18).
    categoryDiscounts: z.record(z.string(), z.number().int()).optional(),
  })
  .meta({ id: 'Tier' });
export type Tier = z.infer<typeof tierSchema>;
