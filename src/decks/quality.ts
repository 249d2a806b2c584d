// Quality warnings for `lint`: things that parse fine but make a card easy to game or
// hard to trust. `lint --strict` turns them into failures.
import { clozePlain, parseCloze } from '../core/cloze.js';
import type { Deck, Entry } from '../core/model.js';
import type { Problem } from './parse.js';

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[`*_"'“”]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

const CATCH_ALL =
  /\b(all|none|both|neither) of (the|these) (above|options|answers|choices)\b|^(all|none) of them$/i;

/** True when `needle` occurs in `hay` as whole words. */
function containsWords(hay: string, needle: string): boolean {
  const n = norm(needle);
  if (n.length < 3) return false;
  const escaped = n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^a-z0-9])${escaped}($|[^a-z0-9])`).test(norm(hay));
}

function questionOf(e: Entry): string[] {
  switch (e.type) {
    case 'basic':
      return [e.front];
    case 'mcq':
      return [e.question];
    case 'cloze':
      return [e.text];
    case 'typed':
      return [e.prompt];
    case 'lab':
      return [e.task];
    case 'terms':
      return e.terms.map((t) => t.definition);
    default: {
      const never: never = e;
      return never;
    }
  }
}

/** Surface features a learner can spot without knowing the answer. */
function formOf(text: string): string {
  return [text.includes('`') ? 'code' : '', /\.\s*$/.test(text) ? 'period' : ''].join('|');
}

function entryWarnings(e: Entry): string[] {
  const w: string[] = [];
  switch (e.type) {
    case 'basic':
      if (containsWords(e.front, e.back)) w.push(`'${e.id}': the answer appears in the question`);
      break;
    case 'typed':
      if (containsWords(e.prompt, e.answer))
        w.push(`'${e.id}': the answer appears in the question`);
      break;
    case 'lab':
      if (containsWords(e.task, e.answer)) w.push(`'${e.id}': the answer appears in the task`);
      break;
    case 'mcq': {
      const texts = e.choices.map((c) => norm(c.text));
      if (new Set(texts).size !== texts.length) w.push(`'${e.id}': two choices have the same text`);
      if (e.choices.some((c) => CATCH_ALL.test(c.text)))
        w.push(`'${e.id}': avoid "all/none of the above": choices are shuffled`);
      const right = e.choices.filter((c) => c.correct);
      const wrong = e.choices.filter((c) => !c.correct);
      if (right.length === 1 && wrong.length > 0) {
        const r = right[0]!.text;
        const longest = Math.max(...wrong.map((c) => c.text.length));
        if (r.length > longest * 1.6 && r.length - longest >= 12)
          w.push(
            `'${e.id}': the correct choice is by far the longest (${r.length} vs ${longest} characters)`,
          );
        const form = formOf(r);
        if (wrong.length >= 2 && wrong.every((c) => formOf(c.text) !== form))
          w.push(
            `'${e.id}': the correct choice is the only one of its form (code or final period)`,
          );
        if (containsWords(e.question, r))
          w.push(`'${e.id}': the correct choice appears in the question`);
      }
      break;
    }
    case 'cloze': {
      const plain = clozePlain(e.text).length;
      const byNumber = new Map<number, number>();
      for (const p of parseCloze(e.text))
        byNumber.set(p.number, (byNumber.get(p.number) ?? 0) + p.answer.length);
      for (const [n, len] of byNumber)
        if (len > plain * 0.5) w.push(`'${e.id}': deletion c${n} hides most of the sentence`);
      break;
    }
    case 'terms': {
      if (e.terms.length < 3)
        w.push(`'${e.id}': a terms group needs at least 3 terms for good distractors`);
      const names = e.terms.map((t) => norm(t.term));
      if (new Set(names).size !== names.length) w.push(`'${e.id}': a term appears twice`);
      for (const t of e.terms)
        if (containsWords(t.definition, t.term))
          w.push(`'${e.id}': the definition of '${t.term}' contains the term`);
      break;
    }
    default: {
      const never: never = e;
      return never;
    }
  }
  return w;
}

/**
 * Quality problems of the decks. A card without a ref is a warning in a shipped deck (every
 * fact there must be checkable) but only a hint in a learner's own deck, where notes often
 * have no source worth citing: `shipped` tells the two apart (all shipped by default).
 */
export function qualityWarnings(
  decks: readonly Deck[],
  shipped: (deck: Deck) => boolean = () => true,
): Problem[] {
  const out: Problem[] = [];
  const seen = new Map<string, string>();
  for (const deck of decks) {
    for (const e of deck.entries) {
      const at = {
        file: e.pos.file,
        line: e.pos.line,
        col: e.pos.col,
        severity: 'warning' as const,
      };
      if (!e.ref)
        out.push({
          ...at,
          severity: shipped(deck) ? 'warning' : 'hint',
          message: `'${e.id}' has no ref: say where the fact can be checked`,
        });
      for (const message of entryWarnings(e)) out.push({ ...at, message });
      for (const q of questionOf(e)) {
        const key = norm(q);
        const first = seen.get(key);
        if (first) out.push({ ...at, message: `'${e.id}': same question as ${first}` });
        else seen.set(key, `${deck.id}/${e.id} (${e.pos.file}:${e.pos.line})`);
      }
    }
  }
  return out;
}
