// One card as the browser shows it: the figures its columns hold and its query matches on.
// Built from the card, its memory and marks, with the clock and recall passed in so the
// module stays pure.
import { questionText } from '../cards.js';
import { studyDay } from '../clock.js';
import type { Card, CardFace, CardMarks, EntryKind, Memory, MemoryPhase } from '../model.js';

export interface CardRow {
  key: string;
  deck: string;
  kind: EntryKind;
  /** The card's question on one line (raw: callers sanitise before showing it). */
  front: string;
  phase: MemoryPhase;
  /** Due time (epoch ms); null for a new card. */
  due: number | null;
  /** Study days from today until due (negative: overdue); null for a new card. */
  dueDays: number | null;
  /** Scheduled interval in days; null for a new card. */
  interval: number | null;
  stability: number | null;
  difficulty: number | null;
  /** Chance of recall now, 0..1; null for a card never studied. */
  recall: number | null;
  lapses: number;
  reps: number;
  tags: string[];
  suspended: boolean;
  buried: boolean;
  flagged: boolean;
  leech: boolean;
  /** Every text of the card, lower-cased, for word searches. */
  haystack: string;
}

export interface RowContext {
  now: number;
  dayStartsAt: number;
  recall: (m: Memory, now: number) => number;
}

export function faceTexts(face: CardFace): string[] {
  switch (face.kind) {
    case 'flash':
      return [face.front, face.back];
    case 'cloze':
      return [face.text];
    case 'mcq':
      return [face.question, ...face.choices.map((c) => c.text)];
    case 'typed':
      return [face.prompt, face.answer, ...face.accept];
    case 'lab':
      return [face.task, face.answer, ...face.accept];
  }
}

function frontText(card: Card): string {
  // As the learner sees it before answering: a cloze with its gap open, not its markup.
  let first = questionText(card);
  // A term's question is the group's prompt and then its definition: the definition is
  // what tells the cards of a group apart.
  if (card.entryKind === 'terms') first = first.split(/\n\s*\n/).at(-1) ?? first;
  return first.replace(/\s+/g, ' ').trim();
}

export function cardRow(
  card: Card,
  memory: Memory | null,
  marks: CardMarks | undefined,
  ctx: RowContext,
): CardRow {
  const m = memory && memory.phase !== 'new' ? memory : null;
  const today = studyDay(ctx.now, ctx.dayStartsAt);
  return {
    key: card.key,
    deck: card.deckId,
    kind: card.entryKind,
    front: frontText(card),
    phase: m?.phase ?? 'new',
    due: m ? m.due : null,
    dueDays: m ? studyDay(m.due, ctx.dayStartsAt) - today : null,
    interval: m ? m.scheduledDays : null,
    stability: m ? m.stability : null,
    difficulty: m ? m.difficulty : null,
    recall: m && m.lastReview !== null ? ctx.recall(m, ctx.now) : null,
    lapses: memory?.lapses ?? 0,
    reps: memory?.reps ?? 0,
    tags: card.tags,
    suspended: marks?.suspended === true,
    buried: marks?.buriedDay !== undefined && marks.buriedDay >= today,
    flagged: marks?.flagged === true,
    leech: marks?.leech === true,
    haystack: [card.key, ...faceTexts(card.face), card.explanation ?? ''].join('\n').toLowerCase(),
  };
}
