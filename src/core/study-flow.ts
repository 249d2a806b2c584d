// How a study session moves: each intent from the screen becomes the next session state,
// asking the study port for cards and to save answers. Deterministic given the port and the
// time, so the whole flow is tested without a terminal.
import { afterAnswer } from './cram.js';
import { leechNotice } from './leech.js';
import type { Card, Grade } from './model.js';
import type { Scope, StudyPort } from './ports.js';
import { defaultGrade, startCard } from './session.js';
import {
  initialStudy,
  isCardAction,
  onCard,
  type Shown,
  type StudyIntent,
  type StudyState,
  studyMode,
  type WriteIntent,
} from './study-session.js';
import { summarize } from './summary.js';

const STALE_UNDO =
  'This card was answered again since (an exam or another device): nothing undone.';

export interface StudyEnv {
  port: StudyPort;
  scope: Scope;
  now: number;
}

export function showCard(port: StudyPort, card: Card, now: number): Shown {
  return {
    s: startCard(card, now, String(now)),
    preview: port.preview(card, now),
    isNew: port.phase(card.key) === 'new',
    memory: port.memory(card.key),
  };
}

/** A card of a cram run: no intervals to preview, never "new" (cram introduces nothing). */
function showCram(port: StudyPort, card: Card, now: number): Shown {
  return {
    s: startCard(card, now, String(now)),
    preview: null,
    isNew: false,
    memory: port.memory(card.key),
  };
}

/** The cram run's first card still in the decks on screen, or the session's end. */
function showHead(state: StudyState, env: StudyEnv): StudyState {
  const run = state.cram!;
  let queue = run.queue;
  for (;;) {
    const key = queue[0];
    if (key === undefined) return finish({ ...state, current: null, cram: { ...run, queue } }, env);
    const card = env.port.card(key);
    if (card)
      return { ...state, current: showCram(env.port, card, env.now), cram: { ...run, queue } };
    // Gone from the decks since the run began (an edit): nothing to show.
    queue = queue.slice(1);
  }
}

/** The cram run without its card on screen (answered, buried, left), remembered for `u`. */
function cramNext(state: StudyState, queue: readonly string[], answered: boolean): StudyState {
  const run = state.cram!;
  return { ...state, cram: { queue, before: [...run.before, { queue: run.queue, answered }] } };
}

export function startStudy(env: StudyEnv): StudyState {
  if (env.scope.custom?.kind === 'cram') {
    const queue = (env.port.cramDeck?.(env.scope, env.now) ?? []).map((c) => c.key);
    return showHead(initialStudy(null, env.now, { queue, before: [] }), env);
  }
  const card = env.port.next(env.scope, env.now, 0, new Set());
  const state = initialStudy(card ? showCard(env.port, card, env.now) : null, env.now);
  return card ? state : finish(state, env);
}

function finish(state: StudyState, env: StudyEnv): StudyState {
  const { port, scope, now } = env;
  const summary = summarize(
    state.answers,
    state.startedAt,
    now,
    port.nextDue(scope, now),
    port.dayEnd(scope, now),
  );
  return { ...state, status: 'finished', info: null, confirmLeave: false, summary };
}

function advance(state: StudyState, env: StudyEnv): StudyState {
  if (state.cram) return showHead(state, env);
  const next = env.port.next(env.scope, env.now, state.sinceNew, new Set(state.skipped));
  if (!next) return finish({ ...state, current: null }, env);
  return { ...state, current: showCard(env.port, next, env.now) };
}

/** A cram answer: logged, never scheduled; Again brings the card back later this run. */
function cramAnswer(
  state: StudyState,
  grade: Grade,
  env: StudyEnv,
  failed: (r: { error: string; lockLost: boolean }) => StudyState,
): StudyState {
  const { port, now } = env;
  const cur = state.current!;
  const tookMs = now - cur.s.shownAt;
  if (!port.cramAnswer) return failed({ error: 'This session cannot cram.', lockLost: true });
  const r = port.cramAnswer({
    card: cur.s.card,
    grade,
    now,
    tookMs,
    shown: cur.memory,
    ...(cur.s.result ? { correct: cur.s.result.correct } : {}),
  });
  if (!r.ok) return failed(r);
  const answers = [...state.answers, { grade, tookMs, isNew: false }];
  const next = cramNext(state, afterAnswer(state.cram!.queue, grade === 1), true);
  return advance({ ...next, answers, notice: null }, env);
}

/** Intents that save something; a failed save leaves the session where it was. */
function write(state: StudyState, intent: WriteIntent, env: StudyEnv): StudyState {
  const { port, now } = env;
  const cur = state.current!;
  const card = cur.s.card;
  const failed = (r: { error: string; lockLost: boolean }): StudyState => ({
    ...state,
    failure: { message: r.error, intent, lockLost: r.lockLost },
  });
  switch (intent.type) {
    case 'grade':
    case 'accept': {
      if (cur.s.phase !== 'answer') return state;
      const grade = intent.type === 'grade' ? intent.grade : defaultGrade(cur.s);
      if (state.cram) return cramAnswer(state, grade, env, failed);
      const r = port.answer({
        card,
        grade,
        now,
        tookMs: now - cur.s.shownAt,
        shown: cur.memory,
        ...(cur.s.result ? { correct: cur.s.result.correct } : {}),
      });
      if (!r.ok) return failed(r);
      if (r.value.modified)
        return {
          ...state,
          current: showCard(port, card, now),
          notice: 'This card changed since it was shown; here it is again as it is now.',
        };
      const answers = [...state.answers, { grade, tookMs: now - cur.s.shownAt, isNew: cur.isNew }];
      const { leech } = r.value;
      return advance(
        {
          ...state,
          answers,
          sinceNew: cur.isNew ? 0 : state.sinceNew + 1,
          notice: leech ? leechNotice(card, leech.lapses, leech.action) : null,
        },
        env,
      );
    }
    case 'undo': {
      // A cram takes back only its own answers, never one from before the run began.
      if (state.cram && state.cram.before.length === 0)
        return { ...state, notice: 'Nothing to undo.' };
      const r = port.undo(now);
      if (!r.ok) return failed(r);
      if (r.value.kind === 'none') return { ...state, notice: 'Nothing to undo.' };
      if (r.value.kind === 'stale') return { ...state, notice: STALE_UNDO };
      const back = r.value.card;
      const last = state.cram?.before.at(-1);
      const cram =
        state.cram && last ? { queue: last.queue, before: state.cram.before.slice(0, -1) } : null;
      return {
        ...state,
        cram,
        answers: !last || last.answered ? state.answers.slice(0, -1) : state.answers,
        skipped: state.skipped.filter((k) => k !== back.key),
        notice: 'Undone.',
        current: cram ? showCram(port, back, now) : showCard(port, back, now),
      };
    }
    case 'bury':
    case 'suspend': {
      const r = intent.type === 'bury' ? port.bury(card, now) : port.suspend(card, now);
      if (!r.ok) return failed(r);
      const notice =
        intent.type === 'bury' ? 'Buried until tomorrow (u to undo).' : 'Suspended (u to undo).';
      const next = state.cram ? cramNext(state, state.cram.queue.slice(1), false) : state;
      return advance({ ...next, notice }, env);
    }
    case 'flag': {
      const r = port.toggleFlag(card, now);
      if (!r.ok) return failed(r);
      return { ...state, notice: r.value ? 'Flagged.' : 'Flag removed.' };
    }
    default: {
      const never: never = intent;
      return never;
    }
  }
}

export function studyStep(state: StudyState, intent: StudyIntent, env: StudyEnv): StudyState {
  const mode = studyMode(state);
  switch (mode) {
    case 'finished':
      // A finished session takes no more keys, even those typed ahead in the same burst.
      return state;
    case 'info':
      return { ...state, info: null };
    case 'failure': {
      const f = state.failure!;
      if (intent.type === 'quit') return finish({ ...state, failure: null }, env);
      if (intent.type === 'retry' && !f.lockLost)
        return write({ ...state, failure: null }, f.intent, env);
      return state;
    }
    case 'confirmLeave':
      if (intent.type === 'confirm') {
        const key = state.current!.s.card.key;
        const left = state.cram
          ? { ...state, cram: { ...state.cram, queue: state.cram.queue.slice(1) } }
          : state;
        return advance(
          {
            ...left,
            confirmLeave: false,
            skipped: [...state.skipped, key],
            notice: 'Card left for now; it stays due.',
          },
          env,
        );
      }
      if (intent.type === 'cancel' || intent.type === 'leave')
        return { ...state, confirmLeave: false };
      return state;
    default:
      break;
  }
  if (isCardAction(intent)) return onCard(state, intent);
  const cur = state.current!;
  switch (intent.type) {
    case 'grade':
    case 'accept':
    case 'undo':
    case 'bury':
    case 'suspend':
    case 'flag':
      return write(state, intent, env);
    case 'info':
      return { ...state, info: env.port.info(cur.s.card, env.now) };
    case 'leave':
      return (cur.s.card.face.kind === 'typed' || cur.s.card.face.kind === 'lab') &&
        cur.s.phase === 'question'
        ? { ...state, confirmLeave: true }
        : state;
    case 'quit':
      return finish(state, env);
    case 'edited':
      if (!intent.card) return advance({ ...state, notice: intent.notice }, env);
      // showHead skips a card that is gone: the cram queue needs no change.
      return {
        ...state,
        notice: intent.notice,
        current: { ...cur, s: { ...cur.s, card: intent.card } },
      };
    case 'confirm':
    case 'cancel':
    case 'retry':
      return state;
    default: {
      const never: never = intent;
      return never;
    }
  }
}
