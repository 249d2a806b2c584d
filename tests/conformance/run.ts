// Drives the app's Scheduler through random histories in one time zone and compares every
// answer with ts-fsrs driven directly, fsrs-rs (the binding) and Anki's rules (anki-rules.ts).

import { default_w } from 'ts-fsrs';
import {
  type AnkiCard,
  type AnkiContext,
  type Expected,
  expectedOutcomes,
  GRADES,
  type MemoryState,
  newAnkiCard,
  stepSecs,
} from './anki-rules.js';
import { appSetup, type Memory, newMemory } from './app.js';
import { checkRules, iso, type LearnFuzzSpread } from './check-rules.js';
import { FsrsRs, TsFsrsDirect } from './fsrs-direct.js';
import { checkMemory } from './memory-check.js';

export { FSRS_RS_STEP_TOLERANCE } from './memory-check.js';

import {
  dstChanges,
  nextTime,
  randomGrade,
  randomSettings,
  randomWeights,
  rngFrom,
  startTime,
} from './history.js';
import { ZoneClock } from './local-time.js';

export interface Mismatch {
  rule: string;
  seed: number;
  zone: string;
  detail: string;
  settings: string;
  history: string[];
}

export interface ZoneReport {
  zone: string;
  histories: number;
  answers: number;
  /** Answers checked against Anki's rules (rule checks stop at a history's first mismatch). */
  checked: number;
  mismatches: Record<string, number>;
  samples: Mismatch[];
  /** Largest relative error of S and D against fsrs-rs, one step from the app's own state. */
  fsrsRsStepError: number;
  /** Largest relative error of S and D against an fsrs-rs chain over the whole history. */
  fsrsRsChainError: number;
  /** Outcomes seen per rule (how much of each rule the histories exercised). */
  coverage: Record<string, number>;
  dstChangesCovered: number;
}

const DAY_MS = 86_400_000;
/** Histories end here: 36500-day intervals would otherwise carry them centuries on. */
const HISTORY_END = Date.UTC(2031, 0, 1);
const SAMPLES_PER_RULE = 3;

export interface RunOptions {
  zone: string;
  histories: number;
  maxAnswers: number;
  seed: number;
  /** Run only the history with this seed (to reproduce a reported case). */
  only?: number;
}

export function runZone(o: RunOptions): ZoneReport {
  const report: ZoneReport = {
    zone: o.zone,
    histories: 0,
    answers: 0,
    checked: 0,
    mismatches: {},
    samples: [],
    fsrsRsStepError: 0,
    fsrsRsChainError: 0,
    coverage: {},
    dstChangesCovered: 0,
  };
  const perCard = { samples: 0, differ: 0 };
  const learnFuzz: LearnFuzzSpread = { spread: new Map() };
  const covered = new Set<number>();
  for (let i = 0; i < o.histories; i++)
    if (o.only === undefined || o.only === o.seed + i)
      runHistory(o, o.seed + i, i, report, perCard, learnFuzz, covered);
  report.dstChangesCovered = covered.size;
  // Anki seeds fuzz by card id + reps: two cards answered alike mostly get different fuzz.
  report.coverage['fuzz-per-card'] = perCard.samples;
  if (perCard.samples >= 20 && perCard.differ < perCard.samples * 0.3)
    add(report, {
      rule: 'fuzz-per-card',
      seed: o.seed,
      zone: o.zone,
      detail: `two card keys got the same fuzzed Good interval in ${perCard.samples - perCard.differ} of ${perCard.samples} reviews with 3+ possible intervals`,
      settings: '',
      history: [],
    });
  // Anki fuzzes learning steps (answering/learning.rs with_learning_fuzz).
  const stepsSeen = [...learnFuzz.spread.values()].filter((ds) => ds.length >= 3);
  report.coverage['learning-fuzz-applied'] = stepsSeen.length;
  if (stepsSeen.length >= 3 && stepsSeen.every((ds) => new Set(ds).size === 1))
    add(report, {
      rule: 'learning-fuzz-applied',
      seed: o.seed,
      zone: o.zone,
      detail: `each of ${stepsSeen.length} learning steps of 4+ minutes (seen 3+ times) always came due after exactly the same time with fuzz on`,
      settings: '',
      history: [],
    });
  return report;
}

function add(r: ZoneReport, m: Mismatch): void {
  r.mismatches[m.rule] = (r.mismatches[m.rule] ?? 0) + 1;
  if (r.samples.filter((s) => s.rule === m.rule).length < SAMPLES_PER_RULE) r.samples.push(m);
}

function runHistory(
  o: RunOptions,
  seed: number,
  index: number,
  report: ZoneReport,
  perCard: { samples: number; differ: number },
  learnFuzz: LearnFuzzSpread,
  coveredChanges: Set<number>,
): void {
  const rng = rngFrom(seed);
  const generated = randomSettings(rng, o.zone);
  const wanted = randomWeights(rng, (cand) => {
    const d = new TsFsrsDirect({
      retention: 0.9,
      maxInterval: 36500,
      learningSteps: [],
      relearningSteps: [],
      w: cand,
    });
    return d.effectiveW.every((x, k) => Math.abs(x - (cand[k] as number)) < 1e-12);
  });
  const setup = appSetup(generated, wanted, default_w);
  const { settings, w } = setup;
  const scheduler = setup.scheduler();
  const second = setup.scheduler();
  const clock = new ZoneClock(o.zone, settings.dayStartsAt);
  const direct = new TsFsrsDirect({
    retention: settings.desiredRetention,
    maxInterval: settings.maxInterval,
    learningSteps: settings.learningSteps,
    relearningSteps: settings.relearningSteps,
    w,
  });
  const rs = new FsrsRs(w, settings.desiredRetention);
  const ctx: AnkiContext = {
    learnSecs: settings.learningSteps.map(stepSecs),
    relearnSecs: settings.relearningSteps.map(stepSecs),
    maxInterval: settings.maxInterval,
    fuzz: settings.fuzz,
    allowShortTerm: (w[17] as number) > 0 && (w[18] as number) > 0,
    decimalLearn: settings.learningSteps.some((s) => s.includes('.')),
    decimalRelearn: settings.relearningSteps.some((s) => s.includes('.')),
    clock,
    intervalOf: (s) => direct.interval(s, settings.desiredRetention),
  };
  const key = `card-${seed}`;
  const settingsText = JSON.stringify({
    zone: o.zone,
    ...generated,
    resolved: {
      learningSteps: settings.learningSteps,
      relearningSteps: settings.relearningSteps,
      maxInterval: settings.maxInterval,
      desiredRetention: settings.desiredRetention,
      fuzz: settings.fuzz,
      dayStartsAt: settings.dayStartsAt,
    },
    weights: w.join(','),
  });
  const history: string[] = [];
  // One count per rule and answer: a wrong Hard also moves Good's minimum, say so once.
  let failedThisAnswer = new Set<string>();
  const fail = (rule: string, detail: string) => {
    if (failedThisAnswer.has(rule)) return;
    failedThisAnswer.add(rule);
    add(report, {
      rule,
      seed,
      zone: o.zone,
      detail,
      settings: settingsText,
      history: [...history],
    });
  };

  let now = startTime(rng, o.zone, index);
  const first = now;
  let m: Memory = newMemory(now);
  let card: AnkiCard = newAnkiCard();
  let tsMem: MemoryState | null = null;
  let rsChain: MemoryState | null = null;
  let stopped = false;
  let chainWorst = 0;
  let rsMismatch = false;
  const answers = 3 + Math.floor(rng() * (o.maxAnswers - 2));
  report.histories++;

  for (let n = 0; n < answers && now < HISTORY_END; n++) {
    failedThisAnswer = new Set<string>();
    const elapsed =
      card.lastReview === null ? 0 : clock.studyDay(now) - clock.studyDay(card.lastReview);
    const count = (rule: string) => {
      report.coverage[rule] = (report.coverage[rule] ?? 0) + 1;
    };

    // Recall in study days (defect 8): the forgetting curve over elapsed study days.
    if (m.phase !== 'new' && m.lastReview !== null) {
      count('recall-study-days');
      const want = direct.recall(elapsed, m.stability);
      const got = scheduler.retrievability(m, now);
      if (!(Math.abs(got - want) <= 1e-12))
        fail(
          'recall-study-days',
          `at ${iso(now, clock)}: recall ${got}, want ${want} (${elapsed} study days since ${iso(m.lastReview, clock)})`,
        );
    }

    const preview = scheduler.preview(m, now, key);
    const next = direct.next(tsMem, elapsed);
    report.answers++;

    const mem = checkMemory(preview, next, m, elapsed, rs, rsChain);
    count('memory-ts-fsrs');
    count('memory-fsrs-rs');
    const at = `at ${iso(now, clock)} (${elapsed} study days)`;
    if (mem.tsFsrs) fail('memory-ts-fsrs', `${mem.tsFsrs.replace('@', at)}`);
    if (mem.fsrsRs) {
      rsMismatch = true;
      fail('memory-fsrs-rs', mem.fsrsRs.replace('@', at));
    } else report.fsrsRsStepError = Math.max(report.fsrsRsStepError, mem.stepError);
    chainWorst = Math.max(chainWorst, mem.chainError);
    const rsNext = mem.rsNext;

    // Anki's rules, until the app's card and the oracle's part (see below).
    if (!stopped) {
      report.checked++;
      const expected = expectedOutcomes(card, now, next, ctx);
      checkRules(expected, preview, m, card, now, ctx, fail, count, learnFuzz);
    }

    const g = randomGrade(rng);
    // The oracle follows the app's card; once their phases part, its rule checks would only
    // repeat the first difference, so they stop for this history.
    const wantPhase = (e: Expected) => (e.kind === 'review' ? 'review' : e.phase);
    const expectedNow = expectedOutcomes(card, now, next, ctx)[g];
    if (!stopped && preview[g].memory.phase !== wantPhase(expectedNow)) stopped = true;
    const answered = scheduler.answer(m, now, g, key);
    history.push(
      `${iso(now, clock)} grade ${g} -> ${answered.phase}, due ${iso(answered.due, clock)}, ${answered.scheduledDays} d`,
    );

    // The grade bar shows exactly what the answer then schedules.
    count('preview-equals-answer');
    if (JSON.stringify(answered) !== JSON.stringify(preview[g].memory))
      fail(
        'preview-equals-answer',
        `grade ${g} at ${iso(now, clock)}: preview ${JSON.stringify(preview[g].memory)}, answer ${JSON.stringify(answered)}`,
      );

    // The same card key and reps give the same fuzz, a second later and in another instance.
    const later = now + 1000;
    if (
      clock.studyDay(later) === clock.studyDay(now) &&
      clock.nextDayStart(now) - later > (2 * DAY_MS) / 24
    ) {
      const again = second.preview(m, later, key);
      for (const gg of GRADES) {
        const a = preview[gg].memory;
        const b = again[gg].memory;
        const sameDays =
          a.phase !== 'review' || b.phase !== 'review' || a.scheduledDays === b.scheduledDays;
        const sameStep =
          a.phase === 'review' ||
          b.phase === 'review' ||
          a.due - now === b.due - later ||
          a.due === b.due;
        count('fuzz-seed');
        if (!sameDays || !sameStep) {
          fail(
            'fuzz-seed',
            `grade ${gg}: at ${iso(now, clock)} ${a.phase} ${a.scheduledDays} d due ${iso(a.due, clock)}; one second later ${b.phase} ${b.scheduledDays} d due ${iso(b.due, clock)}`,
          );
          break;
        }
      }
    }
    if (settings.fuzz && m.phase === 'review') {
      const p = preview[3].memory;
      const other = scheduler.preview(m, now, `${key}-other`)[3].memory;
      const range = ctx.intervalOf(next[3].stability);
      if (
        p.phase === 'review' &&
        other.phase === 'review' &&
        range >= 7 &&
        settings.maxInterval > range + 2
      ) {
        perCard.samples++;
        if (p.scheduledDays !== other.scheduledDays) perCard.differ++;
      }
    }

    // Advance the oracle with the answer the app gave (checked above).
    card = advance(card, expectedNow, answered, next[g], now);
    tsMem = next[g];
    rsChain = rsNext ? rsNext[g] : rsChain;
    const lastReview = now;
    m = answered;
    now = nextTime(rng, now, Math.max(m.due, now), lastReview, clock);
  }
  for (const c of dstChanges(o.zone))
    if (c > first && c < Math.max(m.due, now)) coveredChanges.add(c);
  if (!rsMismatch) report.fsrsRsChainError = Math.max(report.fsrsRsChainError, chainWorst);
}

function advance(
  card: AnkiCard,
  e: Expected,
  answered: Memory,
  memory: MemoryState,
  now: number,
): AnkiCard {
  if (e.kind === 'review')
    return {
      phase: 'review',
      remaining: 0,
      lastInterval: answered.scheduledDays,
      memory,
      lastReview: now,
    };
  return {
    phase: e.phase,
    remaining: e.remaining,
    lastInterval: card.lastInterval,
    memory,
    lastReview: now,
  };
}
