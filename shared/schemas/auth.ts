import { z } from 'zod';
import { idSchema, phoneSchema, timestampSchema } from './common';

export const staffRoleSchema = z.enum(['hq_admin', 'store_manager', 'clerk']);
export type StaffRole = z.infer<typeof staffRoleSchema>;

export const staffLoginSchema = z.object({
  username: z.string().trim().min(1, 'username is required').max(64),
  password: z.string().min(1, 'password is required').max(256),
});
export type StaffLogin = z.infer<typeof staffLoginSchema>;

/** A staff member changes their own password; every other session of theirs is signed out. */
export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'currentPassword is required').max(256),
    newPassword: z.string().min(10, 'must be at least 10 characters').max(256),
  })
  .refine((p) => p.newPassword !== p.currentPassword, { path: ['newPassword'], message: 'must differ from the current password' });
export type ChangePassword = z.infer<typeof changePasswordSchema>;

export const staffUserSchema = z
  .object({
    kind: z.literal('staff'),
    id: idSchema,
    name: z.string(),
    role: staffRoleSchema,
    storeId: idSchema.nullable(),
  })
  .meta({ id: 'StaffUser' });
export type StaffUser = z.infer<typeof staffUserSchema>;

export const memberUserSchema = z
  .object({
    kind: z.literal('member'),
    id: idSchema,
    name: z.string(),
  })
  .meta({ id: 'MemberUser' });
export type MemberUser = z.infer<typeof memberUserSchema>;

export const sessionUserSchema = z.discriminatedUnion('kind', [staffUserSchema, memberUserSchema]);
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const loginResponseSchema = z
  .object({
    token: z.string(),
    expiresAt: timestampSchema,
    user: sessionUserSchema,
    /** Staff only: the password was reset, so this session may only choose a new one (decision 023). */
    mustChangePassword: z.boolean().optional(),
  })
  .meta({ id: 'LoginResponse' });
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const otpRequestSchema = z.object({ phone: phoneSchema });
export const otpRequestResponseSchema = z.object({
  sent: z.literal(true),
  // Seconds before another code may be requested for this phone.
  resendAfter: z.number().int(),
});
export const memberLoginSchema = z.object({
  phone: phoneSchema,
  code: z.string().trim().regex(/^\d{6}$/, 'must be the 6-digit code'),
});
