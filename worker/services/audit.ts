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
};

/** Returns the insert so callers can put it in the same D1 batch as the change it records. */
export function auditInsert(db: Db, e: AuditEntry) {
  const storeId = e.storeId ?? (e.actor.kind === 'staff' ? e.actor.storeId : null);
  return db.insert(auditLog).values({
    id: ulid(e.at),
    at: e.at,
    actorKind: e.actor.kind,
    actorId: e.actor.id,
    storeId,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    detail: JSON.stringify(e.detail ?? {}),
    ip: e.ip ?? '',
  });
}
