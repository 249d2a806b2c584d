// `export --apkg`: the chosen decks, their schedules and their history as an Anki package.
import { dayStart, studyDay } from '../../core/clock.js';
import type { CardMarks, Deck, LogRecord, Memory } from '../../core/model.js';
import { stepSeconds } from '../../core/scheduling/steps.js';
import type { Settings } from '../../core/settings.js';
import { historyByCard } from '../../decks/anki-export/answers.js';
import type { ExportSettings } from '../../decks/anki-export/collection-json.js';
import { buildApkg, type PackageResult } from '../../decks/anki-export/package.js';

export interface ApkgSource {
  decks: readonly Deck[];
  settings: Settings;
  cards: Readonly<Record<string, Memory>>;
  marks: Readonly<Record<string, CardMarks>>;
  records: readonly LogRecord[];
}

const minutes = (steps: readonly string[]): number[] =>
  steps.map((s) => (stepSeconds(s) ?? 60) / 60);

export function exportSettings(s: Settings): ExportSettings {
  return {
    desiredRetention: s.desiredRetention,
    maxInterval: s.maxInterval,
    learningMinutes: minutes(s.learningSteps),
    relearningMinutes: minutes(s.relearningSteps),
    newPerDay: s.newPerDay,
    reviewsPerDay: s.reviewsPerDay,
    leechThreshold: s.leechThreshold,
    leechAction: s.leechAction,
    burySiblings: s.burySiblings,
    dayStartsAt: s.dayStartsAt,
    weights: s.weights,
  };
}

export async function exportApkg(src: ApkgSource, now: number): Promise<PackageResult> {
  const hour = src.settings.dayStartsAt;
  const dayOf = (ms: number) => studyDay(ms, hour);
  const today = dayOf(now);
  // Review due dates are day numbers from crt: the collection starts on the first study day
  // of the history (or today), so no day number is negative.
  let crtDay = today;
  for (const r of src.records)
    if ((r.type === 'review' || r.type === 'cram' || r.type === 'mark') && r.day < crtDay)
      crtDay = r.day;
  return buildApkg({
    decks: src.decks,
    memory: (key) => src.cards[key] ?? null,
    marks: (key) => src.marks[key],
    history: historyByCard(src.records),
    clock: { dayOf, today, crtDay, crtSec: Math.floor(dayStart(crtDay, hour) / 1000) },
    settings: exportSettings(src.settings),
    now,
  });
}
