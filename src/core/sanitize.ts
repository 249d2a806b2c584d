// Text from decks, blueprints, packages and other devices' logs is data. A terminal acts
// on control characters (ESC starts a sequence that can retitle the window, move the
// cursor or recolour everything after it; CR and BS overwrite what is shown), so such
// characters are shown as visible symbols instead of being passed through.

/** C0 controls but tab and newline, DEL, C1 controls, and bidirectional overrides. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_ONE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** The Unicode "control picture" for a C0 control or DEL; a code point label otherwise. */
function picture(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** True when the text holds a character a terminal would act on. */
export function hasControl(text: string): boolean {
  return CONTROL_ONE.test(text);
}

/** Every such character with its index in the text, for located error messages. */
export function findControls(text: string): { index: number; code: number }[] {
  const out: { index: number; code: number }[] = [];
  for (const m of text.matchAll(CONTROL)) out.push({ index: m.index, code: m[0].charCodeAt(0) });
  return out;
}

/** Short names of the characters a message is most likely to meet. */
const CONTROL_NAMES = new Map<number, string>([
  [0x00, 'NUL'],
  [0x07, 'BEL'],
  [0x08, 'BS'],
  [0x0b, 'VT'],
  [0x0c, 'FF'],
  [0x0d, 'CR'],
  [0x1b, 'ESC'],
  [0x7f, 'DEL'],
  [0x85, 'NEL'],
  [0x90, 'DCS'],
  [0x9b, 'CSI'],
  [0x9c, 'ST'],
  [0x9d, 'OSC'],
  [0x202a, 'LRE'],
  [0x202b, 'RLE'],
  [0x202c, 'PDF'],
  [0x202d, 'LRO'],
  [0x202e, 'RLO'],
  [0x2066, 'LRI'],
  [0x2067, 'RLI'],
  [0x2068, 'FSI'],
  [0x2069, 'PDI'],
]);

/** The name a message uses for a control character: `U+001B (ESC)`. */
export function controlName(code: number): string {
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = CONTROL_NAMES.get(code);
  return name ? `${hex} (${name})` : hex;
}

/**
 * Text safe to write to a terminal: control characters become visible symbols (ESC shows
 * as ␛), tabs become a space. Newlines stay: callers that need one line use `oneLine`.
 */
export function visible(text: string): string {
  if (!CONTROL_ONE.test(text) && !text.includes('\t')) return text;
  return text.replace(/\t/g, ' ').replace(CONTROL, picture);
}

/** As `visible`, on one line: for messages that embed a file name or a card key. */
export function oneLine(text: string): string {
  // Line breaks first: `visible` would show the CR of a CRLF as a symbol of its own.
  return visible(text.replace(/\r?\n/g, '␤'));
}
