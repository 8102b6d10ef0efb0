import { approverSchema, type Approver } from '../../../../../shared/schemas/approval';

/** Who approves at this store's counter by themself (the server's rule): they need no PIN dialog. */
export { approvesAt as selfApproves } from '../../../../../shared/domain/authz';

/** The synced `approver/` values that parse, the store's managers before HQ, then by name. */
export function toApprovers(values: readonly unknown[]): Approver[] {
  const out = values.flatMap((v) => {
    const r = approverSchema.safeParse(v);
    return r.success ? [r.data] : [];
  });
  const rank = (a: Approver) => (a.role === 'store_manager' ? 0 : 1);
  return out.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'zh-CN'));
}

/** The approver to preselect: the only one, else the one who approved last on this tablet (if still there). */
export function initialApprover(list: readonly Approver[], lastId: string | null): string | null {
  if (list.length === 1) return list[0]!.id;
  return lastId && list.some((a) => a.id === lastId) ? lastId : null;
}
