// The loaded decks turned into cards, indexed by deck and by key, with each scope's card
// list built once. Reloading the decks (after an edit) bumps `version`.
import { deckCards } from '../core/cards.js';
import type { Card, Deck } from '../core/model.js';
import type { Scope } from '../core/ports.js';
import type { LoadResult } from '../decks/load.js';
import type { Problem } from '../decks/problem.js';

export function scopeKey(scope: Scope): string {
  return `${scope.decks?.join(',') ?? '*'}#${scope.tag ?? ''}`;
}

export class DeckIndex {
  version = 0;
  decks: Deck[] = [];
  private loaded!: LoadResult;
  private byDeck = new Map<string, Card[]>();
  private byKey = new Map<string, Card>();
  private scopes = new Map<string, Card[]>();

  constructor(loaded: LoadResult) {
    this.reindex(loaded);
  }

  reindex(loaded: LoadResult): void {
    this.loaded = loaded;
    this.version++;
    this.scopes = new Map();
    this.decks = loaded.decks.map((d) => d.deck);
    this.byDeck = new Map();
    this.byKey = new Map();
    for (const { deck } of loaded.decks) {
      const cards = deckCards(deck);
      this.byDeck.set(deck.id, cards);
      for (const c of cards) this.byKey.set(c.key, c);
    }
  }

  cards(scope: Scope): Card[] {
    const key = scopeKey(scope);
    const hit = this.scopes.get(key);
    if (hit) return hit;
    const ids = scope.decks ?? this.decks.map((d) => d.id);
    const all = ids.flatMap((id) => this.byDeck.get(id) ?? []);
    const cards = scope.tag ? all.filter((c) => c.tags.includes(scope.tag!)) : all;
    this.scopes.set(key, cards);
    return cards;
  }

  card(key: string): Card | null {
    return this.byKey.get(key) ?? null;
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  deckTitle(id: string): string {
    return this.decks.find((d) => d.id === id)?.title ?? id;
  }

  /** Per deck: entries in the file, studyable cards and entries of each kind. */
  deckFacts() {
    return this.loaded.decks.map(({ deck, entryCount }) => {
      const kinds: Record<string, number> = {
        basic: 0,
        mcq: 0,
        cloze: 0,
        typed: 0,
        terms: 0,
        lab: 0,
      };
      for (const e of deck.entries) kinds[e.type] = (kinds[e.type] ?? 0) + 1;
      return {
        id: deck.id,
        title: deck.title,
        file: deck.file,
        entries: entryCount,
        cards: this.byDeck.get(deck.id)?.length ?? 0,
        kinds,
      };
    });
  }

  /** The errors found while loading, located as file:line:col: `decks` names them. */
  errors(): Problem[] {
    return this.loaded.problems.filter((p) => p.severity === 'error');
  }

  /** One line per deck file that has errors. */
  warnings(): string[] {
    return this.loaded.brokenFiles.map((f) => `${f} has errors (run: hyperrecall lint ${f})`);
  }
}
