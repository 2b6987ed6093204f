import { useEffect, useRef } from 'react';
import type { WedgeSettings } from '../../src-main/devices/device-settings-schema';

/**
 * Keyboard-wedge barcode scanners "type" the code as a burst of keystrokes and press a
 * suffix key (Enter or Tab), some after a prefix such as the AIM identifier `]C1`. A
 * person never types that fast, so a burst ending in the suffix is a scan wherever the
 * focus is. The first key of a burst cannot be told apart from normal typing, so it
 * lands and is taken back when the burst turns out to be a scan; the following keys are
 * held back and given to the field only if the burst ends without the suffix.
 */

/**
 * Same values as `DEFAULT_DEVICE_SETTINGS.wedge` in the core (a test checks it); copied
 * because the renderer may only import types from the core, and the schema module would
 * bring zod into the bundle.
 */
export const DEFAULT_WEDGE_SETTINGS: Readonly<WedgeSettings> = {
  enabled: true,
  maxGapMs: 35,
  minLength: 4,
  prefix: '',
  suffix: 'Enter',
};
/** Pause after which keys held back from a burst that never ended in the suffix are typed into the field. */
export const WEDGE_RELEASE_MS = 250;

export type WedgeResult =
  /** Let the key through. `flush` is held text to give the field first (a burst that was not a scan). */
  | { action: 'pass'; flush: string; startsBurst: boolean }
  /** Swallow the key: it belongs to a burst that may be a scan. */
  | { action: 'hold' }
  /** The burst was a scan: swallow the suffix, take back the first key, scan `code` (prefix stripped). */
  | { action: 'scan'; code: string };

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock']);

export function isPrintableKey(key: string): boolean {
  return key.length === 1 && key >= ' ';
}

/** Pure state machine fed with (key, time); no DOM, so it can be tested with made-up timings. */
export class WedgeDetector {
  private burst = '';
  private lastAt = -Infinity;
  private readonly settings: WedgeSettings;

  constructor(settings: WedgeSettings = DEFAULT_WEDGE_SETTINGS) {
    this.settings = { ...settings };
  }

  key(key: string, at: number): WedgeResult {
    if (MODIFIERS.has(key)) return { action: 'hold' };
    const { maxGapMs, minLength, prefix, suffix } = this.settings;
    const fast = this.burst.length > 0 && at - this.lastAt <= maxGapMs;
    if (isPrintableKey(key)) {
      if (fast) {
        this.burst += key;
        this.lastAt = at;
        if (this.mayBeScan()) return { action: 'hold' };
        // Off the prefix: this is typing, give back what was held and let this key land.
        const flush = this.held();
        this.reset();
        return { action: 'pass', flush: flush.slice(0, -1), startsBurst: false };
      }
      const flush = this.held();
      this.reset();
      this.burst = key;
      this.lastAt = at;
      // A key that cannot open a prefixed code starts no burst, so nothing is held after it.
      if (!this.mayBeScan()) this.reset();
      return { action: 'pass', flush, startsBurst: this.burst !== '' };
    }
    if (
      key === suffix &&
      fast &&
      this.burst.startsWith(prefix) &&
      this.burst.length - prefix.length >= minLength
    ) {
      const code = this.burst.slice(prefix.length);
      this.reset();
      return { action: 'scan', code };
    }
    const flush = this.held();
    this.reset();
    return { action: 'pass', flush, startsBurst: false };
  }

  /** Called when keys stop arriving: a burst that never ended in the suffix was typing after all. */
  expire(at: number): string {
    if (this.burst.length === 0 || at - this.lastAt <= this.settings.maxGapMs) return '';
    const flush = this.held();
    this.reset();
    return flush;
  }

  /** True while keys are being held back. */
  get holding(): boolean {
    return this.burst.length > 1;
  }

  reset(): void {
    this.burst = '';
    this.lastAt = -Infinity;
  }

  /** The burst so far is the prefix, part of it, or starts with it. */
  private mayBeScan(): boolean {
    const { prefix } = this.settings;
    return this.burst.startsWith(prefix) || prefix.startsWith(this.burst);
  }

  /** Keys after the first, which were swallowed. */
  private held(): string {
    return this.burst.slice(1);
  }
}

type TextField = HTMLInputElement | HTMLTextAreaElement;

function textFieldOf(target: EventTarget | null): TextField | null {
  if (target instanceof HTMLTextAreaElement) return target;
  if (target instanceof HTMLInputElement && /^(text|search|tel|number|email|url)$/.test(target.type))
    return target;
  return null;
}

/** Sets a field's value so React's onChange sees it (a plain `.value =` would be ignored). */
function setFieldValue(field: TextField, value: string, caret: number): void {
  const proto =
    field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
  try {
    field.setSelectionRange(caret, caret);
  } catch {
    // type=number fields have no selection; the value is what matters.
  }
}

function insertText(field: TextField | null, text: string): void {
  if (!field || text === '' || !field.isConnected) return;
  const start = field.selectionStart ?? field.value.length;
  const end = field.selectionEnd ?? start;
  setFieldValue(field, field.value.slice(0, start) + text + field.value.slice(end), start + text.length);
}

/** Elements that handle scans themselves (the scan input) or must never be taken over (PINs). */
function ignored(target: EventTarget | null): boolean {
  return (
    target instanceof Element &&
    (target.closest('[data-wedge="off"]') !== null ||
      (target instanceof HTMLInputElement && target.type === 'password'))
  );
}

/**
 * Listens on the whole window (capture phase, before any field) and calls `onScan` for
 * each burst. `settings.enabled` false detaches it; a change of any setting starts a new
 * detector (an equal object from a reload does not).
 */
export function useKeyboardWedge(onScan: (code: string) => void, settings: WedgeSettings): void {
  const onScanRef = useRef(onScan);
  useEffect(() => {
    onScanRef.current = onScan;
  });

  const { enabled, maxGapMs, minLength, prefix, suffix } = settings;
  useEffect(() => {
    if (!enabled) return;
    const detector = new WedgeDetector({ enabled, maxGapMs, minLength, prefix, suffix });
    // Held keys go back to the field only after a clear pause: a busy main thread can
    // deliver a real scanner's keys late, and releasing too early splits the scan.
    const releaseMs = Math.max(WEDGE_RELEASE_MS, 2 * maxGapMs);
    let snapshot: { field: TextField; value: string; caret: number } | null = null;
    let heldField: TextField | null = null;
    let timer: number | undefined;

    const flushLater = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => insertText(heldField, detector.expire(Infinity)), releaseMs);
    };

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.isComposing || event.ctrlKey || event.altKey || event.metaKey) return;
      if (ignored(event.target)) {
        detector.reset();
        return;
      }
      const field = textFieldOf(event.target);
      const result = detector.key(event.key, event.timeStamp);
      if (result.action === 'hold') {
        if (isPrintableKey(event.key)) {
          event.preventDefault();
          heldField = field;
          flushLater();
        }
        return;
      }
      if (result.action === 'scan') {
        window.clearTimeout(timer);
        // Also keeps a Tab suffix from moving the focus.
        event.preventDefault();
        event.stopPropagation();
        // Take back the burst's first key, which reached the field before we knew.
        if (snapshot && snapshot.field === field && field.isConnected) {
          setFieldValue(field, snapshot.value, snapshot.caret);
        }
        snapshot = null;
        onScanRef.current(result.code);
        return;
      }
      insertText(field, result.flush);
      snapshot =
        result.startsBurst && field
          ? { field, value: field.value, caret: field.selectionStart ?? field.value.length }
          : null;
    };

    window.addEventListener('keydown', onKeyDown, true);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('keydown', onKeyDown, true);
    };
  }, [enabled, maxGapMs, minLength, prefix, suffix]);
}
