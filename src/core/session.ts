// The interaction with one card on the study screen, as a reducer. The Ink component maps
// keys to these actions and renders the state; grading itself is the caller's job.
import {
  gradeChoices,
  gradeTyped,
  shuffledOrder,
  suggestedGrade,
  type TypedResult,
} from './grading.js';
import type { LabRun } from './lab-spec.js';
import type { Card, Grade } from './model.js';

export interface CardResult {
  correct: boolean;
  suggested: Grade;
  typed?: TypedResult;
  /** A lab card: what running the command gave. */
  lab?: LabRun;
}

export interface CardSession {
  card: Card;
  phase: 'question' | 'answer';
  /** Display order of mcq choices: order[displayIndex] = index in card.face.choices. */
  order: number[];
  cursor: number;
  /** Chosen display indexes. */
  chosen: number[];
  input: string;
  result: CardResult | null;
  shownAt: number;
  /**
   * Set when Enter came before enough picks: how many the card asks for and how many are
   * picked, for the screen to say so. Any other action clears it.
   */
  waiting: { need: number; have: number } | null;
  /** A lab card's command was submitted and runs (the screen calls the lab port). */
  running?: boolean;
}

export type CardAction =
  | { type: 'reveal' }
  | { type: 'move'; delta: number }
  | { type: 'pick'; index: number }
  | { type: 'toggle' }
  | { type: 'submit' }
  | { type: 'type'; text: string }
  | { type: 'erase' }
  /** A lab card's run finished; `key` is the card it was run for. */
  | { type: 'labDone'; key: string; run: LabRun };

export function startCard(card: Card, shownAt: number, seed: string): CardSession {
  const n = card.face.kind === 'mcq' ? card.face.choices.length : 0;
  return {
    card,
    phase: 'question',
    order: shuffledOrder(n, `${card.key}#${seed}`),
    cursor: 0,
    chosen: [],
    input: '',
    result: null,
    shownAt,
    waiting: null,
  };
}

const COUNT_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6 };

/**
 * How many picks a choice card asks for: the number its question states ("Choose two."),
 * else one. A multi-select card that states no number takes any non-empty set.
 */
export function picksNeeded(question: string): number {
  const m = /\bchoose (two|three|four|five|six|[2-6])\b/i.exec(question);
  if (!m) return 1;
  const word = m[1]!.toLowerCase();
  return COUNT_WORDS[word] ?? Number(word);
}

export function choiceCount(s: CardSession): number {
  return s.order.length;
}

function submit(s: CardSession): CardSession {
  const face = s.card.face;
  if (face.kind === 'mcq') {
    const need = face.multi ? picksNeeded(face.question) : 1;
    const have = s.chosen.length;
    // A stated count is waited for exactly; an unstated one needs at least one pick.
    if (have === 0 || (need > 1 && have !== need)) return { ...s, waiting: { need, have } };
    const correct = gradeChoices(
      face.choices,
      s.chosen.map((d) => s.order[d]!),
    );
    return { ...s, phase: 'answer', result: { correct, suggested: suggestedGrade(correct) } };
  }
  if (face.kind === 'typed') {
    if (s.input.trim() === '') return s;
    const typed = gradeTyped(s.input, face.answer, face.accept, face.match);
    return {
      ...s,
      phase: 'answer',
      result: {
        correct: typed.correct,
        suggested: suggestedGrade(typed.correct, typed.near),
        typed,
      },
    };
  }
  if (face.kind === 'lab') return s.input.trim() === '' || s.running ? s : { ...s, running: true };
  return { ...s, phase: 'answer' };
}

/** Typing goes into the answer of a typed card, and of a lab card until it runs. */
function takesInput(s: CardSession): boolean {
  const k = s.card.face.kind;
  return k === 'typed' || (k === 'lab' && !s.running);
}

function labDone(s: CardSession, key: string, run: LabRun): CardSession {
  if (!s.running || s.card.key !== key) return s;
  return {
    ...s,
    running: false,
    phase: 'answer',
    result: { correct: run.passed, suggested: suggestedGrade(run.passed), lab: run },
  };
}

export function cardReducer(s: CardSession, a: CardAction): CardSession {
  if (s.phase === 'answer') return s;
  return step(s.waiting && a.type !== 'submit' ? { ...s, waiting: null } : s, a);
}

function step(s: CardSession, a: CardAction): CardSession {
  const face = s.card.face;
  switch (a.type) {
    case 'reveal':
      return face.kind === 'flash' || face.kind === 'cloze' ? { ...s, phase: 'answer' } : s;
    case 'move': {
      const n = choiceCount(s);
      if (n === 0) return s;
      const cursor = (s.cursor + a.delta + n) % n;
      return face.kind === 'mcq' && !face.multi
        ? { ...s, cursor, chosen: [cursor] }
        : { ...s, cursor };
    }
    case 'pick': {
      if (face.kind !== 'mcq' || a.index < 0 || a.index >= choiceCount(s)) return s;
      if (!face.multi) return { ...s, cursor: a.index, chosen: [a.index] };
      return { ...toggleAt(s, a.index), cursor: a.index };
    }
    case 'toggle':
      if (face.kind !== 'mcq') return s;
      return face.multi ? toggleAt(s, s.cursor) : { ...s, chosen: [s.cursor] };
    case 'submit':
      return submit(s);
    case 'type':
      return takesInput(s) ? { ...s, input: s.input + a.text } : s;
    case 'erase':
      return takesInput(s) ? { ...s, input: s.input.slice(0, -1) } : s;
    case 'labDone':
      return labDone(s, a.key, a.run);
    default: {
      const never: never = a;
      return never;
    }
  }
}

function toggleAt(s: CardSession, index: number): CardSession {
  const chosen = s.chosen.includes(index)
    ? s.chosen.filter((i) => i !== index)
    : [...s.chosen, index].sort((x, y) => x - y);
  return { ...s, chosen };
}

/** The grade Enter gives on the answer side: the suggestion, or Good for self-graded cards. */
export function defaultGrade(s: CardSession): Grade {
  return s.result?.suggested ?? 3;
}
