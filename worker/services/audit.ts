import { ulid } from 'ulid';
import type { Actor } from '../../shared/domain/authz';
import type { Db } from '../db/client';
import { auditLog } from '../db/schema';

export type AuditEntry = {
  actor: Actor | { kind: 'system'; id: string };
  action: string;
  entity: string;
  entityId: string;
  storeId?: string | null;
  detail?: Record<string, unknown>;
  ip?: string;
  at: number;
  /** Deterministic id (e.g. the operation id) so that a retried write records once. */
  id?: string;
};

export type AuditRow = typeof auditLog.$inferInsert;

export function auditRow(e: AuditEntry): AuditRow {
  return {
    id: e.id ?? ulid(e.at),
    at: e.at,
    actorKind: e.actor.kind,
    actorId: e.actor.id,
    storeId: e.storeId ?? (e.actor.kind === 'staff' ? e.actor.storeId : null),
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    detail: JSON.stringify(e.detail ?? {}),
    ip: e.ip ?? '',
  };
}

/**
 * The audit row as a raw D1 statement, for batches written without drizzle. `ifChanged`: only if
 * the statement just before it in the batch changed a row (a repeat then records nothing).
 */
export function auditStatement(d1: D1Database, e: AuditEntry, opts: { ifChanged?: boolean } = {}): D1PreparedStatement {
  const r = auditRow(e);
  return d1
    .prepare(`INSERT INTO audit_log (id, at, actor_kind, actor_id, store_id, action, entity, entity_id, detail, ip) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10${opts.ifChanged ? ' WHERE changes() = 1' : ''}`)
    .bind(r.id, r.at, r.actorKind, r.actorId, r.storeId, r.action, r.entity, r.entityId, r.detail, r.ip);
}

/** Returns the insert so callers can put it in the same D1 batch as the change it records. */
export function auditInsert(db: Db, e: AuditEntry) {
  return db.insert(auditLog).values(auditRow(e));
}
