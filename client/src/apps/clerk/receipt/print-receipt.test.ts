import { describe, expect, it } from 'vitest';
import { columnsFor, loadPaperWidth, PAPER_STORAGE_KEY, parsePaperWidth, savePaperWidth } from './paper-width';
import { pageCss } from './print-receipt';

describe('pageCss', () => {
  it.each([
    [58, 960, '@page { size: 58mm 264mm; margin: 0; }'], // 960 px = 254 mm, + 10 mm for the cutter
    [80, 961, '@page { size: 80mm 265mm; margin: 0; }'], // rounded up: never cut the last line
    [58, 0, '@page { size: 58mm 10mm; margin: 0; }'],
    [80, -5, '@page { size: 80mm 10mm; margin: 0; }'],
  ] as const)('%i mm, %i px', (paper, px, css) => expect(pageCss(paper, px)).toBe(css));
});

describe('paper width setting', () => {
  const memory = () => {
    const m = new Map<string, string>();
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
  };

  it.each([
    [null, 58],
    ['80', 80],
    ['58', 58],
    ['76', 58],
    ['', 58],
  ] as const)('%j → %i mm', (v, w) => expect(parsePaperWidth(v)).toBe(w));

  it('is 58 mm until changed, and kept on the device', () => {
    const s = memory();
    expect(loadPaperWidth(s)).toBe(58);
    savePaperWidth(80, s);
    expect(s.m.get(PAPER_STORAGE_KEY)).toBe('80');
    expect(loadPaperWidth(s)).toBe(80);
  });

  it('falls back to 58 mm when storage is missing or throws', () => {
    expect(loadPaperWidth(null)).toBe(58);
    expect(loadPaperWidth({ getItem: () => { throw new Error('blocked'); }, setItem: () => undefined })).toBe(58);
    expect(() => savePaperWidth(80, { getItem: () => null, setItem: () => { throw new Error('full'); } })).not.toThrow();
  });

  it('32 characters a line on 58 mm, 48 on 80 mm', () => {
    expect([columnsFor(58), columnsFor(80)]).toEqual([32, 48]);
  });
});
