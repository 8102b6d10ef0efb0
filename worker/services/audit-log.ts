import { and, desc, eq, gte, lt, lte, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { assertStaff, type Actor } from '../../shared/domain/authz';
import { DomainError } from '../../shared/errors';
import type { AuditEntry, AuditPage, AuditQuery } from '../../shared/schemas/audit';
import type { Db } from '../db/client';
import { auditLog, members, staff, stores } from '../db/schema';

const escapeLike = (s: string) => s.replace(/[%_\\]/g, (c) => `\\${c}`);
const contains = (s: string) => `%${escapeLike(s)}%`;
/** LIKE with the escapes honoured (SQLite has no default escape character). */
export const like = (col: AnyColumn, pattern: string) => sql`${col} LIKE ${pattern} ESCAPE '\\'`;

function parseDetail(text: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : { value: v };
  } catch {
    return { text };
  }
}

/**
 * The audit log, newest first (decision 023). HQ reads the whole chain; a store manager only
 * their store's rows (the store an action was done at, or the store of what it changed).
 */
export async function searchAudit(db: Db, actor: Actor, q: AuditQuery): Promise<AuditPage> {
  assertStaff(actor);
  if (actor.role === 'clerk') throw new DomainError('FORBIDDEN', 'Only HQ and store managers read the audit log');
  if (actor.role !== 'hq_admin' && q.storeId && q.storeId !== actor.storeId) throw new DomainError('FORBIDDEN', 'storeId: a store manager reads only their own store’s audit log');
  const storeId = actor.role === 'hq_admin' ? q.storeId : (actor.storeId ?? '');

  let actorId = q.actor;
  if (actorId) actorId = (await db.select({ id: staff.id }).from(staff).where(eq(staff.username, actorId.toLowerCase())).get())?.id ?? actorId;
  let before: SQL | undefined;
  if (q.cursor) {
    const [at, ...rest] = q.cursor.split('~');
    const id = rest.join('~');
    before = or(lt(auditLog.at, Number(at)), and(eq(auditLog.at, Number(at)), lt(auditLog.id, id)));
  }
  const action = q.action ? (q.action.endsWith('.') ? like(auditLog.action, `${escapeLike(q.action)}%`) : eq(auditLog.action, q.action)) : undefined;
  const text = q.q ? or(like(auditLog.action, contains(q.q)), like(auditLog.entityId, contains(q.q)), like(auditLog.detail, contains(q.q))) : undefined;
  const where = and(
    storeId ? eq(auditLog.storeId, storeId) : undefined,
    actorId ? eq(auditLog.actorId, actorId) : undefined,
    action,
    q.entity ? eq(auditLog.entity, q.entity) : undefined,
    q.entityId ? eq(auditLog.entityId, q.entityId) : undefined,
    q.from !== undefined ? gte(auditLog.at, q.from) : undefined,
    q.to !== undefined ? lte(auditLog.at, q.to) : undefined,
    text,
    before,
  );
  const rows = await db
    .select({ a: auditLog, staffName: staff.name, username: staff.username, memberName: members.name, storeName: stores.name })
    .from(auditLog)
    .leftJoin(staff, and(eq(auditLog.actorKind, 'staff'), eq(staff.id, auditLog.actorId)))
    .leftJoin(members, and(eq(auditLog.actorKind, 'member'), eq(members.id, auditLog.actorId)))
    .leftJoin(stores, eq(stores.id, auditLog.storeId))
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const entries: AuditEntry[] = page.map(({ a, ...r }) => ({
    id: a.id, at: a.at, actorKind: a.actorKind, actorId: a.actorId,
    actorName: r.staffName ?? r.memberName ?? (a.actorKind === 'system' ? a.actorId : null),
    actorUsername: r.username, storeId: a.storeId, storeName: r.storeName,
    action: a.action, entity: a.entity, entityId: a.entityId, detail: parseDetail(a.detail), ip: a.ip,
  }));
  const last = page[page.length - 1];
  return { entries, nextCursor: rows.length > q.limit && last ? `${last.a.at}~${last.a.id}` : null };
}
