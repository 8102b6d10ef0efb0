import { DomainError } from '../errors';
import type { SessionUser } from '../schemas/auth';

/**
 * Who may see what. HQ sees every store; a manager or clerk only their own store; a member only
 * themself. These rules run on the server for every route and inside every mutator.
 */
export type Actor = SessionUser;

export function isHq(actor: Actor): boolean {
  return actor.kind === 'staff' && actor.role === 'hq_admin';
}

export function canAccessStore(actor: Actor, storeId: string): boolean {
  if (actor.kind !== 'staff') return false;
  return actor.role === 'hq_admin' || actor.storeId === storeId;
}

/** Who approves at a store's counter (manual discounts, refunds; decision 013): its manager, or HQ. */
export function approvesAt(actor: Actor | null, storeId: string): boolean {
  return actor?.kind === 'staff' && (actor.role === 'hq_admin' || (actor.role === 'store_manager' && actor.storeId === storeId));
}

export function assertStoreAccess(actor: Actor, storeId: string): void {
  if (!canAccessStore(actor, storeId)) {
    throw new DomainError('FORBIDDEN', 'You can only access your own store’s data');
  }
}

/**
 * Members belong to the chain (one card, every branch), but a store's staff browse only the members
 * their store serves: members whose home store it is, or who were last served there. Any other
 * member is reached by an exact phone or card number at the counter (see docs/decisions/002).
 */
export type MemberScope = { id: string; homeStoreId: string; lastVisitStoreId: string | null };

export function canAccessMember(actor: Actor, member: MemberScope): boolean {
  if (actor.kind === 'member') return actor.id === member.id;
  if (actor.role === 'hq_admin') return true;
  return actor.storeId === member.homeStoreId || actor.storeId === member.lastVisitStoreId;
}

export function assertMemberAccess(actor: Actor, member: MemberScope): void {
  if (canAccessMember(actor, member)) return;
  throw new DomainError(
    'FORBIDDEN',
    actor.kind === 'member'
      ? 'Members can only see their own account'
      : 'This member is served by another store; identify them by full phone or card number',
  );
}

export function assertStaff(actor: Actor): asserts actor is Extract<Actor, { kind: 'staff' }> {
  if (actor.kind !== 'staff') throw new DomainError('FORBIDDEN', 'Only staff can do this');
}

export function assertHq(actor: Actor): void {
  if (!isHq(actor)) throw new DomainError('FORBIDDEN', 'Only HQ administrators can do this');
}
