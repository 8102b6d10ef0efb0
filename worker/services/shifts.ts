import { and, desc, eq, gte, inArray, isNull, lt, ne, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { assertStaff, assertStoreAccess, isHq, type Actor } from '../../shared/domain/authz';
import { formatFen } from '../../shared/domain/money';
import { accountOpMovement, orderMovement, summarizeShift } from '../../shared/domain/shift-summary';
import { DomainError } from '../../shared/errors';
import { shiftSummarySchema, type CloseShift, type OpenShift, type Shift, type ShiftListQuery, type ShiftMovement } from '../../shared/schemas/shift';
import type { Db } from '../db/client';
import { brokenConstraint } from '../db/constraint';
import { accountOps, auditLog, ledgerEntries, orders, payments, shifts, staff } from '../db/schema';
import { auditRow } from './audit';
import { storeExists } from './stores';

type Staff = Extract<Actor, { kind: 'staff' }>;
type Row = typeof shifts.$inferSelect & { staffName: string };

const iso = (ms: number) => new Date(ms).toISOString();

function keptSummary(json: string | null): Shift['summary'] {
  if (!json) return null;
  try {
    const r = shiftSummarySchema.safeParse(JSON.parse(json));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

function toShift(r: Row, live: Shift['summary'] = null): Shift {
  return {
    id: r.id, storeId: r.storeId, staffId: r.staffId, staffName: r.staffName, status: r.closedAt === null ? 'open' : 'closed',
    openedAt: r.openedAt, openingCashFen: r.openingCashFen, closedAt: r.closedAt, countedCashFen: r.countedCashFen, expectedCashFen: r.expectedCashFen,
    note: r.note, summary: keptSummary(r.summary) ?? live,
  };
}

const rows = (db: Db, where: SQL | undefined) =>
  db.select({ s: shifts, staffName: staff.name }).from(shifts).innerJoin(staff, eq(staff.id, shifts.staffId)).where(where);
const first = async (q: ReturnType<typeof rows>): Promise<Row | null> => {
  const r = await q.get();
  return r ? { ...r.s, staffName: r.staffName } : null;
};
const byId = (db: Db, id: string) => first(rows(db, eq(shifts.id, id)));
const openOf = (db: Db, staffId: string) => first(rows(db, and(eq(shifts.staffId, staffId), isNull(shifts.closedAt))));

const refundsBefore = alias(accountOps, 'earlier');
const cumulative = (detail: SQLWrapper) => sql`json_extract(${detail}, '$.cumulativeFen')`;

/**
 * What this staff member took at this store in [from, to): their orders' payments (by the time
 * the sale was rung up) and the money operations they ran on member accounts.
 */
async function movements(db: Db, s: { storeId: string; staffId: string }, from: number, to: number): Promise<ShiftMovement[]> {
  const [pays, ops, walkInRefunds] = await db.batch([
    db.select({ orderId: orders.id, kind: orders.kind, tender: payments.tender, amountFen: payments.amountFen })
      .from(orders).leftJoin(payments, eq(payments.orderId, orders.id))
      .where(and(eq(orders.staffId, s.staffId), eq(orders.storeId, s.storeId), gte(orders.createdAt, from), lt(orders.createdAt, to), ne(orders.status, 'rejected'))),
    db.select({
      // Named apart: D1 answers rows as arrays keyed by column name, and two "detail"s collide.
      opId: accountOps.opId, kind: accountOps.kind, detail: sql<string>`${accountOps.detail}`.as('op_detail'), auditDetail: sql<string | null>`${auditLog.detail}`.as('audit_detail'),
      principalDeltaFen: ledgerEntries.principalDelta,
      // A partial refund's own amount: its cumulative total minus the largest one before it.
      refundedBeforeFen: sql<number | null>`(SELECT max(${cumulative(refundsBefore.detail)}) FROM ${accountOps} AS ${sql.identifier('earlier')} WHERE ${refundsBefore.memberId} = ${accountOps.memberId}
        AND ${refundsBefore.kind} = 'refund' AND ${refundsBefore.status} = 'applied'
        AND json_extract(${refundsBefore.detail}, '$.refundOf') = json_extract(${accountOps.detail}, '$.refundOf') AND ${cumulative(refundsBefore.detail)} < ${cumulative(accountOps.detail)})`,
    })
      .from(accountOps)
      .leftJoin(auditLog, eq(auditLog.id, accountOps.opId))
      .leftJoin(ledgerEntries, and(eq(ledgerEntries.opId, accountOps.opId), eq(ledgerEntries.memberId, accountOps.memberId)))
      .where(and(eq(accountOps.storeId, s.storeId), eq(accountOps.staffId, s.staffId), eq(accountOps.status, 'applied'), inArray(accountOps.kind, ['recharge', 'punch_sale', 'refund']), gte(accountOps.at, from), lt(accountOps.at, to))),
    // A walk-in sale's refund is recorded by its audit entry (docs/decisions/013).
    db.select({ id: auditLog.id, amountFen: sql<number>`json_extract(${auditLog.detail}, '$.amountFen')` }).from(auditLog)
      .where(and(eq(auditLog.action, 'order.refund'), eq(auditLog.storeId, s.storeId), eq(auditLog.actorId, s.staffId), gte(auditLog.at, from), lt(auditLog.at, to))),
  ]);
  const walkIn = walkInRefunds.map((r): ShiftMovement => ({ kind: 'refund', ref: r.id, tender: null, amountFen: Number(r.amountFen) }));
  return [...pays.map(orderMovement), ...ops.flatMap((r) => accountOpMovement(r) ?? []), ...walkIn];
}

/** A closed shift as kept; an open one with its figures so far. */
async function present(db: Db, r: Row): Promise<Shift> {
  if (r.closedAt !== null) return toShift(r);
  const now = Date.now();
  const moves = await movements(db, r, r.openedAt, Number.MAX_SAFE_INTEGER);
  return toShift(r, summarizeShift({ movements: moves, openingCashFen: r.openingCashFen, countedCashFen: null, asOf: now }));
}

/** A repeat of an open (same id) answers with that shift; the id used for anything else is a conflict. */
function asRepeatedOpen(db: Db, r: Row, actor: Staff, input: OpenShift): Promise<Shift> {
  if (r.staffId !== actor.id || r.openingCashFen !== input.openingCashFen) {
    throw new DomainError('IDEMPOTENCY_MISMATCH', `Shift id ${input.id} was already used to open another shift`);
  }
  return present(db, r);
}

/** Opens the signed-in staff member's shift at their store; one open shift per person at a time. */
export async function openShift(db: Db, actor: Actor, input: OpenShift, ip: string): Promise<Shift> {
  assertStaff(actor);
  if (!actor.storeId) throw new DomainError('FORBIDDEN', 'A shift is opened at a store’s till; this account belongs to no store');
  const existing = await byId(db, input.id);
  if (existing) return asRepeatedOpen(db, existing, actor, input);
  await storeExists(db, actor.storeId);
  const now = Date.now();
  // NULL when another shift of theirs is open: the NOT NULL constraint then fails the batch, audit included.
  const unlessOpen = sql`CASE WHEN NOT EXISTS (SELECT 1 FROM ${shifts} WHERE ${shifts.staffId} = ${actor.id} AND ${shifts.closedAt} IS NULL) THEN ${now} END`;
  try {
    await db.batch([
      db.insert(shifts).values({ id: input.id, storeId: actor.storeId, staffId: actor.id, openedAt: now, openingCashFen: input.openingCashFen, updatedAt: unlessOpen }),
      db.insert(auditLog).values(auditRow({ id: input.id, actor, action: 'shift.open', entity: 'shift', entityId: input.id, storeId: actor.storeId, ip, at: now, detail: { openingCashFen: input.openingCashFen } })),
    ]);
  } catch (e) {
    const broken = brokenConstraint(e);
    if (broken === 'shifts.updated_at') {
      const open = await openOf(db, actor.id);
      throw new DomainError('CONFLICT', `You already have a shift open since ${open ? iso(open.openedAt) : 'earlier'}: close it before opening another`, { details: { shiftId: open?.id ?? null } });
    }
    const winner = broken ? await byId(db, input.id) : null;
    if (winner) return asRepeatedOpen(db, winner, actor, input);
    throw e;
  }
  return present(db, (await byId(db, input.id))!);
}

/** The signed-in staff member's open shift with its figures so far, or null. */
export async function currentShift(db: Db, actor: Actor): Promise<Shift | null> {
  assertStaff(actor);
  const r = await openOf(db, actor.id);
  return r ? present(db, r) : null;
}

function asRepeatedClose(r: Row, input: CloseShift): Shift {
  if (r.countedCashFen === input.countedCashFen && r.note === input.note) return toShift(r);
  throw new DomainError('CONFLICT', `Shift ${r.id} was already closed at ${iso(r.closedAt!)} with ${formatFen(r.countedCashFen ?? 0)} counted`, { details: { shiftId: r.id } });
}

/** Closes a shift (its owner, or a manager of that store, or HQ) and keeps the summary as it stands. */
export async function closeShift(db: Db, actor: Actor, id: string, input: CloseShift, ip: string): Promise<Shift> {
  assertStaff(actor);
  const r = await byId(db, id);
  if (!r) throw new DomainError('NOT_FOUND', `No shift ${id}`);
  assertStoreAccess(actor, r.storeId);
  if (actor.role === 'clerk' && r.staffId !== actor.id) throw new DomainError('FORBIDDEN', 'Clerks close only their own shift; ask the store manager');
  if (r.closedAt !== null) return asRepeatedClose(r, input);
  const now = Date.now();
  const summary = summarizeShift({ movements: await movements(db, r, r.openedAt, now), openingCashFen: r.openingCashFen, countedCashFen: input.countedCashFen, asOf: now });
  const detail = { staffId: r.staffId, openingCashFen: r.openingCashFen, countedCashFen: input.countedCashFen, expectedCashFen: summary.cashExpectedFen, differenceFen: summary.differenceFen, note: input.note };
  try {
    await db.batch([
      // SET reads the row as it was: closed by someone else meanwhile → NULL → the batch fails.
      db.update(shifts).set({ closedAt: now, countedCashFen: input.countedCashFen, expectedCashFen: summary.cashExpectedFen, summary: JSON.stringify(summary), note: input.note, updatedAt: sql`CASE WHEN ${shifts.closedAt} IS NULL THEN ${now} END` }).where(eq(shifts.id, id)),
      db.insert(auditLog).values(auditRow({ id: `${id}.close`, actor, action: 'shift.close', entity: 'shift', entityId: id, storeId: r.storeId, ip, at: now, detail })),
    ]);
  } catch (e) {
    const broken = brokenConstraint(e);
    if (broken !== 'shifts.updated_at' && broken !== 'audit_log.id') throw e;
    return asRepeatedClose((await byId(db, id))!, input);
  }
  return toShift((await byId(db, id))!);
}

/** Managers: their store's shifts; HQ: any store's, or all. Newest first. */
export async function listShifts(db: Db, actor: Actor, q: ShiftListQuery): Promise<Shift[]> {
  assertStaff(actor);
  if (actor.role === 'clerk') throw new DomainError('FORBIDDEN', 'Only store managers and HQ list shifts');
  const storeId = q.storeId ?? (isHq(actor) ? undefined : (actor.storeId ?? ''));
  if (storeId !== undefined) assertStoreAccess(actor, storeId);
  const where = and(
    storeId !== undefined ? eq(shifts.storeId, storeId) : undefined,
    q.from !== undefined ? gte(shifts.openedAt, q.from) : undefined,
    q.to !== undefined ? lt(shifts.openedAt, q.to) : undefined,
  );
  const list = await rows(db, where).orderBy(desc(shifts.openedAt)).limit(q.limit);
  return list.map((r) => toShift({ ...r.s, staffName: r.staffName }));
}
