/**
 * A client-made id is the idempotency key of what it names (an order, an account operation, a
 * refund). A repeat with the same request is answered as the first time; a repeat with another
 * request is refused (IDEMPOTENCY_MISMATCH), or a till would show money credited that was not.
 * The request is compared by its fingerprint: a SHA-256 of its canonical JSON.
 */

// These authorize a request rather than say what it does: a retry may carry a fresh approval.
const AUTHORIZATION_KEYS = new Set(['approval', 'approvedBy', 'proof']);

/** JSON with object keys sorted at every depth, undefined and authorization fields left out. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([k, v]) => v !== undefined && !AUTHORIZATION_KEYS.has(k))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The fingerprint of `request` under `scope` (what the id keys: "order", "recharge:<memberId>"…). */
export async function requestFingerprint(scope: string, request: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(`${scope}\n${canonicalJson(request)}`);
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Whether a repeat under a recorded fingerprint is the same request (records made before fingerprints match anything). */
export const sameRequest = (recorded: string | null | undefined, now: string | null | undefined) => !recorded || !now || recorded === now;
