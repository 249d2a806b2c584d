import { type Key, useInput } from 'ink';

type Handler = (input: string, key: Key) => void;

const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

/**
 * useInput, one key at a time. Ink hands over everything that arrived in one read as a
 * single string, so keys typed faster than a frame ("a" then Enter), or pasted text, would
 * be one unknown key. Plain characters are replayed one by one; Enter and Backspace
 * inside such a burst become their keys.
 */
export function splitKeys(input: string, key: Key, handler: Handler): void {
  if (input.length <= 1 || input.startsWith('\u001b') || key.ctrl || key.meta) {
    handler(input, key);
    return;
  }
  for (const ch of input) {
    if (ch === '\r' || ch === '\n') handler('', { ...NO_KEY, return: true });
    else if (ch === '\u007f' || ch === '\b') handler('', { ...NO_KEY, backspace: true });
    else handler(ch, { ...NO_KEY, shift: ch !== ch.toLowerCase() });
  }
}

export function useKeys(handler: Handler, options?: { isActive?: boolean }): void {
  useInput((input, key) => splitKeys(input, key, handler), options);
}
