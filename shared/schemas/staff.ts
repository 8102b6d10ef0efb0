import { z } from 'zod';
import { staffRoleSchema } from './auth';
import { idSchema, timestampSchema } from './common';

/** A staff account as HQ and a store's manager see it (never its password or PIN). */
export const staffAccountSchema = z
  .object({
    id: idSchema,
    username: z.string(),
    name: z.string(),
    phone: z.string(),
    role: staffRoleSchema,
    storeId: idSchema.nullable(),
    storeName: z.string().nullable(),
    status: z.enum(['active', 'disabled']),
    /** A reset (or a new account) is waiting for its owner to choose their own password. */
    mustChangePassword: z.boolean(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
  })
  .meta({ id: 'StaffAccount' });
export type StaffAccount = z.infer<typeof staffAccountSchema>;
export const staffListSchema = z.object({ staff: z.array(staffAccountSchema) });

export const staffPasswordSchema = z.string().min(10, 'must be at least 10 characters').max(256, 'must be at most 256 characters');
const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, 'must be 3–32 letters, digits, dots, dashes or underscores, starting with a letter or digit');
const nameSchema = z.string().trim().min(1, 'is required').max(40, 'must be at most 40 characters');
/** Optional: a mainland mobile number, or empty. */
const staffPhoneSchema = z.string().trim().regex(/^(1[3-9]\d{9})?$/, 'must be an 11-digit mainland mobile number or empty');

/** HQ belongs to no store; a manager or clerk to exactly one. */
const storeMatchesRole = (s: { role?: string; storeId?: string | null }) => (s.role === 'hq_admin' ? !s.storeId : !!s.storeId);
const storeMessage = { path: ['storeId'], message: 'HQ administrators belong to no store; a manager or clerk needs one' };

export const staffCreateSchema = z
  .object({
    username: usernameSchema,
    name: nameSchema,
    phone: staffPhoneSchema.default(''),
    role: staffRoleSchema,
    storeId: idSchema.nullable().default(null),
    /** The first password: its owner is asked to choose their own at their first sign-in. */
    password: staffPasswordSchema,
  })
  .refine(storeMatchesRole, storeMessage)
  .refine((s) => !s.password.toLowerCase().includes(s.username), { path: ['password'], message: 'must not contain the username' })
  .meta({ id: 'StaffCreate' });
export type StaffCreate = z.infer<typeof staffCreateSchema>;
export type StaffCreateInput = z.input<typeof staffCreateSchema>;

/** An edit names only what changes (the username stays: it is in every audit row). */
export const staffUpdateSchema = z
  .object({ name: nameSchema, phone: staffPhoneSchema, role: staffRoleSchema, storeId: idSchema.nullable() })
  .partial()
  .refine((p) => Object.values(p).some((v) => v !== undefined), { message: 'name at least one field to change: name, phone, role, storeId' })
  .meta({ id: 'StaffUpdate' });
export type StaffUpdate = z.infer<typeof staffUpdateSchema>;

/** The edit form (every field shown); the server takes the fields that changed (staffUpdateSchema). */
export const staffEditFormSchema = z
  .object({ name: nameSchema, phone: staffPhoneSchema, role: staffRoleSchema, storeId: idSchema.nullable() })
  .refine(storeMatchesRole, storeMessage);
export type StaffEditForm = z.infer<typeof staffEditFormSchema>;

/** A reset: the admin's chosen temporary password, or none for a generated one (shown once). */
export const staffResetSchema = z.object({ password: staffPasswordSchema.optional() }).meta({ id: 'StaffPasswordReset' });
export type StaffReset = z.infer<typeof staffResetSchema>;
export const staffResetResultSchema = z
  .object({ account: staffAccountSchema, temporaryPassword: z.string(), revokedSessions: z.number().int() })
  .meta({ id: 'StaffPasswordResetResult' });
export type StaffResetResult = z.infer<typeof staffResetResultSchema>;

export const staffListQuerySchema = z.object({
  storeId: idSchema.optional(),
  status: z.enum(['active', 'disabled']).optional(),
  q: z.string().trim().max(64).optional(),
});
export const staffIdParamSchema = z.object({ id: idSchema });

/** Whether an edited account still fits the store rule (the service checks the merged record). */
export const staffStoreFits = storeMatchesRole;
