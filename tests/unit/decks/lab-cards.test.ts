// Every lab card of the shipped decks, run for real: its reference answer and each accepted
// form pass its own check, and a plausible wrong command (tests/fixtures/lab-wrong-answers
// .yaml, written with the cards) fails it. Needs virsh and qemu-img (CI installs them); the
// runs are skipped with the reason printed where they are missing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runLab } from '../../../src/app/labs/run-lab.js';
import { findOnPath } from '../../../src/app/labs/tools.js';
import { deckCards } from '../../../src/core/cards.js';
import type { LabSpec } from '../../../src/core/lab-spec.js';
import { labFileProblems } from '../../../src/decks/lab-files.js';
import { findDeckFiles, loadDeckFile } from '../../../src/decks/load.js';

const ROOT = join(import.meta.dirname, '../../..');
const results = await Promise.all(findDeckFiles([join(ROOT, 'decks')]).map((f) => loadDeckFile(f)));
const decks = results.map((r) => r.deck!).filter(Boolean);
const labs = decks
  .flatMap((d) => deckCards(d))
  .flatMap((c) =>
    c.face.kind === 'lab' ? [{ key: c.key, file: c.pos.file, spec: c.face as LabSpec }] : [],
  );
const wrong = (parse(readFileSync(join(ROOT, 'tests/fixtures/lab-wrong-answers.yaml'), 'utf8')) ??
  {}) as Record<string, string>;

const missing = ['virsh', 'qemu-img'].filter((p) => findOnPath(p) === null);
if (missing.length > 0)
  console.warn(
    `SKIPPED running the shipped lab cards: ${missing.join(', ')} not installed (apt-get install libvirt-clients qemu-utils)`,
  );

describe('shipped lab cards', () => {
  it('parse without errors and name node files that exist', () => {
    const labErrors = results
      .flatMap((r) => r.problems)
      .filter(
        (p) =>
          p.severity === 'error' &&
          /\b(lab|answer|accept|setup|check|node|env|task)\b/.test(p.message),
      );
    expect(labErrors).toEqual([]);
    expect(labFileProblems(decks)).toEqual([]);
  });

  it('each have a wrong-answer fixture, and every fixture names a lab card', () => {
    const keys = new Set(labs.map((l) => l.key));
    expect(labs.filter((l) => wrong[l.key] === undefined).map((l) => l.key)).toEqual([]);
    expect(Object.keys(wrong).filter((k) => !keys.has(k))).toEqual([]);
  });

  describe.skipIf(missing.length > 0)('run against virsh 9.0 / qemu-img 7.2', () => {
    it.each(labs.map((l) => [l.key, l] as const))('%s', async (_key, lab) => {
      for (const line of [lab.spec.answer, ...lab.spec.accept]) {
        const r = await runLab(lab.spec, lab.file, line);
        expect(
          r.passed,
          `${line}\n--- refused: ${r.refused ?? ''}\n--- command:\n${r.commandOutput}\n--- check:\n${r.checkOutput}`,
        ).toBe(true);
      }
      const bad = wrong[lab.key];
      if (bad !== undefined) {
        const r = await runLab(lab.spec, lab.file, bad);
        expect(r.passed, `wrong answer passed: ${bad}\n--- check:\n${r.checkOutput}`).toBe(false);
        expect(r.refused, `the wrong answer must run (not be refused): ${bad}`).toBeUndefined();
      }
    });
  });
});
