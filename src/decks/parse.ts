// YAML text -> validated Deck, with every problem located as file:line:col.
// One bad entry is reported and skipped; the rest of the deck still loads.
import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument, visit } from 'yaml';
import type { z } from 'zod';
import type { Deck, Entry } from '../core/model.js';
import { DeckSchema, type EntryInput, EntrySchema } from './schema.js';

export type Severity = 'error' | 'warning';

export interface Problem {
  file: string;
  line: number;
  col: number;
  severity: Severity;
  message: string;
}

export interface ParseResult {
  deck: Deck | null;
  problems: Problem[];
  /** Number of YAML entries under `cards`, valid or not. */
  entryCount: number;
  /** Where the deck's `id` value sits, for cross-file duplicate reports. */
  idPos?: { line: number; col: number };
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.col} ${p.severity}: ${p.message}`;
}

type Path = readonly (string | number)[];

class Locator {
  constructor(
    private readonly file: string,
    private readonly lc: LineCounter,
    private readonly root: Node | null,
  ) {}

  /** Position of the node at `path`, falling back to the nearest existing ancestor. */
  at(path: Path, key = false): { line: number; col: number } {
    let node: Node | null = this.root;
    let keyNode: Node | null = null;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (p.key as { value?: unknown })?.value === seg);
        if (!pair) break;
        keyNode = pair.key as Node;
        node = pair.value as Node | null;
        if (!node) {
          node = keyNode;
          break;
        }
      } else if (isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg] as Node | undefined;
        if (!item) break;
        keyNode = null;
        node = item;
      } else break;
    }
    const target = key && keyNode ? keyNode : node;
    const offset = target?.range?.[0] ?? 0;
    return this.lc.linePos(offset);
  }

  problem(path: Path, message: string, severity: Severity = 'error', key = false): Problem {
    return { file: this.file, ...this.at(path, key), severity, message };
  }
}

function valueAt(root: unknown, path: Path): unknown {
  let cur = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

function describeIssue(
  issue: z.core.$ZodIssue,
  raw: unknown,
): { path: Path; message: string; key: boolean } {
  const path = issue.path as (string | number)[];
  const where = path.length ? `${path.join('.')}: ` : '';
  if (issue.code === 'unrecognized_keys') {
    const k = issue.keys[0] ?? '';
    return { path: [...path, k], message: `${where}unknown field '${k}'`, key: true };
  }
  if (issue.code === 'invalid_type' && valueAt(raw, path) === undefined) {
    return { path, message: `missing field '${path.at(-1)}'`, key: false };
  }
  return { path, message: `${where}${issue.message}`, key: false };
}

function toEntry(input: EntryInput, pos: { file: string; line: number; col: number }): Entry {
  const base = {
    id: input.id,
    tags: input.tags,
    pos,
    ...(input.ref === undefined ? {} : { ref: input.ref }),
    ...(input.explanation === undefined ? {} : { explanation: input.explanation }),
  };
  switch (input.type) {
    case 'basic':
      return {
        ...base,
        type: 'basic',
        front: input.front,
        back: input.back,
        reverse: input.reverse,
      };
    case 'mcq':
      return {
        ...base,
        type: 'mcq',
        question: input.question,
        choices: input.choices.map((c) => ({
          text: c.text,
          correct: c.correct,
          ...(c.why === undefined ? {} : { why: c.why }),
        })),
      };
    case 'cloze':
      return { ...base, type: 'cloze', text: input.text };
    case 'typed':
      return {
        ...base,
        type: 'typed',
        prompt: input.prompt,
        answer: input.answer,
        accept: input.accept,
        match: input.match,
      };
    case 'terms':
      return { ...base, type: 'terms', prompt: input.prompt, terms: input.terms };
    default: {
      const never: never = input;
      return never;
    }
  }
}

/** Fields whose text a learner reads: a ` #` in them silently cuts the rest off. */
const TEXT_FIELDS = new Set([
  'title',
  'description',
  'source',
  'front',
  'back',
  'question',
  'text',
  'why',
  'explanation',
  'prompt',
  'answer',
  'term',
  'definition',
  'ref',
]);

function truncatedText(
  doc: ReturnType<typeof parseDocument>,
  lc: LineCounter,
  file: string,
): Problem[] {
  const out: Problem[] = [];
  visit(doc, {
    Pair(_key, pair) {
      const k = isScalar(pair.key) ? String(pair.key.value) : '';
      const v = pair.value;
      if (
        TEXT_FIELDS.has(k) &&
        isScalar(v) &&
        v.type === 'PLAIN' &&
        v.comment !== undefined &&
        isPair(pair)
      ) {
        const at = lc.linePos(v.range?.[0] ?? 0);
        out.push({
          file,
          ...at,
          severity: 'warning',
          message: `${k}: text after ' #' is read as a YAML comment and dropped; quote the value`,
        });
      }
    },
  });
  return out;
}

export function parseDeck(file: string, source: string): ParseResult {
  const lc = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = [];
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const { line, col } = lc.linePos(e.pos[0]);
      const msg = e.message.split('\n')[0] ?? e.message;
      problems.push({ file, line, col, severity: 'error', message: `YAML ${e.code}: ${msg}` });
    }
    return { deck: null, problems, entryCount: 0 };
  }
  problems.push(...truncatedText(doc, lc, file));
  const loc = new Locator(file, lc, doc.contents as Node | null);
  const raw = doc.toJS() as unknown;
  const top = DeckSchema.safeParse(raw);
  if (!top.success) {
    for (const issue of top.error.issues) {
      const d = describeIssue(issue, raw);
      problems.push(loc.problem(d.path, d.message, 'error', d.key));
    }
    const cards = (raw as { cards?: unknown })?.cards;
    return { deck: null, problems, entryCount: Array.isArray(cards) ? cards.length : 0 };
  }
  const entries: Entry[] = [];
  const seen = new Map<string, number>();
  top.data.cards.forEach((item, i) => {
    const path = ['cards', i];
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      problems.push(loc.problem(path, `cards.${i}: an entry must be a mapping with id and type`));
      return;
    }
    if (!('type' in item)) {
      problems.push(loc.problem(path, `cards.${i}: missing field 'type'`));
      return;
    }
    const r = EntrySchema.safeParse(item);
    if (!r.success) {
      for (const issue of r.error.issues) {
        const d = describeIssue(
          { ...issue, path: [...path, ...issue.path] } as z.core.$ZodIssue,
          raw,
        );
        problems.push(loc.problem(d.path, d.message, 'error', d.key));
      }
      return;
    }
    const prev = seen.get(r.data.id);
    if (prev !== undefined) {
      const first = loc.at(['cards', prev, 'id']);
      problems.push(
        loc.problem(
          [...path, 'id'],
          `duplicate card id '${r.data.id}' (first used at line ${first.line})`,
        ),
      );
      return;
    }
    seen.set(r.data.id, i);
    const { line, col } = loc.at(path);
    entries.push(toEntry(r.data, { file, line, col }));
  });
  const d = top.data;
  const deck: Deck = {
    id: d.id,
    title: d.title,
    tags: d.tags,
    file,
    entries,
    ...(d.description === undefined ? {} : { description: d.description }),
    ...(d.source === undefined ? {} : { source: d.source }),
  };
  return { deck, problems, entryCount: d.cards.length, idPos: loc.at(['id']) };
}
