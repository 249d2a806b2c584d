// A study session as data: the card on screen, what has been answered, and the small modes
// a session can be in (card info open, leaving a typed card, a save that failed). The Ink
// screen renders this state and turns keys into intents; `study-flow.ts` applies them.
import type { Card, Grade, Memory } from './model.js';
import type { CardInfo } from './ports.js';
import type { Outcome } from './scheduler.js';
import { type CardAction, type CardSession, cardReducer } from './session.js';
import type { AnswerStat, SessionSummary } from './summary.js';

export interface Shown {
  s: CardSession;
  /** What each grade would schedule; null in a cram, where no grade schedules anything. */
  preview: Record<Grade, Outcome> | null;
  isNew: boolean;
  /** The card's memory when shown: answering refuses if it changed meanwhile. */
  memory: Memory | null;
}

export type StudyIntent =
  | CardAction
  | { type: 'grade'; grade: Grade }
  | { type: 'accept' }
  | { type: 'undo' }
  | { type: 'info' }
  | { type: 'bury' }
  | { type: 'suspend' }
  | { type: 'flag' }
  /** Esc on a typed card: asks before leaving it. */
  | { type: 'leave' }
  | { type: 'confirm' }
  | { type: 'cancel' }
  | { type: 'retry' }
  | { type: 'quit' }
  /** The deck file was edited and reloaded while this card was shown. */
  | { type: 'edited'; card: Card | null; notice: string };

/** Intents that write to the store, and so can fail and be retried. */
export type WriteIntent = Extract<
  StudyIntent,
  { type: 'grade' | 'accept' | 'undo' | 'bury' | 'suspend' | 'flag' }
>;

/**
 * A cram run (core/cram.ts): the keys still to show, the card on screen first, and what the
 * queue was before each answer, bury or suspend of the run, newest last, for `u`.
 */
export interface CramRun {
  queue: readonly string[];
  before: readonly { queue: readonly string[]; answered: boolean }[];
}

export interface StudyState {
  status: 'studying' | 'finished';
  current: Shown | null;
  answers: AnswerStat[];
  /** Reviews shown since the last new card, to spread new cards among them. */
  sinceNew: number;
  notice: string | null;
  info: CardInfo | null;
  /** Leaving a typed card was asked for and waits for a yes. */
  confirmLeave: boolean;
  /** A save failed: nothing was acknowledged; the learner may retry or quit. */
  failure: { message: string; intent: WriteIntent; lockLost: boolean } | null;
  /** Cards left with Esc this session: they stay due and come back next time. */
  skipped: readonly string[];
  startedAt: number;
  summary: SessionSummary | null;
  /** Set in a cram session: its queue replaces the day's. */
  cram: CramRun | null;
}

export function initialStudy(
  current: Shown | null,
  startedAt: number,
  cram: CramRun | null = null,
): StudyState {
  return {
    status: 'studying',
    current,
    answers: [],
    sinceNew: 0,
    notice: null,
    info: null,
    confirmLeave: false,
    failure: null,
    skipped: [],
    startedAt,
    summary: null,
    cram,
  };
}

const CARD_ACTIONS = new Set([
  'reveal',
  'move',
  'pick',
  'toggle',
  'submit',
  'type',
  'erase',
  'labDone',
]);

export function isCardAction(i: StudyIntent): i is CardAction {
  return CARD_ACTIONS.has(i.type);
}

/** The part of a session that needs nothing from outside: moving around one card. */
export function onCard(state: StudyState, action: CardAction): StudyState {
  if (!state.current) return state;
  const s = cardReducer(state.current.s, action);
  return s === state.current.s ? state : { ...state, current: { ...state.current, s } };
}

/** What the screen should offer right now, for key mapping and the footer. */
export type StudyMode = 'finished' | 'info' | 'failure' | 'confirmLeave' | 'question' | 'answer';

export function studyMode(state: StudyState): StudyMode {
  if (state.status === 'finished' || !state.current) return 'finished';
  if (state.info) return 'info';
  if (state.failure) return 'failure';
  if (state.confirmLeave) return 'confirmLeave';
  return state.current.s.phase;
}
