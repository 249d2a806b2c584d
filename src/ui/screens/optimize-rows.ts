// The optimizer on the Stats screen (`o`): a progress bar while it trains, then what it
// found, in the same words as `hyperrecall optimize` (core/optimizer/result.ts).
import { type OptimizeResult, optimizeText, refusedText } from '../../core/optimizer/result.js';
import { BLANK, lineRow, type Row, type Style, textRows } from '../components/rows.js';

export type OptimizeView =
  | { kind: 'idle' }
  | { kind: 'running'; fraction: number }
  | { kind: 'done'; result: OptimizeResult }
  | { kind: 'failed'; message: string };

export function optimizeRows(
  view: OptimizeView,
  width: number,
  look: { bold: Style; muted: Style },
): Row[] {
  if (view.kind === 'idle') return [];
  const title = lineRow('Optimizer', look.bold);
  if (view.kind === 'running') {
    const pct = Math.round(view.fraction * 100);
    const bar = Math.max(5, Math.min(30, width - 12));
    const filled = Math.round(view.fraction * bar);
    return [
      title,
      lineRow(`[${'#'.repeat(filled)}${'.'.repeat(bar - filled)}] ${String(pct).padStart(3)}%`),
      lineRow('fitting FSRS parameters to your answers…', look.muted),
      BLANK,
    ];
  }
  const lines =
    view.kind === 'failed'
      ? [`Optimize failed: ${view.message}. Nothing was changed.`]
      : view.result.kind === 'refused'
        ? refusedText(view.result)
        : optimizeText(view.result, false);
  // The CLI's aligned lines where they fit; narrower, each wrapped on its own.
  const rows = lines.flatMap((l) => (l.length <= width ? [lineRow(l)] : textRows(l.trim(), width)));
  return [title, ...rows, BLANK];
}
