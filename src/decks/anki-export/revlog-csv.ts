// The FSRS revlog CSV that the FSRS optimizers read (fsrs-rs `convert_csv_to_fsrs_items`,
// the Python fsrs-optimizer): card_id,review_time,review_rating,review_state,review_duration.
// - card_id: a number per card (keys in sorted order, from 1);
// - review_time: epoch milliseconds; review_duration: milliseconds;
// - review_rating: 1-4; review_state: the card's state before the answer, 0 new, 1 learning,
//   2 review, 3 relearning (what the converters use to find the last learning run).
// Only scheduling answers are written (no cram, no measuring-only exam answer, nothing an
// undo took back), and for a card reset by a forget only the answers since, as Anki's FSRS
// does; so the optimizer sees exactly what `hyperrecall optimize` trains on.
import type { LogRecord, MemoryPhase } from '../../core/model.js';
import { answersSinceReset, historyByCard } from './answers.js';

export const REVLOG_CSV_HEADER = 'card_id,review_time,review_rating,review_state,review_duration';

const STATE: Record<MemoryPhase, number> = { new: 0, learning: 1, review: 2, relearning: 3 };

export interface RevlogCsv {
  text: string;
  rows: number;
  /** Card key of each card_id, for a reader who wants to map back. */
  cards: string[];
}

export function revlogCsv(
  records: readonly LogRecord[],
  keep?: (key: string) => boolean,
): RevlogCsv {
  const history = historyByCard(records);
  const keys = [...history.keys()].filter((k) => !keep || keep(k)).sort();
  const lines = [REVLOG_CSV_HEADER];
  const cards: string[] = [];
  for (const key of keys) {
    const answers = answersSinceReset(history.get(key) ?? []);
    if (answers.length === 0) continue;
    cards.push(key);
    const id = cards.length;
    for (const r of answers) {
      const state = r.before === null ? 0 : STATE[r.before.phase];
      lines.push(`${id},${r.at},${r.rating},${state},${Math.max(0, Math.round(r.tookMs))}`);
    }
  }
  return { text: `${lines.join('\n')}\n`, rows: lines.length - 1, cards };
}
