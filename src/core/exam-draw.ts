// Drawing exam questions: in proportion to deck size, or by a blueprint's objective weights.
import type { Card } from './model.js';

export const EXAM_DEFAULTS = { questions: 60, minutes: 90, passPercent: 70 } as const;

/** Only questions with an answer the trainer can check: multiple choice, typed and labs. */
export function isExamCard(card: Card): boolean {
  const k = card.face.kind;
  return k === 'mcq' || k === 'typed' || k === 'lab';
}

/** Deterministic PRNG so a draw can be tested and an exam reproduced from its seed. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: readonly T[], rand: () => number): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/**
 * Splits `n` over weighted groups by largest remainder, never giving a group more than it
 * has; what a small group cannot take goes to the others in proportion.
 */
export function allocate(
  n: number,
  groups: readonly { weight: number; available: number }[],
): number[] {
  const out = groups.map(() => 0);
  let left = Math.min(
    n,
    groups.reduce((s, g) => s + g.available, 0),
  );
  while (left > 0) {
    const open = groups
      .map((g, i) => ({ g, i }))
      .filter(({ g, i }) => g.weight > 0 && out[i]! < g.available);
    if (open.length === 0) break;
    const total = open.reduce((s, { g }) => s + g.weight, 0);
    const shares = open.map(({ g, i }) => {
      const exact = (left * g.weight) / total;
      return {
        i,
        take: Math.min(Math.floor(exact), g.available - out[i]!),
        rest: exact - Math.floor(exact),
      };
    });
    let given = 0;
    for (const s of shares) {
      out[s.i]! += s.take;
      given += s.take;
    }
    // Hand out the remainder one by one, largest fractional share first. Every open group
    // has room, so each round gives at least one and the loop ends.
    for (const s of [...shares].sort((a, b) => b.rest - a.rest)) {
      if (given >= left) break;
      if (out[s.i]! < groups[s.i]!.available) {
        out[s.i]! += 1;
        given++;
      }
    }
    left -= given;
  }
  return out;
}

export interface Blueprint {
  title: string;
  /** Objective tag -> weight. */
  objectives: Record<string, number>;
}

export interface Draw {
  cards: Card[];
  /** Why the exam has fewer questions than asked, or objectives that had none. */
  notes: string[];
}

/** Questions spread over the decks in proportion to their size. */
export function drawByDeck(cards: readonly Card[], n: number, seed: number): Draw {
  const rand = rng(seed);
  const byDeck = new Map<string, Card[]>();
  for (const c of cards.filter(isExamCard))
    byDeck.set(c.deckId, [...(byDeck.get(c.deckId) ?? []), c]);
  const decks = [...byDeck.entries()];
  const counts = allocate(
    n,
    decks.map(([, cs]) => ({ weight: cs.length, available: cs.length })),
  );
  const picked = decks.flatMap(([, cs], i) => shuffle(cs, rand).slice(0, counts[i]));
  const notes: string[] = [];
  const total = decks.reduce((s, [, cs]) => s + cs.length, 0);
  if (total < n) notes.push(`Only ${total} exam questions are available here (asked for ${n}).`);
  return { cards: shuffle(picked, rand), notes };
}

/** Questions per objective tag in proportion to the blueprint's weights. */
export function drawByBlueprint(
  cards: readonly Card[],
  n: number,
  bp: Blueprint,
  seed: number,
): Draw {
  const rand = rng(seed);
  const objectives = Object.entries(bp.objectives);
  const used = new Set<string>();
  const pools = objectives.map(([tag]) =>
    shuffle(
      cards.filter((c) => isExamCard(c) && c.tags.includes(tag)),
      rand,
    ),
  );
  const counts = allocate(
    n,
    objectives.map(([, weight], i) => ({ weight, available: pools[i]!.length })),
  );
  const picked: Card[] = [];
  pools.forEach((pool, i) => {
    let want = counts[i]!;
    for (const c of pool) {
      if (want === 0) break;
      if (used.has(c.key)) continue;
      used.add(c.key);
      picked.push(c);
      want--;
    }
  });
  const notes = objectives
    .filter((_, i) => pools[i]!.length === 0)
    .map(([tag]) => `No questions for objective ${tag}; its weight went to the others.`);
  if (picked.length < n)
    notes.push(`Only ${picked.length} questions match the blueprint (asked for ${n}).`);
  return { cards: shuffle(picked, rand), notes };
}
