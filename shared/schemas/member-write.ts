import { z } from 'zod';
import { dateSchema, idSchema, phoneSchema, timestampSchema, ulidSchema } from './common';
import { genderSchema } from './member';

const nameSchema = z.string().trim().min(1).max(40);

/**
 * A member registered at the counter. The tablet makes the id (ULID): it is the idempotency key, so
 * a registration sent again after a timeout answers with the member created the first time.
 */
export const registerMemberSchema = z
  .object({
    id: ulidSchema,
    phone: phoneSchema,
    name: nameSchema,
    gender: genderSchema.default('unknown'),
    birthday: dateSchema.nullable().default(null),
    homeStoreId: idSchema,
    // null: the server assigns the next card number.
    cardNo: z.string().regex(/^\d{12}$/, 'must be a 12-digit card number').nullable().default(null),
    createdAt: timestampSchema,
  })
  .meta({ id: 'RegisterMember' });
export type RegisterMember = z.infer<typeof registerMemberSchema>;

const changeFields = {
  /** The edit's own id (ULID): a repeat of it changes nothing, even after a later edit. */
  opId: ulidSchema.optional(),
  name: nameSchema.optional(),
  gender: genderSchema.optional(),
  birthday: dateSchema.nullable().optional(),
  phone: phoneSchema.optional(),
};
const CHANGEABLE = ['name', 'gender', 'birthday', 'phone'] as const;
const changesSomething = (v: Partial<Record<(typeof CHANGEABLE)[number], unknown>>) => CHANGEABLE.some((k) => v[k] !== undefined);
const NOTHING = 'nothing to change: give at least one of name, gender, birthday or phone';

/** PATCH /api/members/:id body: the id comes from the path. */
export const updateMemberBodySchema = z.object(changeFields).refine(changesSomething, NOTHING).meta({ id: 'UpdateMember' });
export const updateMemberSchema = z.object({ id: idSchema, ...changeFields }).refine(changesSomething, NOTHING);
export type UpdateMember = z.infer<typeof updateMemberSchema>;
