// Submitting an exam with lab questions: each lab answer is run (as the study screen runs
// one) before the exam is scored, one by one, with the progress on screen. Without lab
// questions the exam is scored at once, as before.
import { useContext, useRef, useState } from 'react';
import type { ExamResult, ExamState } from '../../core/exam.js';
import type { LabVerdicts } from '../../core/exam-score.js';
import type { Card } from '../../core/model.js';
import type { ExamPort } from '../../core/ports.js';
import { LabContext, runLabCard } from '../labs/LabContext.js';

export interface LabQuestion {
  index: number;
  card: Card;
  line: string;
}

/** The lab questions given an answer, in exam order. */
export function answeredLabs(s: ExamState, cardOf: (key: string) => Card | null): LabQuestion[] {
  return s.keys.flatMap((key, index) => {
    const card = cardOf(key);
    const line = s.answers[index];
    return card?.face.kind === 'lab' && typeof line === 'string' && line.trim() !== ''
      ? [{ index, card, line }]
      : [];
  });
}

/** Scores a submitted exam once (running its lab answers first); `progress` says how far. */
export function useExamFinish(
  exams: ExamPort,
  now: () => number,
  onFinished: (result: ExamResult) => void,
  onProblem: (message: string) => void,
) {
  const labs = useContext(LabContext);
  const [progress, setProgress] = useState<string | null>(null);
  const finished = useRef(false);
  const onFinishedRef = useRef(onFinished);
  onFinishedRef.current = onFinished;
  const finish = (s: ExamState) => {
    if (finished.current) return;
    finished.current = true;
    const done = (verdicts?: LabVerdicts) => {
      setProgress(null);
      const result = exams.finish(s, now(), verdicts);
      // Not scored: say why; the exam stays saved as it was and q leaves it.
      if (result.ok) onFinishedRef.current(result.value);
      else onProblem(result.error);
    };
    const questions = answeredLabs(s, (k) => exams.card(k));
    if (questions.length === 0) return done();
    void (async () => {
      const verdicts: Record<number, boolean> = {};
      for (const [i, q] of questions.entries()) {
        setProgress(`Running lab answer ${i + 1} of ${questions.length}…`);
        verdicts[q.index] = (await runLabCard(labs, q.card, q.line)).passed;
      }
      done(verdicts);
    })();
  };
  return { progress, finish };
}
