import { isHq, type Actor } from '../../shared/domain/authz';
import { DomainError } from '../../shared/errors';

/**
 * The stores a report covers. `storeIds: null` means every store of the chain (HQ without a
 * storeId); otherwise exactly the stores listed (today always one).
 */
export type ReportScope = { storeIds: string[] | null };

/**
 * Who reads HQ reports (issue 19), in one place so every report route answers alike:
 * - HQ admin: the whole chain (no storeId) or the one store asked for;
 * - store manager: their own store (no storeId → theirs; another store → 403 FORBIDDEN);
 * - clerks and members: 403 — reports are the back office's, not the counter's.
 * A store that does not exist is not looked up here: its report is simply empty, which reveals
 * nothing HQ does not already know.
 */
export function reportScope(actor: Actor, storeId: string | undefined): ReportScope {
  if (actor.kind !== 'staff') throw new DomainError('FORBIDDEN', 'Reports are read by store managers and HQ');
  if (isHq(actor)) return { storeIds: storeId ? [storeId] : null };
  if (actor.role !== 'store_manager' || !actor.storeId) throw new DomainError('FORBIDDEN', 'Reports are read by store managers and HQ');
  if (storeId && storeId !== actor.storeId) throw new DomainError('FORBIDDEN', 'storeId: you can only read your own store’s reports');
  return { storeIds: [actor.storeId] };
}

/** The scope as raw SQL for `column`: `''` for all stores, else ` AND column IN (?, …)` with its binds. */
export function scopeSql(scope: ReportScope, column = 'store_id'): { sql: string; binds: string[] } {
  if (scope.storeIds === null) return { sql: '', binds: [] };
  return { sql: ` AND ${column} IN (${scope.storeIds.map(() => '?').join(', ')})`, binds: scope.storeIds };
}

/** Whether the scope covers `storeId` (a drill-down into one order). */
export const scopeCovers = (scope: ReportScope, storeId: string): boolean => scope.storeIds === null || scope.storeIds.includes(storeId);
