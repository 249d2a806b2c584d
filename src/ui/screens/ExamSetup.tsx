import { Box, Text } from 'ink';
import { useContext, useState } from 'react';
import { EXAM_DEFAULTS } from '../../core/exam.js';
import { ALL, type ExamOptions } from '../../core/ports.js';
import { EXAM_BOUNDS, type Settings } from '../../core/settings.js';
import { Para, WidthContext } from '../components/Para.js';
import { Rows } from '../components/Viewport.js';
import { useKeypress } from '../keypress/useKeypress.js';
import { actionFor, hint, type Screen } from '../keys.js';
import { useTheme } from '../theme.js';
import { footerRows, hintParts } from './footer-rows.js';

/** The bounds `hyperrecall exam --questions/--minutes` and `config set exam-*` take. */
const FIELDS = [
  { name: 'Questions', lo: 1, hi: EXAM_BOUNDS.questions },
  { name: 'Minutes', lo: 1, hi: EXAM_BOUNDS.minutes },
] as const;

/**
 * What `x` offers for a new exam over one deck (or all, for null): the learner's own size
 * and time (`exam-questions`, `exam-minutes`).
 */
export function setupOptions(settings: Settings, deck: string | null): ExamOptions {
  return {
    scope: deck ? { decks: [deck], tag: null } : ALL,
    questions: settings.examQuestions,
    minutes: settings.examMinutes,
    passPercent: EXAM_DEFAULTS.passPercent,
    blueprint: null,
  };
}

/** Before a mock exam from home: how many questions and how long, the defaults filled in. */
export function ExamSetup({
  options,
  title,
  onStart,
  onBack,
  onHelp,
}: {
  options: ExamOptions;
  /** The decks the exam is over, in words. */
  title: string;
  onStart: (options: ExamOptions) => void;
  onBack: () => void;
  onHelp: (screen: Screen) => void;
}) {
  const theme = useTheme();
  const width = useContext(WidthContext);
  const [values, setValues] = useState([String(options.questions), String(options.minutes)]);
  const [field, setField] = useState(0);
  // A field still showing its default: the first digit typed replaces it.
  const [fresh, setFresh] = useState([true, true]);
  const [problem, setProblem] = useState<string | null>(null);
  const edit = (f: (v: string) => string) => {
    setValues(values.map((v, i) => (i === field ? f(v) : v)));
    setFresh(fresh.map((x, i) => x && i !== field));
  };
  const start = () => {
    const nums = values.map(Number);
    const bad = FIELDS.findIndex((f, i) => {
      const n = nums[i]!;
      return values[i] === '' || !Number.isInteger(n) || n < f.lo || n > f.hi;
    });
    if (bad >= 0) {
      const f = FIELDS[bad]!;
      setField(bad);
      setProblem(`${f.name}: a whole number from ${f.lo} to ${f.hi}.`);
      return;
    }
    onStart({ ...options, questions: nums[0]!, minutes: nums[1]! });
  };
  useKeypress((key) => {
    const hit = actionFor('examSetup', key);
    if (/^[0-9]$/.test(key.text) && !key.ctrl && !key.meta) {
      edit((v) => (fresh[field] ? key.text : v.length >= 3 ? v : v + key.text));
      setProblem(null);
      return true;
    }
    switch (hit?.action) {
      case 'up':
      case 'down':
        setField(field === 0 ? 1 : 0);
        break;
      case 'erase':
        edit((v) => v.slice(0, -1));
        break;
      case 'startExam':
        start();
        break;
      case 'help':
        onHelp('examSetup');
        break;
      case 'quit':
      case 'cancel':
        onBack();
        break;
      default:
        return false;
    }
    return true;
  });
  return (
    <Box flexDirection="column" gap={1}>
      <Para bold color={theme.accent}>{`Mock exam · ${title}`}</Para>
      <Box flexDirection="column">
        {FIELDS.map((f, i) => (
          <Text key={f.name} bold={i === field} color={i === field ? theme.accent : undefined}>
            {i === field ? '› ' : '  '}
            {f.name.padEnd(10)}
            {values[i]}
            {i === field ? '▏' : ''}
          </Text>
        ))}
      </Box>
      {problem ? <Para color={theme.bad}>{problem}</Para> : null}
      <Rows
        rows={footerRows(
          [
            'type a number',
            ...hintParts(hint('examSetup', ['down', 'erase', 'startExam', 'cancel'])),
          ],
          width,
          { color: theme.muted },
        )}
      />
    </Box>
  );
}
