// Cram: an unscheduled pass over the cards of a scope, as Anki's filtered deck with
// "Reschedule cards based on my answers" off. Answers are logged as `cram` records
// (model.ts), which history and today's count see and the schedule never does. The run is
// an in-session queue: a stable order, and an Again card comes back a few cards later.
import { studyDay } from './clock.js';
import type { CardMarks, CramRecord, Grade } from './model.js';
import { isHidden } from './progress.js';
import { cramRecord } from './records.js';

/** Which cards of the scope a cram takes. */
export type CramPick = 'all' | 'flagged' | 'leeches';

/** The header's word for the mode: the learner must know nothing is rescheduled. */
export const CRAM_HEADER = 'Cram: schedule unchanged';

/** Shown where the grade bar has intervals in a normal session. */
export const CRAM_GRADES_NOTE = 'not rescheduled: Again comes back this session';

/** An Again card is shown again after this many other cards (sooner when fewer are left). */
export const AGAIN_AFTER = 3;

export function describePick(pick: CramPick): string {
  return pick === 'flagged' ? 'flagged cards' : pick === 'leeches' ? 'leeches' : 'every card';
}

/** FNV-1a: a stable 32-bit hash, so the same run always has the same order. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The keys of a cram run, in its order: shuffled by a hash of the key and the run's start,
 * so a run restarted (after `u` on the summary) keeps its order and resumes where it was.
 * Anki's filtered decks never pull suspended or buried cards, so `all` leaves them out;
 * flagged cards and leeches are picked by hand, as custom study picks them, and come even
 * when suspended (a leech is suspended by default). `done`: cards already answered in
 * this run and not taken back.
 */
export function cramOrder(
  keys: readonly string[],
  pick: CramPick,
  marks: (key: string) => CardMarks | undefined,
  since: number,
  dayStartsAt: number,
  done: ReadonlySet<string> = new Set(),
): string[] {
  const day = studyDay(since, dayStartsAt);
  const taken = keys.filter((key) => {
    if (done.has(key)) return false;
    const m = marks(key);
    if (pick === 'flagged') return m?.flagged === true;
    if (pick === 'leeches') return m?.leech === true;
    return !isHidden(m, day);
  });
  const rank = new Map(taken.map((k) => [k, hash(`${since}:${k}`)]));
  return taken.sort((a, b) => rank.get(a)! - rank.get(b)! || (a < b ? -1 : a > b ? 1 : 0));
}

/** The queue after answering its first card: Again puts it back `AGAIN_AFTER` cards on. */
export function afterAnswer(queue: readonly string[], again: boolean): string[] {
  const [head, ...rest] = queue;
  if (head === undefined || !again) return rest;
  const at = Math.min(AGAIN_AFTER, rest.length);
  return [...rest.slice(0, at), head, ...rest.slice(at)];
}

/** The record of one cram answer, written at `at`. */
export function cramAnswerRecord(
  input: { card: { key: string }; grade: Grade; tookMs: number; correct?: boolean },
  id: string,
  at: number,
  dayStartsAt: number,
): CramRecord {
  return cramRecord({
    id,
    key: input.card.key,
    at,
    rating: input.grade,
    tookMs: input.tookMs,
    ...(input.correct === undefined ? {} : { correct: input.correct }),
    day: studyDay(at, dayStartsAt),
  });
}
