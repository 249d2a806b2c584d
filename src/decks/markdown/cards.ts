// Blocks of notes -> cards, with the conventions of the Obsidian spaced-repetition plugin:
//   Question::Answer            basic            Question:::Answer   basic, reversed too
//   Question / ? / Answer       multi-line basic (?? reversed): the lines touching the
//                               `?`, from a blank line or one-line card to the next
//   ==highlight==, {{c1::x}}    cloze: the paragraph, or the list item, holding them
// and two of hyperrecall's own: `Term` + `: definition` (a definition list) and
// `- **Term**: definition` bullets, three or more under one heading, become a terms group.
import type { TermPair } from '../../core/model.js';
import type { Block, NoteLine, NoteProblem } from './blocks.js';
import { findSeparator, isListItem, stripListMarker, takeTags, toCloze } from './inline.js';

interface CardBase {
  /** Line of the card in the notes, for messages. */
  line: number;
  path: readonly string[];
  tags: string[];
}
export type NoteCard =
  | (CardBase & { kind: 'basic'; front: string; back: string; reverse: boolean })
  | (CardBase & { kind: 'cloze'; text: string })
  | (CardBase & { kind: 'terms'; terms: TermPair[] });

/** Term definitions waiting for the end of their heading's section. */
interface TermLine {
  line: number;
  path: readonly string[];
  tags: readonly string[];
  pair: TermPair;
}

// `**Term**: definition` or `**Term:** definition` (also with __).
const BOLD_TERM = /^(?:\*\*|__)(.+?)(?:(?:\*\*|__)\s*:|:(?:\*\*|__))\s+(.+)$/;
const MIN_TERMS = 3;

function joined(lines: readonly NoteLine[]): { text: string; tags: string[] } {
  const parts = lines.map((l) => (l.code ? { text: l.text, tags: [] } : takeTags(l.text)));
  return {
    text: parts
      .map((p) => p.text)
      .join('\n')
      .trim(),
    tags: parts.flatMap((p) => p.tags),
  };
}

function multiLine(
  lines: readonly NoteLine[],
  at: number,
  block: Block,
  out: NoteCard[],
  problems: NoteProblem[],
): void {
  const sep = lines[at] as NoteLine;
  const front = joined(lines.slice(0, at));
  const back = joined(lines.slice(at + 1));
  if (!front.text || !back.text) {
    const side = front.text ? 'an answer after it' : 'a question before it';
    problems.push({
      line: sep.line,
      message: `'${sep.text.trim()}' needs ${side} (no blank line between)`,
    });
    return;
  }
  out.push({
    kind: 'basic',
    line: lines[0]?.line ?? sep.line,
    path: block.path,
    tags: [...block.tags, ...front.tags, ...back.tags],
    front: front.text,
    back: back.text,
    reverse: sep.text.trim() === '??',
  });
}

/** A line that is one card or one term definition; false when it is neither. */
function lineCard(
  l: NoteLine,
  block: Block,
  out: NoteCard[],
  terms: TermLine[],
  problems: NoteProblem[],
): boolean {
  const body = stripListMarker(l.text);
  const bold = BOLD_TERM.exec(body);
  if (bold && isListItem(l.text)) {
    const def = takeTags(bold[2] ?? '').text;
    terms.push({
      line: l.line,
      path: block.path,
      tags: block.tags,
      pair: { term: (bold[1] ?? '').trim(), definition: def },
    });
    return true;
  }
  const sep = findSeparator(body);
  if (!sep) return false;
  const width = sep.reverse ? 3 : 2;
  const front = takeTags(body.slice(0, sep.at));
  const back = takeTags(body.slice(sep.at + width));
  if (!front.text || !back.text) {
    const mark = sep.reverse ? ':::' : '::';
    problems.push({
      line: l.line,
      message: `'${mark}' needs a question before it and an answer after it`,
    });
    return true;
  }
  out.push({
    kind: 'basic',
    line: l.line,
    path: block.path,
    tags: [...block.tags, ...front.tags, ...back.tags],
    front: front.text,
    back: back.text,
    reverse: sep.reverse,
  });
  return true;
}

/** The rest of a block in cloze units: each list item, or the whole paragraph. */
function units(lines: readonly NoteLine[]): NoteLine[][] {
  const out: NoteLine[][] = [];
  let cur: NoteLine[] | null = null;
  let inItem = false;
  for (const l of lines) {
    if (l.code) continue;
    const item = isListItem(l.text);
    if (item || (inItem && !/^\s/.test(l.text)) || !cur) {
      cur = [];
      out.push(cur);
    }
    if (item) inItem = true;
    cur.push(l);
  }
  return out;
}

function cloze(unit: NoteLine[], block: Block, out: NoteCard[], problems: NoteProblem[]): void {
  const first = unit[0] as NoteLine;
  const { text, tags } = joined(unit.map((l) => ({ ...l, text: stripListMarker(l.text) })));
  const scan = toCloze(text);
  if (scan.kind === 'none') return;
  if (scan.kind === 'bad') {
    problems.push({ line: first.line, message: scan.why });
    return;
  }
  out.push({
    kind: 'cloze',
    line: first.line,
    path: block.path,
    tags: [...block.tags, ...tags],
    text: scan.text,
  });
}

const SEPARATOR = /^\s*\?\??\s*$/;

/**
 * The lines of a block between one-line cards: a multi-line card when a `?` line is among
 * them, else cloze units. As in the plugin, a `::` line is a card of its own and the text
 * of the next card starts after it.
 */
function segmentCards(seg: NoteLine[], block: Block, out: NoteCard[], problems: NoteProblem[]) {
  const at = seg.findIndex((l) => !l.code && SEPARATOR.test(l.text));
  if (at >= 0) multiLine(seg, at, block, out, problems);
  else for (const u of units(seg)) cloze(u, block, out, problems);
}

function blockCards(
  block: Block,
  out: NoteCard[],
  terms: TermLine[],
  problems: NoteProblem[],
): void {
  let seg: NoteLine[] = [];
  block.lines.forEach((l, i) => {
    if (l.code) {
      seg.push(l);
      return;
    }
    // A definition list: `: definition` under the term's own line.
    const def = /^:\s+(.+)$/.exec(l.text);
    const termLine = block.lines[i - 1];
    if (def && termLine && !termLine.code && !/^:\s/.test(termLine.text)) {
      if (seg.at(-1) === termLine) seg.pop();
      const term = takeTags(stripListMarker(termLine.text)).text;
      terms.push({
        line: termLine.line,
        path: block.path,
        tags: block.tags,
        pair: { term, definition: takeTags(def[1] ?? '').text },
      });
      return;
    }
    if (!lineCard(l, block, out, terms, problems)) {
      seg.push(l);
      return;
    }
    segmentCards(seg, block, out, problems);
    seg = [];
  });
  segmentCards(seg, block, out, problems);
}

const key = (path: readonly string[]) => JSON.stringify(path);

/** Term definitions grouped by heading: 3 or more make a group, fewer are reported. */
function termGroups(terms: TermLine[], out: NoteCard[], problems: NoteProblem[]): void {
  const groups = new Map<string, TermLine[]>();
  for (const t of terms) groups.set(key(t.path), [...(groups.get(key(t.path)) ?? []), t]);
  for (const group of groups.values()) {
    const first = group[0] as TermLine;
    if (group.length < MIN_TERMS) {
      for (const t of group)
        problems.push({
          line: t.line,
          message: `only ${group.length} term definition(s) under this heading; a terms group needs ${MIN_TERMS} (or write Term::definition)`,
        });
      continue;
    }
    out.push({
      kind: 'terms',
      line: first.line,
      path: first.path,
      tags: [...first.tags],
      terms: group.map((t) => t.pair),
    });
  }
}

/** Every card of the notes, in the order of their first line. */
export function notesCards(blocks: readonly Block[], problems: NoteProblem[]): NoteCard[] {
  const out: NoteCard[] = [];
  const terms: TermLine[] = [];
  for (const b of blocks) blockCards(b, out, terms, problems);
  termGroups(terms, out, problems);
  return out.sort((a, b) => a.line - b.line);
}
