// Matching and sorting: each query term against cards in known states (fixed clock), the
// sort by every column in both directions, and the JSON shape.
import { describe, expect, it } from 'vitest';
import { deckCards } from '../../../../src/core/cards.js';
import type { CardMarks, Deck, Memory } from '../../../../src/core/model.js';
import { browse, cardJson } from '../../../../src/core/search/browse.js';
import { cardRow } from '../../../../src/core/search/card-row.js';
import { COLUMNS, type Column } from '../../../../src/core/search/columns.js';
import { cardTable } from '../../../../src/core/search/table.js';

const NOW = Date.parse('2026-03-02T10:00:00Z');
const DAY = 86_400_000;
const pos = { file: 'x.yaml', line: 1, col: 1 };

const deck = (id: string, tags: string[], entries: Deck['entries']): Deck => ({
  id,
  title: id,
  tags,
  file: `${id}.yaml`,
  entries,
});
const basic = (id: string, front: string, back: string, tags: string[] = []) => ({
  type: 'basic' as const,
  id,
  front,
  back,
  reverse: false,
  tags,
  pos,
});

const cards = [
  ...deckCards(
    deck(
      'kvm-ch04-net',
      ['lpic3-351.4'],
      [
        basic('bridge', 'Default libvirt bridge?', 'virbr0'),
        basic('nat', 'Which mode gives NAT?', 'the default network', ['net::nat']),
      ],
    ),
  ),
  ...deckCards(
    deck(
      'xen-basics',
      ['lpic3-351.2'],
      [
        basic('dom0', 'What is dom0?', 'The control domain'),
        basic('xl', 'Xen toolstack command?', 'xl'),
      ],
    ),
  ),
];

const mem = (over: Partial<Memory>): Memory => ({
  phase: 'review',
  due: NOW + 3 * DAY,
  stability: 10,
  difficulty: 5,
  scheduledDays: 10,
  learningSteps: 0,
  reps: 3,
  lapses: 0,
  lastReview: NOW - 7 * DAY,
  ...over,
});

const memories: Record<string, Memory> = {
  'kvm-ch04-net/bridge': mem({ scheduledDays: 20, stability: 25, lapses: 3, due: NOW - 2 * DAY }),
  'kvm-ch04-net/nat': mem({
    phase: 'learning',
    due: NOW + 600_000,
    scheduledDays: 0,
    stability: 1,
  }),
  'xen-basics/dom0': mem({ scheduledDays: 4, stability: 4, difficulty: 8, due: NOW + 3 * DAY }),
};
const marks: Record<string, CardMarks> = {
  'kvm-ch04-net/bridge': { flagged: true, leech: true },
  'xen-basics/dom0': { suspended: true },
  'xen-basics/xl': { buriedDay: 20_514 },
};
// Recall falls with the days since the review, against stability: enough to order cards.
const recall = (m: Memory, now: number) =>
  Math.exp(-(now - (m.lastReview ?? now)) / DAY / m.stability);

const run = (query: string, column: Column = 'card', desc = false) => {
  const r = browse(
    { cards, memory: (k) => memories[k] ?? null, marks: (k) => marks[k] },
    query,
    { column, desc },
    { now: NOW, dayStartsAt: 4, recall },
  );
  if (!r.ok) throw new Error(r.message);
  return r.rows.map((x) => x.key);
};

describe('matching', () => {
  it('deck: is a prefix, ignoring case; tag: exact, wildcard or parent', () => {
    expect(run('deck:KVM')).toEqual(['kvm-ch04-net/bridge', 'kvm-ch04-net/nat']);
    expect(run('deck:kvm-ch05')).toEqual([]);
    expect(run('tag:lpic3-351.2')).toEqual(['xen-basics/dom0', 'xen-basics/xl']);
    expect(run('tag:lpic3-351')).toEqual([]);
    expect(run('tag:lpic3-351.*')).toHaveLength(4);
    expect(run('tag:net')).toEqual(['kvm-ch04-net/nat']);
  });

  it('is: states and marks', () => {
    expect(run('is:new')).toEqual(['xen-basics/xl']);
    expect(run('is:learn')).toEqual(['kvm-ch04-net/nat']);
    expect(run('is:review')).toEqual(['kvm-ch04-net/bridge', 'xen-basics/dom0']);
    expect(run('is:due')).toEqual(['kvm-ch04-net/bridge']);
    expect(run('is:suspended')).toEqual(['xen-basics/dom0']);
    expect(run('is:buried')).toEqual(['xen-basics/xl']);
    expect(run('is:flagged')).toEqual(['kvm-ch04-net/bridge']);
    expect(run('is:leech')).toEqual(['kvm-ch04-net/bridge']);
  });

  it('prop: compares figures a card has; a new card has no interval', () => {
    expect(run('prop:ivl>=10')).toEqual(['kvm-ch04-net/bridge']);
    expect(run('prop:ivl<10')).toEqual(['kvm-ch04-net/nat', 'xen-basics/dom0']);
    expect(run('-prop:ivl>=10')).toEqual(['kvm-ch04-net/nat', 'xen-basics/dom0', 'xen-basics/xl']);
    expect(run('prop:due<=0')).toEqual(['kvm-ch04-net/bridge', 'kvm-ch04-net/nat']);
    expect(run('prop:due=3')).toEqual(['xen-basics/dom0']);
    expect(run('prop:lapses>2')).toEqual(['kvm-ch04-net/bridge']);
    expect(run('prop:lapses=0')).toEqual(['kvm-ch04-net/nat', 'xen-basics/dom0', 'xen-basics/xl']);
    expect(run('prop:r<0.8')).toEqual([
      'kvm-ch04-net/bridge',
      'kvm-ch04-net/nat',
      'xen-basics/dom0',
    ]);
    expect(run('prop:r>0.5')).toEqual(['kvm-ch04-net/bridge']);
  });

  it('words search every text of the card and its key; or, not, phrases', () => {
    expect(run('virbr0')).toEqual(['kvm-ch04-net/bridge']);
    expect(run('DOM0')).toEqual(['xen-basics/dom0']);
    expect(run('"control domain"')).toEqual(['xen-basics/dom0']);
    expect(run('control domain')).toEqual(['xen-basics/dom0']);
    expect(run('"domain control"')).toEqual([]);
    expect(run('virbr0 or xl')).toEqual(['kvm-ch04-net/bridge', 'xen-basics/xl']);
    expect(run('deck:xen -is:suspended')).toEqual(['xen-basics/xl']);
    expect(run('')).toHaveLength(4);
  });

  it('a bad query is an error, not an empty list', () => {
    const r = browse(
      { cards, memory: () => null, marks: () => undefined },
      'is:dew',
      { column: 'card', desc: false },
      { now: NOW, dayStartsAt: 4, recall },
    );
    expect(r).toEqual({
      ok: false,
      message: expect.stringMatching(/unknown is: value 'dew' at column 4/),
    });
  });
});

describe('sorting', () => {
  it('by each figure, missing figures last in both directions, ties by key', () => {
    expect(run('', 'interval')).toEqual([
      'kvm-ch04-net/nat',
      'xen-basics/dom0',
      'kvm-ch04-net/bridge',
      'xen-basics/xl',
    ]);
    expect(run('', 'interval', true)).toEqual([
      'kvm-ch04-net/bridge',
      'xen-basics/dom0',
      'kvm-ch04-net/nat',
      'xen-basics/xl',
    ]);
    expect(run('', 'due')).toEqual([
      'kvm-ch04-net/bridge',
      'kvm-ch04-net/nat',
      'xen-basics/dom0',
      'xen-basics/xl',
    ]);
    expect(run('', 'difficulty', true)[0]).toBe('xen-basics/dom0');
    expect(run('', 'lapses', true)[0]).toBe('kvm-ch04-net/bridge');
    expect(run('', 'lapses').slice(0, 3)).toEqual([
      'kvm-ch04-net/nat',
      'xen-basics/dom0',
      'xen-basics/xl',
    ]);
    expect(run('', 'recall')).toEqual([
      'kvm-ch04-net/nat',
      'xen-basics/dom0',
      'kvm-ch04-net/bridge',
      'xen-basics/xl',
    ]);
    expect(run('', 'deck', true)[0]).toBe('xen-basics/dom0');
    expect(run('', 'state')[0]).toBe('kvm-ch04-net/nat');
  });

  it('every column sorts, and desc reverses the cards that have the figure', () => {
    for (const col of COLUMNS) {
      const asc = run('', col);
      const desc = run('', col, true);
      expect(new Set(asc)).toEqual(new Set(desc));
      expect(asc).toHaveLength(4);
    }
  });
});

describe('output', () => {
  const rows = () => {
    const r = browse(
      { cards, memory: (k) => memories[k] ?? null, marks: (k) => marks[k] },
      '',
      { column: 'card', desc: false },
      { now: NOW, dayStartsAt: 4, recall },
    );
    if (!r.ok) throw new Error(r.message);
    return r.rows;
  };

  it('JSON: one object per card with every column', () => {
    const j = rows().map(cardJson);
    expect(j[0]).toEqual({
      key: 'kvm-ch04-net/bridge',
      deck: 'kvm-ch04-net',
      kind: 'basic',
      front: 'Default libvirt bridge?',
      state: 'review',
      due: '2026-02-28T10:00:00.000Z',
      dueDays: -2,
      interval: 20,
      stability: 25,
      difficulty: 5,
      recall: 0.7558,
      lapses: 3,
      reps: 3,
      tags: ['lpic3-351.4'],
      suspended: false,
      buried: false,
      flagged: true,
      leech: true,
    });
    expect(j[3]).toMatchObject({
      key: 'xen-basics/xl',
      state: 'new',
      due: null,
      recall: null,
      buried: true,
    });
  });

  it('the table fits the width, dropping columns before the card text gets too short', () => {
    for (const width of [40, 80, 132]) {
      const t = cardTable(rows(), width, NOW);
      for (const line of [t.header, ...t.lines])
        expect([...line].length).toBeLessThanOrEqual(width);
    }
    expect(cardTable(rows(), 132, NOW).columns).toHaveLength(10);
    const narrow = cardTable(rows(), 40, NOW);
    expect(narrow.columns[0]).toBe('card');
    expect(cardTable(rows(), 60, NOW).columns.slice(0, 3)).toEqual(['card', 'state', 'due']);
    expect(narrow.columns).not.toContain('difficulty');
    expect(cardTable(rows(), 132, NOW).lines[0]).toMatch(/review flag leech\s+2d late\s+20d/);
  });
});

describe('the card column', () => {
  it('shows a cloze as the learner sees it, with its own gap open, not its markup', () => {
    const [c1, c2] = deckCards(
      deck(
        'd',
        [],
        [
          {
            type: 'cloze',
            id: 'c',
            text: 'A {{c1::hypervisor}} runs {{c2::guests}}.',
            tags: [],
            pos,
          },
        ],
      ),
    );
    const ctx = { now: NOW, dayStartsAt: 4, recall };
    const row1 = cardRow(c1!, null, undefined, ctx);
    const row2 = cardRow(c2!, null, undefined, ctx);
    expect(row1.front).not.toContain('{{');
    expect(row1.front).toContain('guests');
    expect(row1.front).not.toContain('hypervisor');
    expect(row2.front).toContain('hypervisor');
    expect(row2.front).not.toContain('guests');
  });
});
