import { z } from 'zod';
import { idSchema, timestampSchema } from './common';

export const storeSchema = z
  .object({
    id: idSchema,
    code: z.string(),
    name: z.string(),
    address: z.string(),
    phone: z.string(),
    status: z.enum(['open', 'closed']),
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
