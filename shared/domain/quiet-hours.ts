import type { QuietHours } from '../schemas/notifications';
import { CHAIN_UTC_OFFSET_MINUTES } from './business-day';

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Pure: if `now` falls in the member's quiet hours (local time, Asia/Shanghai: a fixed UTC+8, no
 * daylight saving), when they end (UTC ms); null when it does not, or there are none. The start is
 * inside, the end outside; a start after the end spans midnight (22:00–08:00).
 */
export function quietUntil(now: number, quiet: QuietHours | null, offsetMinutes = CHAIN_UTC_OFFSET_MINUTES): number | null {
  if (!quiet) return null;
  const start = minutesOf(quiet.start), end = minutesOf(quiet.end);
  if (start === end) return null;
  const localMs = now + offsetMinutes * 60_000;
  const dayStart = Math.floor(localMs / 86_400_000) * 86_400_000;
  const minute = Math.floor((localMs - dayStart) / 60_000);
  const inside = start < end ? minute >= start && minute < end : minute >= start || minute < end;
  if (!inside) return null;
  const endDay = start > end && minute >= start ? dayStart + 86_400_000 : dayStart;
  return endDay + end * 60_000 - offsetMinutes * 60_000;
}

