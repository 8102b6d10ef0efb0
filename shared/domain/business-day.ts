/**
 * The chain's business day. Reports group by the local calendar date, not the UTC one: a sale at
 * 07:30 on 1 May in Guangzhou is 23:30 on 30 April UTC. China has one zone and no daylight saving,
 * so a fixed offset is exact; it is a parameter so a chain elsewhere can set its own.
 */
export const CHAIN_UTC_OFFSET_MINUTES = 8 * 60;

export function businessDay(utcMs: number, offsetMinutes = CHAIN_UTC_OFFSET_MINUTES): string {
  return new Date(utcMs + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** The first business day of the window of `days` days that ends with the day of `utcMs`. */
export function windowStartDay(utcMs: number, days: number, offsetMinutes = CHAIN_UTC_OFFSET_MINUTES): string {
  return businessDay(utcMs - (days - 1) * 86_400_000, offsetMinutes);
}
