import { quietUntil } from '../../shared/domain/quiet-hours';
import { openDb } from '../db/client';
import { preferencesOf } from './preferences';
import { smsProviderFromEnv, type NotificationProvider } from './provider';
import { loadNames, smsOfPayload } from './render';

/** Waits after failed attempts 1–4 (then the fifth failure is final): 1 min, 5 min, 30 min, 2 h. */
export const BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000] as const;
export const MAX_ATTEMPTS = BACKOFF_MS.length + 1;
/** A claimed row is the claimer's this long; a crashed sender's rows are taken again after it. */
export const CLAIM_MS = 5 * 60_000;
export const SEND_PAGE = 50;
const BUDGET_MS = 10_000;

export type SendOptions = { provider?: NotificationProvider; pageSize?: number; budgetMs?: number; only?: string[] };
export type SendCounts = { sent: number; retrying: number; failed: number; held: number };

type Claimed = { id: string; member_id: string; payload: string; attempts: number };
type Recipient = { id: string; phone: string; status: string; channels: string | null; quiet_start: string | null; quiet_end: string | null; locale: string | null };

// Due SMS rows, taken by one statement (another sender's claim moves next_attempt_at past `now`).
const CLAIM_SQL = `UPDATE notifications SET next_attempt_at = ?2 WHERE status = 'queued' AND id IN (
  SELECT id FROM notifications WHERE status = 'queued' AND channel = 'sms' AND next_attempt_at <= ?1 AND (?4 IS NULL OR id IN (SELECT value FROM json_each(?4)))
  ORDER BY next_attempt_at LIMIT ?3) RETURNING id, member_id, payload, attempts`;
const RECIPIENTS_SQL = `SELECT m.id, m.phone, m.status, p.channels, p.quiet_start, p.quiet_end, p.locale FROM members m
  LEFT JOIN notification_preferences p ON p.member_id = m.id WHERE m.id IN (SELECT value FROM json_each(?1))`;
const SENT = `UPDATE notifications SET status = 'sent', attempts = attempts + 1, sent_at = ?2, last_error = NULL WHERE id = ?1`;
const HELD = `UPDATE notifications SET next_attempt_at = ?2 WHERE id = ?1`;
const FAILED = `UPDATE notifications SET status = ?2, attempts = ?3, next_attempt_at = ?4, last_error = ?5 WHERE id = ?1`;

/**
 * The cron's sender (decision 020): queued SMS rows that are due, a page at a time. Each is held
 * to the end of the member's quiet hours, or sent through the provider; a throw is retried with
 * backoff (BACKOFF_MS) and after MAX_ATTEMPTS is `failed` with its error for HQ. Inbox rows are
 * never queued. `only`: just these rows (HQ's retry).
 */
export async function sendDue(env: Env, now: number, opts: SendOptions = {}): Promise<SendCounts> {
  const d1 = env.DB;
  const provider = opts.provider ?? smsProviderFromEnv(env, openDb(d1));
  const size = opts.pageSize ?? SEND_PAGE;
  const counts: SendCounts = { sent: 0, retrying: 0, failed: 0, held: 0 };
  const started = Date.now();
  let names: Awaited<ReturnType<typeof loadNames>> | null = null;
  for (;;) {
    const only = opts.only ? JSON.stringify(opts.only) : null;
    const rows = (await d1.prepare(CLAIM_SQL).bind(now, now + CLAIM_MS, size, only).all<Claimed>()).results;
    if (rows.length === 0) break;
    names ??= await loadNames(d1);
    const who = new Map((await d1.prepare(RECIPIENTS_SQL).bind(JSON.stringify([...new Set(rows.map((r) => r.member_id))])).all<Recipient>()).results.map((m) => [m.id, m]));
    const writes: D1PreparedStatement[] = [];
    for (const r of rows) {
      const m = who.get(r.member_id);
      const prefs = preferencesOf(m?.channels != null ? { channels: m.channels, quiet_start: m.quiet_start, quiet_end: m.quiet_end, locale: m.locale ?? 'zh-CN' } : null);
      const text = smsOfPayload(r.payload, names, prefs.locale);
      const fail = (error: string, final = false) => {
        const attempts = r.attempts + 1;
        const last = final || attempts >= MAX_ATTEMPTS;
        counts[last ? 'failed' : 'retrying']++;
        writes.push(d1.prepare(FAILED).bind(r.id, last ? 'failed' : 'queued', attempts, last ? now : now + BACKOFF_MS[attempts - 1]!, error.slice(0, 300)));
      };
      if (!m || m.status === 'closed' || !text) {
        fail(!m ? 'no such member' : m.status === 'closed' ? 'membership closed' : 'unreadable notification', true);
        continue;
      }
      const quiet = quietUntil(now, prefs.quietHours);
      if (quiet !== null) {
        counts.held++;
        writes.push(d1.prepare(HELD).bind(r.id, quiet));
        continue;
      }
      try {
        await provider.send({ id: r.id, to: m.phone, body: text });
        counts.sent++;
        writes.push(d1.prepare(SENT).bind(r.id, now));
      } catch (e) {
        fail(e instanceof Error ? e.message : String(e));
      }
    }
    await d1.batch(writes);
    if (rows.length < size || Date.now() - started >= (opts.budgetMs ?? BUDGET_MS)) break;
  }
  return counts;
}
