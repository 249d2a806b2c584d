// Rows of a text import -> the same deck documents a package import makes. An Anki export
// with a guid column gives the same entry ids as the package would; other rows take their
// id from the front text, so importing the same file again adds nothing twice.
import { slug } from '../../core/cards.js';
import { clozeNumbers } from '../../core/cloze.js';
import { deckText } from '../emit-yaml.js';
import { fieldText } from './html.js';
import type { TextFile, TextNote } from './text-file.js';
import { type EntryDoc, entryIdOf, type ImportedDeck } from './to-decks.js';
import type { NoteShape } from './types.js';

export interface TextConversion {
  decks: ImportedDeck[];
  counts: {
    notes: number;
    byShape: Record<NoteShape, number>;
    skippedNotes: number;
    cutFields: number;
  };
  media: string[];
}

/** cyrb53: a fast 53-bit string hash, for ids that stay the same when the text does. */
function hash53(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

function shapeOf(n: TextNote, front: string): NoteShape {
  const t = n.notetype?.toLowerCase() ?? null;
  if (t === null) return clozeNumbers(front).length ? 'cloze' : 'basic';
  if (t.includes('cloze')) return 'cloze';
  if (t.includes('type')) return 'typed';
  if (t.includes('revers')) return 'reverse';
  return t.startsWith('basic') ? 'basic' : 'other';
}

const or = (t: string | undefined) => (t && t.length > 0 ? t : '(empty)');
const joined = (ts: string[]) => ts.filter((t) => t.length > 0).join('\n\n');

export function convertTextFile(file: TextFile, fallbackDeck: string): TextConversion {
  const out: TextConversion = {
    decks: [],
    counts: {
      notes: 0,
      byShape: { basic: 0, reverse: 0, cloze: 0, typed: 0, other: 0 },
      skippedNotes: 0,
      cutFields: 0,
    },
    media: [],
  };
  const media = new Set<string>();
  const decks = new Map<string, ImportedDeck>();
  const prefix = file.kind === 'anki-text' ? 'anki-' : '';
  for (const n of file.notes) {
    const texts = n.fields.map((f) => {
      if (!file.html) return deckText(f);
      const t = fieldText(f);
      for (const m of t.media) media.add(m);
      if (t.cut) out.counts.cutFields++;
      return t.text;
    });
    out.counts.notes++;
    if (!texts.some((t) => t.length > 0)) {
      out.counts.skippedNotes++;
      continue;
    }
    let shape = shapeOf(n, texts[0] ?? '');
    if (shape === 'cloze' && clozeNumbers(texts[0] ?? '').length === 0) shape = 'other';
    out.counts.byShape[shape]++;
    const title = n.deck ?? file.deck ?? fallbackDeck;
    let deck = decks.get(title);
    if (!deck) {
      deck = { id: `${prefix}${slug(title.replaceAll('::', ' '))}`, title, entries: [] };
      decks.set(title, deck);
    }
    const base = n.guid ? entryIdOf(n.guid) : `t-${hash53(n.fields[0] ?? '')}`;
    let id = base;
    for (let k = 2; deck.entries.some((e) => e.id === id); k++) id = `${base}-${k}`;
    deck.entries.push(entryOf(id, shape, texts, n.tags));
  }
  out.decks = [...decks.values()].sort((a, b) => (a.title < b.title ? -1 : 1));
  out.media = [...media].sort();
  return out;
}

function entryOf(id: string, shape: NoteShape, texts: string[], tagList: string[]): EntryDoc {
  const tags = tagList.length ? { tags: [...new Set(tagList)] } : {};
  if (shape === 'cloze') {
    const extra = joined(texts.slice(1));
    return {
      id,
      type: 'cloze',
      text: texts[0] as string,
      ...(extra ? { explanation: extra } : {}),
      ...tags,
    };
  }
  // Columns past front and back (a CSV's `extra`) become the explanation shown after.
  const extra = shape === 'other' ? '' : joined(texts.slice(2));
  const explanation = extra ? { explanation: extra } : {};
  if (shape === 'typed')
    return {
      id,
      type: 'typed',
      prompt: or(texts[0]),
      answer: or(texts[1]),
      ...explanation,
      ...tags,
    };
  return {
    id,
    type: 'basic',
    front: or(texts[0]),
    back: or(shape === 'other' ? joined(texts.slice(1)) : texts[1]),
    ...(shape === 'reverse' ? { reverse: true } : {}),
    ...explanation,
    ...tags,
  };
}
