import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Actor } from '../../shared/domain/authz';
import { DomainError } from '../../shared/errors';
import type { Db } from '../db/client';
import { preparedQuery } from '../db/statements';
import { members, sessions, staff } from '../db/schema';
import { TtlCache } from '../services/ttl-cache';
import { newToken, sha256Hex } from './tokens';

export async function createSession(
  db: Db,
  subject: { kind: 'staff' | 'member'; id: string },
  ttlMs: number,
  now: number,
): Promise<{ token: string; expiresAt: number }> {
  const token = newToken();
  const expiresAt = now + ttlMs;
  await db.insert(sessions).values({
    tokenHash: await sha256Hex(token),
    subjectKind: subject.kind,
    subjectId: subject.id,
    createdAt: now,
    expiresAt,
  });
  return { token, expiresAt };
}

/** The actor behind a bearer token (one query); a disabled account or closed card ends its sessions at once. */
const sessionByHash = preparedQuery((db) =>
  db
    .select({ session: sessions, staff, member: { id: members.id, name: members.name, status: members.status } })
    .from(sessions)
    .leftJoin(staff, and(eq(sessions.subjectKind, 'staff'), eq(staff.id, sessions.subjectId)))
    .leftJoin(members, and(eq(sessions.subjectKind, 'member'), eq(members.id, sessions.subjectId)))
    .where(eq(sessions.tokenHash, sql.placeholder('hash')))
    .prepare(),
);

type SessionRow = NonNullable<Awaited<ReturnType<ReturnType<typeof sessionByHash>['get']>>>;

// A counter sends a request every few seconds on the same token: the row is kept for a few seconds
// per isolate (docs/decisions/003: a sign-out or a disabled account takes effect within that time).
const SESSION_CACHE_MS = 5_000;
const cache = new TtlCache<SessionRow>(SESSION_CACHE_MS);

export async function resolveSession(db: Db, token: string, now: number): Promise<Actor> {
  return (await resolveSessionState(db, token, now)).actor;
}

/** The actor, and whether a password reset left this account able to do nothing but choose a new one. */
export async function resolveSessionState(db: Db, token: string, now: number): Promise<{ actor: Actor; mustChangePassword: boolean }> {
  const row = await cache.get(token, async () => {
    const r = await sessionByHash(db).get({ hash: await sha256Hex(token) });
    // An unknown token is not kept: it cannot become valid, but random ones would fill the cache.
    if (!r) throw new DomainError('UNAUTHENTICATED', 'Not signed in: the token is unknown or signed out');
    return r;
  });
  if (row.session.revokedAt !== null) throw new DomainError('UNAUTHENTICATED', 'Not signed in: the token is unknown or signed out');
  if (row.session.expiresAt <= now) throw new DomainError('SESSION_EXPIRED', 'Session expired: sign in again');
  if (row.session.subjectKind === 'staff') {
    const s = row.staff;
    if (!s || s.status !== 'active') throw new DomainError('UNAUTHENTICATED', 'This staff account is disabled');
    return { actor: { kind: 'staff', id: s.id, name: s.name, role: s.role, storeId: s.storeId }, mustChangePassword: s.mustChangePassword };
  }
  const m = row.member;
  if (!m || m.status === 'closed') throw new DomainError('UNAUTHENTICATED', 'This membership is closed');
  return { actor: { kind: 'member', id: m.id, name: m.name }, mustChangePassword: false };
}

export async function revokeSession(db: Db, token: string, now: number): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.tokenHash, await sha256Hex(token)), isNull(sessions.revokedAt)));
  // After the write: a request resolving meanwhile must not put the live row back.
  cache.delete(token);
}

/** After sessions were revoked in bulk (a password change): this isolate forgets every cached one. */
export const forgetCachedSessions = () => cache.clear();

export function purgeSessions(db: Db, now: number) {
  return db.delete(sessions).where(or(lt(sessions.expiresAt, now), lt(sessions.revokedAt, now - 86_400_000)));
}
