// The home screen's readiness line fits the width: it wraps between objectives, shortens a
// name too wide for the screen, keeps the weakest objectives and counts the rest.
import { describe, expect, it } from 'vitest';
import type { ReadinessView } from '../../../src/core/ports.js';
import { rowText } from '../../../src/ui/components/rows.js';
import {
  examRows,
  objectiveItem,
  readinessRowBudget,
  readinessRows,
} from '../../../src/ui/screens/home-readiness.js';

// The LPIC-3 305 objectives as the shipped blueprint names them.
const OBJECTIVES: [string, string, number][] = [
  ['lpic3-351.1', 'Virtualization concepts and theory', 21],
  ['lpic3-351.2', 'Xen', 22],
  ['lpic3-351.3', 'QEMU', 21],
  ['lpic3-351.4', 'Libvirt virtual machine management', 20],
  ['lpic3-351.5', 'Virtual machine disk image management', 19],
  ['lpic3-353.1', 'Cloud management tools', 23],
  ['lpic3-353.3', 'cloud-init', 22],
];

function view(objectives = OBJECTIVES, examDate: ReadinessView['examDate'] = null): ReadinessView {
  const byTag = Object.fromEntries(
    objectives.map(([tag, name, percent]) => [tag, { percent, cards: 10, name }]),
  );
  return { now: { percent: 21, cards: 70, byTag, basis: 'next-day' }, examDate };
}

const texts = (rows: ReturnType<typeof readinessRows>) => rows.map(rowText);

describe('readinessRows', () => {
  it.each([
    [79, 2],
    [79, 3],
    [39, 2],
    [39, 1],
  ])(
    'at width %i in %i rows: fits, weakest first, and counts what is left out',
    (width, budget) => {
      const rows = texts(readinessRows(view(), width, budget));
      expect(rows.length).toBeLessThanOrEqual(budget);
      for (const r of rows) expect(r.length, r).toBeLessThanOrEqual(width);
      const all = rows.join(' · ');
      expect(all.startsWith('Ready tomorrow 21%')).toBe(true);
      // Every objective shown keeps its code and its figure; the weakest comes first.
      const shown = [...all.matchAll(/(35\d\.\d)[^·]*? (\d+)%/g)].map((m) => m[1]);
      if (shown.length > 0) expect(shown[0]).toBe('351.5');
      const more = /\+(\d+) more/.exec(all);
      expect(Number(more?.[1] ?? 0)).toBe(OBJECTIVES.length - shown.length);
    },
  );

  it('at 80 columns and two rows shows the weakest by name, then the count of the rest', () => {
    expect(texts(readinessRows(view(), 79, 2))).toEqual([
      'Ready tomorrow 21% · 351.5 Virtual machine disk image management 19%',
      '351.4 Libvirt virtual machine management 20% · +5 more in hyperrecall stats',
    ]);
  });

  it('narrow: the last objective shown gives up part of its name for the count', () => {
    expect(texts(readinessRows(view(), 39, 2))).toEqual([
      'Ready tomorrow 21%',
      '351.5 Virtual machine di… 19% · +6 more',
    ]);
    expect(texts(readinessRows(view(), 39, 1))).toEqual(['Ready tomorrow 21% · +7 more']);
  });

  it('everything on one row when it fits, with nothing counted', () => {
    const few = OBJECTIVES.filter(([, name]) => name.length < 5);
    expect(texts(readinessRows(view(few), 79, 2))).toEqual([
      'Ready tomorrow 21% · 351.3 QEMU 21% · 351.2 Xen 22%',
    ]);
  });

  it('names the exam morning with an exam date', () => {
    const r = view(OBJECTIVES.slice(1, 2));
    r.now.basis = 'exam-date';
    expect(texts(readinessRows(r, 79, 1))).toEqual(['Ready on exam day 21% · 351.2 Xen 22%']);
  });
});

describe('objectiveItem', () => {
  it('shortens the name, never the code or the figure', () => {
    const name = 'Virtual machine disk image management';
    expect(objectiveItem('351.5', name, 19, 80)).toBe(`351.5 ${name} 19%`);
    const cut = objectiveItem('351.5', name, 19, 30);
    expect(cut).toBe('351.5 Virtual machine dis… 19%');
    expect(cut).toHaveLength(30);
    expect(objectiveItem('351.5', name, 19, 10)).toBe('351.5 19%');
    expect(objectiveItem('351.5', undefined, 100, 40)).toBe('351.5 100%');
  });
});

describe('examRows', () => {
  it('wraps the pace and the score trend at 40 columns', () => {
    const plan = {
      date: '2026-03-12',
      daysLeft: 10,
      forecastPercent: 40,
      unseen: 300,
      newPerDayNeeded: 30,
    };
    const history = [50, 60, 70, 80, 90].map((scorePercent) => ({
      scorePercent,
      passed: scorePercent >= 70,
      predictedPercent: 65,
    }));
    const rows = texts(
      examRows(view(OBJECTIVES, plan), history as never, 39, readinessRowBudget(24)),
    );
    for (const r of rows) expect(r.length, r).toBeLessThanOrEqual(39);
    const all = rows.join(' ');
    expect(all).toContain('Exam 2026-03-12, 10 days: 30 new/day to see all 300');
    expect(all).toContain('Exams 50% → 60% → 70% → 80% → 90% (last passed, forecast 65%)');
  });

  it('gives readiness one row under 24 rows, two at 24, three from 28', () => {
    expect([20, 23, 24, 27, 28, 40].map(readinessRowBudget)).toEqual([1, 1, 2, 2, 3, 3]);
  });
});
