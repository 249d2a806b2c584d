import { join } from 'node:path';
import { ExamService } from '../../app/exams.js';
import type { Calibration } from '../../core/calibration.js';
import type { ReadinessView } from '../../core/ports.js';
import { oneLine } from '../../core/sanitize.js';
import { tomorrowText } from '../../core/stats/due.js';
import { sparkline, trueRetentionText } from '../../core/stats.js';
import { objectiveNames } from '../../decks/blueprint.js';
import type { Context } from '../context.js';
import { resolveDecks, withCollection } from '../with-collection.js';
import {
  calendarText,
  countsText,
  hardestText,
  retentionTable,
  scopeText,
  todayText,
} from './stats-text.js';
import { objectiveTag } from './study.js';

/** Readiness as `stats --json` gives it: the figure, the moment it is for, per objective. */
function readinessJson(r: ReadinessView) {
  return {
    percent: r.now.percent,
    questions: r.now.cards,
    at: r.now.at === undefined ? null : new Date(r.now.at).toISOString(),
    basis: r.now.basis ?? null,
    examDate: r.examDate,
    objectives: Object.entries(r.now.byTag).map(([tag, v]) => ({
      tag,
      name: v.name ?? null,
      percent: v.percent,
      questions: v.cards,
    })),
  };
}

function readinessText(r: ReadinessView): string[] {
  const when =
    r.now.basis === 'exam-date' ? `on the morning of the exam, ${r.examDate?.date}` : 'tomorrow';
  // Two lines, so that each fits an 80-column terminal.
  const lines = [
    `Readiness      ${r.now.percent}% of ${r.now.cards} exam questions expected right`,
    `               ${when}; by objective (questions):`,
  ];
  for (const [tag, v] of Object.entries(r.now.byTag))
    lines.push(
      `  ${`${String(v.percent).padStart(3)}%  ${tag}`.padEnd(20)} ${oneLine(v.name ?? '')} (${v.cards})`.trimEnd(),
    );
  return lines;
}

function calibrationText(c: Calibration): string[] {
  if (c.meanGap === null) return ['Calibration    no exam with a forecast yet'];
  const signed = (x: number) => `${x > 0 ? '+' : ''}${x}`;
  const exams = c.exams === 1 ? '1 exam' : `${c.exams} exams`;
  const lines = [
    `Calibration    forecast − score over ${exams}: mean ${signed(c.meanGap)}, largest ${signed(c.largestGap ?? 0)} points`,
    `               mean |gap| ${c.meanAbsGap} points`,
  ];
  if (c.logLoss !== null)
    lines[1] += `; log loss ${c.logLoss.toFixed(3)} per question (${c.questions} questions)`;
  return lines;
}

export interface StatsOptions {
  json?: boolean;
  /** One deck id (as `study` takes it). */
  deck?: string;
  /** One exam objective: its tag or its code (`351.4`). */
  objective?: string;
}

export async function run(ctx: Context, opts: StatsOptions): Promise<number> {
  return withCollection(ctx, 'read', async ({ collection, store }) => {
    const now = ctx.now();
    const deck = opts.deck === undefined ? null : resolveDecks(collection.decks, [opts.deck])[0]!;
    const decks = deck === null ? null : [deck];
    const objective =
      opts.objective === undefined
        ? null
        : objectiveTag(collection.cards({ decks, tag: null }), opts.objective);
    const s = collection.stats(now, { deck, objective });
    const exams = new ExamService(collection, store, ctx.device, undefined, () =>
      objectiveNames(join(ctx.root, 'blueprints')),
    );
    const ready = exams.readiness({ decks, tag: objective }, now);
    if (opts.json) {
      process.stdout.write(
        `${JSON.stringify({ ...s, readiness: readinessJson(ready) }, null, 2)}\n`,
      );
      return 0;
    }
    const lines = [
      `Statistics     ${scopeText(s)}`,
      `Reviews        ${s.reviews} in all · ${s.reviewedToday} today · streak ${s.streak}`,
      ...todayText(s).map((line, i) => (i === 0 ? `Today          ${line}` : line)),
      `Calendar       ${calendarText(s)}`,
      ...countsText(s).map((line, i) => (i === 0 ? `Cards          ${line}` : line)),
      `True retention ${trueRetentionText(s.retention)}`,
      ...retentionTable(s),
      `Tomorrow       ${tomorrowText(s.tomorrow)}`,
      `Due, 30 days   ${sparkline(s.forecast)}  today ${s.forecast[0]}`,
      `Last 30 days   ${sparkline(s.activity)}`,
      ...(s.hardest.lowestRecall.length
        ? ['Hardest        lowest recall now:', ...hardestText(s)]
        : []),
      ...readinessText(ready),
      s.exams.length === 0
        ? 'Exams          none yet (hyperrecall exam)'
        : `Exams          ${s.exams.map((e) => `${e.scorePercent}%${e.passed ? '' : '✗'}`).join(' → ')}`,
    ];
    for (const e of s.exams.slice(-10))
      lines.push(
        `  ${e.at.slice(0, 16).replace('T', ' ')}  ${e.correct}/${e.questions}  ${e.scorePercent}%  ${e.passed ? 'passed' : 'not passed'}  (forecast ${e.predictedPercent ?? '-'}%)`,
      );
    if (s.exams.length > 0) lines.push(...calibrationText(s.calibration));
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  });
}
