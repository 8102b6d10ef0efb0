import { maskPhone } from '../../../lib/format';

export { maskPhone };

/** A card number as printed: only its last 4 digits (a receipt may be thrown away anywhere). */
export function maskCard(cardNo: string): string {
  const digits = cardNo.replace(/\s+/g, '');
  return digits.length <= 4 ? digits : `****${digits.slice(-4)}`;
}

/** The order id as the clerk reads it out: its last 8 characters (a ULID's random part). */
export const shortOrderId = (id: string): string => (id.length <= 8 ? id : id.slice(-8)).toUpperCase();

const shanghai = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** 2026-11-23 14:05:09 in the chain's time zone, whatever the tablet's clock zone is set to. */
export function formatReceiptTime(ms: number): string {
  const p = Object.fromEntries(shanghai.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** Whole numbers with thousands separators, the same in both languages: 12,345. */
export const formatInt = (n: number): string => String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
