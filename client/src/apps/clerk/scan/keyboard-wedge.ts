/**
 * A USB barcode scanner in keyboard ("wedge") mode types its code as key presses far faster than a
 * person — a few ms apart — and ends with Enter. This tells the two apart from timing alone:
 * printable keys less than `maxGapMs` apart form a burst; a key after a longer pause starts a new
 * one; Enter after a burst of at least `minLength` keys (and soon after its last key) is a scan.
 * Pure: the hook (use-keyboard-scanner.ts) feeds it key events and acts on its answers.
 */
export type WedgeOptions = {
  /** Longest pause between two keys of one burst. People rarely type faster than ~60 ms a key. */
  maxGapMs: number;
  /** Shortest code taken as a scan: nothing shorter is scanned here (EAN-8 has 8, a card 12). */
  minLength: number;
  /** Longest pause before the Enter: some scanners wait a little before their suffix. */
  enterGapMs: number;
};
export const WEDGE_DEFAULTS: WedgeOptions = { maxGapMs: 35, minLength: 6, enterGapMs: 100 };

/** `text` is the burst so far ('' when idle); `lastAt` the time of its last key (ms). */
export type WedgeState = { text: string; lastAt: number };
export const WEDGE_IDLE: WedgeState = { text: '', lastAt: -Infinity };

export type WedgeKey = { key: string; at: number; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean; isComposing?: boolean };

export type WedgeStep = {
  state: WedgeState;
  /** This key began a new burst: remember what the focused field held before it. */
  started: boolean;
  /** The burst ended in Enter and is a scan: the code (the Enter is not passed on). */
  scan: string | null;
};

/** Keys a scanner presses along with the characters and that neither add nor break a burst. */
const PASSIVE = new Set(['Shift', 'CapsLock', 'Unidentified']);

export function stepWedge(state: WedgeState, k: WedgeKey, o: WedgeOptions = WEDGE_DEFAULTS): WedgeStep {
  if (PASSIVE.has(k.key)) return { state, started: false, scan: null };
  // Shortcuts and an input method's composition are a person at work.
  if (k.ctrlKey || k.metaKey || k.altKey || k.isComposing || k.key === 'Process') return { state: WEDGE_IDLE, started: false, scan: null };
  if (k.key === 'Enter') {
    const isScan = state.text.length >= o.minLength && k.at - state.lastAt <= o.enterGapMs;
    return { state: WEDGE_IDLE, started: false, scan: isScan ? state.text : null };
  }
  if ([...k.key].length !== 1) return { state: WEDGE_IDLE, started: false, scan: null };
  const continues = state.text !== '' && k.at - state.lastAt <= o.maxGapMs;
  return { state: { text: continues ? state.text + k.key : k.key, lastAt: k.at }, started: !continues, scan: null };
}

/** Runs a whole key sequence (tests, and replaying a recorded scanner). */
export function scansIn(keysTyped: WedgeKey[], o: WedgeOptions = WEDGE_DEFAULTS): string[] {
  let state = WEDGE_IDLE;
  const out: string[] = [];
  for (const k of keysTyped) {
    const step = stepWedge(state, k, o);
    state = step.state;
    if (step.scan) out.push(step.scan);
  }
  return out;
}
