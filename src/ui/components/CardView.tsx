import { Box, Text } from 'ink';
import { useContext } from 'react';
import { clozeSegments } from '../../core/cloze.js';
import type { CardMarks } from '../../core/model.js';
import type { CardSession } from '../../core/session.js';
import { useTheme } from '../theme.js';
import { Choices } from './Choices.js';
import { Para, WidthContext, wrapRuns } from './Para.js';

const KIND_LABEL = {
  flash: 'Flashcard',
  cloze: 'Fill the gap',
  mcq: 'Multiple choice',
  typed: 'Type the answer',
} as const;

function Cloze({ text, number, revealed }: { text: string; number: number; revealed: boolean }) {
  const theme = useTheme();
  const width = useContext(WidthContext);
  return (
    <Text>
      {wrapRuns(clozeSegments(text, number, revealed), width).map((seg, i) =>
        seg.type === 'text' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional and static
          <Text key={i}>{seg.text}</Text>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional and static
          <Text key={i} bold underline color={revealed ? theme.good : theme.accent}>
            {seg.text}
          </Text>
        ),
      )}
    </Text>
  );
}

/** The card itself: question, and after answering, the answer, explanation and source. */
export function CardView({
  s,
  compact = false,
  marks = {},
}: {
  s: CardSession;
  compact?: boolean;
  marks?: CardMarks;
}) {
  const theme = useTheme();
  const face = s.card.face;
  const answered = s.phase === 'answer';
  const multiNote = face.kind === 'mcq' && face.multi ? ' · choose all that apply' : '';
  return (
    <Box flexDirection="column" gap={compact ? 0 : 1}>
      {compact && !multiNote ? null : (
        <Text color={theme.muted}>
          {compact ? 'Choose all that apply' : `${KIND_LABEL[face.kind]}${multiNote}`}
          {marks.flagged ? ' · ⚑ flagged' : ''}
          {marks.leech ? ' · leech' : ''}
        </Text>
      )}
      {face.kind === 'flash' ? (
        <Box flexDirection="column" gap={compact ? 0 : 1}>
          <Para bold>{face.front}</Para>
          {answered ? <Para color={theme.good}>{face.back}</Para> : null}
        </Box>
      ) : null}
      {face.kind === 'cloze' ? (
        <Cloze text={face.text} number={face.number} revealed={answered} />
      ) : null}
      {face.kind === 'mcq' ? (
        <Box flexDirection="column" gap={compact ? 0 : 1}>
          <Para bold>{face.question}</Para>
          <Choices
            choices={face.choices}
            order={s.order}
            cursor={s.cursor}
            chosen={s.chosen}
            multi={face.multi}
            answered={answered}
          />
        </Box>
      ) : null}
      {face.kind === 'typed' ? (
        <Box flexDirection="column" gap={compact ? 0 : 1}>
          <Para bold>{face.prompt}</Para>
          <Text>
            <Text color={theme.accent}>{'> '}</Text>
            {s.input}
            {answered ? '' : '▏'}
          </Text>
        </Box>
      ) : null}
      {answered && s.result ? <Verdict s={s} /> : null}
      {answered && (s.card.explanation || s.card.ref) ? (
        <Box flexDirection="column">
          {s.card.explanation ? <Para>{s.card.explanation}</Para> : null}
          {s.card.ref ? (
            <Text color={theme.muted} wrap={compact ? 'truncate-end' : 'wrap'}>
              Source: {s.card.ref}
            </Text>
          ) : null}
        </Box>
      ) : null}
    </Box>
  );
}

function Verdict({ s }: { s: CardSession }) {
  const theme = useTheme();
  const r = s.result!;
  const face = s.card.face;
  return (
    <Box flexDirection="column">
      <Text bold color={r.correct ? theme.good : theme.bad}>
        {r.correct ? '✓ Correct' : '✗ Not quite'}
      </Text>
      {face.kind === 'typed' && r.typed ? (
        <Box flexDirection="column">
          {r.correct && r.typed.expected !== face.answer ? (
            <Para>{`Accepted as: ${r.typed.expected}`}</Para>
          ) : null}
          {r.correct ? null : <Para>{`Expected: ${face.answer}`}</Para>}
          {r.typed.missing.length > 0 ? (
            <Para>{`Missing: ${r.typed.missing.join(' ')}`}</Para>
          ) : null}
          {r.typed.extra.length > 0 ? (
            <Para>{`Not expected: ${r.typed.extra.join(' ')}`}</Para>
          ) : null}
        </Box>
      ) : null}
    </Box>
  );
}
