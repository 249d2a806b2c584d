// What differs between the cache and a fresh fold of the logs, in words for `doctor`.
import type { Progress } from '../core/progress.js';

/**
 * Deep equality that ignores the order of object keys: records applied in another order
 * (another device's older mark after a sync) leave the same marks in another key order.
 */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  return ka.every((k) => Object.hasOwn(y, k) && same(x[k], y[k]));
}

export function diffProgress(fresh: Progress, cached: Progress): string[] {
  const problems: string[] = [];
  const keys = new Set([...Object.keys(fresh.cards), ...Object.keys(cached.cards)]);
  let cards = 0;
  for (const k of keys) if (!same(fresh.cards[k], cached.cards[k])) cards++;
  if (cards) problems.push(`${cards} card state(s) in the cache differ from the review log`);
  if (!same(fresh.days, cached.days) || fresh.reviews !== cached.reviews)
    problems.push('daily counts in the cache differ from the review log');
  if (!same(fresh.marks, cached.marks))
    problems.push('card marks in the cache differ from the review log');
  if (
    !same(
      fresh.exams.map((e) => e.id),
      cached.exams.map((e) => e.id),
    )
  )
    problems.push('the exam history in the cache differs from the review log');
  if (!same(fresh.settingRecords, cached.settingRecords))
    problems.push('the settings in the cache differ from the review log');
  return problems;
}
