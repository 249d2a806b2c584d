// Decks plus progress: answers the questions the commands and screens ask, and records
// answers in the store. Implements the UI's StudyPort.
import { randomBytes } from 'node:crypto';
import { deckCards } from '../../core/cards.js';
import { nextDayStart, studyDay } from '../../core/clock.js';
import type { Card, Deck, Grade, Memory, MemoryPhase, ReviewRecord } from '../../core/model.js';
import type { AnswerInput, DeckRow, HomeData, Scope, StudyPort } from '../../core/ports.js';
import { streak } from '../../core/progress.js';
import {
  type Counts,
  counts,
  nextCard,
  nextDueAfter,
  type QueueInput,
  type Today,
} from '../../core/queue.js';
import { newMemory, type Outcome, Scheduler } from '../../core/scheduler.js';
import { resolveSettings, type Settings } from '../../core/settings.js';
import type { LoadResult } from '../../decks/load.js';
import type { Store } from '../../store/store.js';

export interface StatusJson {
  due: number;
  new: number;
  learning: number;
  reviewedToday: number;
  streak: number;
  decks: { id: string; title: string; cards: number; new: number; learning: number; due: number }[];
}

export class Collection implements StudyPort {
  readonly settings: Settings;
  readonly scheduler: Scheduler;
  readonly decks: Deck[];
  private readonly cardsByDeck = new Map<string, Card[]>();
  private readonly entryCounts = new Map<string, number>();
  private readonly memory = (key: string): Memory | undefined => this.store.progress.cards[key];

  constructor(
    private readonly loaded: LoadResult,
    private readonly store: Store,
    private readonly device: string,
  ) {
    this.settings = resolveSettings(store.settings);
    this.scheduler = new Scheduler(this.settings);
    this.decks = loaded.decks.map((d) => d.deck);
    for (const { deck, entryCount } of loaded.decks) {
      this.cardsByDeck.set(deck.id, deckCards(deck));
      this.entryCounts.set(deck.id, entryCount);
    }
  }

  cards(scope: Scope): Card[] {
    const ids = scope ?? this.decks.map((d) => d.id);
    return ids.flatMap((id) => this.cardsByDeck.get(id) ?? []);
  }

  today(now: number): Today {
    const d = this.store.progress.days[studyDay(now, this.settings.dayStartsAt)];
    return { newDone: d?.newCards ?? 0, reviewsDone: d?.reviewCards ?? 0 };
  }

  private queue(scope: Scope, now: number): QueueInput {
    return {
      cards: this.cards(scope),
      memory: this.memory,
      now,
      settings: this.settings,
      today: this.today(now),
    };
  }

  counts(scope: Scope, now: number): Counts {
    return counts(this.queue(scope, now));
  }

  next(scope: Scope, now: number, sinceNew: number): Card | null {
    return nextCard(this.queue(scope, now), sinceNew);
  }

  nextDue(scope: Scope, now: number): number | null {
    const input = this.queue(scope, now);
    const scheduled = nextDueAfter(input);
    const hasNew = input.cards.some((c) => (this.memory(c.key)?.phase ?? 'new') === 'new');
    // Unseen cards held back by the daily limit come back when the next study day starts.
    const tomorrow = hasNew ? nextDayStart(now, this.settings.dayStartsAt) : null;
    if (scheduled === null) return tomorrow;
    return tomorrow === null ? scheduled : Math.min(scheduled, tomorrow);
  }

  preview(card: Card, now: number): Record<Grade, Outcome> {
    return this.scheduler.preview(this.memory(card.key) ?? newMemory(now), now);
  }

  phase(key: string): MemoryPhase {
    return this.memory(key)?.phase ?? 'new';
  }

  answer({ card, grade, now, tookMs, correct }: AnswerInput): void {
    const before = this.memory(card.key) ?? null;
    const after = this.scheduler.answer(before ?? newMemory(now), now, grade);
    const rec: ReviewRecord = {
      type: 'review',
      id: `${this.device}-${now.toString(36)}-${randomBytes(4).toString('hex')}`,
      key: card.key,
      at: now,
      rating: grade,
      mode: 'study',
      tookMs: Math.max(0, Math.round(tookMs)),
      ...(correct === undefined ? {} : { correct }),
      before,
      after,
      day: studyDay(now, this.settings.dayStartsAt),
    };
    this.store.append(rec);
  }

  deckRows(now: number): DeckRow[] {
    return this.loaded.decks.map(({ deck, entryCount }) => {
      const kinds: Record<string, number> = { basic: 0, mcq: 0, cloze: 0, typed: 0, terms: 0 };
      for (const e of deck.entries) kinds[e.type] = (kinds[e.type] ?? 0) + 1;
      return {
        id: deck.id,
        title: deck.title,
        file: deck.file,
        entries: entryCount,
        cards: this.cardsByDeck.get(deck.id)?.length ?? 0,
        kinds,
        ...this.counts([deck.id], now),
      };
    });
  }

  home(now: number): HomeData {
    const warnings = [
      ...this.loaded.brokenFiles.map((f) => `${f} has errors (run: hyperrecall lint ${f})`),
      ...this.store.notices,
    ];
    const day = studyDay(now, this.settings.dayStartsAt);
    return {
      decks: this.deckRows(now),
      totals: this.counts(null, now),
      streak: streak(this.store.progress.days, day),
      reviewedToday: this.store.progress.days[day]?.reviews ?? 0,
      warnings,
    };
  }

  status(now: number): StatusJson {
    const h = this.home(now);
    return {
      due: h.totals.due,
      new: h.totals.new,
      learning: h.totals.learning,
      reviewedToday: h.reviewedToday,
      streak: h.streak,
      decks: h.decks.map((d) => ({
        id: d.id,
        title: d.title,
        cards: d.cards,
        new: d.new,
        learning: d.learning,
        due: d.due,
      })),
    };
  }
}
