// A note's sort field and first-field checksum, as Anki computes them (rslib/src/text.rs,
// strip_html_preserving_media_filenames and field_checksum): an image tag becomes its file
// name with a space each side, every other tag and comment goes without a trace (so
// `a<br>b` is `ab`, not `a b`), entities are decoded and a no-break space becomes a space;
// nothing is trimmed. The checksum is the first 8 hex digits of that text's SHA-1 as a
// number (Anki's duplicate check). Anki recomputes both when it imports a note, but a
// package that already agrees with it needs no Check Database to find duplicates.
import { createHash } from 'node:crypto';

// rslib's HTML_MEDIA_TAGS: the src (or data) of an img, audio, video or object tag, quoted
// either way or not at all.
const MEDIA =
  /<\b(?:img|audio|video|object)\b(?:[^>"']|"[^"]*?"|'[^']*?')*?\b(?:src|data)\b=(?:"([^"]+?)"|'([^']+?)'|([^ >]+?)).*?>/gis;
const TAGS = /<!--[\s\S]*?-->|<style[\s\S]*?<\/style>|<script[\s\S]*?<\/script>|<[^>]+>/gi;
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] !== '#') return NAMED[e.toLowerCase()] ?? whole;
    const code =
      e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
    if (!Number.isInteger(code) || code < 1 || code > 0x10ffff) return whole;
    return code === 0xa0 ? ' ' : String.fromCodePoint(code);
  });
}

export function sortField(html: string): string {
  const named = html.replace(MEDIA, (_m, q2?: string, q1?: string, bare?: string) => {
    return ` ${q2 ?? q1 ?? bare ?? ''} `;
  });
  return decodeEntities(named.replace(TAGS, '')).replaceAll('\u00a0', ' ');
}

export function checksum(text: string): number {
  return Number.parseInt(createHash('sha1').update(text).digest('hex').slice(0, 8), 16);
}
