import { sparkline } from '../../core/stats.js';
import type { Context } from '../context.js';
import { withCollection } from '../with-collection.js';

export async function run(ctx: Context, opts: { json?: boolean }): Promise<number> {
  return withCollection(ctx, 'read', async ({ collection }) => {
    const s = collection.stats(ctx.now());
    if (opts.json) {
      process.stdout.write(`${JSON.stringify(s, null, 2)}\n`);
      return 0;
    }
    const pct = (x: number | null) => (x === null ? 'no reviews yet' : `${Math.round(x * 100)}%`);
    const lines = [
      `Reviews        ${s.reviews} in all · ${s.reviewedToday} today · streak ${s.streak}`,
      `Retention      target ${pct(s.retention.target)} · actual ${pct(s.retention.actual)} (${s.retention.answers} reviews, last 30 days)`,
      `Due, 30 days   ${sparkline(s.forecast)}  today ${s.forecast[0]}, tomorrow ${s.forecast[1]}`,
      `Last 30 days   ${sparkline(s.activity)}`,
      s.exams.length === 0
        ? 'Exams          none yet (hyperrecall exam)'
        : `Exams          ${s.exams.map((e) => `${e.scorePercent}%${e.passed ? '' : '✗'}`).join(' → ')}`,
    ];
    for (const e of s.exams.slice(-10))
      lines.push(
        `  ${e.at.slice(0, 16).replace('T', ' ')}  ${e.correct}/${e.questions}  ${e.scorePercent}%  ${e.passed ? 'passed' : 'not passed'}  (predicted ${e.predictedPercent ?? '-'}%)`,
      );
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  });
}
