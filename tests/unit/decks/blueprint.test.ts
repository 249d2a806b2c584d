import { mkdirSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBlueprint, objectiveNames } from '../../../src/decks/blueprint.js';
import { MAX_FILE_BYTES } from '../../../src/decks/read-file.js';

const dir = mkdtempSync(join(tmpdir(), 'hr-blueprint-'));

function load(name: string, text: string) {
  const file = join(dir, name);
  writeFileSync(file, text);
  const r = loadBlueprint(file);
  return 'error' in r ? r.error.slice(r.error.indexOf(name) + name.length) : r.blueprint;
}

describe('loadBlueprint', () => {
  it('loads the shipped blueprint', () => {
    const r = loadBlueprint(join(import.meta.dirname, '../../../blueprints/lpic3-305-kvm.yaml'));
    expect('blueprint' in r && r.blueprint.objectives['lpic3-351.4']).toBe(9);
  });

  it('loads a small one', () => {
    expect(load('ok.yaml', 'title: T\nobjectives:\n  a-1: 2\n  b: 1\n')).toEqual({
      title: 'T',
      objectives: { 'a-1': 2, b: 1 },
      names: {},
    });
  });

  it('reports a control character in the title at the character', () => {
    expect(load('t.yaml', 'title: "Exam \\e]0;x\\a"\nobjectives: {a: 1}\n')).toBe(
      ':1:14 title: contains the control character U+001B (ESC) (and 1 more), which a terminal would act on; remove it',
    );
  });

  it('reports a control character in an objective name, shown harmlessly', () => {
    expect(load('k.yaml', 'title: T\nobjectives:\n  a: 1\n  "b\\x9b": 2\n')).toBe(
      ":4:5 objectives: the field name 'b<U+009B>' contains the control character U+009B (CSI), which a terminal would act on; remove it",
    );
  });

  it('reports a schema problem at its value', () => {
    expect(load('w.yaml', 'title: T\nobjectives:\n  a: -1\n')).toBe(
      ':3:6 objectives.a: weights must be positive',
    );
  });

  it('reports YAML limits instead of throwing', () => {
    const bomb = ['title: T', 'l0: &l0 x'];
    for (let i = 1; i <= 6; i++) bomb.push(`l${i}: &l${i} [${`*l${i - 1}, `.repeat(8)}*l${i - 1}]`);
    expect(load('bomb.yaml', `${bomb.join('\n')}\nobjectives: {a: *l6}\n`)).toMatch(
      /^:9:17 too many YAML aliases/,
    );
    expect(load('alias.yaml', 'title: *x\n')).toBe(
      ":1:8 YAML alias '*x' has no anchor '&x' before it",
    );
    expect(load('deep.yaml', `${'['.repeat(20000)}${']'.repeat(20000)}`)).toMatch(/^:\d+:\d+ /);
    expect(load('dup.yaml', 'title: T\ntitle: U\n')).toBe(
      ':2:1 YAML DUPLICATE_KEY: Map keys must be unique',
    );
  });

  it('reports what is not a readable file', () => {
    mkdirSync(join(dir, 'folder.yaml'));
    expect(loadBlueprint(join(dir, 'folder.yaml'))).toEqual({
      error: expect.stringMatching(
        /folder\.yaml:1:1 is a directory, not a blueprint file; rename it or move it elsewhere$/,
      ),
    });
    expect(loadBlueprint(join(dir, 'none.yaml'))).toEqual({
      error: expect.stringMatching(/none\.yaml:1:1 cannot read file: ENOENT$/),
    });
    const huge = join(dir, 'huge.yaml');
    writeFileSync(huge, '');
    truncateSync(huge, MAX_FILE_BYTES + 1);
    expect(loadBlueprint(huge)).toEqual({
      error: expect.stringMatching(/huge\.yaml:1:1 file is 32\.0 MiB, over the 32 MiB limit/),
    });
  });

  it('shows a file name with control characters harmlessly', () => {
    const r = loadBlueprint(join(dir, 'a\u001b[2Jb.yaml'));
    expect('error' in r && r.error).toMatch(/a␛\[2Jb\.yaml:1:1 cannot read file: ENOENT/);
  });
});

describe('objective names', () => {
  it('reads { weight, name } beside the old weight-only form', () => {
    const text = [
      'title: T',
      'objectives:',
      '  a-1.1: { weight: 6, name: Virtualization concepts and theory }',
      '  a-1.2:',
      '    weight: 3',
      '    name: "  Xen  "',
      '  a-1.3: 4',
      '  a-1.4: { weight: 2 }',
    ].join('\n');
    expect(load('named.yaml', text)).toEqual({
      title: 'T',
      objectives: { 'a-1.1': 6, 'a-1.2': 3, 'a-1.3': 4, 'a-1.4': 2 },
      names: { 'a-1.1': 'Virtualization concepts and theory', 'a-1.2': 'Xen' },
    });
  });

  it.each([
    ['a: { weight: -1, name: X }', ':3:16 objectives.a.weight: weights must be positive'],
    ['a: { weight: 0 }', ':3:16 objectives.a.weight: weights must be positive'],
    [
      'a: { weight: six, name: X }',
      ':3:16 objectives.a.weight: weights are numbers; an objective is a weight (lpic3-351.2: 3) or { weight: 3, name: Xen }',
    ],
    [
      'a: { name: X }',
      ':3:6 objectives.a: the weight is missing; an objective is a weight (lpic3-351.2: 3) or { weight: 3, name: Xen }',
    ],
    [
      'a: { weight: 1, title: X }',
      ":3:26 objectives.a.title: unknown field 'title'; an objective is a weight (lpic3-351.2: 3) or { weight: 3, name: Xen }",
    ],
    [
      'a: { weight: 1, name: "  " }',
      ':3:25 objectives.a.name: a name is text of 1 to 100 characters, e.g. Virtualization concepts and theory',
    ],
    [
      'a: { weight: 1, name: 7 }',
      ':3:25 objectives.a.name: a name is text of 1 to 100 characters, e.g. Virtualization concepts and theory',
    ],
    [
      `a: { weight: 1, name: ${'x'.repeat(101)} }`,
      ':3:25 objectives.a.name: a name is text of 1 to 100 characters, e.g. Virtualization concepts and theory',
    ],
    [
      'a: [3, Xen]',
      ':3:6 objectives.a: an objective is a weight (lpic3-351.2: 3) or { weight: 3, name: Xen }',
    ],
    [
      'a: "3"',
      ':3:6 objectives.a: an objective is a weight (lpic3-351.2: 3) or { weight: 3, name: Xen }',
    ],
  ])('reports %s at its place', (line, message) => {
    expect(load('bad.yaml', `title: T\nobjectives:\n  ${line}\n`)).toBe(message);
  });

  it('refuses a control character in a name, at the character', () => {
    expect(
      load('ctl.yaml', 'title: T\nobjectives:\n  a: { weight: 1, name: "X\\e[2J" }\n'),
    ).toMatch(/^:3:27 objectives\.a\.name: contains the control character U\+001B \(ESC\)/);
  });

  it('objectiveNames gathers the names of every blueprint in a folder, the first file winning', () => {
    const folder = mkdtempSync(join(tmpdir(), 'hr-blueprints-'));
    writeFileSync(
      join(folder, 'a.yaml'),
      'title: A\nobjectives:\n  x-1: { weight: 1, name: First }\n',
    );
    writeFileSync(
      join(folder, 'b.yml'),
      'title: B\nobjectives:\n  x-1: { weight: 1, name: Second }\n  x-2: { weight: 1, name: Two }\n',
    );
    writeFileSync(join(folder, 'c.yaml'), 'title: [broken\n');
    writeFileSync(join(folder, 'notes.txt'), 'x-3: Three\n');
    expect(objectiveNames(folder)).toEqual({ 'x-1': 'First', 'x-2': 'Two' });
    expect(objectiveNames(join(folder, 'none'))).toEqual({});
  });
});

describe('blueprint outline', () => {
  it.each([
    ['- a\n- b\n', ':1:1 blueprint: a blueprint is a mapping: title, objectives'],
    [
      'title: T\nweights: {a: 1}\nobjectives: {a: 1}\n',
      ":2:10 weights: unknown field 'weights'; a blueprint has a title and objectives",
    ],
    ['objectives: {a: 1}\n', ':1:1 title: give the blueprint a title'],
    ['title: "  "\nobjectives: {a: 1}\n', ':1:8 title: give the blueprint a title'],
    ['title: 3\nobjectives: {a: 1}\n', ':1:8 title: give the blueprint a title'],
    ['title: T\n', ':1:1 objectives: objectives map tags to weights, e.g. lpic3-351.4: 9'],
    [
      'title: T\nobjectives: [a]\n',
      ':2:13 objectives: objectives map tags to weights, e.g. lpic3-351.4: 9',
    ],
    ['title: T\nobjectives: {}\n', ':2:13 objectives: list at least one objective'],
    [
      'title: T\nobjectives:\n  LPIC3-351.1: 1\n',
      ':3:16 objectives.LPIC3-351.1: objective tags are lowercase, e.g. lpic3-351.4',
    ],
  ])('reports %j at its place', (text, message) => {
    expect(load('outline.yaml', text)).toBe(message);
  });

  it('trims the title', () => {
    expect(load('trim.yaml', 'title: "  T  "\nobjectives: {a: 1}\n')).toMatchObject({ title: 'T' });
  });
});
