import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../../src/decks/parse.js';
import { qualityWarnings } from '../../../src/decks/quality.js';

function warn(cards: string): string[] {
  const r = parseDeck('q.yaml', `id: q\ntitle: Q\ncards:\n${cards}`);
  expect(r.problems).toEqual([]);
  return qualityWarnings([r.deck!]).map((p) => `${p.line}: ${p.message}`);
}

const mcq = (choices: string, q = 'Which mode?') =>
  `  - id: m\n    type: mcq\n    ref: r\n    question: ${q}\n    explanation: E\n    choices:\n${choices}`;

describe('qualityWarnings', () => {
  it('accepts a clean card', () => {
    expect(warn('  - {id: a, type: basic, front: Which bridge?, back: virbr0, ref: r}\n')).toEqual(
      [],
    );
  });

  it('flags a missing ref and an answer inside the question', () => {
    expect(warn('  - {id: a, type: basic, front: Is virbr0 the bridge?, back: virbr0}\n')).toEqual([
      "4: 'a' has no ref: say where the fact can be checked",
      "4: 'a': the answer appears in the question",
    ]);
  });

  it('a missing ref is a warning in a shipped deck but a hint in a personal one', () => {
    const r = parseDeck(
      'q.yaml',
      'id: q\ntitle: Q\ncards:\n  - {id: a, type: basic, front: F, back: B}\n',
    );
    const severity = (shipped: boolean) =>
      qualityWarnings([r.deck!], () => shipped).map((p) => `${p.severity}: ${p.message}`);
    expect(severity(true)).toEqual(["warning: 'a' has no ref: say where the fact can be checked"]);
    expect(severity(false)).toEqual(["hint: 'a' has no ref: say where the fact can be checked"]);
  });

  it('flags the same question in two cards', () => {
    const w = warn(
      '  - {id: a, type: basic, front: Which bridge?, back: virbr0, ref: r}\n  - {id: b, type: typed, prompt: "which  BRIDGE?", answer: virbr0, ref: r}\n',
    );
    expect(w).toEqual(["5: 'b': same question as q/a (q.yaml:4)"]);
  });

  it('flags a correct choice that is by far the longest', () => {
    const w = warn(
      mcq(
        '      - {text: "NAT through the host with masquerading rules set up by libvirt", correct: true}\n      - {text: Bridged}\n      - {text: Routed}\n',
      ),
    );
    expect(w.join()).toMatch(/by far the longest/);
  });

  it('flags a correct choice that is the only one in code form', () => {
    const w = warn(
      mcq('      - {text: "`nat`", correct: true}\n      - {text: route}\n      - {text: open}\n'),
    );
    expect(w.join()).toMatch(/only one of its form/);
  });

  it('flags repeated choices and catch-all options', () => {
    const w = warn(
      mcq(
        '      - {text: nat, correct: true}\n      - {text: NAT}\n      - {text: All of the above}\n',
      ),
    );
    expect(w.join()).toMatch(/two choices have the same text/);
    expect(w.join()).toMatch(/all\/none of the above/);
  });

  it('flags a cloze deletion covering most of the sentence', () => {
    expect(
      warn(
        '  - {id: c, type: cloze, ref: r, text: "KVM {{c1::is a kernel module that turns Linux into a hypervisor}}"}\n',
      ),
    ).toEqual(["4: 'c': deletion c1 hides most of the sentence"]);
  });

  it('flags small terms groups and definitions that give the term away', () => {
    const w = warn(
      '  - id: t\n    type: terms\n    ref: r\n    prompt: Which?\n    terms:\n      - {term: nat, definition: NAT mode}\n      - {term: route, definition: routing without translation}\n',
    );
    expect(w).toEqual([
      "4: 't': a terms group needs at least 3 terms for good distractors",
      "4: 't': the definition of 'nat' contains the term",
    ]);
  });
});

describe('YAML comment traps', () => {
  it('warns when a plain text value is cut off by " #"', () => {
    const r = parseDeck(
      'q.yaml',
      'id: q\ntitle: Q\ncards:\n  - {id: a, type: basic, front: F, back: B, ref: r}\n  - id: b\n    type: basic\n    front: How often does cloud-init run #once per instance?\n    back: once\n    ref: r\n',
    );
    expect(r.problems.map((p) => `${p.line}:${p.col} ${p.severity} ${p.message}`)).toEqual([
      "7:12 warning front: text after ' #' is read as a YAML comment and dropped; quote the value",
    ]);
  });
});
