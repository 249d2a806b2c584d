// Ink reports one event per escape sequence but hands over a run of plain characters that
// arrived in one read ("a\r3", typed ahead or pasted) as a single string. The app reacts
// to one key at a time, so such a run is split into its keys here.
import type { Key } from 'ink';

/** One key, named as the key table (src/ui/keys.ts) names keys. */
export interface Keypress {
  /**
   * `up` `down` `left` `right` `pageup` `pagedown` `home` `end` `enter` `escape` `tab`
   * `backspace` `space`, or the character itself (`q`, `?`, `é`).
   */
  name: string;
  /** What the key types into a text field: the character, a space for Space, else ''. */
  text: string;
  ctrl: boolean;
  meta: boolean;
  shift: boolean;
}

const PLAIN = { ctrl: false, meta: false, shift: false } as const;

function named(name: string, shift = false): Keypress {
  return { name, text: '', ...PLAIN, shift };
}

/** A key Ink recognised by its flags, if any (arrows, Enter, Esc...). */
function specialKey(key: Key): Keypress | null {
  const flags: [boolean, string][] = [
    [key.upArrow, 'up'],
    [key.downArrow, 'down'],
    [key.leftArrow, 'left'],
    [key.rightArrow, 'right'],
    [key.pageUp, 'pageup'],
    [key.pageDown, 'pagedown'],
    [key.home, 'home'],
    [key.end, 'end'],
    [key.return, 'enter'],
    [key.escape, 'escape'],
    [key.tab, 'tab'],
    [key.backspace || key.delete, 'backspace'],
  ];
  const hit = flags.find(([on]) => on);
  return hit ? { ...named(hit[1], key.shift), ctrl: key.ctrl } : null;
}

/** One character of a run: control characters become the keys a terminal sends them for. */
function charKey(ch: string): Keypress {
  if (ch === '\r' || ch === '\n') return named('enter');
  if (ch === '\u007f' || ch === '\b') return named('backspace');
  if (ch === '\t') return named('tab');
  if (ch === '\u001b') return named('escape');
  if (ch === ' ') return { name: 'space', text: ' ', ...PLAIN };
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x20) return { ...named(String.fromCharCode(code + 0x60)), ctrl: true };
  return { name: ch, text: ch, ...PLAIN, shift: ch !== ch.toLowerCase() };
}

/** The keys in one Ink input event, in the order they were typed. */
export function splitKeys(input: string, key: Key): Keypress[] {
  const special = specialKey(key);
  if (special) return [special];
  if (key.ctrl) return [{ ...named(input), ctrl: true }];
  const chars = [...input];
  if (chars.length === 1 && key.meta) return [{ ...charKey(input), meta: true }];
  return chars.map(charKey);
}

/** Ctrl+C: quits at once, wherever it sits in a burst. */
export function isInterrupt(k: Keypress): boolean {
  return k.ctrl && k.name === 'c';
}
