import type { Actor } from './authz';
import { canAccessMember, type MemberScope } from './authz';
import { maskPhone } from './phone';

export { maskPhone };

/**
 * Who sees a member's phone number whole in HQ's lists, detail and export (docs/decisions/026):
 * - HQ: always (the chain's own customer file).
 * - a store manager: for the members their store serves (home store or last served there); any
 *   other member they are shown (there are none in their lists) masked.
 * - a clerk: never in a list or export — the counter identifies a member by what the member says,
 *   and a list of whole numbers is what leaks; the counter's own lookup keeps decision 002.
 * - a member: only their own.
 */
export function seesWholePhone(actor: Actor, member: MemberScope): boolean {
  if (actor.kind === 'member') return actor.id === member.id;
  if (actor.role === 'hq_admin') return true;
  if (actor.role === 'store_manager') return canAccessMember(actor, member);
  return false;
}

/** The phone as this actor may see it: whole, or 138****5678. */
export function phoneFor(actor: Actor, member: MemberScope & { phone: string }): string {
  return seesWholePhone(actor, member) ? member.phone : maskPhone(member.phone);
}
