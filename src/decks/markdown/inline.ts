// Inline Markdown pieces derive cares about: code spans (never card syntax), list markers,
// Obsidian tags, and the two cloze syntaxes.

const CODE_SPAN = /(`+)[^`]*?\1/g;
const ANKI_CLOZE = /\{\{c\d+::[^}]*?\}\}/g;

/** The text with code spans and Anki clozes blanked out (same length), for searching. */
export function mask(text: string): string {
  const blank = (m: string) => '\u0001'.repeat(m.length);
  // An unclosed `{{c1::` too: its `::` is no card separator.
  return text
    .replace(CODE_SPAN, blank)
    .replace(ANKI_CLOZE, blank)
    .replace(/\{\{c\d+::/g, blank);
}

const LIST_MARKER = /^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/;

export function isListItem(text: string): boolean {
  return LIST_MARKER.test(text);
}

export function stripListMarker(text: string): string {
  return text.replace(LIST_MARKER, '');
}

// An Obsidian tag: `#` at the start or after a space, not all digits (`issue #42` is no tag).
const TAG = /(^|\s)#([\p{L}\p{N}_][\p{L}\p{N}_/-]*)/gu;
// An Obsidian block reference at the end of a line.
const BLOCK_REF = /\s\^[A-Za-z0-9-]+$/;

/**
 * The text without its tags and block reference, and the tags. `#flashcards` (the plugin's
 * deck marker) is dropped; `#flashcards/linux/kvm` gives the tag `linux/kvm`.
 */
export function takeTags(text: string): { text: string; tags: string[] } {
  const tags: string[] = [];
  const masked = mask(text);
  let out = '';
  let last = 0;
  for (const m of masked.matchAll(TAG)) {
    const tag = m[2] ?? '';
    if (/^\d+$/.test(tag)) continue;
    const at = (m.index ?? 0) + (m[1] ?? '').length;
    out += text.slice(last, at);
    last = at + 1 + tag.length;
    const name = tag.replace(/^flashcards(\/|$)/, '');
    if (name) tags.push(name);
  }
  out += text.slice(last);
  return {
    text: out
      .replace(BLOCK_REF, '')
      .replace(/[ \t]+$/gm, '')
      .trim(),
    tags,
  };
}

/** Where the card separator is: `:::` (reversed) before `::`, outside code and clozes. */
export function findSeparator(text: string): { at: number; reverse: boolean } | null {
  const masked = mask(text);
  const triple = masked.indexOf(':::');
  if (triple >= 0) return { at: triple, reverse: true };
  const double = masked.indexOf('::');
  return double >= 0 ? { at: double, reverse: false } : null;
}

const HIGHLIGHT = /==([^=\n]+?)==(?:\^\[([^\]\n]*)\])?/g;

export type ClozeScan =
  | { kind: 'none' }
  | { kind: 'cloze'; text: string }
  | { kind: 'bad'; why: string };

/**
 * `==highlight==` deletions become `{{cN::highlight}}` (a `^[hint]` right after becomes
 * the hint), numbered after any `{{cN::...}}` already there, one number each: the plugin
 * asks each highlight on a card of its own.
 */
export function toCloze(text: string): ClozeScan {
  const masked = mask(text);
  const openAnki = (text.match(/\{\{c\d+::/g) ?? []).length;
  const closedAnki = (text.match(ANKI_CLOZE) ?? []).length;
  if (openAnki > closedAnki)
    return { kind: 'bad', why: 'a {{c1::...}} deletion is not closed with }}' };
  const highlights = [...masked.matchAll(HIGHLIGHT)];
  const pairs = (masked.match(/==/g) ?? []).length;
  if (pairs % 2 === 1) return { kind: 'bad', why: 'an ==highlight== is not closed with ==' };
  if (highlights.length === 0) return closedAnki > 0 ? { kind: 'cloze', text } : { kind: 'none' };
  let n = Math.max(0, ...[...text.matchAll(/\{\{c(\d+)::/g)].map((m) => Number(m[1])));
  let out = '';
  let last = 0;
  for (const m of highlights) {
    const at = m.index ?? 0;
    const answer = text.slice(at + 2, at + 2 + (m[1] ?? '').length);
    // Read from the text itself: the masked copy has code spans blanked out.
    const hint = text
      .slice(at, at + m[0].length)
      .match(/\^\[([^\]]*)\]$/)?.[1]
      ?.trim();
    n += 1;
    out += `${text.slice(last, at)}{{c${n}::${answer}${hint ? `::${hint}` : ''}}}`;
    last = at + m[0].length;
  }
  return { kind: 'cloze', text: out + text.slice(last) };
}
