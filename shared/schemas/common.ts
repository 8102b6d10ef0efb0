import { z } from 'zod';

/** Opaque server or seed id. */
export const idSchema = z.string().min(1).max(64);
/** Client-made id (ULID): doubles as the idempotency key of what it names. */
export const ulidSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a ULID');
/** Money is integer fen (1 yuan = 100 fen). */
export const fenSchema = z.number().int().safe();
/** UTC milliseconds since the epoch. */
export const timestampSchema = z.number().int().nonnegative();
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
