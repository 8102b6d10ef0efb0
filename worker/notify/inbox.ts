import type { Actor } from '../../shared/domain/authz';
import { DomainError } from '../../shared/errors';
import type { NotificationKind, NotificationPreferences } from '../../shared/schemas/notifications';
import { auditRow } from '../services/audit';
import { auditLog } from '../db/schema';
import type { Db } from '../db/client';
import { insertRow } from '../db/statements';
import { loadPreferences, savePreferencesStatement } from './preferences';
import { loadNames, renderPayload } from './render';

type Row = { id: string; kind: NotificationKind; payload: string; created_at: number; read_at: number | null };

/** The member behind a session; staff have no inbox (decision 020). */
export function memberOf(actor: Actor): string {
  if (actor.kind !== 'member') throw new DomainError('FORBIDDEN', 'Only members have a notification inbox');
  return actor.id;
}

const PAGE_SQL = `SELECT id, kind, payload, created_at, read_at FROM notifications WHERE member_id = ?1 AND channel = 'inbox'
  AND (?2 IS NULL OR created_at < ?2 OR (created_at = ?2 AND id < ?3)) AND (?4 = 0 OR read_at IS NULL)
  ORDER BY created_at DESC, id DESC LIMIT ?5`;
const UNREAD_SQL = `SELECT count(*) AS n FROM notifications WHERE member_id = ? AND channel = 'inbox' AND read_at IS NULL`;

/** The member's inbox, newest first, in their locale; `before` is the previous page's `next`. */
export async function inboxPage(d1: D1Database, memberId: string, q: { before?: string; limit: number; unread?: string }) {
  const cut = q.before ? q.before.indexOf('|') : -1;
  const [t, id] = cut > 0 ? [Number(q.before!.slice(0, cut)), q.before!.slice(cut + 1)] : [null, ''];
  const [rows, unread] = await d1.batch([d1.prepare(PAGE_SQL).bind(memberId, t, id, q.unread ? 1 : 0, q.limit + 1), d1.prepare(UNREAD_SQL).bind(memberId)]);
  const page = rows!.results as Row[];
  const [prefs, names] = await Promise.all([loadPreferences(d1, memberId), loadNames(d1)]);
  const items = page.slice(0, q.limit).map((r) => ({ id: r.id, kind: r.kind, ...renderPayload(r.payload, names, prefs.locale), createdAt: r.created_at, readAt: r.read_at }));
  const last = page.length > q.limit ? page[q.limit - 1]! : null;
  return { items, unread: (unread!.results[0] as { n: number }).n, next: last ? `${last.created_at}|${last.id}` : null };
}

/** Marks the member's own inbox rows read (someone else's ids match nothing). */
export async function markRead(d1: D1Database, memberId: string, what: { ids?: string[]; all?: true }, now: number): Promise<number> {
  const base = `UPDATE notifications SET read_at = ?2 WHERE member_id = ?1 AND channel = 'inbox' AND read_at IS NULL`;
  const r = !what.all && what.ids
    ? await d1.prepare(`${base} AND id IN (SELECT value FROM json_each(?3))`).bind(memberId, now, JSON.stringify(what.ids)).run()
    : await d1.prepare(base).bind(memberId, now).run();
  return r.meta.changes ?? 0;
}

/** Saves the member's preferences (recorded in the audit log as the member's own change). */
export async function savePreferences(db: Db, actor: Actor, prefs: NotificationPreferences, ctx: { ip: string; now: number }): Promise<NotificationPreferences> {
  const memberId = memberOf(actor);
  const audit = auditRow({ actor, action: 'notification.preferences', entity: 'member', entityId: memberId, ip: ctx.ip, at: ctx.now, detail: { ...prefs } });
  await db.$client.batch([savePreferencesStatement(db.$client, memberId, prefs, ctx.now), insertRow(db, auditLog, audit)]);
  return loadPreferences(db.$client, memberId);
}
