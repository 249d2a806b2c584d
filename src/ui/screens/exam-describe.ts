// An exam in words, for the resume prompt: its size, decks, tag and blueprint, and what a
// new request differs in (resuming keeps the saved exam as it was, so that is dropped).
import type { ExamState } from '../../core/exam.js';
import type { ExamOptions } from '../../core/ports.js';
import { oneLine } from '../../core/sanitize.js';

interface ExamFacts {
  questions: number;
  minutes: number;
  decks: readonly string[] | null;
  tag: string | null;
  blueprint: string | null;
}

function factsOfSaved(exam: ExamState): ExamFacts {
  return {
    questions: exam.keys.length,
    minutes: Math.round(exam.durationMs / 60_000),
    decks: exam.scope.decks,
    tag: exam.scope.tag,
    blueprint: exam.scope.blueprint,
  };
}

function factsOfAsked(o: ExamOptions): ExamFacts {
  return {
    questions: o.questions,
    minutes: o.minutes,
    decks: o.scope.decks,
    tag: o.scope.tag,
    blueprint: o.blueprint?.name ?? null,
  };
}

type Part = 'size' | 'time' | 'decks' | 'tag' | 'blueprint';

function parts(f: ExamFacts, deckTitle: (id: string) => string): Record<Part, string | null> {
  return {
    size: `${f.questions} question${f.questions === 1 ? '' : 's'}`,
    time: `${f.minutes} min`,
    decks: f.decks ? f.decks.map((id) => oneLine(deckTitle(id))).join(', ') : 'all decks',
    tag: f.tag ? `tag ${oneLine(f.tag)}` : null,
    blueprint: f.blueprint ? `blueprint ${oneLine(f.blueprint)}` : null,
  };
}

const ORDER: Part[] = ['size', 'time', 'decks', 'tag', 'blueprint'];

/** "60 questions · 90 min · all decks · blueprint lpic3". */
export function describeExam(exam: ExamState, deckTitle: (id: string) => string): string {
  const p = parts(factsOfSaved(exam), deckTitle);
  return ORDER.map((k) => p[k])
    .filter(Boolean)
    .join(' · ');
}

/**
 * What was asked for that the saved exam does not have, as one sentence, or null when the
 * request is the saved exam's own. A deck list compares as a set.
 */
export function droppedByResume(
  exam: ExamState,
  asked: ExamOptions,
  deckTitle: (id: string) => string,
): string | null {
  const saved = parts(factsOfSaved(exam), deckTitle);
  const want = parts(factsOfAsked(asked), deckTitle);
  const sameDecks =
    [...(exam.scope.decks ?? [])].sort().join('\n') ===
      [...(asked.scope.decks ?? [])].sort().join('\n') &&
    (exam.scope.decks === null) === (asked.scope.decks === null);
  const differs = ORDER.filter((k) => (k === 'decks' ? !sameDecks : saved[k] !== want[k]));
  if (differs.length === 0) return null;
  const what = differs.map((k) => want[k] ?? (k === 'tag' ? 'no tag' : 'no blueprint'));
  return `You asked for ${what.join(' · ')}: resuming keeps this exam as it was. d discards it and starts yours.`;
}
