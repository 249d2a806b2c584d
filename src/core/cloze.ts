// Anki-style cloze deletions: {{c1::answer}} or {{c1::answer::hint}}.

export interface ClozePart {
  number: number;
  answer: string;
  hint?: string;
  /** Offsets of the whole `{{...}}` in the source text. */
  start: number;
  end: number;
}

const CLOZE_RE = /\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}/g;

export function parseCloze(text: string): ClozePart[] {
  const parts: ClozePart[] = [];
  for (const m of text.matchAll(CLOZE_RE)) {
    const part: ClozePart = {
      number: Number(m[1]),
      answer: m[2] ?? '',
      start: m.index ?? 0,
      end: (m.index ?? 0) + m[0].length,
    };
    if (m[3] !== undefined) part.hint = m[3];
    parts.push(part);
  }
  return parts;
}

export function clozeNumbers(text: string): number[] {
  return [...new Set(parseCloze(text).map((p) => p.number))].sort((a, b) => a - b);
}

export type ClozeSegment =
  | { type: 'text'; text: string }
  | { type: 'gap'; text: string; active: boolean; revealed: boolean };

/**
 * Splits cloze text for display. The active deletion shows as a gap (or its hint) until
 * revealed; the other deletions of the entry are shown as plain text.
 */
export function clozeSegments(text: string, active: number, revealed: boolean): ClozeSegment[] {
  const out: ClozeSegment[] = [];
  let at = 0;
  for (const p of parseCloze(text)) {
    if (p.start > at) out.push({ type: 'text', text: text.slice(at, p.start) });
    if (p.number === active) {
      out.push({
        type: 'gap',
        text: revealed ? p.answer : p.hint ? `[${p.hint}]` : '[...]',
        active: true,
        revealed,
      });
    } else {
      out.push({ type: 'text', text: p.answer });
    }
    at = p.end;
  }
  if (at < text.length) out.push({ type: 'text', text: text.slice(at) });
  return out;
}

/** The sentence with every deletion replaced by its answer. */
export function clozePlain(text: string): string {
  return text.replace(CLOZE_RE, (_m, _n, answer: string) => answer);
}
