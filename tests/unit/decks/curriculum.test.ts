// The shipped curriculum: a later change must not shrink it or let its quality slip.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeTyped } from '../../../src/core/grading.js';
import { findDeckFiles, loadDeckFile } from '../../../src/decks/load.js';
import { formatProblem } from '../../../src/decks/parse.js';
import { qualityWarnings } from '../../../src/decks/quality.js';

const DIR = join(import.meta.dirname, '../../../decks');
const files = findDeckFiles([DIR]);
const results = await Promise.all(files.map((f) => loadDeckFile(f)));
const decks = results.map((r) => r.deck!).filter(Boolean);
const entries = decks.flatMap((d) => d.entries);
const share = (type: string) => entries.filter((e) => e.type === type).length / entries.length;

describe('shipped decks', () => {
  it('one deck per book chapter, 16 in all, each with at least 35 entries', () => {
    expect(decks).toHaveLength(16);
    const chapters = decks
      .map((d) => Number(d.source?.match(/chapter (\d+)$/)?.[1]))
      .sort((a, b) => a - b);
    expect(chapters).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    for (const r of results) expect(r.entryCount, r.deck?.id).toBeGreaterThanOrEqual(35);
  });

  it('has at least 700 entries with the required mix of kinds', () => {
    expect(entries.length).toBeGreaterThanOrEqual(700);
    expect(share('mcq')).toBeGreaterThanOrEqual(0.35);
    expect(share('typed')).toBeGreaterThanOrEqual(0.1);
    for (const kind of ['basic', 'cloze', 'terms']) expect(share(kind), kind).toBeGreaterThan(0);
    expect(
      entries.some((e) => e.type === 'mcq' && e.choices.filter((c) => c.correct).length > 1),
    ).toBe(true);
    expect(entries.some((e) => e.type === 'basic' && e.reverse)).toBe(true);
  });

  it('passes lint --strict: no errors and no quality warnings', () => {
    const problems = [...results.flatMap((r) => r.problems), ...qualityWarnings(decks)];
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it('every entry has a ref, every mcq an explanation', () => {
    expect(entries.filter((e) => !e.ref).map((e) => e.id)).toEqual([]);
    expect(entries.filter((e) => e.type === 'mcq' && !e.explanation).map((e) => e.id)).toEqual([]);
  });

  it('every typed answer and accepted alternative is graded right when typed as written', () => {
    const wrong: string[] = [];
    for (const e of entries) {
      if (e.type !== 'typed') continue;
      for (const text of [e.answer, ...e.accept])
        if (!gradeTyped(text, e.answer, e.accept, e.match).correct) wrong.push(`${e.id}: ${text}`);
    }
    expect(wrong).toEqual([]);
  });

  it('never refers to chapters beyond 16', () => {
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      expect(text, f).not.toMatch(/\b22 chapters\b|\bch(apter|\.)?\s*(1[7-9]|2[0-2])\b/i);
    }
  });
});
