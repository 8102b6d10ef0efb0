import { and, desc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { assertStaff, assertStoreAccess, isHq, type Actor } from '../../shared/domain/authz';
import { DomainError } from '../../shared/errors';
import { alertKindSchema, type AlertKind, type AlertListQuery, type AlertResolveResult, type StaffAlert } from '../../shared/schemas/alerts';
import type { Db } from '../db/client';
import { staffAlerts } from '../db/schema';
import { auditInsert } from './audit';

type Row = typeof staffAlerts.$inferSelect;

/** One row per kind, day and store: a job run twice, or a page done twice, writes it once. */
export const alertId = (kind: AlertKind, day: string, storeId: string) => `${kind}:${day}:${storeId}`;

/** The alert's insert (nothing if that kind, day and store has one already, resolved or not); `changes` says which. */
export function alertStatement(d1: D1Database, a: { kind: AlertKind; day: string; storeId: string; detail: unknown; now: number }): D1PreparedStatement {
  return d1.prepare('INSERT INTO staff_alerts (id, store_id, kind, detail, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING')
    .bind(alertId(a.kind, a.day, a.storeId), a.storeId, a.kind, JSON.stringify(a.detail), a.now);
}

const view = (r: Row): StaffAlert => ({
  id: r.id, storeId: r.storeId, kind: r.kind as StaffAlert['kind'], day: r.id.split(':')[1] ?? '', detail: JSON.parse(r.detail),
  createdAt: r.createdAt, resolvedAt: r.resolvedAt,
}) as StaffAlert;

/** Alerts are a manager's and HQ's: clerks and members are refused. */
function assertReader(actor: Actor): asserts actor is Extract<Actor, { kind: 'staff' }> {
  assertStaff(actor);
  if (!isHq(actor) && actor.role !== 'store_manager') throw new DomainError('FORBIDDEN', 'Alerts are read by the store’s manager and HQ');
}

/** Newest first. HQ: any store or all; a manager: their own store (another store's is refused). */
export async function listAlerts(db: Db, actor: Actor, q: AlertListQuery): Promise<StaffAlert[]> {
  assertReader(actor);
  const storeId = q.storeId ?? (isHq(actor) ? undefined : actor.storeId ?? undefined);
  if (storeId) assertStoreAccess(actor, storeId);
  else if (!isHq(actor)) throw new DomainError('FORBIDDEN', 'You can only access your own store’s data');
  const rows = await db.select().from(staffAlerts).where(and(
    inArray(staffAlerts.kind, alertKindSchema.options),
    storeId ? eq(staffAlerts.storeId, storeId) : undefined,
    q.kind ? eq(staffAlerts.kind, q.kind) : undefined,
    q.open === 'true' ? isNull(staffAlerts.resolvedAt) : q.open === 'false' ? isNotNull(staffAlerts.resolvedAt) : undefined,
  )).orderBy(desc(staffAlerts.createdAt), staffAlerts.id).limit(q.limit);
  return rows.map(view);
}

/**
 * Marks an alert seen and dealt with (its store's manager or HQ; audited `alert.resolve`). The
 * update and its audit row go in one D1 batch; the audit id is the alert's, so a second resolve,
 * or two at once, records and changes nothing more (`replayed`).
 */
export async function resolveAlert(db: Db, actor: Actor, id: string, ctx: { ip: string; now: number }): Promise<AlertResolveResult> {
  assertReader(actor);
  const row = await db.select().from(staffAlerts).where(eq(staffAlerts.id, id)).get();
  if (!row || !alertKindSchema.safeParse(row.kind).success) throw new DomainError('NOT_FOUND', `No alert ${id}`);
  assertStoreAccess(actor, row.storeId);
  if (row.resolvedAt !== null) return { alert: view(row), replayed: true };
  const [updated] = await db.batch([
    db.update(staffAlerts).set({ resolvedAt: ctx.now }).where(and(eq(staffAlerts.id, id), isNull(staffAlerts.resolvedAt))),
    auditInsert(db, { id: `alert.resolve:${id}`, actor, action: 'alert.resolve', entity: 'staff_alert', entityId: id, storeId: row.storeId, ip: ctx.ip, at: ctx.now, detail: { kind: row.kind } }).onConflictDoNothing(),
  ]);
  const after = (await db.select().from(staffAlerts).where(eq(staffAlerts.id, id)).get())!;
  return { alert: view(after), replayed: updated.meta.changes === 0 };
}
