import { z } from 'zod';

/** Opaque server or seed id. */
export const idSchema = z.string().min(1).max(64);
/** Client-made id (ULID): doubles as the idempotency key of what it names. */
export const ulidSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a ULID');
/**
 * The largest amount any field takes: ¥10 billion, beyond a chain's whole liability. A till never
 * sees more; the bound keeps sums of many amounts far from 2^53 (decision 001).
 */
export const MAX_FEN = 1_000_000_000_000;
/** Money is integer fen (1 yuan = 100 fen). */
export const fenSchema = z.number().int().min(-MAX_FEN, 'is beyond any amount a till takes').max(MAX_FEN, 'is beyond any amount a till takes');
/** UTC milliseconds since the epoch. */
export const timestampSchema = z.number().int().nonnegative();
/** When a till says a sale happened: it prices the sale and dates its points, so 1970 or year 33658 is a broken clock. */
export const saleTimeSchema = timestampSchema.min(Date.UTC(2020, 0, 1), 'is before 2020: check the tablet’s clock').max(Date.UTC(2100, 0, 1), 'is after 2100: check the tablet’s clock');
/** Mainland China mobile number, 11 digits. */
export const phoneSchema = z.string().trim().regex(/^1[3-9]\d{9}$/, 'must be an 11-digit mainland mobile number');
export const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });

export const okSchema = z.object({ ok: z.literal(true) });
