// The statistics of a collection: progress from the store, answers from the log.

import { nextDayStart, studyDay } from '../core/clock.js';
import type { Card, LogRecord } from '../core/model.js';
import { ALL, type DayEnd, type Scope } from '../core/ports.js';
import { type Progress, streak } from '../core/progress.js';
import { counts, type QueueInput, type Today } from '../core/queue.js';
import type { Settings } from '../core/settings.js';
import { type Tomorrow, tomorrow } from '../core/stats/due.js';
import { retentionByDay } from '../core/stats/true-retention.js';
import { computeStats, type Stats } from '../core/stats.js';

/** What the statistics read from a collection (the Collection is one). */
export interface StatsSource {
  readonly store: { readonly progress: Progress; readAllRecords(): LogRecord[] };
  settings(): Settings;
  cards(scope: Scope): readonly Card[];
  queueInput(scope: Scope, now: number, today?: Today): QueueInput;
}

const keysOf = (src: StatsSource, scope: Scope) => src.cards(scope).map((c) => c.key);

/**
 * What the next study day holds for the scope. The summary, the Stats screen and `stats`
 * all ask this, so their "tomorrow" is one number.
 */
export function tomorrowOf(src: StatsSource, scope: Scope, now: number): Tomorrow {
  const { dayStartsAt } = src.settings();
  const start = nextDayStart(now, dayStartsAt);
  const fresh = counts(src.queueInput(scope, start, { newDone: 0, reviewsDone: 0 })).new;
  const today = studyDay(now, dayStartsAt);
  return tomorrow(keysOf(src, scope), src.store.progress, today, dayStartsAt, fresh);
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

export function statsOf(src: StatsSource, now: number, scope: Scope = ALL): Stats {
  const keys = keysOf(src, scope);
  const inScope = new Set(keys);
  return computeStats(src.store.progress, now, src.settings(), {
    keys,
    retention: retentionByDay(src.store.readAllRecords(), (key) => inScope.has(key)),
    newTomorrow: tomorrowOf(src, scope, now).new,
  });
}
