// The study session's state for the screen: the core flow applied intent by intent. The
// state lives in a ref so each intent sees what the one before it did, and a re-render is
// asked for after each. When the session finishes, `onFinished` runs in the same handler,
// so the screen that follows replaces this one without an in-between frame.
import { useContext, useLayoutEffect, useReducer, useRef } from 'react';
import type { Scope, StudyPort } from '../../core/ports.js';
import { type StudyEnv, startStudy, studyStep } from '../../core/study-flow.js';
import type { StudyIntent, StudyState } from '../../core/study-session.js';
import type { SessionSummary } from '../../core/summary.js';
import { LabContext, runLabCard } from '../labs/LabContext.js';

export function useStudySession(
  port: StudyPort,
  scope: Scope,
  now: () => number,
  onFinished: (summary: SessionSummary) => void,
): [StudyState, (intent: StudyIntent) => void] {
  const [, rerender] = useReducer((x: number) => x + 1, 0);
  const labs = useContext(LabContext);
  const env = (): StudyEnv => ({ port, scope, now: now() });
  const ref = useRef<StudyState | null>(null);
  ref.current ??= startStudy(env());
  const reported = useRef(false);
  const report = (s: StudyState) => {
    if (s.status !== 'finished' || !s.summary || reported.current) return;
    reported.current = true;
    onFinished(s.summary);
  };
  // Nothing to study at all: the session is over before its first frame.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on mount
  useLayoutEffect(() => report(ref.current!), []);
  const dispatch = (intent: StudyIntent) => {
    const before = ref.current!;
    const next = studyStep(before, intent, env());
    if (next === before) return;
    ref.current = next;
    rerender();
    report(next);
    // A lab card's command was submitted: run it, and hand the result back as an intent.
    const s = next.current?.s;
    if (s?.running && !before.current?.s.running)
      void runLabCard(labs, s.card, s.input).then((run) =>
        dispatch({ type: 'labDone', key: s.card.key, run }),
      );
  };
  return [ref.current, dispatch];
}
