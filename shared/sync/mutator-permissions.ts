import { assertStaff, assertStoreAccess, type Actor } from '../domain/authz';
import { DomainError } from '../errors';
import type { MutatorArgs, MutatorName } from './mutator-args';

type Rules = { [K in MutatorName]: (actor: Actor, args: MutatorArgs<K>) => void };

const staffAt = (actor: Actor, storeId: string) => {
  assertStaff(actor);
  assertStoreAccess(actor, storeId);
};
const managerAt = (actor: Actor, storeId: string, what: string) => {
  staffAt(actor, storeId);
  if (actor.kind === 'staff' && actor.role === 'clerk') throw new DomainError('FORBIDDEN', `${what} needs a store manager or HQ`);
};

/**
 * Who may run each mutator, checked on the tablet before the optimistic write and again on the
 * server before any effect (the server also checks what needs its data, e.g. member scope).
 */
export const mutatorPermissions: Rules = {
  checkout: (a, x) => staffAt(a, x.storeId),
  recharge: (a, x) => staffAt(a, x.storeId),
  registerMember: (a, x) => staffAt(a, x.homeStoreId),
  updateMember: (a) => assertStaff(a),
  sellPunchCard: (a, x) => staffAt(a, x.storeId),
  redeemPunch: (a, x) => staffAt(a, x.storeId),
  // A clerk's refund carries a manager's approval (its proof is checked on the server).
  refundOrder: (a, x) => (x.approval ? staffAt(a, x.storeId) : managerAt(a, x.storeId, 'A refund without a manager’s approval')),
  // Staff of a store that serves the member, or HQ (the server checks the member's scope, which
  // needs its data; docs/decisions/002). The member themself reports from their phone.
  reportCardLoss: (a) => assertStaff(a),
  adjustInventory: (a, x) => staffAt(a, x.storeId),
  // Which tablet may hold or give back allowances is checked on the server (its registration).
  renewAllowances: (a, x) => staffAt(a, x.storeId),
  releaseAllowances: (a, x) => staffAt(a, x.storeId),
};
