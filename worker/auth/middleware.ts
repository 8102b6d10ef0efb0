import { createMiddleware } from 'hono/factory';
import { DomainError } from '../../shared/errors';
import { openDb } from '../db/client';
import type { AppEnv } from '../env';
import { resolveSessionState } from './sessions';
import { resolveDevice, touchDevice } from '../services/devices';
import { DEVICE_HEADER } from '../../shared/schemas/device';

export function bearerToken(header: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return m?.[1] ?? null;
}

/** What a session whose password was reset may still do (signing out needs no session check). */
const WHILE_PASSWORD_CHANGE: readonly (readonly [string, string])[] = [['GET', '/api/me'], ['PUT', '/api/me/password']];

/** Every /api route but sign-in, health and docs goes through this. */
export const requireAuth = createMiddleware<AppEnv>(async (c, next) => {
  // A browser cannot set headers on a WebSocket: the poke socket alone may carry the token in the URL.
  const token = bearerToken(c.req.header('authorization')) ?? (c.req.header('upgrade') === 'websocket' ? (c.req.query('token') ?? null) : null);
  if (!token) throw new DomainError('UNAUTHENTICATED', 'Not signed in: send Authorization: Bearer <token>');
  const db = openDb(c.env.DB);
  const [{ actor, mustChangePassword }, device] = await Promise.all([resolveSessionState(db, token, Date.now()), resolveDevice(db, c.req.header(DEVICE_HEADER))]);
  // After a reset the session is good for one thing: choosing a new password (decision 023).
  if (mustChangePassword && !WHILE_PASSWORD_CHANGE.some(([m, p]) => c.req.method === m && c.req.path === p)) {
    throw new DomainError('PASSWORD_CHANGE_REQUIRED', 'Choose a new password first (PUT /api/me/password): the password was reset');
  }
  c.set('actor', actor);
  // A credential that does not check out is no device: the tablet still works, without allowances.
  c.set('device', device);
  if (device) c.executionCtx.waitUntil(touchDevice(db, device.id).catch(() => null));
  await next();
});

/**
 * The caller's address: Cloudflare's edge sets CF-Connecting-IP and overwrites any the client sent.
 * Nothing else is trusted (X-Real-IP, X-Forwarded-For are the client's own words): without it, as
 * in local development, every caller shares one address for the per-address limits.
 */
export function clientAddress(headers: { header(name: string): string | undefined }): string {
  return headers.header('cf-connecting-ip') ?? 'local';
}
