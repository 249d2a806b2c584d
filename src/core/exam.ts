// Mock exams: drawing questions, the exam as a reducer (navigation, flags, overview,
// submission, time-out), and scoring with per-deck and per-objective breakdowns.
import { gradeChoices, gradeTyped, shuffledOrder } from './grading.js';
import type { Card, ExamSummary, Tally } from './model.js';

export const EXAM_DEFAULTS = { questions: 60, minutes: 90, passPercent: 70 } as const;

/** Only questions with an answer the trainer can check: multiple choice and typed. */
export function isExamCard(card: Card): boolean {
  return card.face.kind === 'mcq' || card.face.kind === 'typed';
}

/** Deterministic PRNG so a draw can be tested and an exam reproduced from its seed. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: readonly T[], rand: () => number): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/**
 * Splits `n` over weighted groups by largest remainder, never giving a group more than it
 * has; what a small group cannot take goes to the others in proportion.
 */
export function allocate(
  n: number,
  groups: readonly { weight: number; available: number }[],
): number[] {
  const out = groups.map(() => 0);
  let left = Math.min(
    n,
    groups.reduce((s, g) => s + g.available, 0),
  );
  while (left > 0) {
    const open = groups
      .map((g, i) => ({ g, i }))
      .filter(({ g, i }) => g.weight > 0 && out[i]! < g.available);
    if (open.length === 0) break;
    const total = open.reduce((s, { g }) => s + g.weight, 0);
    const shares = open.map(({ g, i }) => {
      const exact = (left * g.weight) / total;
      return {
        i,
        take: Math.min(Math.floor(exact), g.available - out[i]!),
        rest: exact - Math.floor(exact),
      };
    });
    let given = 0;
    for (const s of shares) {
      out[s.i]! += s.take;
      given += s.take;
    }
    // Hand out the remainder one by one, largest fractional share first.
    for (const s of [...shares].sort((a, b) => b.rest - a.rest)) {
      if (given >= left) break;
      if (out[s.i]! < groups[s.i]!.available) {
        out[s.i]! += 1;
        given++;
      }
    }
    if (given === 0) break;
    left -= given;
  }
  return out;
}

export interface Blueprint {
  title: string;
  /** Objective tag -> weight. */
  objectives: Record<string, number>;
}

export interface Draw {
  cards: Card[];
  /** Why the exam has fewer questions than asked, or objectives that had none. */
  notes: string[];
}

/** Questions spread over the decks in proportion to their size. */
export function drawByDeck(cards: readonly Card[], n: number, seed: number): Draw {
  const rand = rng(seed);
  const byDeck = new Map<string, Card[]>();
  for (const c of cards.filter(isExamCard))
    byDeck.set(c.deckId, [...(byDeck.get(c.deckId) ?? []), c]);
  const decks = [...byDeck.entries()];
  const counts = allocate(
    n,
    decks.map(([, cs]) => ({ weight: cs.length, available: cs.length })),
  );
  const picked = decks.flatMap(([, cs], i) => shuffle(cs, rand).slice(0, counts[i]));
  const notes: string[] = [];
  const total = decks.reduce((s, [, cs]) => s + cs.length, 0);
  if (total < n) notes.push(`Only ${total} exam questions are available here (asked for ${n}).`);
  return { cards: shuffle(picked, rand), notes };
}

/** Questions per objective tag in proportion to the blueprint's weights. */
export function drawByBlueprint(
  cards: readonly Card[],
  n: number,
  bp: Blueprint,
  seed: number,
): Draw {
  const rand = rng(seed);
  const objectives = Object.entries(bp.objectives);
  const used = new Set<string>();
  const pools = objectives.map(([tag]) =>
    shuffle(
      cards.filter((c) => isExamCard(c) && c.tags.includes(tag)),
      rand,
    ),
  );
  const counts = allocate(
    n,
    objectives.map(([, weight], i) => ({ weight, available: pools[i]!.length })),
  );
  const picked: Card[] = [];
  pools.forEach((pool, i) => {
    let want = counts[i]!;
    for (const c of pool) {
      if (want === 0) break;
      if (used.has(c.key)) continue;
      used.add(c.key);
      picked.push(c);
      want--;
    }
  });
  const notes = objectives
    .filter((_, i) => pools[i]!.length === 0)
    .map(([tag]) => `No questions for objective ${tag}; its weight went to the others.`);
  if (picked.length < n)
    notes.push(`Only ${picked.length} questions match the blueprint (asked for ${n}).`);
  return { cards: shuffle(picked, rand), notes };
}

// ---- the exam as a reducer ----

export type ExamAnswer = number[] | string | null;

export interface ExamState {
  id: string;
  /** Card keys in exam order. */
  keys: string[];
  /** Display order of each mcq question's choices. */
  orders: number[][];
  answers: ExamAnswer[];
  flags: boolean[];
  index: number;
  view: 'question' | 'overview' | 'confirm' | 'submitted';
  overviewCursor: number;
  durationMs: number;
  /** Time used before the current sitting (an exam can be quit and resumed). */
  usedBeforeMs: number;
  /** When the current sitting started. */
  resumedAt: number;
  passPercent: number;
  startedAt: number;
  submittedAt: number | null;
  timedOut: boolean;
  /** What was asked for: shown in the results and stored with them. */
  scope: ExamSummary['scope'];
  /** Readiness of these questions when the exam started, to set beside the score. */
  predictedPercent: number | null;
}

export type ExamAction =
  | { type: 'choose'; index: number; multi: boolean }
  | { type: 'type'; text: string }
  | { type: 'erase' }
  | { type: 'next' }
  | { type: 'prev' }
  | { type: 'goto'; index: number }
  | { type: 'flag' }
  | { type: 'overview' }
  | { type: 'overviewMove'; delta: number }
  | { type: 'back' }
  | { type: 'askSubmit' }
  | { type: 'confirmSubmit'; now: number }
  | { type: 'tick'; now: number };

export function startExam(init: {
  id: string;
  cards: readonly Card[];
  minutes: number;
  passPercent: number;
  now: number;
  scope: ExamState['scope'];
  predictedPercent: number | null;
}): ExamState {
  return {
    id: init.id,
    keys: init.cards.map((c) => c.key),
    orders: init.cards.map((c) =>
      c.face.kind === 'mcq' ? shuffledOrder(c.face.choices.length, `${init.id}:${c.key}`) : [],
    ),
    answers: init.cards.map(() => null),
    flags: init.cards.map(() => false),
    index: 0,
    view: 'question',
    overviewCursor: 0,
    durationMs: init.minutes * 60_000,
    usedBeforeMs: 0,
    resumedAt: init.now,
    passPercent: init.passPercent,
    startedAt: init.now,
    submittedAt: null,
    timedOut: false,
    scope: init.scope,
    predictedPercent: init.predictedPercent,
  };
}

export function usedMs(s: ExamState, now: number): number {
  const end = s.submittedAt ?? now;
  return Math.min(s.durationMs, s.usedBeforeMs + Math.max(0, end - s.resumedAt));
}

export function remainingMs(s: ExamState, now: number): number {
  return Math.max(0, s.durationMs - usedMs(s, now));
}

/** A quit exam keeps its time used; the clock runs again from `now`. */
export function resumeExam(s: ExamState, quitAt: number, now: number): ExamState {
  return { ...s, usedBeforeMs: usedMs(s, quitAt), resumedAt: now, view: 'question' };
}

export function isAnswered(a: ExamAnswer): boolean {
  return Array.isArray(a) ? a.length > 0 : typeof a === 'string' && a.trim() !== '';
}

export function examCounts(s: ExamState) {
  const answered = s.answers.filter(isAnswered).length;
  return {
    answered,
    unanswered: s.answers.length - answered,
    flagged: s.flags.filter(Boolean).length,
  };
}

function setAnswer(s: ExamState, a: ExamAnswer): ExamState {
  const answers = [...s.answers];
  answers[s.index] = a;
  return { ...s, answers };
}

function submit(s: ExamState, now: number, timedOut: boolean): ExamState {
  return { ...s, view: 'submitted', submittedAt: now, timedOut };
}

export function examReducer(s: ExamState, a: ExamAction): ExamState {
  if (s.view === 'submitted') return s;
  const last = s.keys.length - 1;
  switch (a.type) {
    case 'choose': {
      if (s.view !== 'question') return s;
      const cur = Array.isArray(s.answers[s.index]) ? (s.answers[s.index] as number[]) : [];
      if (!a.multi) return setAnswer(s, [a.index]);
      const next = cur.includes(a.index)
        ? cur.filter((i) => i !== a.index)
        : [...cur, a.index].sort((x, y) => x - y);
      return setAnswer(s, next);
    }
    case 'type': {
      const cur = typeof s.answers[s.index] === 'string' ? (s.answers[s.index] as string) : '';
      return s.view === 'question' ? setAnswer(s, cur + a.text) : s;
    }
    case 'erase': {
      const cur = typeof s.answers[s.index] === 'string' ? (s.answers[s.index] as string) : '';
      return s.view === 'question' ? setAnswer(s, cur.slice(0, -1) || null) : s;
    }
    case 'next':
      return s.index < last
        ? { ...s, index: s.index + 1, view: 'question' }
        : { ...s, view: 'overview', overviewCursor: s.index };
    case 'prev':
      return { ...s, index: Math.max(0, s.index - 1), view: 'question' };
    case 'goto':
      return a.index >= 0 && a.index <= last ? { ...s, index: a.index, view: 'question' } : s;
    case 'flag': {
      const flags = [...s.flags];
      const i = s.view === 'overview' ? s.overviewCursor : s.index;
      flags[i] = !flags[i];
      return { ...s, flags };
    }
    case 'overview':
      return { ...s, view: 'overview', overviewCursor: s.index };
    case 'overviewMove':
      return { ...s, overviewCursor: Math.min(last, Math.max(0, s.overviewCursor + a.delta)) };
    case 'back':
      return { ...s, view: 'question' };
    case 'askSubmit':
      return { ...s, view: 'confirm' };
    case 'confirmSubmit':
      return s.view === 'confirm' ? submit(s, a.now, false) : s;
    case 'tick':
      return remainingMs(s, a.now) <= 0
        ? submit(s, s.resumedAt + (s.durationMs - s.usedBeforeMs), true)
        : s;
    default: {
      const never: never = a;
      return never;
    }
  }
}

// ---- scoring ----

export interface QuestionResult {
  key: string;
  correct: boolean;
  /** The answer given; for multiple choice, indexes into the card's own choice list. */
  answer: ExamAnswer;
}

export interface ExamResult extends ExamSummary {
  results: QuestionResult[];
}

export function isRight(card: Card, answer: ExamAnswer, order: readonly number[]): boolean {
  if (!isAnswered(answer)) return false;
  const face = card.face;
  if (face.kind === 'mcq' && Array.isArray(answer))
    return gradeChoices(
      face.choices,
      answer.map((d) => order[d]!),
    );
  if (face.kind === 'typed' && typeof answer === 'string')
    return gradeTyped(answer, face.answer, face.accept, face.match).correct;
  return false;
}

function tally(map: Record<string, Tally>, key: string, ok: boolean): void {
  const t = map[key] ?? { correct: 0, total: 0, percent: 0 };
  t.total++;
  if (ok) t.correct++;
  t.percent = Math.round((100 * t.correct) / t.total);
  map[key] = t;
}

/** Objective tags look like `lpic3-351.4`; other tags are not broken down. */
export const OBJECTIVE_TAG = /^[a-z0-9]+-\d+(\.\d+)+$/;

export function scoreExam(
  s: ExamState,
  cardOf: (key: string) => Card | null,
  now: number,
): ExamResult {
  const byDeck: Record<string, Tally> = {};
  const byTag: Record<string, Tally> = {};
  const results: QuestionResult[] = s.keys.map((key, i) => {
    const card = cardOf(key);
    const ok = card ? isRight(card, s.answers[i] ?? null, s.orders[i] ?? []) : false;
    if (card) {
      tally(byDeck, card.deckId, ok);
      for (const t of card.tags.filter((x) => OBJECTIVE_TAG.test(x))) tally(byTag, t, ok);
    }
    const given = s.answers[i] ?? null;
    const answer = Array.isArray(given) ? given.map((d) => s.orders[i]?.[d] ?? d) : given;
    return { key, correct: ok, answer };
  });
  const correct = results.filter((r) => r.correct).length;
  const scorePercent = results.length ? Math.round((100 * correct) / results.length) : 0;
  return {
    id: s.id,
    at: s.submittedAt ?? now,
    questions: results.length,
    correct,
    scorePercent,
    passPercent: s.passPercent,
    passed: scorePercent >= s.passPercent,
    usedMs: usedMs(s, now),
    timedOut: s.timedOut,
    byDeck,
    byTag,
    results,
    predictedPercent: s.predictedPercent,
    scope: s.scope,
  };
}

/** Shape check for an exam read back from disk. */
export function isExamState(x: unknown): x is ExamState {
  if (!x || typeof x !== 'object') return false;
  const s = x as Partial<ExamState>;
  return (
    typeof s.id === 'string' &&
    Array.isArray(s.keys) &&
    Array.isArray(s.answers) &&
    Array.isArray(s.flags) &&
    Array.isArray(s.orders) &&
    s.keys.length === s.answers.length &&
    typeof s.durationMs === 'number' &&
    typeof s.usedBeforeMs === 'number' &&
    typeof s.resumedAt === 'number'
  );
}
