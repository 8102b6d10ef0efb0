/**
 * The callers of the RBAC matrix (issue 21) and what each may expect. The subject of every sample
 * request belongs to store 1 (a store-1 member, order, shift, tablet), so "this store" is store 1.
 */
export const ROLES = ['none', 'member', 'otherMember', 'clerk1', 'manager1', 'clerk2', 'manager2', 'hq'] as const;
export type Role = (typeof ROLES)[number];

/** The staff accounts behind the staff roles (demo seed, password demo1234). */
export const USERNAMES = { clerk1: 'clerk1', manager1: 'manager1', clerk2: 'clerk2', manager2: 'manager2', hq: 'admin' } as const satisfies Partial<Record<Role, string>>;
export type StaffRole = keyof typeof USERNAMES;
export const isStaffRole = (r: Role): r is StaffRole => r in USERNAMES;

/**
 * - `ok`: must succeed (status < 400) — public routes.
 * - `allow`: past authorization — any status but 401/403 (and never 5xx); a 404/409/400 for a
 *   business reason still counts, as the request was looked at on its merits.
 * - `deny`: 401 or 403.
 * - `hidden`: 404 — refused by not finding what belongs to someone else (reveals nothing).
 */
export type Verdict = 'ok' | 'allow' | 'deny' | 'hidden';
export type Verdicts = Readonly<Record<Role, Verdict>>;

export function matches(expected: Verdict, status: number): boolean {
  if (status >= 500) return false;
  switch (expected) {
    case 'ok':
      return status < 400;
    case 'allow':
      return status !== 401 && status !== 403;
    case 'deny':
      return status === 401 || status === 403;
    case 'hidden':
      return status === 404;
  }
}

/** These roles get `yes`, every other one `no`. */
const only = (yes: readonly Role[], no: Verdict = 'deny', ok: Verdict = 'allow'): Verdicts =>
  Object.fromEntries(ROLES.map((r) => [r, yes.includes(r) ? ok : no])) as Record<Role, Verdict>;

/** A preset with some roles changed. */
export const but = (base: Verdicts, changes: Partial<Record<Role, Verdict>>): Verdicts => ({ ...base, ...changes });

const STAFF_ROLES = ['clerk1', 'manager1', 'clerk2', 'manager2', 'hq'] as const;
export const V = {
  /** No session needed: everyone gets an answer. */
  PUBLIC: only(ROLES, 'ok', 'ok'),
  /** Anyone signed in. */
  SIGNED_IN: only(ROLES.filter((r) => r !== 'none')),
  /** A member about themself (`/api/me/...`): both members, no staff. */
  MEMBERS: only(['member', 'otherMember']),
  /** Any staff, any store (they serve a visiting member at their own counter). */
  STAFF: only(STAFF_ROLES),
  /** Staff of the subject's store (home store or last visit), or HQ. */
  STORE1: only(['clerk1', 'manager1', 'hq']),
  /** A manager of the subject's store, or HQ. */
  STORE1_MANAGER: only(['manager1', 'hq']),
  /** Managers of any store, and HQ. */
  MANAGERS: only(['manager1', 'manager2', 'hq']),
  HQ: only(['hq']),
  /** No caller at all: the route is opened by something other than a session. */
  NOBODY: only([]),
} as const;

/** Where a role works: its own store; HQ and members act at the subject's store. */
export const storeOf = (role: Role): string => (role === 'clerk2' || role === 'manager2' ? 'store-2' : 'store-1');
