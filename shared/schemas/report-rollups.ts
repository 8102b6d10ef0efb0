import { z } from 'zod';

/** What HQ's rebuild of the report rollups did (decision 028). */
export const rollupRebuildSchema = z
  .object({ windows: z.number().int(), ms: z.number().int(), next: z.number().int().nullable(), through: z.number().int().nullable() })
  .meta({ id: 'RollupRebuild' });
/** Where a rebuild goes on (the `next` of the previous answer); absent: start over, emptying the rollups. */
export const rollupRebuildRequestSchema = z.object({ from: z.number().int().nonnegative().nullable().default(null) });
export const rollupCheckQuerySchema = z.object({ days: z.coerce.number().int().min(1).max(400).default(7) });
/** The rollups against the orders and ledgers for the last `days` business days: every difference. */
export const rollupCheckSchema = z
  .object({
    days: z.number().int(),
    ok: z.boolean(),
    diffs: z.array(z.object({ table: z.string(), key: z.string(), expected: z.array(z.number()), actual: z.array(z.number()) })).max(100),
    moreDiffs: z.number().int(),
  })
  .meta({ id: 'RollupCheck' });
export type RollupCheck = z.infer<typeof rollupCheckSchema>;
