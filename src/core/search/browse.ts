// A browser query end to end: parse, build rows, filter, sort. Also the JSON shape that
// `hyperrecall cards --json` prints (documented in README, "Card browser").
import type { Card, CardMarks, Memory } from '../model.js';
import { type CardRow, cardRow, type RowContext } from './card-row.js';
import { type Column, sortRows } from './columns.js';
import { matches } from './match.js';
import { parseQuery } from './query.js';

export interface BrowseSource {
  cards: readonly Card[];
  memory: (key: string) => Memory | null;
  marks: (key: string) => CardMarks | undefined;
}

export type Browsed = { ok: true; rows: CardRow[] } | { ok: false; message: string };

export function browse(
  src: BrowseSource,
  query: string,
  sort: { column: Column; desc: boolean },
  ctx: RowContext,
): Browsed {
  const parsed = parseQuery(query);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const rows: CardRow[] = [];
  for (const card of src.cards) {
    const row = cardRow(card, src.memory(card.key), src.marks(card.key), ctx);
    if (matches(row, parsed.query, ctx.now)) rows.push(row);
  }
  return { ok: true, rows: sortRows(rows, sort.column, sort.desc) };
}

export interface CardJson {
  key: string;
  deck: string;
  kind: string;
  front: string;
  state: string;
  due: string | null;
  dueDays: number | null;
  interval: number | null;
  stability: number | null;
  difficulty: number | null;
  recall: number | null;
  lapses: number;
  reps: number;
  tags: string[];
  suspended: boolean;
  buried: boolean;
  flagged: boolean;
  leech: boolean;
}

const round = (x: number | null, digits: number) => (x === null ? null : Number(x.toFixed(digits)));

export function cardJson(r: CardRow): CardJson {
  return {
    key: r.key,
    deck: r.deck,
    kind: r.kind,
    front: r.front,
    state: r.phase,
    due: r.due === null ? null : new Date(r.due).toISOString(),
    dueDays: r.dueDays,
    interval: r.interval,
    stability: round(r.stability, 4),
    difficulty: round(r.difficulty, 4),
    recall: round(r.recall, 4),
    lapses: r.lapses,
    reps: r.reps,
    tags: [...r.tags],
    suspended: r.suspended,
    buried: r.buried,
    flagged: r.flagged,
    leech: r.leech,
  };
}
