import type { Actor } from '../../shared/domain/authz';
import { DomainError } from '../../shared/errors';
import type { z } from 'zod';
import type { notificationListQuerySchema, notificationRowSchema } from '../../shared/schemas/notifications';
import { auditRow } from '../services/audit';
import { auditLog } from '../db/schema';
import type { Db } from '../db/client';
import { insertRow } from '../db/statements';
import { sendDue, type SendOptions } from './sender';

type RowOut = z.infer<typeof notificationRowSchema>;
const COLUMNS = `id, event_id AS eventId, member_id AS memberId, kind, channel, status, attempts, next_attempt_at AS nextAttemptAt, last_error AS lastError, created_at AS createdAt, sent_at AS sentAt`;

/** HQ's view of the outbox, newest first: failures (`status=failed`) are what needs a look. */
export async function listNotifications(d1: D1Database, q: z.infer<typeof notificationListQuerySchema>): Promise<RowOut[]> {
  const sql = `SELECT ${COLUMNS} FROM notifications WHERE (?1 IS NULL OR status = ?1) AND (?2 IS NULL OR channel = ?2) AND (?3 IS NULL OR member_id = ?3)
    ORDER BY created_at DESC, id DESC LIMIT ?4`;
  return (await d1.prepare(sql).bind(q.status ?? null, q.channel ?? null, q.memberId ?? null, q.limit).all<RowOut>()).results;
}

export const getNotification = (d1: D1Database, id: string) => d1.prepare(`SELECT ${COLUMNS} FROM notifications WHERE id = ?`).bind(id).first<RowOut>();

/**
 * HQ's retry of a failed notification (audited): queued afresh with its attempts reset, and tried
 * at once (still held through the member's quiet hours). Answers the row as it stands after.
 */
export async function retryNotification(env: Env, db: Db, actor: Actor, id: string, ctx: { ip: string; now: number }, opts: Omit<SendOptions, 'only'> = {}): Promise<RowOut> {
  const d1 = db.$client;
  const row = await getNotification(d1, id);
  if (!row) throw new DomainError('NOT_FOUND', `No notification ${id}`);
  if (row.status !== 'failed') throw new DomainError('CONFLICT', `Notification ${id} is ${row.status}; only a failed one is retried`);
  const audit = auditRow({ actor, action: 'notification.retry', entity: 'notification', entityId: id, ip: ctx.ip, at: ctx.now, detail: { memberId: row.memberId, attempts: row.attempts, lastError: row.lastError } });
  const [requeued] = await d1.batch([
    d1.prepare(`UPDATE notifications SET status = 'queued', attempts = 0, next_attempt_at = ?2 WHERE id = ?1 AND status = 'failed'`).bind(id, ctx.now),
    insertRow(db, auditLog, audit),
  ]);
  if (!requeued!.meta.changes) throw new DomainError('CONFLICT', `Notification ${id} was retried already`);
  await sendDue(env, ctx.now, { ...opts, only: [id] });
  return (await getNotification(d1, id))!;
}
