import { describe, expect, it } from 'vitest';
import { en, zhCN } from './locales';

/** Every leaf key, with plural suffixes folded (found_one/found_other count as found). */
function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => {
    const key = `${prefix}${k.replace(/_(zero|one|two|few|many|other)$/, '')}`;
    return v && typeof v === 'object' ? keys(v as object, `${key}.`) : [key];
  });
}
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
function leaves(obj: object, prefix = ''): [string, string][] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? leaves(v as object, `${prefix}${k}.`) : [[`${prefix}${k}`, String(v)] as [string, string]],
  );
}

describe('locales', () => {
  it('English has exactly the Chinese keys', () => {
    expect([...new Set(keys(en))].sort()).toEqual([...new Set(keys(zhCN))].sort());
  });
  it('no empty strings', () => {
    for (const [k, v] of [...leaves(en), ...leaves(zhCN)]) expect(v.trim(), k).not.toBe('');
  });
  it('the same placeholders in both languages', () => {
    const enMap = new Map(leaves(en));
    for (const [k, v] of leaves(zhCN)) {
      const other = enMap.get(k);
      if (other !== undefined) expect(placeholders(other), k).toEqual(placeholders(v));
    }
  });
});
