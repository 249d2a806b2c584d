// The conformance suite for one time zone: runs the histories once, then one test per rule,
// each asserting zero mismatches and printing reproducible cases when not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dstChanges } from './history.js';
import { ZoneClock } from './local-time.js';
import { FSRS_RS_STEP_TOLERANCE, type Mismatch, runZone, type ZoneReport } from './run.js';

/** One history per seed; CONFORMANCE_HISTORIES scales a run, CONFORMANCE_ONLY replays a seed. */
export interface SuiteOptions {
  histories: number;
  seed: number;
  maxAnswers?: number;
}

/** Largest relative error accepted against an fsrs-rs chain over a whole history (f32). */
const FSRS_RS_CHAIN_ERROR = 5e-4;

/** The rules, by group. A rule's name is what the summary table and failures print. */
export const RULE_GROUPS: Record<string, Record<string, string>> = {
  'memory state': {
    'memory-ts-fsrs':
      'stability and difficulty equal ts-fsrs driven directly, elapsed days in study days',
    'memory-fsrs-rs':
      'stability and difficulty are within f32 error of fsrs-rs, one step from the same state',
  },
  'learning and relearning steps (steps.rs, learning.rs, relearning.rs)': {
    'learning-again': 'Again goes back to the first learning step',
    'learning-hard':
      'Hard: the mean of the first two steps, 1.5x a single step (at most +1 day), the current step later',
    'learning-good': 'Good moves to the next learning step',
    'relearning-again': 'Again goes back to the first relearning step',
    'relearning-hard': 'Hard on relearning steps, as on learning steps',
    'relearning-good': 'Good moves to the next relearning step',
    lapse:
      'Again on a review card starts relearning (or, without steps, a review of the FSRS interval)',
    'decimal-steps': 'decimal steps (1.5m, 0.5h) are exact',
    'no-steps-short-term': 'without steps, an FSRS interval under half a day stays in (re)learning',
  },
  'the day rollover (interval_kind.rs maybe_as_days)': {
    'interday-step': 'a step of a day or more is due at the start of its study day',
    'step-rollover': 'a shorter step that reaches the rollover is due at the rollover',
  },
  'learning fuzz (answering/learning.rs with_learning_fuzz)': {
    'learning-fuzz': 'due within [step, step + min(25%, 5 min))',
    'learning-fuzz-applied': 'learning steps are fuzzed at all when fuzz is on',
  },
  'review intervals (review.rs, fuzz.rs)': {
    'review-cap': 'max-interval is a hard cap',
    'review-order': 'Good >= Hard + 1 and Easy >= Good + 1, below the cap',
    'review-interval': 'the FSRS interval, rounded, without fuzz',
    'review-fuzz-range':
      "within Anki's fuzz range (constrained_fuzz_bounds of the unrounded interval)",
    'review-fuzz-not-backwards':
      'fuzz never goes below the last interval when the FSRS interval grew',
    'graduation-interval': 'Good graduating from (re)learning: the rounded FSRS interval, fuzzed',
    'easy-after-learning': 'Easy after (re)learning >= the fuzzed Good interval + 1',
    'fuzz-shared-factor': 'one fuzz factor per answer for every button',
    'due-day-start': 'a review of N days is due at the start of study day today + N',
  },
  'grade bar and fuzz seed': {
    'preview-equals-answer': 'the grade bar shows exactly what the answer schedules',
    'fuzz-seed':
      'the same card key and reps give the same fuzz, a second later and in another instance',
    'fuzz-per-card': 'two card keys answered alike mostly get different fuzz',
  },
  'recall and counts': {
    'recall-study-days': 'recall counts elapsed study days',
    counts: 'reps, lapses and the last review time',
  },
};

/** Rules only named when an outcome breaks them: their coverage is another rule's. */
const NAMED_ON_FAILURE = new Set([
  'review-order',
  'review-fuzz-range',
  'review-fuzz-not-backwards',
]);

function describeCase(m: Mismatch, file: string): string {
  return [
    `  [${m.rule}] ${m.detail}`,
    `    seed ${m.seed}, settings ${m.settings}`,
    ...m.history.slice(-6).map((h) => `    ${h}`),
    `    replay: CONFORMANCE_ONLY=${m.seed} npx vitest run ${file}`,
  ].join('\n');
}

export function summary(r: ZoneReport): string {
  const rules = Object.keys({ ...r.coverage, ...r.mismatches }).sort();
  const rows = rules.map(
    (k) =>
      `  ${k.padEnd(26)} ${String(r.coverage[k] ?? 0).padStart(7)} ${String(r.mismatches[k] ?? 0).padStart(6)}`,
  );
  return [
    `conformance ${r.zone}: ${r.histories} histories, ${r.answers} answers (${r.checked} checked against Anki's rules), ${r.dstChangesCovered}/${dstChanges(r.zone).length} DST changes 2024-2026 crossed`,
    `  fsrs-rs max relative error: ${r.fsrsRsStepError.toExponential(2)} per step, ${r.fsrsRsChainError.toExponential(2)} over a history`,
    `  ${'rule'.padEnd(26)} ${'seen'.padStart(7)} ${'wrong'.padStart(6)}`,
    ...rows,
  ].join('\n');
}

export function conformanceSuite(zone: string, file: string, o: SuiteOptions): void {
  describe(`conformance: ${zone}`, () => {
    const saved = process.env.TZ;
    let report: ZoneReport;

    beforeAll(() => {
      // The app reads local time through Date, which follows TZ; vitest runs each file in
      // its own child process, where setting TZ takes effect.
      process.env.TZ = zone;
      const only = process.env.CONFORMANCE_ONLY;
      const scale = Number(process.env.CONFORMANCE_HISTORIES ?? '');
      report = runZone({
        zone,
        seed: o.seed,
        histories: Number.isInteger(scale) && scale > 0 ? scale : o.histories,
        maxAnswers: o.maxAnswers ?? 25,
        ...(only ? { only: Number(only) } : {}),
      });
      console.log(summary(report));
    });
    afterAll(() => {
      process.env.TZ = saved;
    });

    it('the process runs in the zone', () => {
      const clock = new ZoneClock(zone, 0);
      for (const t of [Date.UTC(2024, 0, 15), Date.UTC(2024, 6, 15), ...dstChanges(zone)])
        expect(0 - new Date(t).getTimezoneOffset() * 60_000 + 0).toBe(clock.offset(t) + 0);
    });

    it('histories cross every DST change of 2024-2026', () => {
      if (process.env.CONFORMANCE_ONLY) return;
      expect(report.dstChangesCovered).toBe(dstChanges(zone).length);
    });

    for (const [group, rules] of Object.entries(RULE_GROUPS))
      describe(group, () => {
        for (const [rule, text] of Object.entries(rules))
          it(`${rule}: ${text}`, () => {
            const n = report.mismatches[rule] ?? 0;
            const cases = report.samples.filter((m) => m.rule === rule);
            const message = `${rule}: ${n} answers differ from Anki\n${cases.map((c) => describeCase(c, file)).join('\n')}`;
            expect(n, message).toBe(0);
            if (!NAMED_ON_FAILURE.has(rule) && !process.env.CONFORMANCE_ONLY)
              expect(report.coverage[rule] ?? 0, `${rule} was never exercised`).toBeGreaterThan(0);
            if (rule === 'memory-fsrs-rs') {
              expect(report.fsrsRsStepError).toBeLessThanOrEqual(FSRS_RS_STEP_TOLERANCE);
              expect(report.fsrsRsChainError).toBeLessThan(FSRS_RS_CHAIN_ERROR);
            }
          });
      });
  });
}
