import { Box, Text } from 'ink';
import { type ExamState, examCounts, remainingMs, resumeExam } from '../../core/exam.js';
import type { ExamOptions } from '../../core/ports.js';
import { Para } from '../components/Para.js';
import { useKeypress } from '../keypress/useKeypress.js';
import { actionFor, hint, type Screen } from '../keys.js';
import { useTheme } from '../theme.js';
import { clock } from './exam-clock.js';
import { describeExam, droppedByResume } from './exam-describe.js';

/** Offered when an exam was quit before submission: resume it with its time left, or discard it. */
export function ExamResume({
  saved,
  savedAt,
  now,
  asked,
  deckTitle,
  onResume,
  onDiscard,
  onBack,
  onHelp,
}: {
  saved: ExamState;
  savedAt: number;
  /** What starting an exam asked for this time; what the saved one lacks is named. */
  asked?: ExamOptions;
  deckTitle: (id: string) => string;
  now: () => number;
  onResume: (exam: ExamState) => void;
  onDiscard: () => void;
  onBack: () => void;
  onHelp: (screen: Screen) => void;
}) {
  const theme = useTheme();
  const c = examCounts(saved);
  // The clock stopped when the exam was quit: what is left is what was left then.
  const left = remainingMs(saved, savedAt);
  const dropped = asked ? droppedByResume(saved, asked, deckTitle) : null;
  useKeypress((key) => {
    const hit = actionFor('resume', key);
    if (hit?.action === 'resumeExam') onResume(resumeExam(saved, savedAt, now()));
    else if (hit?.action === 'discardExam') onDiscard();
    else if (hit?.action === 'help') onHelp('resume');
    else if (hit?.action === 'quit') onBack();
    else return false;
    return true;
  });
  return (
    <Box flexDirection="column" gap={1}>
      <Text bold color={theme.accent}>
        Unfinished exam
      </Text>
      <Box flexDirection="column">
        <Para>{describeExam(saved, deckTitle)}</Para>
        <Para>
          {`${c.answered}/${saved.keys.length} answered · ${c.flagged} flagged · ${clock(left)} left`}
        </Para>
      </Box>
      {dropped ? <Para color={theme.warn}>{dropped}</Para> : null}
      <Para color={theme.muted}>{hint('resume', ['resumeExam', 'discardExam', 'quit'])}</Para>
    </Box>
  );
}
