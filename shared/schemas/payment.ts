import { z } from 'zod';
import { idSchema, ulidSchema } from './common';

/** Tenders a payment provider can take (cash and the member's own tenders never go to one). */
export const externalTenderSchema = z.enum(['wechat', 'alipay', 'bank_card']);
export type ExternalTender = z.infer<typeof externalTenderSchema>;

/**
 * Charge the customer's payment code (付款码, scanned from their phone) for part of a sale. The
 * payment id is made by the tablet and is the idempotency key: a repeat answers the first result.
 */
export const chargeRequestSchema = z
  .object({
    paymentId: ulidSchema,
    orderId: ulidSchema,
    storeId: idSchema,
    kind: externalTenderSchema,
    amountFen: z.number().int().positive().max(10_000_000),
    authCode: z.string().trim().regex(/^\d{16,24}$/, 'must be the 16–24 digits of the customer’s payment code'),
  })
  .meta({ id: 'ChargeRequest' });
export type ChargeRequest = z.infer<typeof chargeRequestSchema>;

export const chargeResultSchema = z
  .object({
    paymentId: z.string(),
    status: z.enum(['paid', 'declined']),
    /** The provider's transaction number: recorded as the tender's reference. */
    reference: z.string(),
    reason: z.string().nullable(),
    replayed: z.boolean(),
  })
  .meta({ id: 'ChargeResult' });
export type ChargeResult = z.infer<typeof chargeResultSchema>;

/** How the counter takes each tender: `manual` — the clerk types the terminal's reference; else a provider charges a scanned code. */
export const paymentSetupSchema = z.object({ wechat: z.string(), alipay: z.string(), bank_card: z.string() }).meta({ id: 'PaymentSetup' });
export type PaymentSetup = z.infer<typeof paymentSetupSchema>;
