// Series read from the answers in the log: today's work, the answer buttons by card age and
// the hourly breakdown (Anki's Today, Answer Buttons and Hourly Breakdown graphs).
import type { CramRecord, Grade, LogRecord, ReviewRecord } from '../model.js';

/** Anki's line between young and mature cards: an interval of 21 days or more. */
export const MATURE_DAYS = 21;

/** One answer as these series see it: study, exam or cram, not taken back. */
export interface Answer {
  key: string;
  at: number;
  day: number;
  rating: Grade;
  tookMs: number;
  /** The trainer's verdict (multiple choice, typed); absent when self-graded. */
  correct?: boolean;
  /** Phase and interval before the answer; null for a card seen for the first time. */
  phase: 'new' | 'learning' | 'review' | 'relearning' | null;
  interval: number;
  /** Study, a fed exam answer: it changed the schedule. Cram and unfed exam answers did not. */
  scheduled: boolean;
  /**
   * Counted among the day's answers, as the fold counts them (progress.ts DayCount): every
   * answer but an exam answer that did not feed the schedule, which is a measurement only.
   */
  counted: boolean;
  /**
   * The card as a small number (its place in the answer table's keys), where known: per-card
   * bookkeeping over a million answers then indexes an array instead of hashing keys.
   */
  card?: number;
}

/** One answer record as these series see it. */
export function answerOf(rec: ReviewRecord | CramRecord): Answer {
  const review = rec.type === 'review' ? rec : null;
  return {
    key: rec.key,
    at: rec.at,
    day: rec.day,
    rating: rec.rating,
    tookMs: rec.tookMs,
    ...(rec.correct === undefined ? {} : { correct: rec.correct }),
    phase: review ? (review.before?.phase ?? null) : null,
    interval: review?.before?.scheduledDays ?? 0,
    scheduled: !!review && (review.mode === 'study' || review.fed !== false),
    counted: review?.fed !== false,
  };
}

/** The answers of the log, in its order, without the ones taken back (`u`). */
export function answersOf(
  records: readonly LogRecord[],
  inScope: (key: string) => boolean = () => true,
): Answer[] {
  const undone = new Set<string>();
  for (const rec of records)
    if (rec.type === 'undo') undone.add(rec.review.id);
    else if (rec.type === 'cram-undo') undone.add(rec.cram.id);
  const out: Answer[] = [];
  for (const rec of records) {
    if ((rec.type !== 'review' && rec.type !== 'cram') || undone.has(rec.id)) continue;
    if (inScope(rec.key)) out.push(answerOf(rec));
  }
  return out;
}

/** Right: the trainer said so, or (self-graded) anything but Again. */
const isRight = (a: Answer) => a.correct ?? a.rating > 1;

export interface KindShare {
  kind: string;
  answers: number;
  correct: number;
  /** correct / answers, to 3 decimals. */
  share: number;
}

export interface TodayStats {
  /** Answers given today (study, exam answers that fed the schedule, cram). */
  answers: number;
  /** Distinct cards answered today. */
  cards: number;
  ms: number;
  again: number;
  /** Share right by card kind (basic, mcq, cloze, typed, terms), kinds answered today only. */
  byKind: KindShare[];
}

/** One series built answer by answer, so several can share one pass over a million. */
export interface Acc<T> {
  add(a: Answer): void;
  done(): T;
}

function run<T>(answers: Iterable<Answer>, acc: Acc<T>): T {
  for (const a of answers) acc.add(a);
  return acc.done();
}

function todayAcc(today: number, kindOf: (key: string) => string): Acc<TodayStats> {
  const cards = new Set<string>();
  const kinds = new Map<string, { answers: number; correct: number }>();
  let n = 0;
  let ms = 0;
  let again = 0;
  return {
    add(a) {
      if (a.day !== today || !a.counted) return;
      n++;
      ms += a.tookMs;
      if (a.rating === 1) again++;
      cards.add(a.key);
      const kind = kindOf(a.key);
      const k = kinds.get(kind) ?? { answers: 0, correct: 0 };
      k.answers++;
      if (isRight(a)) k.correct++;
      kinds.set(kind, k);
    },
    done() {
      const byKind = [...kinds]
        .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
        .map(([kind, k]) => ({
          kind,
          ...k,
          share: Math.round((1000 * k.correct) / k.answers) / 1000,
        }));
      return { answers: n, cards: cards.size, ms, again, byKind };
    },
  };
}

export function todayStats(
  answers: Iterable<Answer>,
  today: number,
  kindOf: (key: string) => string,
): TodayStats {
  return run(answers, todayAcc(today, kindOf));
}

function perDayAcc(): Acc<Map<number, number>> {
  const out = new Map<number, number>();
  return {
    add: (a) => {
      if (a.counted) out.set(a.day, (out.get(a.day) ?? 0) + 1);
    },
    done: () => out,
  };
}

/** Answers per study day, as the day's count has them (the calendar's cells). */
export function answersPerDay(answers: Iterable<Answer>): Map<number, number> {
  return run(answers, perDayAcc());
}

/** Answers per grade (index 0 = Again ... 3 = Easy). */
export type GradeCounts = [number, number, number, number];

export interface ButtonCounts {
  /** New cards and cards on (re)learning steps. */
  learning: GradeCounts;
  /** Review cards with an interval under 21 days. */
  young: GradeCounts;
  mature: GradeCounts;
}

/**
 * Answer buttons by card age over the `days` study days ending today, as Anki's graph:
 * answers that fed the schedule only (a cram or unfed exam answer moves no card).
 */
function buttonsAcc(today: number, days: number): Acc<ButtonCounts> {
  const out: ButtonCounts = { learning: [0, 0, 0, 0], young: [0, 0, 0, 0], mature: [0, 0, 0, 0] };
  return {
    add(a) {
      if (!a.scheduled || a.day > today || a.day <= today - days) return;
      const age =
        a.phase !== 'review' ? out.learning : a.interval >= MATURE_DAYS ? out.mature : out.young;
      age[a.rating - 1] = (age[a.rating - 1] ?? 0) + 1;
    },
    done: () => out,
  };
}

export function answerButtons(
  answers: Iterable<Answer>,
  today: number,
  days: number,
): ButtonCounts {
  return run(answers, buttonsAcc(today, days));
}

export interface HourCount {
  hour: number;
  answers: number;
  /** Of those, graded Hard or better. */
  passed: number;
  /** passed / answers to 3 decimals; null without answers. */
  rate: number | null;
}

/**
 * Answers and the share passed by local hour of day, over the `days` study days ending
 * today: review-phase answers that fed the schedule, as Anki's Hourly Breakdown.
 */
function hourlyAcc(today: number, days: number): Acc<HourCount[]> {
  const out = Array.from({ length: 24 }, (_, hour) => ({ hour, answers: 0, passed: 0 }));
  // The local hour, with the zone's offset read once per quarter hour (offsets change only
  // on quarter hours): a calendar lookup per answer costs seconds at a million. Kept for
  // every quarter seen, as answers come in time order per card, not across cards: the
  // quarters of the days counted in an array (a day starts within a day of midnight UTC),
  // any other in a map.
  const first = (today - days) * 96;
  const near = new Float64Array((days + 3) * 96).fill(Number.NaN);
  const far = new Map<number, number>();
  const offsetAt = (at: number, q: number): number => {
    const i = q - first;
    const inside = i >= 0 && i < near.length;
    const known = inside ? near[i]! : far.get(q);
    if (known !== undefined && !Number.isNaN(known)) return known;
    const offset = new Date(at).getTimezoneOffset() * 60_000;
    if (inside) near[i] = offset;
    else far.set(q, offset);
    return offset;
  };
  return {
    add(a) {
      if (!a.scheduled || a.phase !== 'review' || a.day > today || a.day <= today - days) return;
      const offset = offsetAt(a.at, Math.floor(a.at / 900_000));
      const local = (((a.at - offset) % 86_400_000) + 86_400_000) % 86_400_000;
      const h = Math.floor(local / 3_600_000);
      out[h]!.answers++;
      if (a.rating > 1) out[h]!.passed++;
    },
    done: () =>
      out.map((h) => ({
        ...h,
        rate: h.answers ? Math.round((1000 * h.passed) / h.answers) / 1000 : null,
      })),
  };
}

/**
 * Answers and the share passed by local hour of day, over the `days` study days ending
 * today: review-phase answers that fed the schedule, as Anki's Hourly Breakdown.
 */
export function hourly(answers: Iterable<Answer>, today: number, days: number): HourCount[] {
  return run(answers, hourlyAcc(today, days));
}

export interface AnswerSeries {
  perDay: Map<number, number>;
  today: TodayStats;
  buttons: { month: ButtonCounts; year: ButtonCounts };
  hours: { month: HourCount[]; year: HourCount[] };
}

/** Every series above in one pass over the answers (each is what its own function gives). */
export function answerSeries(
  answers: Iterable<Answer>,
  today: number,
  kindOf: (key: string) => string,
  /** More series fed in the same pass; the caller reads them with their own `done`. */
  extra: readonly Acc<unknown>[] = [],
): AnswerSeries {
  const accs = [
    perDayAcc(),
    todayAcc(today, kindOf),
    buttonsAcc(today, 30),
    buttonsAcc(today, 365),
    hourlyAcc(today, 30),
    hourlyAcc(today, 365),
  ] as const;
  const all = [...accs, ...extra];
  for (const a of answers) for (const acc of all) acc.add(a);
  return {
    perDay: accs[0].done(),
    today: accs[1].done(),
    buttons: { month: accs[2].done(), year: accs[3].done() },
    hours: { month: accs[4].done(), year: accs[5].done() },
  };
}
