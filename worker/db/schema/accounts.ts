import { sqliteTable, text, integer, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { members } from './members';

/**
 * Read models projected from each member's Durable Object (the only writer of money). They are
 * written after the object commits, idempotently and in ledger order; see docs/decisions/007.
 */
export const ledgerEntries = sqliteTable(
  'ledger_entries',
  {
    memberId: text('member_id').notNull().references(() => members.id),
    seq: integer('seq').notNull(),
    opId: text('op_id').notNull(),
    kind: text('kind').notNull(),
    principalDelta: integer('principal_delta').notNull(),
    bonusDelta: integer('bonus_delta').notNull(),
    pointsDelta: integer('points_delta').notNull(),
    punchDelta: integer('punch_delta').notNull(),
    principalAfter: integer('principal_after').notNull(),
    bonusAfter: integer('bonus_after').notNull(),
    pointsAfter: integer('points_after').notNull(),
    storeId: text('store_id'),
    staffId: text('staff_id'),
    at: integer('at').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    // Only on accounts that lent money to a device (decision 015); part of the hash when present.
    reservedDelta: integer('reserved_delta'),
    reservedAfter: integer('reserved_after'),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.seq] }), index('ledger_entries_store_at_idx').on(t.storeId, t.at), index('ledger_entries_op_idx').on(t.opId), index('ledger_entries_at_idx').on(t.at)],
);

/** Every operation a member account received, applied or rejected, with its reason. */
export const accountOps = sqliteTable(
  'account_ops',
  {
    opId: text('op_id').primaryKey(),
    memberId: text('member_id').notNull().references(() => members.id),
    kind: text('kind').notNull(),
    status: text('status', { enum: ['applied', 'rejected'] }).notNull(),
    code: text('code'),
    message: text('message'),
    storeId: text('store_id'),
    staffId: text('staff_id'),
    at: integer('at').notNull(),
    detail: text('detail').notNull().default('{}'),
  },
  (t) => [index('account_ops_member_at_idx').on(t.memberId, t.at), index('account_ops_store_at_idx').on(t.storeId, t.at)],
);

/** Balances migrated from the chain's previous system, waiting to go through the opening-balance import. */
export const memberImports = sqliteTable('member_imports', {
  memberId: text('member_id').primaryKey().references(() => members.id),
  principalFen: integer('principal_fen').notNull(),
  bonusFen: integer('bonus_fen').notNull(),
  points: integer('points').notNull(),
  punchCards: text('punch_cards').notNull().default('[]'),
  importedAt: integer('imported_at'),
});

/** The chain's rules (recharge promotions, consumption order, points policy…), one JSON value per key. */
export const chainRules = sqliteTable('chain_rules', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  // Bumped on every save: an edit made on an older version is refused (two HQ tabs).
  version: integer('version').notNull().default(1),
  updatedAt: integer('updated_at').notNull(),
  updatedBy: text('updated_by').notNull(),
});

/** Every saved version of the rules (and of the tiers), to see and restore what was in force. */
export const ruleVersions = sqliteTable(
  'rule_versions',
  {
    key: text('key').notNull(),
    version: integer('version').notNull(),
    value: text('value').notNull(),
    savedAt: integer('saved_at').notNull(),
    savedBy: text('saved_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.version] })],
);

/**
 * Offline allowances (decision 015) as their members' objects last reported them: what each lease
 * still holds for its device. Tablets sync their store's rows; HQ sums them per store and device.
 */
export const deviceAllowances = sqliteTable(
  'device_allowances',
  {
    leaseId: text('lease_id').primaryKey(),
    memberId: text('member_id').notNull().references(() => members.id),
    deviceId: text('device_id').notNull(),
    storeId: text('store_id'),
    heldFen: integer('held_fen').notNull(),
    expiresAt: integer('expires_at').notNull(),
    state: text('state', { enum: ['open', 'released', 'retired'] }).notNull(),
    releaseRequestedAt: integer('release_requested_at'),
    // Spent by the device past what the lease held (tampered) or after it was retired: the chain's loss.
    writtenOffFen: integer('written_off_fen').notNull().default(0),
    // The lease's revision this row reflects: a late projection never moves it back.
    seq: integer('seq').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('device_allowances_device_idx').on(t.deviceId, t.state), index('device_allowances_store_idx').on(t.storeId, t.updatedAt), index('device_allowances_member_idx').on(t.memberId)],
);
