import type { LedgerEntry, OwnedCoupon, PunchCard } from '../../shared/schemas/account';
import type { PointsLot } from '../../shared/domain/account/points-lots';
import type { Lease } from '../../shared/domain/allowance/leases';
import { emptyAccount, type AccountState, type OpRecord } from '../../shared/domain/account/state';
import type { MemberSnapshot } from '../../shared/schemas/backup';

/**
 * The member account's SQLite storage inside its Durable Object. The ledger and the op records are
 * append-only; balances, lots, punch cards and coupons are the current state the ledger sums to.
 */
// Created last by migrate(): its presence says the schema is at version 3 (tier_code, leases added).
const SCHEMA_MARK = 'schema_v3';

export function migrate(sql: SqlStorage): void {
  // An object starts often (idle ones are evicted within seconds locally, minutes in production):
  // one look at the schema instead of nine CREATEs when it is already current.
  if (sql.exec(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`, SCHEMA_MARK).toArray().length) return;
  sql.exec(`
    CREATE TABLE IF NOT EXISTS account (id INTEGER PRIMARY KEY CHECK (id = 1), member_id TEXT NOT NULL, card_no TEXT NOT NULL,
      status TEXT NOT NULL, principal_fen INTEGER NOT NULL CHECK (principal_fen >= 0), bonus_fen INTEGER NOT NULL CHECK (bonus_fen >= 0),
      seq INTEGER NOT NULL, head_hash TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS lots (id TEXT PRIMARY KEY, earned_at INTEGER NOT NULL, available_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL, remaining INTEGER NOT NULL CHECK (remaining >= 0));
    CREATE TABLE IF NOT EXISTS punch_cards (id TEXT PRIMARY KEY, doc TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS coupons (id TEXT PRIMARY KEY, doc TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS leases (id TEXT PRIMARY KEY, doc TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS ledger (seq INTEGER PRIMARY KEY, op_id TEXT NOT NULL, doc TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS ops (op_id TEXT PRIMARY KEY, doc TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS card_history (card_no TEXT NOT NULL, since INTEGER NOT NULL);
    CREATE TABLE IF NOT EXISTS outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, op_id TEXT NOT NULL, doc TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS outbox_meta (at INTEGER NOT NULL);
  `);
  // Added after the first objects were made: the member's tier as D1 last reported it.
  if (!sql.exec<Row>('PRAGMA table_info(account)').toArray().some((c) => c.name === 'tier_code')) sql.exec('ALTER TABLE account ADD COLUMN tier_code TEXT');
  sql.exec(`CREATE TABLE IF NOT EXISTS ${SCHEMA_MARK} (done INTEGER)`);
}

type Row = Record<string, SqlStorageValue>;
const json = <T>(v: SqlStorageValue) => JSON.parse(String(v)) as T;

export function loadState(sql: SqlStorage): { memberId: string; state: AccountState; tier: string | null } | null {
  const a = sql.exec<Row>('SELECT * FROM account WHERE id = 1').toArray()[0];
  if (!a) return null;
  const state: AccountState = {
    ...emptyAccount(String(a.card_no)),
    status: a.status as AccountState['status'],
    principalFen: Number(a.principal_fen),
    bonusFen: Number(a.bonus_fen),
    seq: Number(a.seq),
    headHash: String(a.head_hash),
    lots: sql.exec<Row>('SELECT * FROM lots').toArray().map((l) => ({
      id: String(l.id), earnedAt: Number(l.earned_at), availableAt: Number(l.available_at), expiresAt: Number(l.expires_at), remaining: Number(l.remaining),
    })),
    punchCards: sql.exec<Row>('SELECT doc FROM punch_cards').toArray().map((r) => json<PunchCard>(r.doc!)),
    coupons: sql.exec<Row>('SELECT doc FROM coupons').toArray().map((r) => json<OwnedCoupon>(r.doc!)),
    leases: sql.exec<Row>('SELECT doc FROM leases').toArray().map((r) => json<Lease>(r.doc!)),
  };
  return { memberId: String(a.member_id), state, tier: a.tier_code === null || a.tier_code === undefined ? null : String(a.tier_code) };
}

export function loadOutbox<D>(sql: SqlStorage): { id: number; doc: D }[] {
  return sql.exec<Row>('SELECT id, doc FROM outbox ORDER BY id').toArray().map((r) => ({ id: Number(r.id), doc: json<D>(r.doc!) }));
}

/** Failed attempts to project the outbox since D1 last caught up. */
export const retryCount = (sql: SqlStorage) => Number(sql.exec<Row>('SELECT count(*) AS n FROM outbox_meta').one().n);

export function loadOp(sql: SqlStorage, opId: string): OpRecord | undefined {
  const r = sql.exec<Row>('SELECT doc FROM ops WHERE op_id = ?', opId).toArray()[0];
  return r ? json<OpRecord>(r.doc!) : undefined;
}

// The engine copies on write, so whatever the op edited or added is a new object.
const changed = <T extends object>(before: readonly T[], after: readonly T[]) => {
  const old = new Set<T>(before);
  return after.filter((x) => !old.has(x));
};

/** The leases an op opened or edited (new objects by identity). */
export const changedLeases = (before: AccountState, after: AccountState) => changed(before.leases, after.leases);

/** Writes what an applied op changed. Runs inside the object's transactionSync. */
export function persist(sql: SqlStorage, memberId: string, before: AccountState, after: AccountState, records: OpRecord[], entries: LedgerEntry[], at: number): void {
  if (before.seq === 0) {
    sql.exec(
      `INSERT INTO account (id, member_id, card_no, status, principal_fen, bonus_fen, seq, head_hash) VALUES (1, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET card_no = excluded.card_no, status = excluded.status, principal_fen = excluded.principal_fen,
         bonus_fen = excluded.bonus_fen, seq = excluded.seq, head_hash = excluded.head_hash`,
      memberId, after.cardNo, after.status, after.principalFen, after.bonusFen, after.seq, after.headHash,
    );
  } else {
    sql.exec('UPDATE account SET card_no = ?, status = ?, principal_fen = ?, bonus_fen = ?, seq = ?, head_hash = ? WHERE id = 1',
      after.cardNo, after.status, after.principalFen, after.bonusFen, after.seq, after.headHash);
  }
  if (before.cardNo !== after.cardNo || before.seq === 0) sql.exec('INSERT INTO card_history (card_no, since) VALUES (?, ?)', after.cardNo, at);
  for (const l of changed<PointsLot>(before.lots, after.lots)) {
    sql.exec('INSERT OR REPLACE INTO lots (id, earned_at, available_at, expires_at, remaining) VALUES (?, ?, ?, ?, ?)', l.id, l.earnedAt, l.availableAt, l.expiresAt, l.remaining);
  }
  for (const c of changed(before.punchCards, after.punchCards)) sql.exec('INSERT OR REPLACE INTO punch_cards (id, doc) VALUES (?, ?)', c.id, JSON.stringify(c));
  for (const c of changed(before.coupons, after.coupons)) sql.exec('INSERT OR REPLACE INTO coupons (id, doc) VALUES (?, ?)', c.id, JSON.stringify(c));
  for (const l of changedLeases(before, after)) sql.exec('INSERT OR REPLACE INTO leases (id, doc) VALUES (?, ?)', l.id, JSON.stringify(l));
  for (const e of entries) sql.exec('INSERT INTO ledger (seq, op_id, doc) VALUES (?, ?, ?)', e.seq, e.opId, JSON.stringify(e));
  for (const r of records) sql.exec('INSERT OR REPLACE INTO ops (op_id, doc) VALUES (?, ?)', r.opId, JSON.stringify(r));
}

export function recordRejection(sql: SqlStorage, record: OpRecord): void {
  sql.exec('INSERT INTO ops (op_id, doc) VALUES (?, ?)', record.opId, JSON.stringify(record));
}

export function readLedger(sql: SqlStorage, beforeSeq: number, limit: number): LedgerEntry[] {
  return sql.exec<Row>('SELECT doc FROM ledger WHERE seq < ? ORDER BY seq DESC LIMIT ?', beforeSeq, limit).toArray().map((r) => json<LedgerEntry>(r.doc!));
}

export function readWholeLedger(sql: SqlStorage): LedgerEntry[] {
  return sql.exec<Row>('SELECT doc FROM ledger ORDER BY seq').toArray().map((r) => json<LedgerEntry>(r.doc!));
}

export function cardHistory(sql: SqlStorage): { cardNo: string; since: number }[] {
  return sql.exec<Row>('SELECT card_no, since FROM card_history ORDER BY since').toArray().map((r) => ({ cardNo: String(r.card_no), since: Number(r.since) }));
}

/*
 * Backup and restore (docs/decisions/017). A snapshot is the object's tables as stored: restoring it
 * writes the same rows back, so the restored object is the one that was backed up.
 */

/** Whether the object holds anything a restore would overwrite (an account, a ledger, an op). */
export function holdsData(sql: SqlStorage): boolean {
  return sql.exec<Row>('SELECT (SELECT count(*) FROM account) + (SELECT count(*) FROM ledger) + (SELECT count(*) FROM ops) + (SELECT count(*) FROM lots) AS n').one().n !== 0;
}

/**
 * The object's state as a snapshot (null: it never held an account); `outbox`: documents D1 lacks.
 * Rows in storage order: loadState() reads lots, cards, coupons and leases in it, and the engine
 * walks those lists in order, so a restored object must list them the same way.
 */
export function readSnapshot(sql: SqlStorage, outbox: ProjectionDocLike[]): MemberSnapshot | null {
  const a = sql.exec<Row>('SELECT * FROM account WHERE id = 1').toArray()[0];
  if (!a) return null;
  const docs = (table: string, order: string) => sql.exec<Row>(`SELECT doc FROM ${table} ORDER BY ${order}`).toArray().map((r) => json<Record<string, unknown>>(r.doc!));
  return {
    memberId: String(a.member_id),
    account: {
      cardNo: String(a.card_no), status: a.status as MemberSnapshot['account']['status'], principalFen: Number(a.principal_fen), bonusFen: Number(a.bonus_fen),
      seq: Number(a.seq), headHash: String(a.head_hash), tierCode: a.tier_code === null || a.tier_code === undefined ? null : String(a.tier_code),
    },
    lots: sql.exec<Row>('SELECT * FROM lots ORDER BY rowid').toArray().map((l) => ({
      id: String(l.id), earnedAt: Number(l.earned_at), availableAt: Number(l.available_at), expiresAt: Number(l.expires_at), remaining: Number(l.remaining),
    })),
    punchCards: docs('punch_cards', 'rowid') as MemberSnapshot['punchCards'],
    coupons: docs('coupons', 'rowid') as MemberSnapshot['coupons'],
    leases: docs('leases', 'rowid') as MemberSnapshot['leases'],
    ledger: docs('ledger', 'seq') as MemberSnapshot['ledger'],
    ops: docs('ops', 'rowid') as MemberSnapshot['ops'],
    cardHistory: cardHistory(sql),
    outbox: outbox as MemberSnapshot['outbox'],
  };
}

type ProjectionDocLike = { memberId: string; op: { opId: string } };

/** Writes a checked snapshot into an empty object. Runs inside the object's transactionSync. */
export function writeSnapshot(sql: SqlStorage, s: MemberSnapshot): void {
  const a = s.account;
  sql.exec('INSERT INTO account (id, member_id, card_no, status, principal_fen, bonus_fen, seq, head_hash, tier_code) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)',
    s.memberId, a.cardNo, a.status, a.principalFen, a.bonusFen, a.seq, a.headHash, a.tierCode);
  for (const l of s.lots) sql.exec('INSERT INTO lots (id, earned_at, available_at, expires_at, remaining) VALUES (?, ?, ?, ?, ?)', l.id, l.earnedAt, l.availableAt, l.expiresAt, l.remaining);
  for (const c of s.punchCards) sql.exec('INSERT INTO punch_cards (id, doc) VALUES (?, ?)', c.id, JSON.stringify(c));
  for (const c of s.coupons) sql.exec('INSERT INTO coupons (id, doc) VALUES (?, ?)', c.id, JSON.stringify(c));
  for (const l of s.leases) sql.exec('INSERT INTO leases (id, doc) VALUES (?, ?)', l.id, JSON.stringify(l));
  for (const e of s.ledger) sql.exec('INSERT INTO ledger (seq, op_id, doc) VALUES (?, ?, ?)', e.seq, e.opId, JSON.stringify(e));
  for (const r of s.ops) sql.exec('INSERT INTO ops (op_id, doc) VALUES (?, ?)', r.opId, JSON.stringify(r));
  for (const h of s.cardHistory) sql.exec('INSERT INTO card_history (card_no, since) VALUES (?, ?)', h.cardNo, h.since);
  for (const d of s.outbox) sql.exec('INSERT INTO outbox (op_id, doc) VALUES (?, ?)', d.op.opId, JSON.stringify(d));
}
