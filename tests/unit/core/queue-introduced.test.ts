// New cards an exam moved up (an `introduce` mark) are introduced before the others, by the
// full scan and by the incremental index alike; among themselves, in deck order.
import { describe, expect, it } from 'vitest';
import type { Memory } from '../../../src/core/model.js';
import { nextCard, type QueueInput } from '../../../src/core/queue.js';
import { QueueIndex } from '../../../src/core/queue-index.js';
import { newMemory, Scheduler } from '../../../src/core/scheduler.js';
import { resolveSettings } from '../../../src/core/settings.js';
import { cardsOf } from '../helpers.js';

const T0 = Date.parse('2026-03-02T10:00:00Z');
const settings = resolveSettings({ newPerDay: 20, dayStartsAt: 4, fuzz: false });
const cards = cardsOf('d', 10);

function world(moved: string[]) {
  const mem: Record<string, Memory> = {};
  const introduced = new Set(moved);
  const input = (): QueueInput => ({
    cards,
    memory: (k) => mem[k],
    now: T0,
    settings,
    today: { newDone: 0, reviewsDone: 0 },
    introduced: (k) => introduced.has(k),
  });
  const index = new QueueIndex({
    cards,
    memory: (k) => mem[k],
    hidden: () => false,
    introduced: (k) => introduced.has(k),
    card: (k) => cards.find((c) => c.key === k) ?? null,
    settings,
    now: T0,
  });
  /** Studies a card: it leaves the new queue. */
  const study = (key: string) => {
    mem[key] = new Scheduler(settings).answer(newMemory(T0), T0, 4, key);
    index.update(key);
  };
  const next = () => {
    const scan = nextCard(input())?.key;
    expect(index.plan(T0, { newDone: 0, reviewsDone: 0 }, 0).next?.key).toBe(scan);
    return scan;
  };
  return { next, study };
}

describe('defect 9: a new card missed in an exam comes first among new cards', () => {
  it('without moved-up cards, new cards come in deck order', () => {
    const w = world([]);
    expect(w.next()).toBe('d/c0');
  });

  it('moved-up cards first, in deck order, then the rest', () => {
    const w = world(['d/c7', 'd/c4']);
    expect(w.next()).toBe('d/c4');
    w.study('d/c4');
    expect(w.next()).toBe('d/c7');
    w.study('d/c7');
    expect(w.next()).toBe('d/c0');
  });

  it('a moved-up card that was studied since is no longer new and is not served as one', () => {
    const w = world(['d/c9']);
    w.study('d/c9');
    expect(w.next()).toBe('d/c0');
  });
});
