import { derive, parsePasswordHash, PBKDF2_ITERATIONS } from '../../shared/crypto/password';

// Verifying against this when the username is unknown keeps the response time the same either way.
const DUMMY = 'pbkdf2-sha256$100000$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  return crypto.subtle.timingSafeEqual(a, b);
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parsed = parsePasswordHash(stored ?? DUMMY);
  if (!parsed || parsed.iterations > PBKDF2_ITERATIONS) return false;
  const actual = await derive(password, parsed.salt, parsed.iterations);
  return constantTimeEqual(actual, parsed.hash) && stored !== null;
}
