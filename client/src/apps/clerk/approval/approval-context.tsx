import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Approval } from '../../../../../shared/schemas/approval';
import type { SessionUser } from '../../../../../shared/schemas/auth';
import { ApprovalDialog } from './approval-dialog';
import { selfApproves } from './approvers';

/** A manager's approval: a PIN-signed proof, or (proof null) the manager working the counter. */
export type GivenApproval = Approval | { approvedBy: string; proof: null };
/** `message` is the canonical text the proof signs (approvalMessages); `what` is shown to the manager. */
export type RequestApproval = (message: string, what?: string) => Promise<GivenApproval | null>;

type Pending = { message: string; what: string; resolve: (a: GivenApproval | null) => void };
type Value = { requestApproval: RequestApproval; needsPin: boolean };
const Ctx = createContext<Value | null>(null);

/**
 * One approval dialog for the whole tablet (counter discounts, refunds). A manager or HQ signed in
 * approves by being signed in: no dialog. Everything it needs is synced, so it works offline.
 */
export function ApprovalProvider({ actor, storeId, children }: { actor: SessionUser; storeId: string; children: ReactNode }) {
  const [pending, setPending] = useState<Pending | null>(null);
  const current = useRef<Pending | null>(null);
  const self = selfApproves(actor, storeId);
  const request = useCallback<RequestApproval>(
    (message, what = '') => {
      if (self) return Promise.resolve({ approvedBy: actor.id, proof: null });
      return new Promise((resolve) => {
        current.current?.resolve(null); // a second request replaces the first (which counts as cancelled)
        const p = { message, what, resolve };
        current.current = p;
        setPending(p);
      });
    },
    [self, actor.id],
  );
  const finish = (a: GivenApproval | null) => {
    current.current?.resolve(a);
    current.current = null;
    setPending(null);
  };
  const value = useMemo(() => ({ requestApproval: request, needsPin: !self }), [request, self]);
  return (
    <Ctx.Provider value={value}>
      {children}
      {pending ? <ApprovalDialog key={pending.message} message={pending.message} what={pending.what} onDone={finish} /> : null}
    </Ctx.Provider>
  );
}

/**
 * `requestApproval(message, what)` resolves with the approval, or null when cancelled; `needsPin`
 * is false when the signed-in user approves by themself (labels say "manager approval" or not).
 */
export function useApproval(): Value {
  const v = useContext(Ctx);
  if (!v) throw new Error('useApproval outside <ApprovalProvider>');
  return v;
}
