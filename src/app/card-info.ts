// Card info (`i`): what the scheduler knows about a card and its answers so far, leaving
// out answers that were taken back.
import type { CardInfo } from '../core/ports.js';
import type { Scheduler } from '../core/scheduler.js';
import type { Store } from '../store/store.js';

export function cardInfo(key: string, store: Store, scheduler: Scheduler, now: number): CardInfo {
  const m = store.progress.cards[key];
  const undone = new Set<string>();
  const seen = new Set<string>();
  const history: CardInfo['history'] = [];
  const records = store.recordsAbout(key);
  for (const r of records) if (r.type === 'undo') undone.add(r.review.id);
  for (const r of records) if (r.type === 'cram-undo') undone.add(r.cram.id);
  for (const r of records) {
    // Cram answers are history too (mode 'cram'), though they scheduled nothing.
    if (r.type === 'cram' && !undone.has(r.id) && !seen.has(r.id)) {
      seen.add(r.id);
      history.push({ at: r.at, rating: r.rating, mode: 'cram', tookMs: r.tookMs });
    }
    if (r.type !== 'review' || undone.has(r.id) || seen.has(r.id)) continue;
    seen.add(r.id);
    history.push({ at: r.at, rating: r.rating, mode: r.mode, tookMs: r.tookMs });
  }
  return {
    key,
    phase: m?.phase ?? 'new',
    due: m && m.phase !== 'new' ? m.due : null,
    stability: m?.stability ?? 0,
    difficulty: m?.difficulty ?? 0,
    retrievability: m ? scheduler.retrievability(m, now) : 0,
    reps: m?.reps ?? 0,
    lapses: m?.lapses ?? 0,
    marks: store.progress.marks[key] ?? {},
    history,
  };
}
