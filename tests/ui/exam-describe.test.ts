import { describe, expect, it } from 'vitest';
import { startExam } from '../../src/core/exam-state.js';
import type { ExamOptions } from '../../src/core/ports.js';
import { describeExam, droppedByResume } from '../../src/ui/screens/exam-describe.js';

const exam = startExam({
  id: 'e1',
  cards: [],
  minutes: 45,
  passPercent: 70,
  now: 0,
  scope: { decks: ['b', 'a'], tag: 'kvm', blueprint: 'LPIC-3 305' },
  predictedPercent: null,
});
const title = (id: string) => `Deck ${id.toUpperCase()}`;
const asked = (o: Partial<ExamOptions> = {}): ExamOptions => ({
  scope: { decks: ['a', 'b'], tag: 'kvm' },
  questions: 0,
  minutes: 45,
  passPercent: 70,
  blueprint: { name: 'LPIC-3 305', plan: {} as never },
  ...o,
});

describe('describeExam', () => {
  it('names size, time, decks, tag and blueprint', () => {
    expect(describeExam(exam, title)).toBe(
      '0 questions · 45 min · Deck B, Deck A · tag kvm · blueprint LPIC-3 305',
    );
  });
});

describe('droppedByResume', () => {
  it('is null for the same request, decks in any order', () => {
    expect(droppedByResume(exam, asked(), title)).toBeNull();
  });

  it('names what differs, and a request without a tag or blueprint', () => {
    expect(
      droppedByResume(exam, asked({ scope: { decks: null, tag: null }, blueprint: null }), title),
    ).toBe(
      'You asked for all decks · no tag · no blueprint: resuming keeps this exam as it was. d discards it and starts yours.',
    );
  });
});
