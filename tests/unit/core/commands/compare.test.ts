// Command-aware comparison with the virsh and qemu-img tables: the spellings the issue lists
// grade right, different commands grade wrong, and each kind of difference gets its note.
import { describe, expect, it } from 'vitest';
import { compareCommand } from '../../../../src/core/commands/compare.js';
import { suggestion } from '../../../../src/core/commands/feedback.js';
import { gradeTyped } from '../../../../src/core/grading.js';

const notes = (input: string, answer: string) => compareCommand(input, answer).notes;

describe('virsh and qemu-img: one command however it is spelled', () => {
  it.each([
    // The cases: the --domain form, -c = --connect.
    ['virsh vncdisplay --domain web1', 'virsh vncdisplay web1'],
    ['virsh vncdisplay --domain=web1', 'virsh vncdisplay web1'],
    ['virsh --connect qemu:///system list --all', 'virsh -c qemu:///system list --all'],
    ['virsh --connect=qemu:///system list --all', 'virsh -c qemu:///system list --all'],
    ['virsh -cqemu:///system list --all', 'virsh -c qemu:///system list --all'],
    ['virsh --conn qemu:///system list --all', 'virsh -c qemu:///system list --all'],
    ['virsh -qc qemu:///system list', 'virsh --quiet --connect qemu:///system list'],
    ['virsh --escape ^X console web1', 'virsh -e ^X console web1'],
    ['virsh dommemstat --domain web1 --period 10', 'virsh dommemstat web1 --period 10'],
    ['virsh dommemstat web1 --period=10 --live', 'virsh dommemstat --live web1 --period 10'],
    ['virsh snapshot-create-as web1 snap1', 'virsh snapshot-create-as --domain web1 --name snap1'],
    ['virsh attach-disk web1 --target vdb /x.img', 'virsh attach-disk web1 /x.img vdb'],
    [
      'virsh pool-define-as p dir --target /x',
      'virsh pool-define-as --name p --type dir --target /x',
    ],
    ['/usr/bin/virsh list --all', 'virsh list --all'],
    ['qemu-img create -f qcow2 d.qcow2 10G', 'qemu-img create d.qcow2 10G -f qcow2'],
    ['qemu-img create d.img 1G', 'qemu-img create -f raw d.img 1G'],
    ['qemu-img convert -O raw a.qcow2 b.img', 'qemu-img convert a.qcow2 b.img'],
    ['qemu-img create -o a=1,b=2 -f qcow2 d 1G', 'qemu-img create -f qcow2 -o b=2 -o a=1 d 1G'],
    ['qemu-img info --out=json d.img', 'qemu-img info --output json d.img'],
    ['qemu-img info --force-share d.img', 'qemu-img info -U d.img'],
    ['qemu-img check -r all d.qcow2', 'qemu-img check --repair=all d.qcow2'],
    ['qemu-img dd of=b.img if=a.img bs=1M', 'qemu-img dd if=a.img of=b.img bs=1M'],
    ['qemu-img resize --shrink d.img -1G', 'qemu-img resize d.img -1G --shrink'],
  ])('%j = %j', (a, b) => {
    expect(compareCommand(a, b)).toEqual({ correct: true, notes: [] });
  });
});

describe('virsh and qemu-img: different commands stay different', () => {
  it.each([
    ['virsh dommemstat web1 --period 10 --live', 'virsh dommemstat web1 --period 10 --current'],
    ['virsh dommemstat web1 --period 10', 'virsh dommemstat web1 --period 10 --live'],
    ['virsh vncdisplay web2', 'virsh vncdisplay web1'],
    ['virsh list --all -c qemu:///system', 'virsh -c qemu:///system list --all'],
    ['virsh attach-disk web1 vdb /x.img', 'virsh attach-disk web1 /x.img vdb'],
    ['qemu-img create --format=qcow2 d 1G', 'qemu-img create -f qcow2 d 1G'],
    ['qemu-img create -f qcow2 d 10240M', 'qemu-img create -f qcow2 d 10G'],
    ['qemu-img create -f qcow2 1G d', 'qemu-img create -f qcow2 d 1G'],
    ['qemu-img convert -O qcow2 a b', 'qemu-img convert a b'],
  ])('%j != %j', (a, b) => {
    expect(compareCommand(a, b).correct).toBe(false);
  });
});

describe('feedback notes', () => {
  it.each([
    [
      'virsh dommemstat web1 --perod 10',
      'virsh dommemstat web1 --period 10',
      'unknown option `--perod` (did you mean `--period`?)',
    ],
    ['virsh net-autostart', 'virsh net-autostart default', 'missing argument `default`'],
    ['virsh net-autostart default extra', 'virsh net-autostart default', 'extra argument `extra`'],
    [
      'virsh attach-disk web1 /x.img vdb',
      'virsh attach-disk web1 /x.img vdb --persistent',
      'missing `--persistent`',
    ],
    [
      'virsh net-autostart default --disable',
      'virsh net-autostart default',
      '`--disable` is not part of the answer',
    ],
    [
      'virsh dommemstat web1 --period 5',
      'virsh dommemstat web1 --period 10',
      'the value of `--period` differs',
    ],
    ['virsh vncdisplay web2', 'virsh vncdisplay web1', 'the argument for `--domain` differs'],
    [
      'virsh net-start default',
      'virsh net-autostart default',
      'subcommand `net-start` where `net-autostart` was expected',
    ],
    [
      'virsh net-autostrt default',
      'virsh net-autostart default',
      'unknown subcommand `net-autostrt` (did you mean `net-autostart`?)',
    ],
    [
      'virsh list -c test:///default',
      'virsh -c test:///default list',
      '`-c` belongs before the subcommand, not after it',
    ],
    [
      'virsh dommemstat web1 --period',
      'virsh dommemstat web1 --period 10',
      '`--period` needs a value',
    ],
    [
      'virsh list; rm -rf /',
      'virsh list',
      'a shell operator (`;`) is not part of a single command',
    ],
    ['virsh list $(id)', 'virsh list', 'a shell operator (`$(`) is not part of a single command'],
    [
      'virsh list `id`',
      'virsh list',
      'a backtick command substitution is not part of a single command',
    ],
    ['vrish list', 'virsh list', 'program `vrish` where `virsh` was expected'],
    [
      'qemu-img create -f qcow2 d.img',
      'qemu-img create -f qcow2 d.img 10G',
      'missing argument `10G`',
    ],
    [
      'qemu-img create -f qcow2 1G d',
      'qemu-img create -f qcow2 d 1G',
      'the arguments are in a different order',
    ],
  ])('%j for %j says %j', (input, answer, note) => {
    expect(notes(input, answer)).toContain(note);
  });

  it('never states the value an option should have', () => {
    const said = notes(
      'virsh pool-define-as p dir --target /wrong',
      'virsh pool-define-as p dir --target /right',
    );
    expect(said).toEqual(['the value of `--target` differs']);
    expect(said.join(' ')).not.toContain('/right');
  });

  it('suggests only names within a typo of what was typed', () => {
    expect(suggestion('--frequncy', ['--frequency', '--period'])).toBe('--frequency');
    expect(suggestion('--zzz', ['--frequency', '--period'])).toBeUndefined();
    expect(suggestion('--a', [])).toBeUndefined();
  });

  it('says nothing for a right answer and something for every wrong one', () => {
    expect(notes('virsh list --all', 'virsh list --all')).toEqual([]);
    expect(notes('', 'virsh list')).toEqual(['no command was given']);
  });
});

describe('programs without a table keep the generic comparison', () => {
  it('compares options as a set and guesses values from the answer', () => {
    expect(compareCommand('mytool x --size=10G', 'mytool --size 10G x').correct).toBe(true);
    expect(notes('mytool x', 'mytool x --size 10G')).toEqual(['missing `--size`']);
    expect(notes('mytool x --zap', 'mytool x')).toEqual(['`--zap` is not part of the answer']);
  });
  it('counts a program by its basename', () => {
    expect(compareCommand('./mytool run', 'mytool run').correct).toBe(true);
  });
});

describe('gradeTyped with the engine', () => {
  it('gives the notes of the closest accepted answer, the main one on a tie', () => {
    const r = gradeTyped(
      'virsh list --inactive',
      'virsh list --all',
      ['virsh list --all --inactive'],
      'command',
    );
    expect(r).toMatchObject({
      correct: false,
      expected: 'virsh list --all --inactive',
      notes: ['missing `--all`'],
    });
    const tie = gradeTyped(
      'virsh start web1',
      'virsh list --all',
      ['virsh list --inactive'],
      'command',
    );
    expect(tie.expected).toBe('virsh list --all');
  });
  it('keeps the near miss (Hard) for a slip, with its notes', () => {
    const r = gradeTyped(
      'virsh net-autostart defualt',
      'virsh net-autostart default',
      [],
      'command',
    );
    expect(r.near).toBe(true);
    expect(r.notes).toEqual(['the argument for `--network` differs']);
  });
  it('has no notes outside command mode', () => {
    expect(gradeTyped('x', 'y', [], 'text').notes).toEqual([]);
  });
});

describe('hostile input', () => {
  const answer = 'virsh net-autostart default';
  it.each([
    [
      'virsh net-autostart default; rm -rf /',
      'a shell operator (`;`) is not part of a single command',
    ],
    ['virsh net-autostart $(rm -rf /)', 'a shell operator (`$(`) is not part of a single command'],
    ['virsh net-autostart "$(id)"', 'a shell operator (`$(`) is not part of a single command'],
    ['virsh net-autostart `id`', 'a backtick command substitution is not part of a single command'],
    [
      'virsh net-autostart default > /etc/passwd',
      'a shell operator (`>`) is not part of a single command',
    ],
    ['virsh net-autostart ../../default', 'the argument for `--network` differs'],
  ])('%j is wrong: %j', (input, note) => {
    const v = compareCommand(input, answer);
    expect(v.correct).toBe(false);
    expect(v.notes).toContain(note);
  });
  it('refuses a pasted megabyte without parsing it', () => {
    const huge = `virsh net-autostart ${'a'.repeat(1_000_000)}`;
    expect(compareCommand(huge, answer)).toEqual({
      correct: false,
      notes: ['the answer is far too long to be the command'],
    });
    expect(gradeTyped(huge, answer, [], 'command')).toMatchObject({
      correct: false,
      near: false,
      notes: ['the answer is far too long to be the command'],
    });
  });
  it('a quote left open is noted', () => {
    expect(notes('virsh net-autostart "default', answer)).toContain('a quote is left open');
  });
});
