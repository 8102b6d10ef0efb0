/**
 * 13812345678 → 138****5678. Anything that is not an 11-digit number keeps only its last 4 digits.
 * The server masks what a role may not see whole (a member identified elsewhere by card number);
 * the apps mask what they show on a screen a customer can see.
 */
export function maskPhone(phone: string): string {
  const p = phone.trim();
  if (/^\d{11}$/.test(p)) return `${p.slice(0, 3)}****${p.slice(7)}`;
  if (p.length <= 4) return p;
  return `${'*'.repeat(p.length - 4)}${p.slice(-4)}`;
}
