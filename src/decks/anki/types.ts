// What an Anki collection holds that an import needs, read from either schema (11 or 18).

/** How a note type's notes become hyperrecall entries (see notetype-kind.ts). */
export type NoteShape = 'basic' | 'reverse' | 'cloze' | 'typed' | 'other';

export interface AnkiNotetype {
  id: string;
  name: string;
  /** Anki's kind: a cloze note type makes one card per cloze number. */
  cloze: boolean;
  fields: string[];
  /** Front and back templates, in ordinal order. */
  templates: { qfmt: string; afmt: string }[];
}

export interface AnkiNote {
  id: string;
  guid: string;
  notetypeId: string;
  fields: string[];
  tags: string[];
}

export interface AnkiCard {
  id: string;
  noteId: string;
  deckId: string;
  ord: number;
  /** 0 new, 1 learning, 2 review, 3 relearning. */
  type: number;
  /** -3 and -2 buried, -1 suspended, others scheduled. */
  queue: number;
  flags: number;
  /** Anki's own FSRS memory state, when the collection used FSRS. */
  fsrs: { stability: number; difficulty: number } | null;
}

export interface AnkiReview {
  /** Epoch ms of the answer (revlog.id). */
  at: number;
  cardId: string;
  /** 0 for a manual entry (reset, set due date); 1-4 the button. */
  ease: number;
  /** 0 learn, 1 review, 2 relearn, 3 filtered, 4 manual, 5 rescheduled. */
  kind: number;
  /** Ease factor; 0 on a manual entry that reset the card. */
  factor: number;
  tookMs: number;
}

export interface AnkiCollection {
  format: 'anki2' | 'anki21' | 'anki21b';
  /** Hour at which Anki's study day starts (its `rollover` setting). */
  rollover: number;
  decks: Map<string, string>;
  notetypes: Map<string, AnkiNotetype>;
  notes: AnkiNote[];
  cards: AnkiCard[];
  reviews: AnkiReview[];
  /** Media files in the package (counted, not extracted). */
  mediaFiles?: number;
}
