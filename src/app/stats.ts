// The statistics of a collection: progress from the store, answers from the log.
import { nextDayStart, studyDay } from '../core/clock.js';
import type { Card, ExamSummary, Memory } from '../core/model.js';
import type { DayEnd, Scope } from '../core/ports.js';
import { type Progress, streak } from '../core/progress.js';
import { counts, type QueueInput, type Today } from '../core/queue.js';
import type { Settings } from '../core/settings.js';
import { tableAnswerView } from '../core/stats/answer-table.js';
import { type Tomorrow, tomorrow } from '../core/stats/due.js';
import { computeStats, type Stats, type StatsChoices, type StatsScope } from '../core/stats.js';
import { answerTable } from '../store/answer-index.js';

/** What the statistics read from a collection (the Collection is one). */
export interface StatsSource {
  readonly store: { readonly progress: Progress; readonly dataDir: string };
  readonly scheduler: { retrievability(m: Memory, now: number): number };
  settings(): Settings;
  cards(scope: Scope): readonly Card[];
  deckTitle(id: string): string;
  queueInput(scope: Scope, now: number, today?: Today): QueueInput;
}

export const EVERY_DECK: StatsScope = { deck: null, objective: null };

const scopeOf = (s: StatsScope): Scope => ({
  decks: s.deck === null ? null : [s.deck],
  tag: s.objective,
});

const keysOf = (src: StatsSource, scope: Scope) => src.cards(scope).map((c) => c.key);

/**
 * What the next study day holds for the scope. The summary, the Stats screen and `stats`
 * all ask this, so their "tomorrow" is one number.
 */
export function tomorrowOf(src: StatsSource, scope: Scope, now: number): Tomorrow {
  const { dayStartsAt } = src.settings();
  const today = studyDay(now, dayStartsAt);
  const fresh = newTomorrowOf(src, scope, now);
  return tomorrow(keysOf(src, scope), src.store.progress, today, dayStartsAt, fresh);
}

/** The new cards the next study day introduces within its limits: tomorrowOf's `new`. */
function newTomorrowOf(src: StatsSource, scope: Scope, now: number): number {
  const start = nextDayStart(now, src.settings().dayStartsAt);
  return counts(src.queueInput(scope, start, { newDone: 0, reviewsDone: 0 })).new;
}

/** The end of a session: tomorrow's load and the streak. */
export function dayEndOf(src: StatsSource, scope: Scope, now: number): DayEnd {
  const t = tomorrowOf(src, scope, now);
  const today = studyDay(now, src.settings().dayStartsAt);
  return {
    dueTomorrow: t.reviews,
    newTomorrow: t.new,
    streak: streak(src.store.progress.days, today),
  };
}

/**
 * Exams as one scope saw them: for a deck or an objective, each exam that asked about it,
 * scored on those questions alone (no forecast was stored for part of an exam).
 */
function examsIn(exams: readonly ExamSummary[], s: StatsScope): ExamSummary[] {
  if (s.deck === null && s.objective === null) return [...exams];
  const out: ExamSummary[] = [];
  for (const e of exams) {
    const t = s.deck !== null ? e.byDeck[s.deck] : e.byTag[s.objective ?? ''];
    if (!t || t.total === 0) continue;
    out.push({
      ...e,
      questions: t.total,
      correct: t.correct,
      scorePercent: t.percent,
      passed: t.percent >= e.passPercent,
      predictedPercent: null,
      predictions: [],
    });
  }
  return out;
}

/** An exam objective's tag ends in its code: `lpic3-351.4`. */
const OBJECTIVE = /\d+\.\d+$/;

/** The decks and objectives of every card: what `--deck` and `--objective` take. */
function choicesOf(src: StatsSource, every: readonly Card[]): StatsChoices {
  const decks = new Map<string, string>();
  const tags = new Set<string>();
  for (const c of every) {
    if (!decks.has(c.deckId)) decks.set(c.deckId, src.deckTitle(c.deckId));
    for (const t of c.tags) tags.add(t);
  }
  return {
    decks: [...decks].map(([id, title]) => ({ id, title })),
    objectives: [...tags].filter((t) => OBJECTIVE.test(t)).sort(),
  };
}

export function statsOf(src: StatsSource, now: number, s: StatsScope = EVERY_DECK): Stats {
  const cards = src.cards(scopeOf(s));
  const isEvery = s.deck === null && s.objective === null;
  const kinds = new Map(cards.map((c) => [c.key, c.entryKind]));
  // The log's answers from their cache, parsing only what was appended since it was kept.
  const answers = tableAnswerView(answerTable(src.store.dataDir), (key) => kinds.has(key));
  const p = src.store.progress;
  return computeStats(p, now, src.settings(), {
    scope: s,
    keys: [...kinds.keys()],
    answers,
    // Tomorrow's reviews are the forecast's day 1, which computeStats has: only the new.
    newTomorrow: newTomorrowOf(src, scopeOf(s), now),
    kindOf: (key) => kinds.get(key) ?? 'unknown',
    recall: (m) => src.scheduler.retrievability(m, now),
    exams: examsIn(p.exams, s),
    // Every deck's cards are the ones in scope already when the scope is every deck.
    choices: choicesOf(src, isEvery ? cards : src.cards(scopeOf(EVERY_DECK))),
  });
}
