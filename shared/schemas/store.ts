import { z } from 'zod';
import { idSchema, timestampSchema } from './common';

export const storeStatusSchema = z.enum(['open', 'closed']);

export const storeSchema = z
  .object({
    id: idSchema,
    code: z.string(),
    name: z.string(),
    address: z.string(),
    phone: z.string(),
    /** Opening hours as the chain writes them ("10:00-22:00", "周一至周五 9:00-21:00"). */
    hours: z.string(),
    status: storeStatusSchema,
    createdAt: timestampSchema,
  })
  .meta({ id: 'Store' });
export type Store = z.infer<typeof storeSchema>;

export const storeListSchema = z.object({ stores: z.array(storeSchema) });

/** What HQ and a store's staff see in the store list. */
export const storeSummarySchema = storeSchema
  .extend({
    memberCount: z.number().int(),
    staffCount: z.number().int(),
    sales30dFen: z.number().int(),
    orders30d: z.number().int(),
  })
  .meta({ id: 'StoreSummary' });
export type StoreSummary = z.infer<typeof storeSummarySchema>;

export const storeSummaryListSchema = z.object({ stores: z.array(storeSummarySchema) });
export const storeIdParamSchema = z.object({ id: idSchema });

/** The fields HQ writes; the code is how receipts, imports and reports name a store, so it is short and plain. */
const storeFields = {
  code: z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,15}$/, 'must be 1–16 letters, digits or dashes'),
  name: z.string().trim().min(1, 'is required').max(40, 'must be at most 40 characters'),
  address: z.string().trim().max(200, 'must be at most 200 characters'),
  phone: z.string().trim().regex(/^[0-9+\-() ]{0,20}$/, 'must be a phone number (digits, +, -, spaces)'),
  hours: z.string().trim().max(80, 'must be at most 80 characters'),
  status: storeStatusSchema,
};

export const storeCreateSchema = z
  .object({
    ...storeFields,
    address: storeFields.address.default(''),
    phone: storeFields.phone.default(''),
    hours: storeFields.hours.default(''),
    status: storeFields.status.default('open'),
  })
  .meta({ id: 'StoreCreate' });
export type StoreCreate = z.infer<typeof storeCreateSchema>;
export type StoreCreateInput = z.input<typeof storeCreateSchema>;

/** An edit names only what changes; at least one field. */
export const storeUpdateSchema = z
  .object(storeFields)
  .partial()
  .refine((p) => Object.values(p).some((v) => v !== undefined), { message: `name at least one field to change: ${Object.keys(storeFields).join(', ')}` })
  .meta({ id: 'StoreUpdate' });
export type StoreUpdate = z.infer<typeof storeUpdateSchema>;
