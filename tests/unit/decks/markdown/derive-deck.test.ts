import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../../../src/core/model.js';
import { deriveDeck } from '../../../../src/decks/markdown/derive-deck.js';
import { parseDeck } from '../../../../src/decks/parse.js';
import { qualityWarnings } from '../../../../src/decks/quality.js';

const NOTES = readFileSync(join(import.meta.dirname, '../../../fixtures/notes/kvm.md'), 'utf8');

const byType = (es: Entry[], t: Entry['type']) => es.filter((e) => e.type === t);

describe('deriveDeck', () => {
  it('derives every syntax, and the deck parses and lints clean', () => {
    const r = deriveDeck({ name: 'notes/kvm.md', text: NOTES });
    expect(r.problems).toEqual([]);
    const parsed = parseDeck('kvm.yaml', r.yaml!);
    expect(parsed.problems).toEqual([]);
    const deck = parsed.deck!;
    expect(deck).toMatchObject({
      id: 'notes-kvm',
      title: 'KVM chapter 4',
      tags: ['lpic3-351.4', 'virt'],
    });
    expect(qualityWarnings([deck], () => false)).toEqual([]);
    const es = deck.entries;
    expect(
      byType(es, 'basic').map((e) => e.type === 'basic' && [e.front, e.back, e.reverse]),
    ).toEqual([
      ["Which bridge does libvirt's default network use?", 'virbr0', false],
      ['NAT forward mode', 'masquerading on the host', true],
      ['What does `virsh net-list --all` show?', 'Every virtual network,\nactive or not.', false],
      ['A reversible card', 'its other side', true],
    ]);
    expect(es.find((e) => e.type === 'basic' && e.reverse)?.tags).toEqual([
      'kvm-networking',
      'kvm',
    ]);
    expect(byType(es, 'cloze').map((e) => e.type === 'cloze' && e.text)).toEqual([
      'Intel VT-x shows as the {{c1::vmx}} CPU flag, AMD-V as {{c2::svm::AMD}}.',
      'The {{c1::kvm_intel}} module serves Intel CPUs',
    ]);
    const terms = byType(es, 'terms');
    expect(terms.map((e) => e.type === 'terms' && [e.prompt, e.terms.map((t) => t.term)])).toEqual([
      ['Forward modes: which term is this?', ['nat', 'route', 'open']],
      ['Disk formats: which term is this?', ['qcow2', 'raw', 'vmdk']],
    ]);
    expect(terms[0]).toMatchObject({
      ref: 'kvm.md § KVM networking > Forward modes',
      tags: ['kvm-networking', 'forward-modes'],
    });
    expect(es.every((e) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(e.id))).toBe(true);
  });

  it('reports lines it could not use as line: why, and never echoes control characters', () => {
    const text = [
      '# H', // 1
      '::no question', // 2
      'Q:::', // 3
      'open ==highlight', // 4
      '', // 5
      '?', // 6
      'answer without question', // 7
      '', // 8
      '- **one**: first', // 9
      '- **two**: second', // 10
      'broken {{c1::never closed \u001b[31m', // 11
      'good::card', // 12
    ].join('\n');
    const r = deriveDeck({ name: 'n.md', text });
    expect(r.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      "2: '::' needs a question before it and an answer after it",
      "3: ':::' needs a question before it and an answer after it",
      '4: an ==highlight== is not closed with ==',
      "6: '?' needs a question before it (no blank line between)",
      '9: only 2 term definition(s) under this heading; a terms group needs 3 (or write Term::definition)',
      '10: only 2 term definition(s) under this heading; a terms group needs 3 (or write Term::definition)',
      '11: a {{c1::...}} deletion is not closed with }}',
    ]);
    expect(r.deck?.cards).toHaveLength(1);
  });

  it('takes #tags out of headings: the title and ref read cleanly, the cards below get the tags', () => {
    const r = deriveDeck({
      name: 'n.md',
      text: '# Storage #flashcards/kvm #exam\n## Pools\nQ::A\n- **a**: 1\n- **b**: 2\n- **c**: 3\n',
    });
    expect(r.problems).toEqual([]);
    expect(r.deck?.title).toBe('Storage');
    expect(r.deck?.cards.map((c) => [c.ref, c.tags])).toEqual([
      ['n.md § Storage > Pools', ['storage', 'pools', 'kvm', 'exam']],
      ['n.md § Storage > Pools', ['storage', 'pools', 'kvm', 'exam']],
    ]);
  });

  it('as in the plugin, a one-line card ends the text before it: the next card starts after it', () => {
    const r = deriveDeck({
      name: 'n.md',
      text: 'Q1::A1\nMulti question\n?\nMulti answer\nQ2::A2\nThe ==x== fact\n',
    });
    expect(r.problems).toEqual([]);
    expect(
      r.deck?.cards.map((c) =>
        c.type === 'basic' ? `${c.front}|${c.back}` : c.type === 'cloze' ? c.text : '',
      ),
    ).toEqual(['Q1|A1', 'Multi question|Multi answer', 'Q2|A2', 'The {{c1::x}} fact']);
  });

  it('skips HTML comments, one line or several, and keeps the plugin schedule comment out of the card', () => {
    const text = 'Q1::A1 <!--SR:!2024-01-10,3,250-->\n<!--\nDraft::not a card\n-->\nQ2::A2\n';
    const r = deriveDeck({ name: 'n.md', text });
    expect(r.deck?.cards.map((c) => c.type === 'basic' && c.back)).toEqual(['A1', 'A2']);
  });

  it('gives nothing but problems when no card could be derived', () => {
    const r = deriveDeck({ name: 'n.md', text: '# Only prose\n\nNothing here.\n' });
    expect(r).toEqual({ deck: null, yaml: null, problems: [] });
  });

  it('shows control characters in card text as symbols, so the deck still lints', () => {
    const r = deriveDeck({ name: 'n.md', text: 'Q\u001b]0;x\u0007::A\n' });
    const parsed = parseDeck('n.yaml', r.yaml!);
    expect(parsed.problems).toEqual([]);
    expect(parsed.deck?.entries[0]).toMatchObject({ front: 'Q␛]0;x␇' });
  });
});
