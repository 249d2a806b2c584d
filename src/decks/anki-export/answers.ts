// Which log records are a card's answers, for Anki's revlog and the FSRS revlog CSV.
import type { CramRecord, LogRecord, MarkRecord, ReviewRecord } from '../../core/model.js';

/** One card's history in time order: scheduling answers, cram answers and resets. */
export type HistoryEntry =
  | { kind: 'answer'; rec: ReviewRecord }
  /** A cram answer, or an exam answer that only measured (`fed: false`): never scheduled. */
  | { kind: 'unscheduled'; rec: ReviewRecord | CramRecord }
  | { kind: 'reset'; rec: MarkRecord };

/**
 * Every card's history. Answers taken back by an undo (or a cram undo) are left out, as
 * they are in the schedule; a record seen twice (a log synced twice) counts once.
 */
export function historyByCard(records: readonly LogRecord[]): Map<string, HistoryEntry[]> {
  const undone = new Set<string>();
  for (const r of records) {
    if (r.type === 'undo') undone.add(r.review.id);
    else if (r.type === 'cram-undo') undone.add(r.cram.id);
  }
  const seen = new Set<string>();
  const out = new Map<string, HistoryEntry[]>();
  const push = (key: string, e: HistoryEntry) => {
    const list = out.get(key);
    if (list) list.push(e);
    else out.set(key, [e]);
  };
  for (const r of records) {
    if (seen.has(r.id) || undone.has(r.id)) continue;
    seen.add(r.id);
    if (r.type === 'review')
      push(r.key, r.fed === false ? { kind: 'unscheduled', rec: r } : { kind: 'answer', rec: r });
    else if (r.type === 'cram') push(r.key, { kind: 'unscheduled', rec: r });
    else if (r.type === 'mark' && r.mark === 'forget') push(r.key, { kind: 'reset', rec: r });
  }
  for (const list of out.values()) list.sort((a, b) => a.rec.at - b.rec.at);
  return out;
}

/** The scheduling answers since the card's last reset (Anki's FSRS ignores what came before). */
export function answersSinceReset(entries: readonly HistoryEntry[]): ReviewRecord[] {
  const out: ReviewRecord[] = [];
  for (const e of entries) {
    if (e.kind === 'reset') out.length = 0;
    else if (e.kind === 'answer') out.push(e.rec);
  }
  return out;
}
