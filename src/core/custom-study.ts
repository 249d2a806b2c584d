// Custom study, as Anki offers it once the day's limits are reached: more new cards today,
// reviews ahead, or a filtered session (the flagged cards, the leeches, every card of a tag,
// a list of cards such as the Stats screen's hardest).
// Each is the ordinary queue over a changed view of the scope, so learning steps, sibling
// burying and the serving order stay those of a normal session, and answers schedule
// cards as usual (Anki's filtered decks reschedule by default too). The one exception is
// cram, which never reschedules and has its own queue (core/cram.ts).
import { dayStart, studyDay } from './clock.js';
import { type CramPick, describePick } from './cram.js';
import type { DeckLimits } from './deck-limits.js';
import type { CardMarks, Memory } from './model.js';
import type { QueueInput } from './queue.js';

export type CustomStudy =
  /** Raise today's new limit for this session's scope by `count`. */
  | { kind: 'more-new'; count: number }
  /** Reviews due in the next `days` study days, shown now; no new cards. */
  | { kind: 'ahead'; days: number }
  /** Every flagged card of the scope, due or not, suspended or not. */
  | { kind: 'flagged' }
  /** Every leech of the scope (a leech is suspended by default), due or not. */
  | { kind: 'leeches' }
  /** Every card of the scope (with its tag, if any), due or not. */
  | { kind: 'all' }
  /**
   * These cards of the scope, due or not (the Stats screen's hardest cards); `label` names
   * the session. Answers schedule them as usual, unlike a cram.
   */
  | { kind: 'cards'; keys: readonly string[]; label: string }
  /**
   * An unscheduled cram of the scope's cards, begun at `since` (its order and resume
   * point): answers change no schedule. Runs on its own queue (core/cram.ts).
   */
  | { kind: 'cram'; pick: CramPick; since: number };

export const MAX_COUNT = 9999;

/** One line naming a custom session, for the study screen's title and the CLI. */
export function describeCustom(c: CustomStudy): string {
  switch (c.kind) {
    case 'more-new':
      return `${c.count} more new`;
    case 'ahead':
      return `reviews ahead ${c.days} day${c.days === 1 ? '' : 's'}`;
    case 'flagged':
      return 'flagged cards';
    case 'leeches':
      return 'leeches';
    case 'all':
      return 'every card, due or not';
    case 'cards':
      return c.label;
    case 'cram':
      // The study screen puts CRAM_HEADER first, where 40 columns keep it whole.
      return describePick(c.pick);
  }
}

const UNLIMITED = { newPerDay: MAX_COUNT, reviewsPerDay: 99999 };

/**
 * The queue input of a custom session over `input`'s scope. A card answered since the
 * study day began is not brought forward again, so each card is shown once (plus its
 * learning steps).
 */
export function customInput(
  input: QueueInput,
  custom: CustomStudy,
  marks: (key: string) => CardMarks | undefined,
): QueueInput {
  // A cram never takes cards from the queue: the day's queue stays what it is (for the
  // summary's next-due and tomorrow figures).
  if (custom.kind === 'cram') return input;
  const { settings, now } = input;
  const today = studyDay(now, settings.dayStartsAt);
  const todayStart = dayStart(today, settings.dayStartsAt);
  const fresh = (m: Memory | undefined) => m?.lastReview == null || m.lastReview < todayStart;
  // A review shown now: due at once, so the ordinary queue serves it.
  const bring = (m: Memory): Memory => (m.due > now ? { ...m, due: now } : m);
  if (custom.kind === 'more-new') {
    const raise = (limits: DeckLimits): DeckLimits =>
      limits.newPerDay === undefined
        ? limits
        : { ...limits, newPerDay: limits.newPerDay + custom.count };
    const deckLimits = Object.fromEntries(
      Object.entries(settings.deckLimits).map(([d, l]) => [d, raise(l)]),
    );
    return {
      ...input,
      settings: { ...settings, newPerDay: settings.newPerDay + custom.count, deckLimits },
    };
  }
  if (custom.kind === 'ahead') {
    const horizon = dayStart(today + 1 + custom.days, settings.dayStartsAt);
    return {
      ...input,
      settings: { ...settings, ...UNLIMITED, newPerDay: 0, deckLimits: {} },
      memory: (key) => {
        const m = input.memory(key);
        return m?.phase === 'review' && m.due < horizon && fresh(m) ? bring(m) : m;
      },
    };
  }
  const chosen = custom.kind === 'cards' ? new Set(custom.keys) : null;
  const pick = (key: string): boolean =>
    custom.kind === 'all' ||
    (chosen
      ? chosen.has(key)
      : custom.kind === 'flagged'
        ? marks(key)?.flagged === true
        : marks(key)?.leech === true);
  return {
    ...input,
    cards: input.cards.filter((c) => pick(c.key)),
    settings: { ...settings, ...UNLIMITED, deckLimits: {} },
    // Picked by hand: shown even when suspended (as leeches are) or buried.
    hidden: custom.kind === 'all' ? input.hidden : undefined,
    memory: (key) => {
      const m = input.memory(key);
      return m && m.phase === 'review' && fresh(m) ? bring(m) : m;
    },
  };
}

/** A count typed at the summary's prompt or given on the command line: 1 to 9999. */
export function parseCount(raw: string): number | null {
  if (!/^\d+$/.test(raw.trim())) return null;
  const n = Number(raw);
  return n >= 1 && n <= MAX_COUNT ? n : null;
}
