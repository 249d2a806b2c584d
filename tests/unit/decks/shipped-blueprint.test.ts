// The shipped blueprint against the shipped decks and the LPIC-3 305 v3.0 objectives
// (/work/shared/reference/kvm-syllabus.md §2.1): every objective a card is tagged with is
// in it, with its weight and its name.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deckCards } from '../../../src/core/cards.js';
import { OBJECTIVE_TAG } from '../../../src/core/exam-score.js';
import { loadBlueprint, objectiveNames } from '../../../src/decks/blueprint.js';
import { findDeckFiles, loadDeckFile } from '../../../src/decks/load.js';

const ROOT = join(import.meta.dirname, '../../..');
const decks = (await Promise.all(findDeckFiles([join(ROOT, 'decks')]).map((f) => loadDeckFile(f))))
  .map((r) => r.deck!)
  .filter(Boolean);
const cards = decks.flatMap((d) => deckCards(d));
const r = loadBlueprint(join(ROOT, 'blueprints/lpic3-305-kvm.yaml'));
if ('error' in r) throw new Error(r.error);
const bp = r.blueprint;

describe('the shipped blueprint', () => {
  it('names and weighs the objectives as LPIC-3 305 v3.0 does', () => {
    expect(bp.objectives).toEqual({
      'lpic3-351.1': 6,
      'lpic3-351.2': 3,
      'lpic3-351.3': 4,
      'lpic3-351.4': 9,
      'lpic3-351.5': 3,
      'lpic3-353.1': 2,
      'lpic3-353.3': 3,
    });
    expect(bp.names).toEqual({
      'lpic3-351.1': 'Virtualization concepts and theory',
      'lpic3-351.2': 'Xen',
      'lpic3-351.3': 'QEMU',
      'lpic3-351.4': 'Libvirt virtual machine management',
      'lpic3-351.5': 'Virtual machine disk image management',
      'lpic3-353.1': 'Cloud management tools',
      'lpic3-353.3': 'cloud-init',
    });
  });

  it('covers every objective a shipped card is tagged with, and each has cards', () => {
    const tagged = new Set(cards.flatMap((c) => c.tags.filter((t) => OBJECTIVE_TAG.test(t))));
    expect([...tagged].sort()).toEqual(Object.keys(bp.objectives).sort());
  });

  it('351.2 (Xen) is there for the Xen cards of chapter 1', () => {
    const xen = cards.filter((c) => c.tags.includes('lpic3-351.2'));
    expect(new Set(xen.map((c) => c.deckId))).toEqual(new Set(['kvm-ch01-linux-virtualization']));
    expect(xen.length).toBeGreaterThanOrEqual(12);
  });

  it('lends its names to readiness', () => {
    expect(objectiveNames(join(ROOT, 'blueprints'))).toEqual(bp.names);
  });
});
