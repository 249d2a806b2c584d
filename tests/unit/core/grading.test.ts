import { describe, expect, it } from 'vitest';
import { gradeChoices, gradeTyped, shellWords, shuffledOrder } from '../../../src/core/grading.js';

describe('gradeTyped, command mode', () => {
  const ok = (input: string, answer: string, accept: string[] = []) =>
    gradeTyped(input, answer, accept, 'command').correct;

  it.each([
    ['virsh list --all', 'virsh list --all'],
    ['  virsh   list   --all ', 'virsh list --all'],
    ['qemu-img create disk.qcow2 10G -f qcow2', 'qemu-img create -f qcow2 disk.qcow2 10G'],
    ['qemu-img create --format=qcow2 x.img 1G', 'qemu-img create --format qcow2 x.img 1G'],
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
  it('shellWords handles quotes and escapes', () => {
    expect(shellWords(`a "b c" 'd e' f\\ g`)).toEqual(['a', 'b c', 'd e', 'f g']);
  });
  it('shuffledOrder is a deterministic permutation', () => {
    const o = shuffledOrder(8, 'seed');
    expect([...o].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(shuffledOrder(8, 'seed')).toEqual(o);
    expect(shuffledOrder(8, 'other')).not.toEqual(o);
  });
});
