/*
 * Column arithmetic for receipt paper: 32 columns on 58 mm, 48 on 80 mm. A Chinese character takes
 * two columns, as on every thermal printer's built-in font. Characters whose width differs between
 * Latin and CJK fonts (×, …, ·, curly quotes) count as two, so a line is never wider than planned.
 */

const WIDE: readonly [number, number][] = [
  [0x1100, 0x115f], [0x2e80, 0x303e], [0x3040, 0xa4cf], [0xac00, 0xd7a3], [0xf900, 0xfaff],
  [0xfe30, 0xfe4f], [0xff00, 0xff60], [0xffe0, 0xffe6], [0x1f300, 0x1f64f], [0x1f900, 0x1f9ff], [0x20000, 0x3fffd],
];
const AMBIGUOUS = new Set([...'×…·—‘’“”※°']);

/** Columns one character takes. */
export function charWidth(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (AMBIGUOUS.has(ch)) return 2;
  return WIDE.some(([a, b]) => cp >= a && cp <= b) ? 2 : 1;
}

/** Columns a string takes. */
export const textWidth = (s: string): number => [...s].reduce((n, ch) => n + charWidth(ch), 0);

/** At most `width` columns; a cut string ends in "..". */
export function truncate(s: string, width: number): string {
  if (textWidth(s) <= width) return s;
  let out = '';
  for (const ch of s) {
    if (textWidth(out) + charWidth(ch) > width - 2) break;
    out += ch;
  }
  return `${out}..`;
}

/** Lines of at most `width` columns: Latin words stay whole when they can; CJK breaks anywhere. */
export function wrap(s: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of s.trim()) {
    if (textWidth(line) + charWidth(ch) <= width) {
      line += ch;
      continue;
    }
    const space = line.lastIndexOf(' ');
    if (ch !== ' ' && space > 0 && charWidth(ch) === 1) {
      lines.push(line.slice(0, space).trimEnd());
      line = line.slice(space + 1) + ch;
    } else {
      lines.push(line.trimEnd());
      line = ch === ' ' ? '' : ch;
    }
  }
  if (line.trim() || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

/** `s` padded with spaces to `width` columns, text centred. */
export function center(s: string, width: number): string {
  const gap = Math.max(0, width - textWidth(s));
  return ' '.repeat(Math.floor(gap / 2)) + s;
}

/** left … right on one line of exactly `width` columns (right-aligned). */
export function joinPair(left: string, right: string, width: number): string {
  return left + ' '.repeat(Math.max(1, width - textWidth(left) - textWidth(right))) + right;
}

/**
 * A label and an amount: one line when both fit with a space between; otherwise the label wraps
 * and the amount goes on its last line, or on a line of its own.
 */
export function pairLines(left: string, right: string, width: number): { left: string; right: string }[] {
  if (textWidth(right) > width) {
    const rights = wrap(right, width).map((r) => ({ left: '', right: r }));
    return left ? [...wrap(left, width).map((x) => ({ left: x, right: '' })), ...rights] : rights;
  }
  const room = width - textWidth(right) - 1;
  if (textWidth(left) <= room) return [{ left, right }];
  const wrapped = wrap(left, width);
  const last = wrapped[wrapped.length - 1]!;
  const head = wrapped.slice(0, -1).map((l) => ({ left: l, right: '' }));
  return textWidth(last) <= room ? [...head, { left: last, right }] : [...head, { left: last, right: '' }, { left: '', right }];
}
