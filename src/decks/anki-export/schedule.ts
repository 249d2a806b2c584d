// A hyperrecall card's schedule and history as Anki's cards and revlog columns (schema 11).
// cards: type 0 new / 1 learning / 2 review / 3 relearning; queue -3 buried by the user,
// -1 suspended, 0 new, 1 learning due today (due in epoch seconds), 2 review (due as the
// day number counted from the collection's crt), 3 learning due on a later day (day number).
// revlog: ease 1-4; ivl and lastIvl in days, negative seconds for a learning step; type
// 0 learn, 1 review, 2 relearn, 3 filtered (cram: rescheduling off, so factor 0 as Anki
// writes it and its FSRS leaves it out), 4 manual (a reset: ease 0).
import type { CardMarks, Memory, ReviewRecord } from '../../core/model.js';
import type { HistoryEntry } from './answers.js';

export interface DayClock {
  /** Study day number (days since 1970) of an instant, by the learner's rollover hour. */
  dayOf(ms: number): number;
  /** Study day of the collection's `crt`: day numbers in the package count from it. */
  crtDay: number;
  /** Today's study day. */
  today: number;
}

export interface AnkiCardSchedule {
  type: number;
  queue: number;
  due: number;
  ivl: number;
  factor: number;
  reps: number;
  lapses: number;
  left: number;
  flags: number;
  /** Anki's card data JSON: the FSRS memory (s, d, dr, lrt), or '' for a new card. */
  data: string;
}

const TYPE: Record<Memory['phase'], number> = { new: 0, learning: 1, review: 2, relearning: 3 };
const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

export function cardSchedule(
  memory: Memory | null,
  marks: CardMarks | undefined,
  ctx: {
    clock: DayClock;
    position: number;
    steps: { learn: number; relearn: number };
    desiredRetention: number;
  },
): AnkiCardSchedule {
  const m = memory && memory.phase !== 'new' ? memory : null;
  const flags = marks?.flagged ? 1 : 0;
  let out: AnkiCardSchedule;
  if (!m) {
    out = {
      type: 0,
      queue: 0,
      due: ctx.position,
      ivl: 0,
      factor: 0,
      reps: 0,
      lapses: 0,
      left: 0,
      flags,
      data: '',
    };
  } else {
    const { clock } = ctx;
    const type = TYPE[m.phase];
    const dueDay = clock.dayOf(m.due) - clock.crtDay;
    const common = {
      type,
      ivl: Math.max(1, Math.round(m.scheduledDays)),
      factor: 2500,
      reps: m.reps,
      lapses: m.lapses,
      flags,
    };
    if (m.phase === 'review') out = { ...common, queue: 2, due: dueDay, left: 0, data: '' };
    else {
      const steps = m.phase === 'learning' ? ctx.steps.learn : ctx.steps.relearn;
      const left = Math.max(1, steps - m.learningSteps);
      // A step that ends on a later study day waits in Anki's day-learning queue.
      const later = clock.dayOf(m.due) > clock.today;
      out = later
        ? { ...common, queue: 3, due: dueDay, left, data: '' }
        : { ...common, queue: 1, due: Math.floor(m.due / 1000), left, data: '' };
      if (m.phase === 'learning') out.ivl = 0;
    }
    out.data = JSON.stringify({
      s: round4(m.stability),
      d: round4(m.difficulty),
      dr: ctx.desiredRetention,
      ...(m.lastReview === null ? {} : { lrt: Math.floor(m.lastReview / 1000) }),
    });
  }
  if (marks?.suspended) out.queue = -1;
  else if (marks?.buriedDay !== undefined && marks.buriedDay >= ctx.clock.today) out.queue = -3;
  return out;
}

export interface RevlogRow {
  id: number;
  ease: number;
  ivl: number;
  lastIvl: number;
  factor: number;
  time: number;
  type: number;
}

const MAX_I32 = 2_147_483_647;

/** Interval of a memory as the revlog writes it: days, or minus the seconds of a step. */
function interval(m: Memory | null, at: number): number {
  if (!m || m.phase === 'new') return 0;
  if (m.phase === 'review') return Math.max(1, Math.round(m.scheduledDays));
  const from = m.lastReview ?? at;
  return Math.min(-1, -Math.round((m.due - from) / 1000));
}

function answerRow(r: ReviewRecord): RevlogRow {
  const phase = r.before?.phase ?? 'new';
  return {
    id: r.at,
    ease: r.rating,
    ivl: interval(r.after, r.at),
    lastIvl: interval(r.before, r.at),
    factor: 2500,
    time: Math.min(MAX_I32, Math.max(0, Math.round(r.tookMs))),
    type: phase === 'review' ? 1 : phase === 'relearning' ? 2 : 0,
  };
}

/** One card's revlog rows in time order; ids are times in ms, made unique by `taken`. */
export function revlogRows(entries: readonly HistoryEntry[], taken: Set<number>): RevlogRow[] {
  const rows: RevlogRow[] = [];
  for (const e of entries) {
    let row: RevlogRow;
    if (e.kind === 'answer') row = answerRow(e.rec);
    else if (e.kind === 'unscheduled')
      row = {
        id: e.rec.at,
        ease: e.rec.rating,
        ivl: 0,
        lastIvl: 0,
        factor: 0,
        time: Math.min(MAX_I32, e.rec.tookMs),
        type: 3,
      };
    else row = { id: e.rec.at, ease: 0, ivl: 0, lastIvl: 0, factor: 0, time: 0, type: 4 };
    while (taken.has(row.id)) row.id++;
    taken.add(row.id);
    rows.push(row);
  }
  return rows;
}
