import { describe, expect, it } from 'vitest';
import { PHOTO_MAX_BYTES } from '../../../../../shared/schemas/member-photo';
import { encodeWithinBudget, initials, photoProblem, squareCrop } from './photo';

describe('squareCrop', () => {
  it.each([
    [640, 480, 320, { sx: 80, sy: 0, side: 480, out: 320 }],
    [480, 640, 320, { sx: 0, sy: 80, side: 480, out: 320 }],
    [1920, 1080, 320, { sx: 420, sy: 0, side: 1080, out: 320 }],
    [200, 150, 320, { sx: 25, sy: 0, side: 150, out: 150 }],
    [321, 321, 320, { sx: 0, sy: 0, side: 321, out: 320 }],
  ])('%i×%i ≤ %i', (w, h, max, out) => expect(squareCrop(w, h, max)).toEqual(out));
});

describe('photoProblem (the server’s size guard)', () => {
  const jpeg = (n: number) => `data:image/jpeg;base64,${'A'.repeat(n)}`;
  const prefix = 'data:image/jpeg;base64,'.length;
  it.each([
    [jpeg(100), null],
    [jpeg(PHOTO_MAX_BYTES - prefix), null],
    [jpeg(PHOTO_MAX_BYTES - prefix + 1), 'tooBig'],
    ['data:image/png;base64,AAAA', 'notJpeg'],
    ['data:image/jpeg;base64,', 'notJpeg'],
    ['data:image/jpeg;base64,ab cd', 'notJpeg'],
    ['data:image/jpeg;base64,AAAA==', null],
  ])('%#', (url, out) => expect(photoProblem(url)).toBe(out));
});

describe('encodeWithinBudget', () => {
  // A fake encoder whose size grows with side² × quality, like a JPEG of a busy frame.
  const fake = (k: number) => (side: number, q: number) => `data:image/jpeg;base64,${'A'.repeat(Math.round((side * side * q) / k))}`;
  it('takes the first quality that fits', () => {
    const tries: string[] = [];
    const url = encodeWithinBudget((s, q) => (tries.push(`${s}@${q}`), fake(2)(s, q)), 320, 40_000);
    expect(url!.length).toBeLessThanOrEqual(40_000);
    expect(tries).toEqual(['320@0.82', '320@0.72']);
  });
  it('shrinks the picture when quality alone is not enough', () => {
    const tries: string[] = [];
    encodeWithinBudget((s, q) => (tries.push(`${s}@${q}`), fake(1)(s, q)), 320, 40_000);
    expect(tries.length).toBe(8);
    expect(tries.at(-1)).toBe('240@0.62');
  });
  it('gives up on a frame that never fits', () => expect(encodeWithinBudget(() => 'data:image/jpeg;base64,' + 'A'.repeat(50_000), 320, 40_000)).toBeNull());
  it('never returns a non-JPEG', () => expect(encodeWithinBudget(() => 'data:image/png;base64,AAAA', 320)).toBeNull());
});

describe('initials', () => {
  it.each([
    ['王小芳', '王'],
    ['  李 ', '李'],
    ['Anna Lee', 'AL'],
    ['bob', 'BO'],
    ['', '?'],
  ])('%j → %s', (name, out) => expect(initials(name)).toBe(out));
});
