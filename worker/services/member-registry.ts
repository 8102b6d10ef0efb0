import { and, eq, ne, sql, type SQL } from 'drizzle-orm';
import { assertStaff, assertStoreAccess, type Actor } from '../../shared/domain/authz';
import { DomainError } from '../../shared/errors';
import type { Member } from '../../shared/schemas/member';
import type { RegisterMember, UpdateMember } from '../../shared/schemas/member-write';
import type { Db } from '../db/client';
import { auditLog, members } from '../db/schema';
import { forgetMember } from './accounts';
import { auditRow } from './audit';
import { readableMemberRow, toMember, type MemberRow } from './members';
import { storeExists } from './stores';
import { brokenConstraint } from '../db/constraint';

type Opts = { ip?: string };

/*
 * Card numbers keep the seed's format, '8800' and an 8-digit sequence (scripts/seed/generate.ts).
 * The next one is computed inside the INSERT itself, from the highest card in that block (a range
 * on the unique index, so no scan): D1 runs a batch as one transaction, one at a time, so two
 * registrations can never be handed the same number and no retry loop is needed.
 */
const nextCardNo = sql`(SELECT printf('8800%08d', coalesce((SELECT CAST(substr(${members.cardNo}, 5) AS INTEGER) FROM ${members}
  WHERE ${members.cardNo} BETWEEN '880000000001' AND '880099999998' ORDER BY ${members.cardNo} DESC LIMIT 1), 0) + 1))`;

/** A registration sent again (same id) answers with the member it made; another phone is a different request. */
function asRetry(existing: MemberRow, input: RegisterMember): Member {
  if (existing.phone !== input.phone) {
    throw new DomainError('IDEMPOTENCY_MISMATCH', `Member id ${input.id} was already used to register another phone number`);
  }
  return toMember(existing);
}

const phoneTaken = (phone: string) => new DomainError('PHONE_TAKEN', `Phone ${phone} already belongs to another member`);
const cardTaken = (cardNo: string) => new DomainError('CONFLICT', `Card ${cardNo} belongs to another member`);
const byId = (db: Db, id: string) => db.select().from(members).where(eq(members.id, id)).get();

/**
 * Registers a member at the counter: staff only, for their own store (HQ: any open store). The
 * member and its audit row go in one D1 batch; the audit id is the member id, so it records once.
 */
export async function registerMember(db: Db, actor: Actor, input: RegisterMember, opts: Opts = {}): Promise<Member> {
  assertStaff(actor);
  assertStoreAccess(actor, input.homeStoreId);
  const [[existing], [phoneOwner], [cardOwner]] = await db.batch([
    db.select().from(members).where(eq(members.id, input.id)),
    db.select({ id: members.id }).from(members).where(eq(members.phone, input.phone)),
    db.select({ id: members.id }).from(members).where(eq(members.cardNo, input.cardNo ?? '')),
  ]);
  if (existing) return asRetry(existing, input);
  await storeExists(db, input.homeStoreId);
  if (phoneOwner) throw phoneTaken(input.phone);
  if (input.cardNo && cardOwner) throw cardTaken(input.cardNo);

  const now = Date.now();
  const audit = auditRow({
    id: input.id, actor, action: 'member.register', entity: 'member', entityId: input.id, storeId: input.homeStoreId, ip: opts.ip, at: now,
    detail: { phone: input.phone, name: input.name, homeStoreId: input.homeStoreId, createdAt: input.createdAt },
  });
  try {
    const [inserted] = await db.batch([
      db.insert(members).values({
        id: input.id, phone: input.phone, name: input.name, gender: input.gender, birthday: input.birthday, homeStoreId: input.homeStoreId,
        tierCode: 'normal', cardNo: input.cardNo ?? nextCardNo, status: 'active', joinedAt: input.createdAt, updatedAt: now,
      }).returning(),
      // The audit records the card number the INSERT above assigned.
      db.insert(auditLog).values({ ...audit, detail: sql`json_set(${audit.detail}, '$.cardNo', (SELECT ${members.cardNo} FROM ${members} WHERE ${members.id} = ${input.id}))` }),
    ]);
    return toMember(inserted[0]!);
  } catch (e) {
    const broken = brokenConstraint(e);
    if (!broken) throw e;
    // The same registration sent twice at once: the other copy won the race; answer as a retry.
    const winner = await byId(db, input.id);
    if (winner) return asRetry(winner, input);
    if (broken === 'members.phone') throw phoneTaken(input.phone);
    if (broken === 'members.card_no' && input.cardNo) throw cardTaken(input.cardNo);
    throw e;
  }
}

const FIELDS = ['name', 'gender', 'birthday', 'phone'] as const;
type Fields = Partial<Pick<MemberRow, (typeof FIELDS)[number]>>;

/**
 * Edits a member's profile: staff who serve the member (docs/decisions/002); members cannot edit
 * through this. Only the fields that differ are written, and audited with before/after.
 */
export async function updateMember(db: Db, actor: Actor, input: UpdateMember, opts: Opts = {}): Promise<Member> {
  assertStaff(actor);
  // A repeat of an edit that was made (its audit row carries its id) answers with the member as they
  // are now; the id reused for another member or other values is refused.
  const made = input.opId ? await db.select({ entityId: auditLog.entityId, action: auditLog.action, detail: auditLog.detail }).from(auditLog).where(eq(auditLog.id, input.opId)).get() : undefined;
  if (made) {
    const after = JSON.parse(made.detail) as Record<string, { after?: unknown }>;
    const same = made.action === 'member.update' && made.entityId === input.id && FIELDS.every((k) => input[k] === undefined || !(k in after) || after[k]?.after === input[k]);
    if (!same) throw new DomainError('IDEMPOTENCY_MISMATCH', `Edit id ${input.opId} was already used for another change; make a new id for a new edit`);
    return toMember(await readableMemberRow(db, actor, input.id));
  }
  for (let attempt = 1; ; attempt++) {
    const row = await readableMemberRow(db, actor, input.id);
    const changed = FIELDS.filter((k) => input[k] !== undefined && input[k] !== row[k]);
    if (changed.length === 0) return toMember(row);
    if (input.phone !== undefined && changed.includes('phone')) {
      const owner = await db.select({ id: members.id }).from(members).where(and(eq(members.phone, input.phone), ne(members.id, row.id))).get();
      if (owner) throw phoneTaken(input.phone);
    }
    const written = await writeChanges(db, actor, row, changed, input, opts);
    if (written) return toMember(written);
    // Another edit changed these fields since they were read: read again, so "before" stays true.
    if (attempt === 3) throw new DomainError('CONFLICT', 'The member is being changed by someone else; reload and try again');
  }
}

/**
 * One batch: the UPDATE and its audit row. The UPDATE is guarded by the values that were read: if
 * one of them changed in between, updated_at becomes NULL, the NOT NULL constraint fails the whole
 * batch (audit included) and this returns null.
 */
async function writeChanges(db: Db, actor: Actor, row: MemberRow, changed: (typeof FIELDS)[number][], input: UpdateMember, opts: Opts): Promise<MemberRow | null> {
  const now = Date.now();
  const set = Object.fromEntries(changed.map((k) => [k, input[k]])) as Fields;
  const unchangedSinceRead = sql.join(changed.map((k): SQL => sql`${members[k]} IS ${row[k]}`), sql` AND `);
  const detail = Object.fromEntries(changed.map((k) => [k, { before: row[k], after: input[k] }]));
  try {
    const [updated] = await db.batch([
      db.update(members).set({ ...set, updatedAt: sql`CASE WHEN ${unchangedSinceRead} THEN ${now} END` }).where(eq(members.id, row.id)).returning(),
      db.insert(auditLog).values(auditRow({ id: input.opId, actor, action: 'member.update', entity: 'member', entityId: row.id, ip: opts.ip, at: now, detail })),
    ]);
    forgetMember(row.id);
    return updated[0]!;
  } catch (e) {
    const broken = brokenConstraint(e);
    if (broken === 'members.phone' && input.phone !== undefined) throw phoneTaken(input.phone);
    if (broken === 'members.updated_at') return null;
    // The same edit, made at the same moment by a retry: that one stands.
    if (broken === 'audit_log.id') return (await db.select().from(members).where(eq(members.id, row.id)).get()) ?? null;
    throw e;
  }
}
