import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradeTyped, suggestedGrade } from '../../../src/core/grading.js';
import {
  alignedDiff,
  editDistance,
  isNearMiss,
  nearMissLimit,
} from '../../../src/core/typed-diff.js';

describe('near miss', () => {
  it('allows no slip under 4 characters, one up to 13, two from 14', () => {
    expect([0, 3, 4, 13, 14, 40].map(nearMissLimit)).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it('counts insertions, deletions and replacements as one edit each', () => {
    expect(editDistance('virsh list --al', 'virsh list --all')).toBe(1);
    expect(editDistance('virsh lsit --all', 'virsh list --all')).toBe(2);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('is a slip within the limit, not when right, not when far or short', () => {
    expect(isNearMiss('virsh list --al', 'virsh list --all')).toBe(true);
    expect(isNearMiss('virsh lsit --all', 'virsh list --all')).toBe(true);
    expect(isNearMiss('virsh lst --a', 'virsh list --all')).toBe(false);
    expect(isNearMiss('virsh list --all', 'virsh list --all')).toBe(false);
    expect(isNearMiss('lx', 'ls')).toBe(false);
    expect(isNearMiss('vmxx', 'vmx')).toBe(false);
    expect(isNearMiss('qcow', 'qcow2')).toBe(true);
  });

  it('gradeTyped marks a slip near and suggests Hard; a miss suggests Again', () => {
    const slip = gradeTyped('virsh list --al', 'virsh list --all', [], 'command');
    expect(slip).toMatchObject({ correct: false, near: true, expected: 'virsh list --all' });
    expect(suggestedGrade(slip.correct, slip.near)).toBe(2);
    const miss = gradeTyped('virsh list --inactive', 'virsh list --all', [], 'command');
    expect(miss.near).toBe(false);
    expect(suggestedGrade(miss.correct, miss.near)).toBe(1);
    expect(gradeTyped('virsh list --all', 'virsh list --all', [], 'command').near).toBe(false);
  });

  it('measures a slip against the closest accepted answer, as the match mode compares', () => {
    const r = gradeTyped(
      'Paravirtualisaton',
      'full virtualization',
      ['paravirtualization'],
      'text',
    );
    expect(r).toMatchObject({ near: true, expected: 'paravirtualization' });
    // Case and spacing do not count as edits in text mode.
    expect(gradeTyped('VIRTIO  BLK', 'virtio-blk', [], 'text').near).toBe(true);
  });
});

describe('alignedDiff', () => {
  it('lines up a missing character with a dash on the typed side', () => {
    expect(alignedDiff('--verbse', '--verbose')).toEqual([
      { typed: '--verb', expected: '--verb', same: true },
      { typed: '-', expected: 'o', same: false },
      { typed: 'se', expected: 'se', same: true },
    ]);
  });

  it('shows what was typed, not the answer, where case is ignored', () => {
    const parts = alignedDiff('VirtIO', 'virtio-blk', true);
    expect(parts.map((p) => p.typed).join('')).toBe('VirtIO----');
    expect(parts.map((p) => p.expected).join('')).toBe('virtio-blk');
  });

  it('property: both sides have the same length and strip back to the two texts', () => {
    const noDash = fc.string({ maxLength: 20 }).map((t) => t.replaceAll('-', '_'));
    fc.assert(
      fc.property(noDash, noDash, (a, b) => {
        const parts = alignedDiff(a, b);
        for (const p of parts) expect([...p.typed].length).toBe([...p.expected].length);
        const strip = (side: 'typed' | 'expected') =>
          parts.map((p) => p[side].replace(/^-+$/, p.same ? p[side] : '')).join('');
        expect(strip('typed')).toBe(a);
        expect(strip('expected')).toBe(b);
      }),
    );
  });
});
