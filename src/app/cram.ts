// The cram run's cards for a Collection: the scope's cards in the run's order (core/cram.ts),
// less those this process has answered in the run and not taken back (its undo stack).
import { cramOrder } from '../core/cram.js';
import type { Card } from '../core/model.js';
import type { Scope } from '../core/ports.js';
import type { Progress } from '../core/progress.js';
import type { Settings } from '../core/settings.js';
import { crammedSince, type Undoable } from '../core/undo.js';
import type { DeckIndex } from './deck-index.js';

/** What of the Collection a cram run needs. */
export interface CramSource {
  readonly index: DeckIndex;
  readonly store: { readonly progress: Progress };
  settings(): Pick<Settings, 'dayStartsAt'>;
}

export function cramDeck(src: CramSource, stack: readonly Undoable[], scope: Scope): Card[] {
  const { index } = src;
  const cram = scope.custom?.kind === 'cram' ? scope.custom : null;
  if (!cram) return [];
  const done = crammedSince(stack, cram.since);
  const keys = index.cards(scope).map((c) => c.key);
  const marks = (key: string) => src.store.progress.marks[key];
  const dayStartsAt = src.settings().dayStartsAt;
  const order = cramOrder(keys, cram.pick, marks, cram.since, dayStartsAt, done);
  return order.flatMap((key) => index.card(key) ?? []);
}
