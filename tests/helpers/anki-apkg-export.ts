// Packages written by anki-apkg-export (npm), an Anki exporter we did not write: a port of
// the anki2 Ruby gem that fills Anki's own schema 11 template collection with sql.js and
// zips it with jszip, as Anki's exporter did before 2.1.50. What it can make is what its
// public API offers: one deck, one note type with one card template (Front/Back fields,
// question and answer formats and CSS can be given), notes with tags, and media files.
// It has no cloze note type and no second template, so no reversed cards either.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { vi } from 'vitest';

interface Exporter {
  addCard(front: string, back: string, opts?: { tags?: string[] }): void;
  addMedia(name: string, data: Uint8Array): void;
  save(): Promise<Uint8Array>;
}

export interface IndependentNote {
  front: string;
  back: string;
  tags?: string[];
}

export interface IndependentDeck {
  name: string;
  notes: IndependentNote[];
  media?: Record<string, Uint8Array>;
  /** The card template: Anki's `{{Front}}` / `{{FrontSide}}<hr id="answer">{{Back}}` if not given. */
  template?: { questionFormat?: string; answerFormat?: string };
}

type AnkiExportFn = (deckName: string, template?: IndependentDeck['template']) => Exporter;

const require = createRequire(import.meta.url);

/** The instant the exporter takes its ids and guids from, fixed so packages are the same every run. */
export const EXPORTED_AT = Date.parse('2026-02-01T09:00:00Z');

let exporter: AnkiExportFn | null = null;

/**
 * Loads the exporter: its sql.js 0.5 is asm.js, seconds of parsing on a busy machine, so a
 * test file calls this in beforeAll (whose timeout is longer) rather than in its first test.
 */
export function loadIndependentExporter(): AnkiExportFn {
  exporter ??= (require('anki-apkg-export') as { default: AnkiExportFn }).default;
  return exporter;
}

export async function independentPackage(deck: IndependentDeck): Promise<Uint8Array> {
  // The exporter numbers decks, note types, notes and cards from Date.now(), and its note
  // guids hash the deck id: with the clock fixed, the same deck gives the same package.
  const clock = vi.spyOn(Date, 'now').mockReturnValue(EXPORTED_AT);
  // (Its sql.js 0.5 prints "writeStringToMemory is deprecated" once: harmless.)
  try {
    const apkg = loadIndependentExporter()(deck.name, deck.template);
    for (const [name, data] of Object.entries(deck.media ?? {})) apkg.addMedia(name, data);
    for (const n of deck.notes) apkg.addCard(n.front, n.back, n.tags ? { tags: n.tags } : {});
    return new Uint8Array(await apkg.save());
  } finally {
    clock.mockRestore();
  }
}

export async function independentPackageFile(
  dir: string,
  deck: IndependentDeck,
  name = 'independent.apkg',
): Promise<string> {
  const file = join(dir, name);
  writeFileSync(file, await independentPackage(deck));
  return file;
}
