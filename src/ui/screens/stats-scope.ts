// What the Stats screen's figures cover and what `s` offers instead: every deck, each deck
// (by title) and each exam objective, from the choices core/stats.ts lists.
import type { Stats, StatsChoices, StatsScope } from '../../core/stats.js';
import { lineRow, type Row, type Style } from '../components/rows.js';

export interface ScopeChoice {
  scope: StatsScope;
  label: string;
}

export const EVERY_DECK: StatsScope = { deck: null, objective: null };

export function scopeChoices(c: StatsChoices): ScopeChoice[] {
  return [
    { scope: EVERY_DECK, label: 'every deck' },
    ...c.decks.map((d) => ({ scope: { deck: d.id, objective: null }, label: d.title })),
    ...c.objectives.map((o) => ({ scope: { deck: null, objective: o }, label: `objective ${o}` })),
  ];
}

const same = (a: StatsScope, b: StatsScope) => a.deck === b.deck && a.objective === b.objective;

/** The scope's place in the choices (0, every deck, when it is not one of them). */
export function scopeIndex(choices: readonly ScopeChoice[], s: StatsScope): number {
  return Math.max(
    0,
    choices.findIndex((c) => same(c.scope, s)),
  );
}

/** The header's name for the scope: "every deck", a deck's title, "objective lpic3-351.4". */
export function scopeLabel(s: Stats): string {
  const hit = scopeChoices(s.choices).find((c) => same(c.scope, s.scope));
  if (hit) return hit.label;
  return s.scope.objective !== null ? `objective ${s.scope.objective}` : (s.scope.deck ?? '');
}

/** The picker's rows: the cursor's row marked and styled. Titles pass oneLine in lineRow. */
export function scopeRows(choices: readonly ScopeChoice[], cursor: number, on: Style): Row[] {
  return choices.map((c, i) =>
    i === cursor ? lineRow(`› ${c.label}`, on) : lineRow(`  ${c.label}`),
  );
}

/** The cards the screen lists as hardest (both lists, each card once), for `h`. */
export function hardestKeys(s: Stats, shown: number): string[] {
  const keys = [...s.hardest.lowestRecall.slice(0, shown), ...s.hardest.mostLapses.slice(0, shown)];
  return [...new Set(keys.map((c) => c.key))];
}
