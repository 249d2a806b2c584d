// YAML text -> validated Deck, with every problem located as file:line:col.
// One bad entry is reported and skipped; the rest of the deck still loads. Nothing in the
// text makes it throw: resource limits and surprises become located errors as well.
import { type Document, isPair, isScalar, type LineCounter, visit } from 'yaml';
import type { z } from 'zod';
import { labSpecIssues } from '../core/labs/spec-rules.js';
import type { Deck, Entry } from '../core/model.js';
import { oneLine, visible } from '../core/sanitize.js';
import { findControlText } from './controls.js';
import { Locator } from './locate.js';
import { formatProblem, type Problem, type Severity } from './problem.js';
import { MAX_FILE_BYTES } from './read-file.js';
import { DeckSchema, type EntryInput, EntrySchema } from './schema.js';
import { readYaml } from './yaml-limits.js';

export { formatProblem, type Problem, type Severity };

export interface ParseResult {
  deck: Deck | null;
  problems: Problem[];
  /** Number of YAML entries under `cards`, valid or not. */
  entryCount: number;
  /** Where the deck's `id` value sits, for cross-file duplicate reports. */
  idPos?: { line: number; col: number };
}

type Path = readonly (string | number)[];

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
    case 'lab':
      return {
        ...base,
        type: 'lab',
        task: input.task,
        env: input.env,
        ...(input.node === undefined ? {} : { node: input.node }),
        setup: input.setup,
        answer: input.answer,
        accept: input.accept,
        check: { run: input.check.run, expect: input.check.expect },
      };
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
  'task',
]);

function truncatedText(doc: Document, lc: LineCounter, file: string): Problem[] {
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

function failed(file: string, message: string): ParseResult {
  return {
    deck: null,
    entryCount: 0,
    problems: [{ file, line: 1, col: 1, severity: 'error', message }],
  };
}

/** Parses one deck file's text. Never throws; `file` only labels the problems. */
export function parseDeck(file: string, source: string): ParseResult {
  let result: ParseResult;
  try {
    result = parseChecked(file, source);
  } catch (err) {
    // Deep nesting overflows the stack in the parser, in zod or in the walks here; any
    // other surprise is reported the same way instead of stopping every command.
    const reason = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    result = failed(file, `could not parse: ${reason}`);
  }
  // Messages quote field names, anchors and YAML snippets from the file.
  for (const p of result.problems) p.message = oneLine(p.message);
  return result;
}

function parseChecked(file: string, source: string): ParseResult {
  if (source.length > MAX_FILE_BYTES)
    return failed(
      file,
      `file is over the ${MAX_FILE_BYTES / 1024 / 1024} MiB limit for a deck file; split it`,
    );
  const y = readYaml(source);
  if (!y.ok) {
    const problems = y.problems.map(
      (p): Problem => ({ file, ...y.lc.linePos(p.offset), severity: 'error', message: p.message }),
    );
    return { deck: null, problems, entryCount: 0 };
  }
  const { doc, lc, data: raw } = y;
  const problems = truncatedText(doc, lc, file);
  const loc = new Locator(file, source, lc, doc);
  const isMapping = raw !== null && typeof raw === 'object' && !Array.isArray(raw);
  // Entries are checked one by one below, so one bad card does not sink the deck.
  const deckText = isMapping ? findControlText(raw, [], 'cards') : [];
  for (const h of deckText) problems.push(loc.control(h));
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
    const controls = findControlText(item, path);
    for (const h of controls) problems.push(loc.control(h));
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
    if (controls.length > 0) return;
    if (r.data.type === 'lab') {
      const issues = labSpecIssues(r.data);
      for (const is of issues) problems.push(loc.problem([...path, ...is.path], is.message));
      if (issues.length > 0) return;
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
  // The deck-level text was reported as an error; the deck still loads, shown harmlessly.
  const shown = deckText.length > 0 ? visible : (s: string) => s;
  const deck: Deck = {
    id: d.id,
    title: shown(d.title),
    tags: d.tags.map(shown),
    file,
    entries,
    ...(d.description === undefined ? {} : { description: shown(d.description) }),
    ...(d.source === undefined ? {} : { source: shown(d.source) }),
  };
  return { deck, problems, entryCount: d.cards.length, idPos: loc.at(['id']) };
}
