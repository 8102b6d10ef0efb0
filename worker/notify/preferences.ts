import { DEFAULT_PREFERENCES, notificationPreferencesSchema, type NotificationPreferences } from '../../shared/schemas/notifications';

type Row = { channels: string; quiet_start: string | null; quiet_end: string | null; locale: string };

/** A stored row as preferences, filled out with the defaults (a kind added later keeps its default). */
export function preferencesOf(row: Row | null | undefined): NotificationPreferences {
  if (!row) return DEFAULT_PREFERENCES;
  let channels: unknown = {};
  try {
    channels = JSON.parse(row.channels);
  } catch {
    channels = {};
  }
  const parsed = notificationPreferencesSchema.safeParse({
    channels: { ...DEFAULT_PREFERENCES.channels, ...(channels as object) },
    quietHours: row.quiet_start && row.quiet_end ? { start: row.quiet_start, end: row.quiet_end } : null,
    locale: row.locale,
  });
  return parsed.success ? parsed.data : DEFAULT_PREFERENCES;
}

export async function loadPreferences(d1: D1Database, memberId: string): Promise<NotificationPreferences> {
  return preferencesOf(await d1.prepare('SELECT channels, quiet_start, quiet_end, locale FROM notification_preferences WHERE member_id = ?').bind(memberId).first<Row>());
}

export function savePreferencesStatement(d1: D1Database, memberId: string, p: NotificationPreferences, now: number): D1PreparedStatement {
  return d1
    .prepare(`INSERT INTO notification_preferences (member_id, channels, quiet_start, quiet_end, locale, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
      ON CONFLICT(member_id) DO UPDATE SET channels = excluded.channels, quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end, locale = excluded.locale, updated_at = excluded.updated_at`)
    .bind(memberId, JSON.stringify(p.channels), p.quietHours?.start ?? null, p.quietHours?.end ?? null, p.locale, now);
}
