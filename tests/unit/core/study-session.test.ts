// The study session as data: the state a session starts in, which intents belong to the
// card on screen, and which mode (and so which keys) the screen offers.
import { describe, expect, it } from 'vitest';
import { deckCards } from '../../../src/core/cards.js';
import type { Card } from '../../../src/core/model.js';
import type { CardInfo } from '../../../src/core/ports.js';
import { startCard } from '../../../src/core/session.js';
import {
  initialStudy,
  isCardAction,
  onCard,
  type Shown,
  type StudyIntent,
  type StudyState,
  studyMode,
} from '../../../src/core/study-session.js';
import { basic, deckOf } from '../helpers.js';
import { typed } from './exam-fixtures.js';

const T0 = Date.parse('2026-03-02T10:00:00Z');
const [flash, typedCard] = deckCards(deckOf('d', [basic('f'), typed('t')])) as [Card, Card];

function shown(card: Card): Shown {
  return {
    s: startCard(card, T0, 'x'),
    preview: {} as Shown['preview'],
    isNew: true,
    memory: null,
  };
}

const INFO: CardInfo = {
  key: 'd/f',
  phase: 'new',
  due: null,
  stability: 0,
  difficulty: 0,
  retrievability: 0,
  reps: 0,
  lapses: 0,
  marks: {},
  history: [],
};

describe('initialStudy', () => {
  it('starts studying with nothing answered, no notice and no mode open', () => {
    const current = shown(flash);
    expect(initialStudy(current, T0)).toEqual({
      status: 'studying',
      current,
      answers: [],
      sinceNew: 0,
      notice: null,
      info: null,
      confirmLeave: false,
      failure: null,
      skipped: [],
      startedAt: T0,
      summary: null,
      cram: null,
    });
  });
});

describe('isCardAction', () => {
  it.each(['reveal', 'move', 'pick', 'toggle', 'submit', 'type', 'erase'])(
    '%s belongs to the card on screen',
    (type) => {
      expect(isCardAction({ type } as StudyIntent)).toBe(true);
    },
  );

  it.each([
    'grade',
    'accept',
    'undo',
    'info',
    'bury',
    'suspend',
    'flag',
    'leave',
    'confirm',
    'cancel',
    'retry',
    'quit',
    'edited',
  ])('%s does not', (type) => {
    expect(isCardAction({ type } as StudyIntent)).toBe(false);
  });
});

describe('onCard', () => {
  it('applies the action to the card on screen and keeps the rest of the session', () => {
    const state: StudyState = { ...initialStudy(shown(typedCard), T0), notice: 'Undone.' };
    const next = onCard(state, { type: 'type', text: 'virsh' });
    expect(next).toEqual({
      ...state,
      current: { ...state.current!, s: { ...state.current!.s, input: 'virsh' } },
    });
  });

  it('an action that changes nothing returns the same state', () => {
    const state = initialStudy(shown(flash), T0);
    expect(onCard(state, { type: 'type', text: 'x' })).toBe(state);
    expect(onCard(state, { type: 'move', delta: 1 })).toBe(state);
  });

  it('without a card on screen nothing happens', () => {
    const state = initialStudy(null, T0);
    expect(onCard(state, { type: 'reveal' })).toBe(state);
  });
});

describe('studyMode', () => {
  const base = () => initialStudy(shown(flash), T0);
  const failure = { message: 'disk full', intent: { type: 'accept' } as const, lockLost: false };

  it('follows the card: question, then answer', () => {
    expect(studyMode(base())).toBe('question');
    expect(studyMode(onCard(base(), { type: 'reveal' }))).toBe('answer');
  });

  it('a finished session, or one without a card, is finished whatever else is open', () => {
    expect(studyMode({ ...base(), status: 'finished', info: INFO })).toBe('finished');
    expect(studyMode({ ...base(), current: null, failure })).toBe('finished');
  });

  it('card info comes first, then a failed save, then the question about leaving', () => {
    expect(studyMode({ ...base(), info: INFO, failure, confirmLeave: true })).toBe('info');
    expect(studyMode({ ...base(), failure, confirmLeave: true })).toBe('failure');
    expect(studyMode({ ...base(), confirmLeave: true })).toBe('confirmLeave');
  });
});
