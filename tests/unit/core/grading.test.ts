import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  gradeChoices,
  gradeTyped,
  normaliseText,
  shuffledOrder,
  suggestedGrade,
} from '../../../src/core/grading.js';

describe('gradeTyped, command mode', () => {
  const ok = (input: string, answer: string, accept: string[] = []) =>
    gradeTyped(input, answer, accept, 'command').correct;

  it.each([
    ['virsh list --all', 'virsh list --all'],
    ['  virsh   list   --all ', 'virsh list --all'],
    ['qemu-img create disk.qcow2 10G -f qcow2', 'qemu-img create -f qcow2 disk.qcow2 10G'],
    ['mktool create --format=qcow2 x.img 1G', 'mktool create --format qcow2 x.img 1G'],
    ["virsh start 'web 1'", 'virsh start "web 1"'],
    ['virsh list --inactive --all', 'virsh list --all'],
  ])('accepts %j for %j', (input, answer) => {
    const accept = answer === 'virsh list --all' ? ['virsh list --all --inactive'] : [];
    expect(ok(input, answer, accept)).toBe(true);
  });

  it.each([
    ['virsh list', 'virsh list --all'],
    ['qemu-img create -f qcow2 10G disk.qcow2', 'qemu-img create -f qcow2 disk.qcow2 10G'],
    ['virsh list --all extra', 'virsh list --all'],
    ['qemu-img create -f raw disk.qcow2 10G', 'qemu-img create -f qcow2 disk.qcow2 10G'],
  ])('rejects %j for %j', (input, answer) => {
    expect(ok(input, answer)).toBe(false);
  });

  it('says what was missing and what was not expected', () => {
    const r = gradeTyped('virsh list --inactive', 'virsh list --all', [], 'command');
    expect(r).toMatchObject({ correct: false, missing: ['--all'], extra: ['--inactive'] });
  });
});

describe('gradeTyped, text and exact modes', () => {
  it('text ignores case and repeated whitespace', () => {
    expect(gradeTyped('  Virtio  NET ', 'virtio net', [], 'text').correct).toBe(true);
    expect(gradeTyped('virtio-net', 'virtio net', [], 'text').correct).toBe(false);
  });
  it('exact keeps case', () => {
    expect(gradeTyped('KVM', 'kvm', [], 'exact').correct).toBe(false);
    expect(gradeTyped(' kvm ', 'kvm', [], 'exact').correct).toBe(true);
  });
  it('accepts an alternative and reports which one matched', () => {
    expect(gradeTyped('16514', '16514/tcp', ['16514'], 'text')).toMatchObject({
      correct: true,
      expected: '16514',
    });
  });
});

describe('gradeChoices', () => {
  const choices = [
    { text: 'a', correct: true },
    { text: 'b', correct: false },
    { text: 'c', correct: true },
  ];
  it('is right only for exactly the correct set', () => {
    expect(gradeChoices(choices, [2, 0])).toBe(true);
    expect(gradeChoices(choices, [0])).toBe(false);
    expect(gradeChoices(choices, [0, 1, 2])).toBe(false);
  });
});

describe('helpers', () => {
  it('shuffledOrder is a deterministic permutation', () => {
    const o = shuffledOrder(8, 'seed');
    expect([...o].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(shuffledOrder(8, 'seed')).toEqual(o);
    expect(shuffledOrder(8, 'other')).not.toEqual(o);
  });
});

describe('suggestedGrade', () => {
  it('suggests Good for a right answer and Again for a wrong one', () => {
    expect(suggestedGrade(true)).toBe(3);
    expect(suggestedGrade(false)).toBe(1);
  });
});

describe('gradeChoices, edge cases', () => {
  const eleven = Array.from({ length: 11 }, (_, i) => ({
    text: `c${i}`,
    correct: i === 2 || i === 10,
  }));

  it('ignores a choice picked twice and the order of picking', () => {
    expect(gradeChoices(eleven, [10, 2, 10])).toBe(true);
  });
  it('compares choice numbers as numbers, not as text (10 after 2)', () => {
    expect(gradeChoices(eleven, [2, 10])).toBe(true);
    expect(gradeChoices(eleven, [2, 9])).toBe(false);
  });
  it('a single-answer question is wrong with nothing picked or the wrong pick', () => {
    const one = [
      { text: 'a', correct: false },
      { text: 'b', correct: true },
    ];
    expect(gradeChoices(one, [1])).toBe(true);
    expect(gradeChoices(one, [])).toBe(false);
    expect(gradeChoices(one, [0])).toBe(false);
    expect(gradeChoices(one, [1, 0])).toBe(false);
    expect(gradeChoices([one[1]!, one[0]!], [0, 1])).toBe(false);
  });
});

describe('shuffledOrder', () => {
  it('pins the order for known seeds (a change would reshuffle every learner’s choices)', () => {
    expect(shuffledOrder(8, 'seed')).toEqual([1, 2, 4, 5, 3, 6, 0, 7]);
    expect(shuffledOrder(10, 'kvm')).toEqual([8, 7, 6, 4, 3, 9, 5, 2, 0, 1]);
    expect(shuffledOrder(4, '')).toEqual([0, 3, 1, 2]);
    expect(shuffledOrder(0, 'x')).toEqual([]);
    expect(shuffledOrder(1, 'x')).toEqual([0]);
  });

  it('property: always a permutation of 0..n-1, the same for the same seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.string(), (n, seed) => {
        const o = shuffledOrder(n, seed);
        expect([...o].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
        expect(shuffledOrder(n, seed)).toEqual(o);
      }),
    );
  });

  it('property: spreads the first position over every choice', () => {
    const firsts = new Set(Array.from({ length: 200 }, (_, i) => shuffledOrder(4, `q${i}`)[0]));
    expect([...firsts].sort()).toEqual([0, 1, 2, 3]);
  });
});

describe('normaliseText', () => {
  it('trims, folds whitespace runs to one space and lowercases', () => {
    expect(normaliseText('  Virtio\t\tNET  driver ')).toBe('virtio net driver');
  });
});

describe('gradeTyped, matching', () => {
  it('command mode: a valued option may be written either way when the answer shows a value', () => {
    expect(
      gradeTyped(
        'virsh console --devname serial0 vm1',
        'virsh console vm1 --devname serial0',
        [],
        'command',
      ).correct,
    ).toBe(true);
    expect(
      gradeTyped(
        'virsh console vm1 --devname=serial0',
        'virsh console vm1 --devname serial0',
        [],
        'command',
      ).correct,
    ).toBe(true);
  });
  it('command mode: options may come in any order, before or after positionals', () => {
    expect(gradeTyped('tool -a -b x', 'tool -b -a x', [], 'command').correct).toBe(true);
    expect(gradeTyped('tool x -a', 'tool -a x', [], 'command').correct).toBe(true);
  });
  it('command mode: an option followed by another option takes no value', () => {
    // Were -v read as taking a value, the answer would pair it with -f and the moved
    // `-f fmt` would no longer match.
    expect(gradeTyped('tool a -f fmt -v', 'tool -v -f fmt a', [], 'command').correct).toBe(true);
    expect(gradeTyped('tool -f fmt a -v', 'tool -v -f fmt a', [], 'command').correct).toBe(true);
  });
  it('command mode: a number flag such as -5 takes no value', () => {
    // Were -5 read as taking `a`, the answer would pair them and the input, which moves
    // `-5` to the end, would no longer match.
    expect(gradeTyped('tool -f fmt a -5', 'tool -5 a -f fmt', [], 'command').correct).toBe(true);
  });
  it('command mode: a word is not an option value when the answer does not show one', () => {
    expect(gradeTyped('virsh list vm1 --all', 'virsh list --all', [], 'command').correct).toBe(
      false,
    );
  });
  it('command mode: a different option value is wrong', () => {
    expect(gradeTyped('tool --size 20G', 'tool --size 10G', [], 'command').correct).toBe(false);
  });
  it('command mode: an extra option or positional is wrong', () => {
    expect(gradeTyped('tool -a -b', 'tool -a', [], 'command').correct).toBe(false);
    expect(gradeTyped('tool x y', 'tool x', [], 'command').correct).toBe(false);
  });
  it('exact mode trims both sides but compares the rest verbatim', () => {
    expect(gradeTyped('kvm', ' kvm\n', [], 'exact').correct).toBe(true);
    expect(gradeTyped('k  vm', 'k vm', [], 'exact').correct).toBe(false);
  });
  it('tries the main answer first, then each alternative in order', () => {
    expect(gradeTyped('virbr0', 'virbr0', ['virbr0'], 'text').expected).toBe('virbr0');
    expect(gradeTyped('B', 'a', ['b', 'B'], 'text').expected).toBe('b');
    expect(gradeTyped('B', 'a', ['b', 'B'], 'exact').expected).toBe('B');
  });
});

describe('gradeTyped, what differed', () => {
  it('a right answer lists no differences', () => {
    expect(gradeTyped('virsh list --all', 'virsh list --all', [], 'command')).toEqual({
      correct: true,
      expected: 'virsh list --all',
      missing: [],
      extra: [],
      near: false,
      notes: [],
    });
  });
  it('compares against the main answer, not an alternative', () => {
    expect(gradeTyped('red', 'virtio net', ['virtio'], 'text')).toEqual({
      correct: false,
      expected: 'virtio net',
      missing: ['virtio', 'net'],
      extra: ['red'],
      near: false,
      notes: [],
    });
  });
  it('text mode compares normalised words', () => {
    expect(gradeTyped('  VIRTIO   blk ', 'virtio net', [], 'text')).toMatchObject({
      missing: ['net'],
      extra: ['blk'],
    });
  });
  it('exact mode keeps case in the word lists', () => {
    expect(gradeTyped('Virtio net', 'virtio net', [], 'exact')).toMatchObject({
      missing: ['virtio'],
      extra: ['Virtio'],
    });
  });
  it('command mode splits like a shell', () => {
    expect(gradeTyped("virsh start 'web 2'", 'virsh start "web 1"', [], 'command')).toMatchObject({
      missing: ['web 1'],
      extra: ['web 2'],
    });
  });
  it('never lists an empty word (a quoted empty argument) as missing or extra', () => {
    expect(gradeTyped("virsh start ''", "virsh destroy ''", [], 'command')).toMatchObject({
      missing: ['destroy'],
      extra: ['start'],
    });
  });
  it('an empty answer is missing every word and adds none', () => {
    for (const mode of ['exact', 'text', 'command'] as const)
      expect(gradeTyped('  ', 'virsh list', [], mode)).toMatchObject({
        missing: ['virsh', 'list'],
        extra: [],
      });
  });
});
