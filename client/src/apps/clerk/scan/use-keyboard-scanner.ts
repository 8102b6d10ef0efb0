import { useEffect, useRef } from 'react';
import { stepWedge, WEDGE_DEFAULTS, WEDGE_IDLE, type WedgeOptions, type WedgeState } from './keyboard-wedge';

type Field = HTMLInputElement | HTMLTextAreaElement;
type Snapshot = { el: Field; value: string; start: number | null; end: number | null };

const TEXT_INPUTS = new Set(['text', 'search', 'tel', 'number', 'email', 'url', 'password', '']);

function snapshot(el: Element | null): Snapshot | null {
  const field = el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && TEXT_INPUTS.has(el.type)) ? el : null;
  if (!field) return null;
  let start: number | null = null;
  let end: number | null = null;
  try {
    start = field.selectionStart;
    end = field.selectionEnd;
  } catch {
    /* type=number has no selection */
  }
  return { el: field, value: field.value, start, end };
}

/**
 * Puts the field back as it was before the scanner typed into it. Through the prototype's value
 * setter plus an input event, so a React-controlled field's state follows.
 */
function restore(s: Snapshot): void {
  if (s.el.value === s.value) return;
  Object.getOwnPropertyDescriptor(Object.getPrototypeOf(s.el) as object, 'value')?.set?.call(s.el, s.value);
  s.el.dispatchEvent(new Event('input', { bubbles: true }));
  try {
    if (s.start !== null) s.el.setSelectionRange(s.start, s.end);
  } catch {
    /* type=number */
  }
}

/**
 * Listens for a USB barcode scanner in keyboard mode anywhere on the page (keyboard-wedge.ts tells
 * it from typing). A scan's Enter is stopped before anything else sees it (no form submit, no
 * button press), and if the burst went into a text field the field gets back what it held
 * before. Slow typing is never touched. The field's own input handlers do see the burst's keys as
 * they arrive (a search box may search for them meanwhile); only the end result is undone.
 */
export function useKeyboardScanner(onScan: (text: string) => void, opts: { enabled?: boolean } & Partial<WedgeOptions> = {}): void {
  const onScanRef = useRef(onScan);
  onScanRef.current = onScan;
  const { enabled = true, maxGapMs = WEDGE_DEFAULTS.maxGapMs, minLength = WEDGE_DEFAULTS.minLength, enterGapMs = WEDGE_DEFAULTS.enterGapMs } = opts;

  useEffect(() => {
    if (!enabled) return;
    const o: WedgeOptions = { maxGapMs, minLength, enterGapMs };
    let state: WedgeState = WEDGE_IDLE;
    let before: Snapshot | null = null;
    const onKeyDown = (e: KeyboardEvent) => {
      // A held-down key repeats fast: a person.
      const key = e.repeat ? 'Repeat' : e.key;
      // e.timeStamp is when the key arrived, even if this page was busy and handles it late.
      const step = stepWedge(state, { key, at: e.timeStamp, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey, isComposing: e.isComposing || e.keyCode === 229 }, o);
      state = step.state;
      if (step.started) before = snapshot(document.activeElement);
      if (step.scan === null) return;
      e.preventDefault();
      e.stopPropagation();
      if (before) restore(before);
      before = null;
      onScanRef.current(step.scan);
    };
    // Capture on window: ahead of every field's and button's own Enter handling.
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [enabled, maxGapMs, minLength, enterGapMs]);
}
