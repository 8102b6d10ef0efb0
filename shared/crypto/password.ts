/**
 * Staff passwords: PBKDF2-SHA256 via WebCrypto, 16-byte random salt, 100,000 iterations (the most
 * workerd allows). Stored as `pbkdf2-sha256$<iterations>$<salt b64url>$<hash b64url>`.
 * WebCrypto only, so the seed (Node) and the worker (workerd) produce the same format.
 */
export const PBKDF2_ITERATIONS = 100_000;
const HASH_BYTES = 32;

export function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(s: string): Uint8Array {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    key,
    HASH_BYTES * 8,
  );
  return new Uint8Array(bits);
}

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await derive(password, salt, PBKDF2_ITERATIONS);
  return `pbkdf2-sha256$${PBKDF2_ITERATIONS}$${toBase64Url(salt)}$${toBase64Url(hash)}`;
}

export type ParsedHash = { iterations: number; salt: Uint8Array; hash: Uint8Array };

export function parsePasswordHash(stored: string): ParsedHash | null {
  const [scheme, iter, salt, hash] = stored.split('$');
  const iterations = Number(iter);
  if (scheme !== 'pbkdf2-sha256' || !salt || !hash || !Number.isInteger(iterations)) return null;
  return { iterations, salt: fromBase64Url(salt), hash: fromBase64Url(hash) };
}
