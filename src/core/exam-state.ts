// The exam as a reducer: navigation, flags, overview, submission and time-out. Pure: the
// time comes in the actions.
import { shuffledOrder } from './grading.js';
import type { Card, ExamSummary } from './model.js';

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
  /** Per question: its forecast chance of a right answer when the exam started (0..1). */
  predicted?: number[];
  /**
   * Per question: when its answer last changed, and the time it spent on screen (ms). The
   * log dates each answer by the first and records the second as its answer time. Absent
   * in exams saved before they were kept.
   */
  answeredAt?: (number | null)[];
  spentMs?: number[];
  /** When the question on screen came up (it adds to `spentMs` when it leaves). */
  viewSince?: number;
}

/** `now`, when given, times the answers and the time spent on each question. */
export type ExamAction = (
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
  | { type: 'tick'; now: number }
) & { now?: number };

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
    answeredAt: init.cards.map(() => null),
    spentMs: init.cards.map(() => 0),
    viewSince: init.now,
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
  // The question on screen at the quit keeps its time up to then; the time away is nobody's.
  const closed = timed(s, { ...s, view: 'overview' }, quitAt);
  return {
    ...closed,
    usedBeforeMs: usedMs(s, quitAt),
    resumedAt: now,
    view: 'question',
    viewSince: now,
  };
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

/** The question on screen, or null (overview, confirm, submitted). */
function onScreen(s: ExamState): number | null {
  return s.view === 'question' ? s.index : null;
}

/** Notes the time of each changed answer, and adds up time on the question that left. */
function timed(prev: ExamState, next: ExamState, now: number): ExamState {
  if (next === prev) return next;
  let answeredAt = prev.answeredAt;
  for (let i = 0; i < next.answers.length; i++)
    if (next.answers[i] !== prev.answers[i]) {
      answeredAt ??= prev.keys.map(() => null);
      if (answeredAt === prev.answeredAt) answeredAt = [...answeredAt];
      answeredAt[i] = now;
    }
  let { spentMs, viewSince } = prev;
  const was = onScreen(prev);
  if (was !== onScreen(next) || next.view === 'submitted') {
    if (was !== null) {
      const end = Math.min(now, next.submittedAt ?? now);
      spentMs = spentMs ? [...spentMs] : prev.keys.map(() => 0);
      spentMs[was] = (spentMs[was] ?? 0) + Math.max(0, end - (viewSince ?? prev.resumedAt));
    }
    viewSince = now;
  }
  return {
    ...next,
    ...(answeredAt ? { answeredAt } : {}),
    ...(spentMs ? { spentMs } : {}),
    viewSince: viewSince ?? now,
  };
}

export function examReducer(s: ExamState, a: ExamAction): ExamState {
  const next = step(s, a);
  return a.now === undefined ? next : timed(s, next, a.now);
}

function step(s: ExamState, a: ExamAction): ExamState {
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

const VIEWS = ['question', 'overview', 'confirm', 'submitted'];
const num = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

function isAnswer(a: unknown): boolean {
  return a === null || typeof a === 'string' || (Array.isArray(a) && a.every(Number.isInteger));
}

/** Shape check for an exam read back from disk: anything else is set aside, not trusted. */
export function isExamState(x: unknown): x is ExamState {
  if (!x || typeof x !== 'object') return false;
  const s = x as Partial<Record<keyof ExamState, unknown>>;
  const n = Array.isArray(s.keys) ? s.keys.length : -1;
  const scope = s.scope as Record<string, unknown> | null | undefined;
  return (
    typeof s.id === 'string' &&
    n > 0 &&
    (s.keys as unknown[]).every((k) => typeof k === 'string') &&
    Array.isArray(s.answers) &&
    s.answers.length === n &&
    s.answers.every(isAnswer) &&
    Array.isArray(s.flags) &&
    s.flags.length === n &&
    s.flags.every((f) => typeof f === 'boolean') &&
    Array.isArray(s.orders) &&
    s.orders.length === n &&
    s.orders.every((o) => Array.isArray(o) && o.every(Number.isInteger)) &&
    Number.isInteger(s.index) &&
    (s.index as number) >= 0 &&
    (s.index as number) < n &&
    Number.isInteger(s.overviewCursor) &&
    (s.overviewCursor as number) >= 0 &&
    (s.overviewCursor as number) < n &&
    VIEWS.includes(s.view as string) &&
    num(s.durationMs) &&
    num(s.usedBeforeMs) &&
    num(s.resumedAt) &&
    num(s.passPercent) &&
    num(s.startedAt) &&
    (s.submittedAt === null || num(s.submittedAt)) &&
    typeof s.timedOut === 'boolean' &&
    (s.predictedPercent === null || num(s.predictedPercent)) &&
    (s.answeredAt === undefined ||
      (Array.isArray(s.answeredAt) &&
        s.answeredAt.length === n &&
        s.answeredAt.every((t) => t === null || num(t)))) &&
    (s.predicted === undefined ||
      (Array.isArray(s.predicted) && s.predicted.length === n && s.predicted.every(num))) &&
    (s.spentMs === undefined ||
      (Array.isArray(s.spentMs) && s.spentMs.length === n && s.spentMs.every(num))) &&
    (s.viewSince === undefined || num(s.viewSince)) &&
    !!scope &&
    typeof scope === 'object' &&
    (scope.decks === null || Array.isArray(scope.decks)) &&
    (scope.tag === null || typeof scope.tag === 'string') &&
    (scope.blueprint === null || typeof scope.blueprint === 'string')
  );
}
