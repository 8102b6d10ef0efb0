import { DEFAULT_PREFERENCES, type NotificationEvent } from '../../shared/schemas/notifications';
import type { ProjectionDoc } from '../durable/account-projection';

/**
 * One event to notify a member of. `tierSince`: only if the member's tier changed at that time
 * (a sale's upgrade, decided in D1 by the same batch: the row gets the tier D1 now has); `tier`:
 * only if the member's tier is that (a review's change a sale's upgrade did not overtake).
 */
export type Enqueue = { eventId: string; memberId: string; event: NotificationEvent; tierSince?: number; tier?: string };

const DEFAULT_CHANNELS = JSON.stringify(DEFAULT_PREFERENCES.channels);
const ev = (path: string) => `json_extract(e.value, '$.${path}')`;
const onFor = (prefs: string) => `json_extract(${prefs}, '$.' || ${ev('event.kind')} || '.' || c.ch)`;

/*
 * One row per event and channel the member has on (their preferences, else the defaults), keyed
 * `<eventId>:<channel>`: an event enqueued again (a re-projected op, a job run twice) adds nothing.
 * Inbox rows are delivered by being written; SMS rows wait for the sender. A closed card gets no SMS.
 */
const ENQUEUE_SQL = `INSERT INTO notifications (id, event_id, member_id, kind, channel, payload, status, attempts, next_attempt_at, created_at, sent_at)
SELECT ${ev('eventId')} || ':' || c.ch, ${ev('eventId')}, m.id, ${ev('event.kind')}, c.ch,
  CASE WHEN ${ev('tierSince')} IS NULL THEN ${ev('event')} ELSE json_set(${ev('event')}, '$.to', m.tier_code) END,
  CASE c.ch WHEN 'inbox' THEN 'sent' ELSE 'queued' END, 0, ?2, ?2, CASE c.ch WHEN 'inbox' THEN ?2 END
FROM json_each(?1) e
JOIN members m ON m.id = ${ev('memberId')}
JOIN (SELECT 'inbox' AS ch UNION ALL SELECT 'sms') c
LEFT JOIN notification_preferences p ON p.member_id = m.id
WHERE coalesce(${onFor('p.channels')}, ${onFor('?3')}) = 1
  AND (c.ch = 'inbox' OR m.status <> 'closed')
  AND (${ev('tierSince')} IS NULL OR m.tier_since = ${ev('tierSince')})
  AND (${ev('tier')} IS NULL OR m.tier_code = ${ev('tier')})
ON CONFLICT(id) DO NOTHING`;

/** The statement that enqueues `events` (none: no statement). Put it in the batch of what caused them. */
export function enqueueStatements(d1: D1Database, events: readonly Enqueue[], now: number): D1PreparedStatement[] {
  return events.length ? [d1.prepare(ENQUEUE_SQL).bind(JSON.stringify(events), now, DEFAULT_CHANNELS)] : [];
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** What an applied op tells its member: spend, recharge, card frozen, tier change (keyed by the op id). */
export function eventsOfDocs(docs: readonly ProjectionDoc[]): Enqueue[] {
  const out: Enqueue[] = [];
  for (const d of docs) {
    if (d.op.status !== 'applied') continue;
    const { opId, kind, storeId, detail } = d.op;
    const memberId = d.memberId;
    const balanceAfterFen = d.balances.principalFen + d.balances.bonusFen;
    if (kind === 'settle') {
      const amountFen = num(detail.principalTaken) + num(detail.bonusTaken);
      out.push({ eventId: `spend:${opId}`, memberId, event: { kind: 'spend', storeId, amountFen, orderTotalFen: d.order?.totalFen ?? amountFen, balanceAfterFen, pointsEarned: num(detail.pointsEarned) } });
      if (d.order) out.push({ eventId: `tier-up:${opId}`, memberId, event: { kind: 'tier_change', from: null, to: null }, tierSince: d.order.createdAt });
    } else if (kind === 'recharge') {
      const amountFen = d.entries.reduce((n, e) => n + e.principalDelta, 0);
      out.push({ eventId: `recharge:${opId}`, memberId, event: { kind: 'recharge', storeId, amountFen, bonusFen: num(detail.bonusFen), balanceAfterFen } });
    } else if (kind === 'freeze') {
      out.push({ eventId: `frozen:${opId}`, memberId, event: { kind: 'card_frozen', storeId, reason: typeof detail.reason === 'string' ? detail.reason : '' } });
    } else if (kind === 'tier_change') {
      const to = String(detail.to);
      out.push({ eventId: `tier:${opId}`, memberId, event: { kind: 'tier_change', from: String(detail.from), to }, tier: to });
    }
  }
  return out;
}
