import { DurableObject } from 'cloudflare:workers';
import { applyOp, type EngineRules } from '../../shared/domain/account/engine';
import { createHash } from 'node:crypto';
import { useSha256Hex, verifyChain } from '../../shared/domain/account/ledger-hash';
import { heldFen } from '../../shared/domain/allowance/leases';
import { expiryDue, nextExpiry, NO_EXPIRY } from '../../shared/domain/account/expiry';
import { balancesOf, emptyAccount, ownedPurses, type AccountState, type OpRecord } from '../../shared/domain/account/state';
import type { AccountOp, LedgerEntry, OpOutcome } from '../../shared/schemas/account';
import { cardHistory, changedLeases, holdsData, loadOp, loadOutbox, loadState, migrate, persist, readLedger, readSnapshot, readWholeLedger, recordRejection, retryCount, writeSnapshot } from './account-store';
import type { AuditRow } from '../services/audit';
import type { OrderWrite, ProjectionDoc } from './account-projection';
import type { MemberSnapshot, RestoreAnswer } from '../../shared/schemas/backup';
import { snapshotProblem } from '../services/backup-snapshot';

/** A sale was priced for another tier than the member's: nothing was recorded; price it again. */
export type StaleTier = { staleTier: string };

useSha256Hex((text) => createHash('sha256').update(text, 'utf8').digest('hex'));

const RETRY_MS = [1_000, 5_000, 30_000, 120_000, 600_000];

/**
 * One per member (idFromName(memberId)): the only writer of that member's stored value, points,
 * punch cards and coupons. Each operation is checked and written in one synchronous transaction
 * (no await between reading a balance and writing it), then projected to D1 from an outbox that
 * the alarm retries until D1 has caught up.
 */
export class MemberAccount extends DurableObject<Env> {
  private memberId: string | null = null;
  private state: AccountState | null = null;
  private flushing: Promise<boolean> | null = null;
  // Mirror of the outbox table (loaded at start, appended after each commit) so draining reads no SQL.
  private pending: { id: number; doc: ProjectionDoc }[] = [];
  // Outbox rows up to this id are in D1 but still stored: the next operation's transaction deletes
  // them, so a sale costs one commit here, not two (docs/decisions/008).
  private projectedUpTo = 0;
  // Outbox rows up to this id were found in storage at start: most reached D1 before the object was
  // evicted and only wait to be deleted. The caller's member row says which (its ledger_seq); the
  // projector looks up the rest and skips those it finds in D1.
  private leftoverUpTo = 0;
  private retrying = false;
  // The member's tier as D1 last answered it to this object's projection (D1 re-evaluates it there).
  // Only that projection writes members.tier_code today; any other writer (a downgrade review, an
  // HQ edit) must go through this object, or it would refuse sales priced at the new tier.
  private tier: string | null = null;
  // When the alarm is set for (null: not set; undefined: not read yet), so a sale asks storage nothing.
  private alarmAt: number | null | undefined = undefined;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    ctx.blockConcurrencyWhile(async () => {
      migrate(ctx.storage.sql);
      const loaded = loadState(ctx.storage.sql);
      if (loaded) ({ memberId: this.memberId, state: this.state, tier: this.tier } = loaded);
      this.pending = loadOutbox(ctx.storage.sql);
      this.leftoverUpTo = this.pending.at(-1)?.id ?? 0;
      // A failed projection left its retry count and its alarm; a clean one leaves neither.
      this.retrying = this.leftoverUpTo > 0 && retryCount(ctx.storage.sql) > 0;
    });
  }

  /**
   * `extras.projectedSeq`: the ledger_seq of the caller's D1 member row, i.e. how far D1 has this
   * member's ledger; it tells a restarted object which of its leftovers it may delete.
   */
  async apply(who: { memberId: string; cardNo: string }, op: AccountOp, rules: EngineRules, extras: { order?: OrderWrite | null; audit?: AuditRow | null; pricedTier?: string; projectedSeq?: number } = {}): Promise<OpOutcome | StaleTier> {
    const sql = this.ctx.storage.sql;
    // A repeat is answered as first settled, whatever the tier is now.
    if (extras.pricedTier && this.tier && extras.pricedTier !== this.tier && !loadOp(sql, op.opId)) return { staleTier: this.tier };
    const memberId = this.memberId ?? who.memberId;
    const before = this.state ?? emptyAccount(who.cardNo);
    const purge = Math.max(this.projectedUpTo, this.confirmedBy(extras.projectedSeq ?? 0));
    const result = this.ctx.storage.transactionSync(() => {
      const r = applyOp(before, op, rules, (id) => loadOp(sql, id));
      if (r.replayed) return r;
      if (purge > 0) sql.exec('DELETE FROM outbox WHERE id <= ?', purge);
      if (r.record.status === 'applied') persist(sql, memberId, before, r.state, [r.record, ...r.updated], r.record.entries, op.at);
      else {
        if (!this.state) persist(sql, memberId, before, before, [], [], op.at);
        recordRejection(sql, r.record);
      }
      const doc: ProjectionDoc = {
        memberId,
        op: { opId: op.opId, kind: op.kind, status: r.record.status, code: r.record.code, message: r.record.message, storeId: op.storeId, staffId: op.staffId, at: op.at, detail: r.record.detail },
        entries: r.record.entries,
        balances: balancesOf(r.state, op.at),
        status: r.state.status,
        cardNo: r.state.cardNo,
        seq: r.state.seq,
        order: extras.order ?? null,
        audit: extras.audit ? { ...extras.audit, detail: JSON.stringify({ ...JSON.parse(extras.audit.detail ?? '{}'), status: r.record.status, code: r.record.code }) } : null,
        refundOf: op.kind === 'refund' ? op.refundOf : null,
        leases: changedLeases(before, r.state),
        nextExpiryAt: nextExpiry(r.state) ?? NO_EXPIRY,
      };
      const id = sql.exec<{ id: number }>('INSERT INTO outbox (op_id, doc) VALUES (?, ?) RETURNING id', op.opId, JSON.stringify(doc)).one().id;
      return { ...r, outbox: { id, doc } };
    });
    if ('outbox' in result) {
      this.pending = [...this.pending.filter((p) => p.id > purge), result.outbox];
      this.projectedUpTo = 0;
    }
    this.memberId = memberId;
    this.state = result.state;
    const out = this.outcome(result.record, result.replayed, op.at);
    // A repeat drains too: the first attempt may have committed and then lost its projection.
    if (result.replayed ? this.pending.length > 0 && (await this.project()) : await this.project()) await this.scheduleExpiry();
    return out;
  }

  /** What `op` would do, without doing it (a refund's deductions are shown before confirming). */
  preview(who: { memberId: string; cardNo: string }, op: AccountOp, rules: EngineRules): OpOutcome {
    const before = this.state ?? emptyAccount(who.cardNo);
    const r = applyOp(before, op, rules, (id) => loadOp(this.ctx.storage.sql, id));
    return {
      opId: op.opId, kind: op.kind, status: r.record.status, code: r.record.code, message: r.record.message,
      balances: balancesOf(r.state, op.at), entries: r.record.entries, detail: r.record.detail, replayed: r.replayed,
    };
  }

  private outcome(record: OpRecord, replayed: boolean, now: number): OpOutcome {
    return {
      opId: record.opId, kind: record.kind, status: record.status, code: record.code, message: record.message,
      balances: balancesOf(this.state ?? emptyAccount(''), now), entries: record.entries, detail: record.detail, replayed,
    };
  }

  /** Drains the outbox into D1 in order. Concurrent callers share one drain. False: D1 failed, alarm set. */
  project(): Promise<boolean> {
    this.flushing ??= this.drain().finally(() => (this.flushing = null));
    return this.flushing;
  }

  private async drain(): Promise<boolean> {
    const sql = this.ctx.storage.sql;
    const projector = this.env.PROJECTOR.get(this.env.PROJECTOR.idFromName('DB'));
    for (;;) {
      // Only drain() removes from the head; apply() may append while a projection is in flight.
      const batch = this.pending.slice(0, 25);
      if (batch.length === 0) {
        if (this.retrying) sql.exec('DELETE FROM outbox_meta');
        this.retrying = false;
        this.leftoverUpTo = 0;
        return true;
      }
      try {
        // The projector writes them with other members' in one D1 batch (and skips any already there).
        const seen = batch.filter((p) => p.id <= this.leftoverUpTo).map((p) => p.doc.op.opId);
        this.learnTier((await projector.project(batch.map((p) => p.doc), seen)).tier);
      } catch (e) {
        await this.scheduleRetry(e);
        return false;
      }
      const last = batch[batch.length - 1]!.id;
      this.projectedUpTo = Math.max(this.projectedUpTo, last);
      // By id: an operation may have deleted confirmed leftovers from the head meanwhile.
      this.pending = this.pending.filter((p) => p.id > last);
    }
  }

  /**
   * The last outbox row D1 is known to have, given D1's ledger_seq for this member: documents are
   * projected in order, each in one D1 batch with its balances, so every document up to the one
   * that made entry `seq` is there. One that made no entry (a refusal) after it is not known.
   */
  private confirmedBy(seq: number): number {
    let upTo = 0;
    for (const p of this.pending) {
      const made = p.doc.entries.length ? Math.max(...p.doc.entries.map((e) => e.seq)) : null;
      if (made === null ? p.doc.seq < seq : made <= seq) upTo = p.id;
      else break;
    }
    return upTo;
  }

  private learnTier(tier: string | null): void {
    if (tier === null || tier === this.tier) return;
    this.tier = tier;
    this.ctx.storage.sql.exec('UPDATE account SET tier_code = ? WHERE id = 1', tier);
  }

  private async scheduleRetry(e: unknown): Promise<void> {
    const sql = this.ctx.storage.sql;
    const attempts = retryCount(sql);
    this.retrying = true;
    sql.exec('INSERT INTO outbox_meta (at) VALUES (?)', Date.now());
    const delay = RETRY_MS[Math.min(attempts, RETRY_MS.length - 1)]!;
    console.error(`member ${this.memberId}: projection to D1 failed (attempt ${attempts + 1}), retrying in ${delay} ms`, e);
    await this.setAlarm(Date.now() + delay);
  }

  /**
   * The one alarm is the object's scheduler: it repairs the projection, expires points lots and
   * coupons that are due (one `points_expire` op per run, keyed by its time), then re-arms for the
   * next thing due. Alarms are at-least-once; the op id makes a repeat harmless.
   */
  override async alarm(): Promise<void> {
    this.alarmAt = null;
    if (!(await this.project())) return;
    const now = Date.now();
    await this.expireDue(now, `expire-${now}`);
    await this.scheduleExpiry();
  }

  /**
   * Expires what is due at `now` (points lots, coupons, punch cards) as one `points_expire` op, if
   * anything is; the alarm and the nightly expiry job (worker/jobs/expiry.ts, which passes its own
   * clock and a per-day op id) share it. An op id seen before changes nothing. Answers what D1
   * should hold for the account's next expiry.
   */
  async expireDue(now: number, opId: string): Promise<{ expired: boolean; nextExpiryAt: number | null; seq: number }> {
    const s = this.state;
    let expired = false;
    if (s && this.memberId && expiryDue(s, now)) {
      const out = await this.apply({ memberId: this.memberId, cardNo: s.cardNo }, { opId, kind: 'points_expire', storeId: null, staffId: null, at: now }, { consumptionOrder: 'principal_first' });
      expired = !('staleTier' in out) && out.status === 'applied' && !out.replayed && out.entries.length > 0;
    }
    const after = this.state;
    return { expired, nextExpiryAt: after ? (nextExpiry(after) ?? NO_EXPIRY) : null, seq: after?.seq ?? 0 };
  }

  private async scheduleExpiry(): Promise<void> {
    const s = this.state;
    if (!s) return;
    const next = nextExpiry(s);
    if (next === null) return;
    if (next > Date.now() + 3650 * 86_400_000) return; // "never expires"
    if (this.alarmAt === undefined) this.alarmAt = await this.ctx.storage.getAlarm();
    // A punch card may be sold already past its date: due at once (an alarm time must be positive).
    const at = Math.max(next, Date.now());
    if (this.alarmAt === null || at < this.alarmAt) await this.setAlarm(at);
  }

  private async setAlarm(at: number): Promise<void> {
    await this.ctx.storage.setAlarm(at);
    this.alarmAt = at;
  }

  /** Whether an operation was recorded here, and how it ended (null: never seen). */
  async opStatus(opId: string): Promise<'applied' | 'rejected' | null> {
    await this.repairLeftovers();
    return loadOp(this.ctx.storage.sql, opId)?.status ?? null;
  }

  /** Documents D1 has not confirmed (leftovers from before a restart are checked first). */
  async pendingProjection(): Promise<number> {
    await this.repairLeftovers();
    return this.pending.length;
  }

  /**
   * Woken by a read with documents left from before a restart: they go now (the projector skips
   * those already in D1), not at this member's next operation, which may be weeks away. The read
   * waits for it: workerd cancels what a finished request left running, and a D1 failure only
   * sets the alarm.
   */
  private async repairLeftovers(): Promise<void> {
    if (this.pending.some((p) => p.id <= this.leftoverUpTo)) await this.project();
  }

  async account(now: number) {
    await this.repairLeftovers();
    const s = this.state ?? emptyAccount('');
    return {
      memberId: this.memberId, cardNo: s.cardNo, status: s.status, seq: s.seq, headHash: s.headHash, balances: balancesOf(s, now),
      lots: s.lots.filter((l) => l.remaining > 0), punchCards: s.punchCards, coupons: s.coupons, cardHistory: cardHistory(this.ctx.storage.sql),
      leases: s.leases.filter((l) => l.state === 'open').map((l) => ({ leaseId: l.id, deviceId: l.deviceId, heldFen: heldFen(l), expiresAt: l.expiresAt, releaseRequestedAt: l.releaseRequestedAt ?? null })),
    };
  }

  /** What a sale from `deviceId` could take now, and what other devices hold for offline use. */
  async spendableFor(deviceId: string | null) {
    await this.repairLeftovers();
    const s = this.state ?? emptyAccount('');
    const leases = s.leases.filter((l) => l.state === 'open' && heldFen(l) > 0);
    const own = leases.find((l) => l.deviceId === deviceId);
    return {
      spendableFen: s.principalFen + s.bonusFen + (own ? heldFen(own) : 0),
      others: leases.filter((l) => l !== own).map((l) => ({ leaseId: l.id, deviceId: l.deviceId, fen: heldFen(l), releaseRequestedAt: l.releaseRequestedAt ?? null })),
    };
  }

  async ledger(beforeSeq: number, limit: number): Promise<LedgerEntry[]> {
    await this.repairLeftovers();
    return readLedger(this.ctx.storage.sql, beforeSeq, limit);
  }

  /** Recomputes the hash chain and the sums, and checks them against the balances held. */
  async verify() {
    await this.repairLeftovers();
    const s = this.state ?? emptyAccount('');
    const v = verifyChain(readWholeLedger(this.ctx.storage.sql));
    if (!v.ok) return v;
    const points = s.lots.reduce((n, l) => n + l.remaining, 0);
    const owned = ownedPurses(s);
    const matches = v.principalFen === owned.principalFen && v.bonusFen === owned.bonusFen && v.reservedFen === owned.reservedFen && v.points === points && v.headHash === s.headHash;
    return matches ? v : { ok: false as const, atSeq: s.seq, reason: 'balances held differ from the ledger sums' };
  }

  // ── Backup and restore (docs/decisions/017) ─────────────────────────────────────────────────

  /**
   * Everything this object holds, for a backup (null: it never held an account). The outbox is NOT
   * drained here: D1's tables were read before the members, so a document written to D1 now would
   * be in neither. What D1 has not confirmed travels in the snapshot instead, and the restored
   * object sends it again (its projector skips what D1 has already).
   */
  async exportState(): Promise<MemberSnapshot | null> {
    return readSnapshot(this.ctx.storage.sql, this.pending.map((p) => p.doc));
  }

  /**
   * Loads a backed-up member into this object, which must be empty. Checked and written without
   * an await in between, in one transactionSync: a concurrent repeat sees the data and answers
   * `already`, a crash leaves nothing half-written. The same snapshot again answers `already`.
   */
  async restoreState(snap: MemberSnapshot): Promise<RestoreAnswer> {
    const sql = this.ctx.storage.sql;
    const problem = snapshotProblem(snap);
    if (problem) return { refused: problem };
    if (holdsData(sql)) {
      const held = loadState(sql);
      const same = held && held.memberId === snap.memberId && held.state.seq === snap.account.seq && held.state.headHash === snap.account.headHash;
      return same ? { status: 'already', seq: held.state.seq } : { refused: 'this member’s object already holds an account: restore goes only into an empty deployment' };
    }
    try {
      this.ctx.storage.transactionSync(() => writeSnapshot(sql, snap));
    } catch (e) {
      // Rolled back: e.g. two lots or ops under one id, which no object ever held.
      return { refused: `the snapshot does not fit an account’s storage (${e instanceof Error ? e.message.slice(0, 160) : String(e)})` };
    }
    const loaded = loadState(sql)!;
    ({ memberId: this.memberId, state: this.state, tier: this.tier } = loaded);
    // Restored outbox documents are leftovers: the projector looks them up and writes those D1 lacks.
    this.pending = loadOutbox(sql);
    this.leftoverUpTo = this.pending.at(-1)?.id ?? 0;
    this.projectedUpTo = 0;
    this.alarmAt = undefined;
    if (this.pending.length > 0) await this.project();
    // Points lots and coupons expire here as they would have in the object backed up.
    await this.scheduleExpiry();
    return { status: 'restored', seq: snap.account.seq };
  }
}
