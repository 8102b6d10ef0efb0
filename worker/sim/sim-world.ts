import { env } from 'cloudflare:test';
import type { Rng } from '../../scripts/seed/rng';
import type { Actor } from '../../shared/domain/authz';
import { toBase64Url } from '../../shared/crypto/password';
import { sha256Hex } from '../auth/tokens';
import type { Ids } from './sim-ids';

export type Staffer = { actor: Extract<Actor, { kind: 'staff' }>; token: string };
export type DeviceCred = { id: string; storeId: string; credential: string };
export type TabletSpec = { name: string; staff: Staffer; device: DeviceCred | null; skewMs: number };
export type World = { stores: string[]; managers: Map<string, Staffer>; hq: Staffer; tablets: TabletSpec[]; ip: string };

const HOUR = 3_600_000;
// Tablets' clocks: most right, some a little off, some set to another day (decision 015).
const SKEWS = [0, 0, 0, 0, 90_000, -600_000, 3 * HOUR, -5 * HOUR, -26 * HOUR, 26 * HOUR];

/**
 * A fresh corner of the chain for one run: its own 2–3 stores, a manager and a clerk each, their
 * sessions, and the registered tablets. Written straight into D1 (setup, not the path under test),
 * so the run's reports and views hold only what the run did, whatever ran before it.
 */
export async function buildWorld(seed: number, rng: Rng, ids: Ids): Promise<World> {
  const now = Date.now();
  const stores = Array.from({ length: rng.chance(0.35) ? 3 : 2 }, (_, i) => `sim${seed}-s${i + 1}`);
  const stmts: D1PreparedStatement[] = [];
  const session = async (subjectKind: 'staff' | 'member', subjectId: string) => {
    const token = ids.secret();
    stmts.push(env.DB.prepare('INSERT INTO sessions (token_hash, subject_kind, subject_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').bind(await sha256Hex(token), subjectKind, subjectId, now, now + 48 * HOUR));
    return token;
  };
  const staffer = async (storeId: string, role: 'store_manager' | 'clerk', tag: string): Promise<Staffer> => {
    const id = `sim${seed}-${tag}`;
    stmts.push(env.DB.prepare(`INSERT INTO staff (id, username, name, role, store_id, password_hash, pin_hash, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'x', NULL, 'active', ?, ?)`).bind(id, id, tag, role, storeId, now, now));
    return { actor: { kind: 'staff', id, name: tag, role, storeId }, token: await session('staff', id) };
  };
  const device = async (storeId: string, tag: string): Promise<DeviceCred> => {
    const id = `dev-${ids.ulid()}`;
    const secret = ids.secret();
    const hash = toBase64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(secret))));
    stmts.push(env.DB.prepare(`INSERT INTO devices (id, store_id, name, secret_hash, status, registered_by, created_at, last_seen_at, updated_at) VALUES (?, ?, ?, ?, 'active', 'sim', ?, ?, ?)`).bind(id, storeId, tag, hash, now, now, now));
    return { id, storeId, credential: `${id}.${secret}` };
  };
  for (const [i, s] of stores.entries()) {
    stmts.push(env.DB.prepare(`INSERT INTO stores (id, code, name, address, phone, status, created_at, updated_at) VALUES (?, ?, ?, '', '', 'open', ?, ?)`).bind(s, `S${seed}-${i + 1}`, `模拟${i + 1}店`, now, now));
  }
  const managers = new Map<string, Staffer>();
  const tablets: TabletSpec[] = [];
  for (const [i, s] of stores.entries()) {
    const m = await staffer(s, 'store_manager', `m${i + 1}`);
    managers.set(s, m);
    tablets.push({ name: `t${i + 1}a`, staff: m, device: rng.chance(0.8) ? await device(s, `前台${i + 1}a`) : null, skewMs: rng.pick(SKEWS) });
    if (i === 0 && rng.chance(0.35)) {
      const c = await staffer(s, 'clerk', `c${i + 1}`);
      tablets.push({ name: `t${i + 1}b`, staff: c, device: rng.chance(0.6) ? await device(s, `前台${i + 1}b`) : null, skewMs: rng.pick(SKEWS) });
    }
  }
  // HQ too is the run's own account, and the run its own address: costly reads (the ledger
  // verification) are rate-limited per account and per address.
  const hqId = `sim${seed}-hq`;
  stmts.push(env.DB.prepare(`INSERT INTO staff (id, username, name, role, store_id, password_hash, pin_hash, status, created_at, updated_at) VALUES (?, ?, 'HQ', 'hq_admin', NULL, 'x', NULL, 'active', ?, ?)`).bind(hqId, hqId, now, now));
  const hq: Staffer = { actor: { kind: 'staff', id: hqId, name: 'HQ', role: 'hq_admin', storeId: null }, token: await session('staff', hqId) };
  await env.DB.batch(stmts);
  return { stores, managers, hq, tablets, ip: `10.${(seed >> 16) & 255}.${(seed >> 8) & 255}.${seed & 255}` };
}

/** A member's phone session (the member signs in with a code; the sim skips the SMS). */
export async function memberSession(memberId: string, ids: Ids): Promise<string> {
  const token = ids.secret();
  const now = Date.now();
  await env.DB.prepare('INSERT INTO sessions (token_hash, subject_kind, subject_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').bind(await sha256Hex(token), 'member', memberId, now, now + 48 * HOUR).run();
  return token;
}
