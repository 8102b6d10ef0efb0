/**
 * The client group's storage (SQLite in its Durable Object): owner and view version, each client's
 * last mutation id, and the client view record — every row the group holds, with the view version
 * it last changed in. Kept beside the group so a 50,000-row view costs D1 nothing to remember.
 */
/** A scan of D1 for changes that takes more than one pull: where each source got to ('done' when finished). */
export type ScanRound = { since: number; startedAt: number; cursors: Record<string, { at: number; id: string } | 'done'> };
export type Meta = { owner: string; view: string; expiredAt: number; version: number; scannedAt: number | null; initSource: number; initAfter: string; initFrom: number; scan: ScanRound | null };

export function migrate(sql: SqlStorage): void {
  sql.exec(`CREATE TABLE IF NOT EXISTS meta (id INTEGER PRIMARY KEY CHECK (id = 1), owner TEXT NOT NULL, view TEXT NOT NULL, expired_at INTEGER NOT NULL DEFAULT 0, version INTEGER NOT NULL,
    scanned_at INTEGER, init_source INTEGER NOT NULL, init_after TEXT NOT NULL, init_from INTEGER NOT NULL, scan TEXT)`);
  sql.exec('CREATE TABLE IF NOT EXISTS clients (id TEXT PRIMARY KEY, lmid INTEGER NOT NULL, changed_in INTEGER NOT NULL, failures INTEGER NOT NULL DEFAULT 0)');
  sql.exec('CREATE TABLE IF NOT EXISTS cvr (key TEXT PRIMARY KEY, val TEXT, changed_in INTEGER NOT NULL)');
  sql.exec('CREATE INDEX IF NOT EXISTS cvr_changed_idx ON cvr (changed_in, key)');
}

export function loadMeta(sql: SqlStorage): Meta | null {
  const r = sql.exec<{ owner: string; view: string; expired_at: number; version: number; scanned_at: number | null; init_source: number; init_after: string; init_from: number; scan: string | null }>('SELECT * FROM meta').toArray()[0];
  return r ? { owner: r.owner, view: r.view, expiredAt: r.expired_at, version: r.version, scannedAt: r.scanned_at, initSource: r.init_source, initAfter: r.init_after, initFrom: r.init_from, scan: r.scan ? (JSON.parse(r.scan) as ScanRound) : null } : null;
}

export function saveMeta(sql: SqlStorage, m: Meta): void {
  sql.exec('INSERT OR REPLACE INTO meta (id, owner, view, expired_at, version, scanned_at, init_source, init_after, init_from, scan) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)', m.owner, m.view, m.expiredAt, m.version, m.scannedAt, m.initSource, m.initAfter, m.initFrom, m.scan ? JSON.stringify(m.scan) : null);
}

export function clientOf(sql: SqlStorage, id: string): { lmid: number; failures: number } | null {
  return sql.exec<{ lmid: number; failures: number }>('SELECT lmid, failures FROM clients WHERE id = ?', id).toArray()[0] ?? null;
}

export function setLmid(sql: SqlStorage, id: string, lmid: number, changedIn: number): void {
  sql.exec('INSERT INTO clients (id, lmid, changed_in, failures) VALUES (?, ?, ?, 0) ON CONFLICT (id) DO UPDATE SET lmid = excluded.lmid, changed_in = excluded.changed_in, failures = 0', id, lmid, changedIn);
}

/** Counts a transient failure of the client's next mutation; returns how many in a row. */
export function countFailure(sql: SqlStorage, id: string): number {
  return sql.exec<{ failures: number }>('INSERT INTO clients (id, lmid, changed_in, failures) VALUES (?, 0, 0, 1) ON CONFLICT (id) DO UPDATE SET failures = failures + 1 RETURNING failures', id).one().failures;
}

/** Records a row's value (null: left the view) if it differs from what the group holds; true if it did. */
export function record(sql: SqlStorage, key: string, value: unknown, version: number): boolean {
  const val = value === null ? null : JSON.stringify(value);
  const held = sql.exec<{ val: string | null }>('SELECT val FROM cvr WHERE key = ?', key).toArray()[0];
  if (held ? held.val === val : val === null) return false;
  sql.exec('INSERT INTO cvr (key, val, changed_in) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET val = excluded.val, changed_in = excluded.changed_in', key, val, version);
  return true;
}

export function changedSince(sql: SqlStorage, base: number, limit: number): { key: string; val: string | null; changed_in: number }[] {
  return sql.exec<{ key: string; val: string | null; changed_in: number }>('SELECT key, val, changed_in FROM cvr WHERE changed_in > ? ORDER BY changed_in, key LIMIT ?', base, limit).toArray();
}

export function changedIn(sql: SqlStorage, version: number): { key: string; val: string | null; changed_in: number }[] {
  return sql.exec<{ key: string; val: string | null; changed_in: number }>('SELECT key, val, changed_in FROM cvr WHERE changed_in = ? ORDER BY key', version).toArray();
}

export function lmidChanges(sql: SqlStorage, base: number, upTo: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of sql.exec<{ id: string; lmid: number }>('SELECT id, lmid FROM clients WHERE changed_in > ? AND changed_in <= ?', base, upTo)) out[r.id] = r.lmid;
  return out;
}

export function anyChangeIn(sql: SqlStorage, version: number): boolean {
  return sql.exec('SELECT 1 FROM cvr WHERE changed_in = ? UNION ALL SELECT 1 FROM clients WHERE changed_in = ? LIMIT 1', version, version).toArray().length > 0;
}
