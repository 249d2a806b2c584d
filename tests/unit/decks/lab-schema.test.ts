import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deckCards } from '../../../src/core/cards.js';
import { deckCacheFromJson, deckCacheToJson, textHash } from '../../../src/decks/cache.js';
import { labFileProblems } from '../../../src/decks/lab-files.js';
import { formatProblem, parseDeck } from '../../../src/decks/parse.js';

const head = `id: lab-deck\ntitle: Labs\ncards:\n`;

const virshLab = `  - id: net-autostart
    type: lab
    task: Make the default network start at boot.
    env: virsh-test
    answer: virsh net-autostart default
    accept:
      - virsh net-autostart --network default
    check:
      run: virsh net-info default
      expect: 'Autostart:\\s+yes'
    explanation: net-autostart sets a flag.
    ref: virsh(1)
`;

const qemuLab = `  - id: img-info
    type: lab
    task: Show the format of base.qcow2.
    env: qemu-img
    setup:
      - qemu-img create -f qcow2 base.qcow2 64M
    answer: qemu-img create -f qcow2 -b base.qcow2 -F qcow2 top.qcow2
    check:
      run: qemu-img info top.qcow2
      expect: 'backing file: base\\.qcow2'
`;

const problems = (text: string) => parseDeck('deck.yaml', text).problems.map(formatProblem);

describe('type: lab in a deck', () => {
  it('parses both environments into one lab card each', () => {
    const r = parseDeck('deck.yaml', head + virshLab + qemuLab);
    expect(r.problems).toEqual([]);
    const cards = deckCards(r.deck!);
    expect(cards.map((c) => [c.key, c.entryKind, c.face.kind])).toEqual([
      ['lab-deck/net-autostart', 'lab', 'lab'],
      ['lab-deck/img-info', 'lab', 'lab'],
    ]);
    expect(cards[0]!.face).toEqual({
      kind: 'lab',
      task: 'Make the default network start at boot.',
      env: 'virsh-test',
      setup: [],
      answer: 'virsh net-autostart default',
      accept: ['virsh net-autostart --network default'],
      check: { run: 'virsh net-info default', expect: 'Autostart:\\s+yes' },
    });
    expect(cards[1]!.face).toMatchObject({ env: 'qemu-img', setup: [expect.any(String)] });
  });

  it('keeps lab entries through the deck cache', () => {
    const text = head + virshLab + qemuLab;
    const r = parseDeck('deck.yaml', text);
    const cache = deckCacheFromJson(JSON.parse(deckCacheToJson({ [textHash(text)]: r })));
    expect(cache[textHash(text)]).toEqual(r);
  });

  it.each([
    [
      'a program other than virsh',
      virshLab.replace('answer: virsh net-autostart default', 'answer: rm -rf net'),
      /:8:13 error: answer: 'rm' is not run here: this lab runs virsh/,
    ],
    [
      'a shell operator in an accept',
      virshLab.replace(
        '- virsh net-autostart --network default',
        '- virsh net-autostart default; virsh list',
      ),
      /:10:9 error: accept\.0: shell operator ';'/,
    ],
    [
      'a helper in the learner answer of a qemu-img lab',
      qemuLab.replace('answer: qemu-img create', 'answer: ls create'),
      /:10:13 error: answer: 'ls' is not run here/,
    ],
    [
      'a program that is not a documented helper in setup',
      qemuLab.replace('- qemu-img create -f qcow2 base.qcow2 64M', '- touch base.qcow2'),
      /:9:9 error: setup\.0: 'touch' is not run here: this lab runs qemu-img, ls, stat, cat, du, sha256sum/,
    ],
    [
      'an absolute path in the check',
      qemuLab.replace('run: qemu-img info top.qcow2', 'run: cat /etc/passwd'),
      /:12:12 error: check\.run: '\/etc\/passwd' names an absolute path/,
    ],
    [
      'node with qemu-img',
      qemuLab.replace('env: qemu-img', 'env: qemu-img\n    node: labs/x.xml'),
      /:8:11 error: node: only a virsh-test lab/,
    ],
    [
      'setup with virsh-test',
      virshLab.replace('env: virsh-test', 'env: virsh-test\n    setup: [virsh list]'),
      /:8:12 error: setup: only a qemu-img lab/,
    ],
    [
      'an invalid expect pattern',
      virshLab.replace("expect: 'Autostart:\\s+yes'", "expect: 'Autostart:(yes'"),
      /:13:15 error: check\.expect: not a valid regex/,
    ],
    [
      'another libvirt connection',
      virshLab.replace(
        'run: virsh net-info default',
        'run: virsh -c qemu:///system net-info default',
      ),
      /check\.run: labs connect only to test:\/\/\/default/,
    ],
    [
      'an unknown environment',
      virshLab.replace('env: virsh-test', 'env: docker'),
      /:7:10 error: cards\.0\.env: /,
    ],
    [
      'an unknown field',
      virshLab.replace('env: virsh-test', 'env: virsh-test\n    expect-exit: 0'),
      /unknown field 'expect-exit'/,
    ],
  ])('rejects %s at its field', (_name, entry, message) => {
    const r = parseDeck('deck.yaml', head + entry);
    expect(r.deck?.entries).toEqual([]);
    expect(r.problems.map(formatProblem).join('\n')).toMatch(message);
  });

  it('accepts -c test:///default, quoted values and MAC addresses', () => {
    const entry = virshLab
      .replace(
        'answer: virsh net-autostart default',
        'answer: virsh -c test:///default net-autostart default',
      )
      .replace(
        '- virsh net-autostart --network default',
        `- virsh net-autostart --network 'default'\n      - virsh -q net-autostart default`,
      )
      .replace('run: virsh net-info default', 'run: virsh net-info --network default');
    expect(problems(head + entry)).toEqual([]);
  });

  it('lint reports a node XML that is not there, and not one that is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hr-lab-'));
    mkdirSync(join(dir, 'labs'));
    writeFileSync(join(dir, 'labs', 'here.xml'), '<node/>');
    const file = join(dir, 'deck.yaml');
    const deckWith = (node: string) =>
      parseDeck(
        file,
        head + virshLab.replace('env: virsh-test', `env: virsh-test\n    node: ${node}`),
      ).deck!;
    expect(labFileProblems([deckWith('labs/here.xml')])).toEqual([]);
    const missing = labFileProblems([deckWith('labs/gone.xml')]).map(formatProblem);
    expect(missing).toEqual([
      `${file}:4:5 error: 'net-autostart': node file 'labs/gone.xml' does not exist (relative to the deck file)`,
    ]);
    expect(
      problems(head + virshLab.replace('env: virsh-test', 'env: virsh-test\n    node: ../x.xml')),
    ).toEqual([
      expect.stringMatching(/:8:11 error: node: a path relative to the deck file, without \.\./),
    ]);
  });
});
