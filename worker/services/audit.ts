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

/** Returns the insert so callers can put it in the same D1 batch as the change it records. */
export function auditInsert(db: Db, e: AuditEntry) {
  return db.insert(auditLog).values(auditRow(e));
}
