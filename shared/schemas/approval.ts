import { z } from 'zod';
import { idSchema } from './common';

/** Manager approvals (docs/decisions/013, shared/domain/manager-pin.ts). */
export const pinSchema = z.string().regex(/^\d{6}$/, 'must be 6 digits');

/** What a tablet holds per approver (`approver/<staffId>`). */
export const approverSchema = z.object({
  id: idSchema,
  name: z.string(),
  role: z.enum(['store_manager', 'hq_admin']),
  salt: z.string(),
  verifier: z.string(),
});
export type Approver = z.infer<typeof approverSchema>;

/** What the server stores in `staff.pin_hash` (JSON): the verifier and the approval key. */
export const pinRecordSchema = z.object({ v: z.literal(1), iterations: z.number().int().positive(), salt: z.string(), verifier: z.string(), key: z.string() });
export type PinRecord = z.infer<typeof pinRecordSchema>;

/** An approval as an order or refund carries it: who approved, and the HMAC proving they did. */
export const approvalSchema = z.object({
  approvedBy: idSchema,
  proof: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be an approval proof'),
});
export type Approval = z.infer<typeof approvalSchema>;


const WEAK_PINS = new Set(['123456', '654321', '012345', '123123', '112233']);
/** A manager sets their PIN with their password (a session left open on a tablet is not enough). */
export const setPinSchema = z.object({
  password: z.string().min(1).max(200),
  pin: pinSchema.refine((p) => !/^(\d)\1{5}$/.test(p) && !WEAK_PINS.has(p), 'is too easy to guess; choose another'),
});
export type SetPin = z.infer<typeof setPinSchema>;
