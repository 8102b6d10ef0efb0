import { z } from 'zod';
import { fenSchema, idSchema, timestampSchema, ulidSchema } from './common';
import { tenderKindSchema } from './order';

/** A till float or a count: whole fen, at most ¥1,000,000 (a typo guard, not a business rule). */
const cashSchema = z.number().int().nonnegative().max(100_000_000, 'at most ¥1,000,000');
const count = z.number().int().nonnegative();

/** Opens the signed-in staff member's shift at their store. The id (ULID) is the idempotency key. */
export const openShiftSchema = z.object({ id: ulidSchema, openingCashFen: cashSchema }).meta({ id: 'OpenShift' });
export type OpenShift = z.infer<typeof openShiftSchema>;

export const closeShiftSchema = z
  .object({ countedCashFen: cashSchema, note: z.string().trim().max(200).default('') })
  .meta({ id: 'CloseShift' });
export type CloseShift = z.infer<typeof closeShiftSchema>;

/** Manager / HQ list: shifts opened in [from, to), newest first. */
export const shiftListQuerySchema = z.object({
  storeId: idSchema.optional(),
  from: z.coerce.number().int().nonnegative().optional(),
  to: z.coerce.number().int().nonnegative().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export type ShiftListQuery = z.infer<typeof shiftListQuerySchema>;

/** Every tender kind, 0 when unused, so a summary always has the same shape. */
export const byTenderSchema = z.record(tenderKindSchema, fenSchema);
export type ByTender = z.infer<typeof byTenderSchema>;

/**
 * One movement of value during a shift, as read from D1: a sale's payment, a refund, or money
 * taken for a recharge or a punch-card sale. `tender` null: how the money moved was not recorded.
 */
export const shiftMovementSchema = z.object({
  kind: z.enum(['sale', 'refund', 'recharge', 'punch_sale']),
  ref: z.string(), // order or operation id: what is counted once
  tender: tenderKindSchema.nullable(),
  amountFen: fenSchema,
});
export type ShiftMovement = z.infer<typeof shiftMovementSchema>;

const tally = z.object({ count, totalFen: fenSchema, byTender: byTenderSchema });

export const shiftSummarySchema = z
  .object({
    /** The end of the window summed: the close time, or "now" for an open shift. */
    asOf: timestampSchema,
    orders: count,
    salesFen: fenSchema,
    byTender: byTenderSchema,
    /** Money given back; `untenderedFen`: refunds whose way back was not recorded (not in the cash figures). */
    refunds: tally.extend({ untenderedFen: fenSchema }),
    recharges: tally,
    punchCardSales: tally,
    /** Sales + recharges + punch-card sales − refunds, per tender: what each terminal should show. */
    netByTender: byTenderSchema,
    openingCashFen: fenSchema,
    /** Opening float + cash in (sales, recharges, punch cards) − cash refunds. */
    cashExpectedFen: fenSchema,
    countedCashFen: fenSchema.nullable(),
    /** Counted − expected: negative is a shortage. */
    differenceFen: fenSchema.nullable(),
  })
  .meta({ id: 'ShiftSummary' });
export type ShiftSummary = z.infer<typeof shiftSummarySchema>;

export const shiftSchema = z
  .object({
    id: idSchema,
    storeId: idSchema,
    staffId: idSchema,
    staffName: z.string(),
    status: z.enum(['open', 'closed']),
    openedAt: timestampSchema,
    openingCashFen: fenSchema,
    closedAt: timestampSchema.nullable(),
    countedCashFen: fenSchema.nullable(),
    expectedCashFen: fenSchema.nullable(),
    note: z.string(),
    /** Kept as it was at the close; for an open shift (GET /current) the live figures so far. */
    summary: shiftSummarySchema.nullable(),
  })
  .meta({ id: 'Shift' });
export type Shift = z.infer<typeof shiftSchema>;

export const currentShiftSchema = z.object({ shift: shiftSchema.nullable() }).meta({ id: 'CurrentShift' });
export type CurrentShift = z.infer<typeof currentShiftSchema>;
export const shiftListSchema = z.object({ shifts: z.array(shiftSchema) }).meta({ id: 'ShiftList' });
