import { describe, expect, it } from 'vitest';
import { scansIn, stepWedge, WEDGE_IDLE, type WedgeKey } from './keyboard-wedge';

/** Keys `gap` ms apart from `start`, then Enter `enterGap` ms after the last (null: no Enter). */
function typed(text: string, gap: number, enterGap: number | null = gap, start = 1000): WedgeKey[] {
  const keys = [...text].map((key, i) => ({ key, at: start + i * gap }));
  if (enterGap !== null) keys.push({ key: 'Enter', at: start + (text.length - 1) * gap + enterGap });
  return keys;
}
const shifted = (keys: WedgeKey[]) => keys.flatMap((k) => (/[A-Z]/.test(k.key) ? [{ key: 'Shift', at: k.at }, k] : [k]));

describe('keyboard wedge timing', () => {
  const code = 'CC1.01JD8Z4M2Q5V7X9B1C3D5F7G9H.1795485600.AAECAwQFBgc.sig';
  it.each<[string, WedgeKey[], string[]]>([
    ['a card number at scanner speed', typed('880000000123', 8), ['880000000123']],
    ['an EAN-13 at 30 ms a key', typed('6920000000017', 30), ['6920000000017']],
    ['a member code with Shift for capitals', shifted(typed(code, 5)), [code]],
    ['six characters is enough', typed('123456', 10), ['123456']],
    ['five is not', typed('12345', 10), []],
    ['a person typing (120 ms a key)', typed('880000000123', 120), []],
    ['a fast person: one quick pair among slow keys', [...typed('88', 20, null), ...typed('0000000123', 110, 110, 1100)], []],
    ['keys 36 ms apart break the burst', typed('880000000123', 36), []],
    ['Enter long after the burst', typed('880000000123', 8, 400), []],
    ['a pause-then-suffix scanner (Enter 90 ms later)', typed('880000000123', 8, 90), ['880000000123']],
    ['no Enter: nothing', typed('880000000123', 8, null), []],
    ['slow keys, then a scan: only the scan', [...typed('abc', 150, null), ...typed('880000000123', 8, 8, 2000)], ['880000000123']],
    ['two scans in a row', [...typed('880000000123', 8), ...typed('6920000000017', 8, 8, 3000)], ['880000000123', '6920000000017']],
    ['an arrow key in the middle breaks it: only what follows counts', (() => { const k = typed('880000000123', 8); k.splice(4, 0, { key: 'ArrowLeft', at: k[3]!.at + 1 }); return k; })(), ['00000123']],
    ['a shortcut breaks it too', (() => { const k = typed('880000000123', 8); k.splice(4, 0, { key: 'v', at: k[3]!.at + 1, ctrlKey: true }); return k; })(), ['00000123']],
    ['input-method composition is a person', typed('880000000123', 8).map((k) => ({ ...k, isComposing: true })), []],
  ])('%s', (_, keys, scans) => expect(scansIn(keys)).toEqual(scans));

  it('says when a burst starts, so the hook can remember the field as it was', () => {
    const keys = [...typed('ab', 200, null), ...typed('880000000123', 8, 8, 2000)];
    let state = WEDGE_IDLE;
    const starts: number[] = [];
    keys.forEach((k, i) => {
      const step = stepWedge(state, k);
      state = step.state;
      if (step.started) starts.push(i);
    });
    // 'a' and 'b' each start a (short) burst; the scan's first digit starts the one that counts.
    expect(starts).toEqual([0, 1, 2]);
  });
});
