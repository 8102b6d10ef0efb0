import { registerMemberSchema, updateMemberSchema, type RegisterMember, type UpdateMember } from '../../../../../shared/schemas/member-write';
import type { Member } from '../../../../../shared/schemas/member';

export type Gender = Member['gender'];
/** What the form holds: strings as typed ('' for "not given"). */
export type MemberDraft = { phone: string; name: string; birthday: string; gender: Gender; cardNo: string };
export type DraftField = keyof MemberDraft;
export type FieldErrors = Partial<Record<DraftField, true>>;

/** The errors left once the clerk has changed these fields: a mark goes as soon as its field is touched. */
export const withoutFixed = (errors: FieldErrors, patch: Partial<MemberDraft>): FieldErrors =>
  Object.fromEntries(Object.entries(errors).filter(([f]) => !(f in patch))) as FieldErrors;

export const emptyDraft = (): MemberDraft => ({ phone: '', name: '', birthday: '', gender: 'unknown', cardNo: '' });

const DRAFT_FIELDS: readonly string[] = ['phone', 'name', 'birthday', 'gender', 'cardNo'];
/** The fields zod complained about: the form marks each one and says what to fix there. */
function fieldsOf(issues: readonly { path: readonly PropertyKey[] }[]): FieldErrors {
  const out: FieldErrors = {};
  for (const i of issues) {
    const f = String(i.path[0] ?? '');
    if (DRAFT_FIELDS.includes(f)) out[f as DraftField] = true;
  }
  return out;
}

const localDate = (at: number) => {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
/** A birthday after today (the counter's date) is a typo; zod only checks the shape. */
const futureBirthday = (d: string, now: number) => d !== '' && d > localDate(now);

/** The registration the API's own schema accepts, or the fields to fix. Digits typed with spaces are fine. */
export function toRegistration(draft: MemberDraft, ctx: { id: string; storeId: string; now: number }): { ok: true; value: RegisterMember } | { ok: false; errors: FieldErrors } {
  const r = registerMemberSchema.safeParse({
    id: ctx.id, homeStoreId: ctx.storeId, createdAt: ctx.now,
    phone: draft.phone.replace(/[\s-]/g, ''), name: draft.name, gender: draft.gender,
    birthday: draft.birthday || null, cardNo: draft.cardNo.replace(/\s/g, '') || null,
  });
  const errors = r.success ? {} : fieldsOf(r.error.issues);
  if (futureBirthday(draft.birthday, ctx.now)) errors.birthday = true;
  return r.success && !errors.birthday ? { ok: true, value: r.data } : { ok: false, errors };
}

/** The edit to send: only what differs from the member as the tablet holds them; null when nothing does. */
export function toUpdate(member: Member, draft: Pick<MemberDraft, 'name' | 'birthday' | 'gender'>, ctx: { opId: string; now: number }): { ok: true; value: UpdateMember | null } | { ok: false; errors: FieldErrors } {
  const name = draft.name.trim();
  const birthday = draft.birthday || null;
  const changed = {
    ...(name !== member.name ? { name } : {}),
    ...(birthday !== member.birthday ? { birthday } : {}),
    ...(draft.gender !== member.gender ? { gender: draft.gender } : {}),
  };
  if (futureBirthday(draft.birthday, ctx.now)) return { ok: false, errors: { birthday: true } };
  if (Object.keys(changed).length === 0) return { ok: true, value: null };
  const r = updateMemberSchema.safeParse({ id: member.id, opId: ctx.opId, ...changed });
  return r.success ? { ok: true, value: r.data } : { ok: false, errors: fieldsOf(r.error.issues) };
}

/** A member the tablet already holds under this phone (registration would be refused as PHONE_TAKEN). */
export const samePhone = (members: Iterable<Pick<Member, 'id' | 'phone'>>, phone: string): string | null => {
  const p = phone.replace(/[\s-]/g, '');
  for (const m of members) if (m.phone === p) return m.id;
  return null;
};
