import { Box, Text } from 'ink';
import type { Choice } from '../../core/model.js';
import { useTheme } from '../theme.js';
import { Para } from './Para.js';

const LETTERS = 'abcdefgh';

/**
 * Choices in display order. Before the answer: cursor and selection marks. After: every
 * correct choice marked ✓, a wrong pick marked ✗ with the reason it is wrong.
 */
export function Choices({
  choices,
  order,
  cursor,
  chosen,
  multi,
  answered,
}: {
  choices: readonly Choice[];
  order: readonly number[];
  cursor: number;
  chosen: readonly number[];
  multi: boolean;
  answered: boolean;
}) {
  const theme = useTheme();
  return (
    <Box flexDirection="column">
      {order.map((src, i) => {
        const c = choices[src]!;
        const picked = chosen.includes(i);
        const box = multi ? (picked ? '[x]' : '[ ]') : picked ? '(•)' : '( )';
        if (!answered) {
          return (
            <Box key={src}>
              <Text color={i === cursor ? theme.accent : undefined}>
                {i === cursor ? '› ' : '  '}
              </Text>
              <Text bold={i === cursor}>
                {box} {LETTERS[i]})
              </Text>
              <Box flexShrink={1} marginLeft={1}>
                <Para indent={9}>{c.text}</Para>
              </Box>
            </Box>
          );
        }
        const mark = c.correct ? '✓' : picked ? '✗' : ' ';
        const color = c.correct ? theme.good : picked ? theme.bad : theme.muted;
        return (
          <Box key={src} flexDirection="column">
            <Box>
              <Text color={color} bold={c.correct}>
                {mark} {box} {LETTERS[i]})
              </Text>
              <Box flexShrink={1} marginLeft={1}>
                <Para indent={9} color={color}>
                  {c.text}
                </Para>
              </Box>
            </Box>
            {picked && !c.correct && c.why ? (
              <Box paddingLeft={10}>
                <Para indent={10} color={theme.muted}>
                  {c.why}
                </Para>
              </Box>
            ) : null}
          </Box>
        );
      })}
    </Box>
  );
}
