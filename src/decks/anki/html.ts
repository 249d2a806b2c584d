// Anki fields are HTML. They become plain text through html-to-text, with limits so a field
// nested thousands of elements deep (a "bomb") is cut short instead of exhausting the stack.
// Media are not copied: an image or sound becomes a visible `[image NAME]` / `[sound NAME]`
// placeholder and its name is collected for the report.
import { compile } from 'html-to-text';
import { deckText } from '../emit-yaml.js';

/** Longer fields are cut: no real card needs more, and a huge one slows every screen. */
export const MAX_FIELD_CHARS = 100_000;
const MAX_DEPTH = 40;

const toText = compile({
  wordwrap: false,
  limits: { maxDepth: MAX_DEPTH, maxChildNodes: 5_000, ellipsis: '…', maxInputLength: undefined },
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'h1', options: { uppercase: false } },
    { selector: 'h2', options: { uppercase: false } },
    { selector: 'h3', options: { uppercase: false } },
    { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
  ],
});

const IMG = /<img\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>/gi;
const SOUND = /\[sound:([^\]]+)\]/g;

export interface FieldText {
  text: string;
  media: string[];
  /** Whether the field was cut at MAX_FIELD_CHARS or below MAX_DEPTH. */
  cut: boolean;
}

export function fieldText(html: string): FieldText {
  const media: string[] = [];
  let cut = html.length > MAX_FIELD_CHARS;
  let src = cut ? html.slice(0, MAX_FIELD_CHARS) : html;
  if (src.includes('[sound:'))
    src = src.replace(SOUND, (_, name: string) => {
      media.push(name);
      return `[sound ${name}]`;
    });
  // Plain text (most fields of most decks): nothing to convert.
  if (!src.includes('<') && !src.includes('&')) return { text: deckText(src), media, cut };
  src = src.replace(IMG, (_, a?: string, b?: string, c?: string) => {
    const name = a ?? b ?? c ?? '';
    media.push(name);
    return ` [image ${name}] `;
  });
  // Control characters become visible symbols, CRLF becomes LF: what a deck file may hold.
  const text = deckText(toText(src));
  if (text.includes('…') && !src.includes('…')) cut = true;
  return { text, media, cut };
}
