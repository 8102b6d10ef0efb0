import { z } from 'zod';
import { fenSchema, idSchema, timestampSchema } from './common';
import { ledgerEntrySchema } from './account';

/*
 * Backup and restore (docs/decisions/017): a chain's D1 rows and every member object's state in
 * one NDJSON file. The documents inside a member's object (ops, punch cards, coupons, leases,
 * outbox) are kept as they were stored — `loose` keeps fields this version does not name, so a
 * restore writes back exactly what was read.
 */

export const BACKUP_FORMAT = 'cloudcard-backup';
export const BACKUP_VERSION = 1;

const count = z.number().int().nonnegative();
const doc = <T extends z.ZodRawShape>(shape: T) => z.looseObject(shape);

/** Everything one member's `MemberAccount` object holds (its storage tables, not a view of them). */
export const memberSnapshotSchema = z.object({
  memberId: idSchema,
  account: z.object({
    cardNo: z.string(),
    status: z.enum(['active', 'frozen', 'closed']),
    principalFen: fenSchema.nonnegative(),
    bonusFen: fenSchema.nonnegative(),
    seq: count,
    headHash: z.string().regex(/^[0-9a-f]{64}$/),
    tierCode: z.string().nullable(),
  }),
  lots: z.array(z.object({ id: z.string().min(1), earnedAt: z.number().int(), availableAt: z.number().int(), expiresAt: z.number().int(), remaining: count })),
  punchCards: z.array(doc({ id: z.string().min(1) })),
  coupons: z.array(doc({ id: z.string().min(1) })),
  leases: z.array(doc({ id: z.string().min(1), deviceId: z.string(), principalFen: fenSchema, bonusFen: fenSchema, state: z.enum(['open', 'released', 'retired']) })),
  ledger: z.array(ledgerEntrySchema.loose()),
  ops: z.array(doc({ opId: z.string().min(1), kind: z.string(), status: z.enum(['applied', 'rejected']) })),
  cardHistory: z.array(z.object({ cardNo: z.string(), since: z.number().int() })),
  /** Projection documents D1 did not have yet when the snapshot was taken; the restored object sends them. */
  outbox: z.array(doc({ memberId: idSchema, op: doc({ opId: z.string().min(1) }) })),
});
export type MemberSnapshot = z.infer<typeof memberSnapshotSchema>;

/** What a member object answers to a restore (errors as values: a thrown error loses its class over RPC). */
export type RestoreAnswer = { status: 'restored' | 'already'; seq: number } | { refused: string };

const tableName = z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be a table name').max(64);
/** A D1 value as the file carries it (no table holds blobs). */
export const cellSchema = z.union([z.string(), z.number(), z.null()]);

export const tableInfoSchema = z.object({ name: tableName, columns: z.array(z.string()), rows: count });
export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  migrations: z.array(z.string()),
  createdAt: timestampSchema,
  /** In restore order: a table comes after the tables its foreign keys point to. */
  tables: z.array(tableInfoSchema),
  members: count,
  /** Changes whenever a row is added, removed or stamped anew: equal at start and end means nothing ran meanwhile. */
  watermark: z.string(),
});
export type Manifest = z.infer<typeof manifestSchema>;

export const runQuerySchema = z.object({ run: z.string().regex(/^[0-9A-Za-z-]{8,40}$/, 'must be the export run id (a ULID)') });
export const tablePageQuerySchema = runQuerySchema.extend({ after: z.coerce.number().int().min(0).default(0), limit: z.coerce.number().int().min(1).max(5000).default(1000) });
export const tableParamSchema = z.object({ table: tableName });
/** Rows come as arrays: the table's rowid first, then `columns`. */
export const tablePageSchema = z.object({ table: tableName, columns: z.array(z.string()), rows: z.array(z.array(cellSchema)), next: z.number().int().nullable() });
export const memberPageQuerySchema = runQuerySchema.extend({ after: z.string().max(64).default(''), limit: z.coerce.number().int().min(1).max(500).default(100) });
export const memberPageSchema = z.object({
  members: z.array(z.object({ memberId: idSchema, snapshot: memberSnapshotSchema.nullable() })),
  next: z.string().nullable(),
});

const backupId = z.string().regex(/^[0-9a-f]{64}$/, 'must be the backup’s SHA-256');
export const restoreBeginSchema = z.object({ backupId, migrations: z.array(z.string()), createdAt: timestampSchema });
export const restoreBeginResultSchema = z.object({ status: z.enum(['started', 'resumed', 'done']), rows: z.record(z.string(), count) });
export const restoreRowsSchema = z.object({ backupId, table: tableName, columns: z.array(z.string()).min(1).max(200), rows: z.array(z.array(cellSchema)).max(20_000) });
export const restoreMembersSchema = z.object({ backupId, members: z.array(z.object({ memberId: idSchema, snapshot: memberSnapshotSchema })).min(1).max(500) });
export const restoredMemberSchema = z.object({
  memberId: idSchema,
  status: z.enum(['restored', 'already', 'refused']),
  reason: z.string().nullable(),
  /** The restored object's ledger verifies, and D1's read model agrees with it. */
  verified: z.boolean(),
  projectionMatches: z.boolean(),
});
export const restoreFinishSchema = z.object({ backupId, rows: z.record(z.string(), count), members: count });
export type RestoreFinish = z.infer<typeof restoreFinishSchema>;

/** The file's lines (NDJSON): header, then table pages in restore order, then members, then the end line. */
export type BackupLine =
  | ({ type: 'header'; source: string } & Omit<Manifest, 'watermark'>)
  | { type: 'rows'; table: string; columns: string[]; rows: (string | number | null)[][] }
  | { type: 'member'; memberId: string; snapshot: MemberSnapshot | null }
  | { type: 'end'; lines: number; rows: Record<string, number>; members: number; snapshots: number; quiet: boolean; finishedAt: number; sha256: string };
