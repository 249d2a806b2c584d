// The JSON columns of the schema 11 `col` row: note types (models), decks, deck options
// (dconf) and the collection config (conf). Shapes as Anki's rslib reads them
// (notetype/schema11.rs, decks/schema11.rs, deckconfig/schema11.rs) and as genanki writes
// them; fields Anki fills with defaults when missing are still written, for older versions.
import type { NoteKind } from './notes.js';

/**
 * The id of the decks' preset ("hyperrecall"). Not 1: Anki's importers never take a preset
 * with id 1 (rslib apkg import adds presets only if their id is new, and every collection
 * has a Default preset 1; the legacy importer skips `conf: 1` outright), so decks on preset 1
 * would silently get the importing collection's Default options. Fixed, as Anki's own
 * presets keep their ids: a second export imported into the same Anki finds the preset
 * already there and leaves it as the learner may since have changed it.
 */
export const PRESET_ID = 1_733_200_000_001;

/** Fixed note type ids: exporting twice gives the same note types, which Anki then reuses. */
export const MODEL_IDS: Record<NoteKind, number> = {
  basic: 1_733_000_000_001,
  basicReversed: 1_733_000_000_002,
  typed: 1_733_000_000_003,
  cloze: 1_733_000_000_004,
};

const CSS =
  '.card {\n font-family: arial;\n font-size: 20px;\n text-align: center;\n color: black;\n background-color: white;\n}\n';
const CLOZE_CSS = `${CSS}.cloze {\n font-weight: bold;\n color: blue;\n}\n`;

interface Template {
  name: string;
  qfmt: string;
  afmt: string;
}

const ANSWER = '{{FrontSide}}\n\n<hr id=answer>\n\n';

const MODEL_SHAPES: Record<
  NoteKind,
  { name: string; fields: string[]; tmpls: Template[]; type: 0 | 1 }
> = {
  basic: {
    name: 'Basic',
    fields: ['Front', 'Back'],
    tmpls: [{ name: 'Card 1', qfmt: '{{Front}}', afmt: `${ANSWER}{{Back}}` }],
    type: 0,
  },
  basicReversed: {
    name: 'Basic (and reversed card)',
    fields: ['Front', 'Back'],
    tmpls: [
      { name: 'Card 1', qfmt: '{{Front}}', afmt: `${ANSWER}{{Back}}` },
      { name: 'Card 2', qfmt: '{{Back}}', afmt: `${ANSWER}{{Front}}` },
    ],
    type: 0,
  },
  typed: {
    name: 'Basic (type in the answer)',
    fields: ['Front', 'Back'],
    tmpls: [
      {
        name: 'Card 1',
        qfmt: '{{Front}}\n\n{{type:Back}}',
        afmt: '{{Front}}\n\n<hr id=answer>\n\n{{type:Back}}',
      },
    ],
    type: 0,
  },
  cloze: {
    name: 'Cloze',
    fields: ['Text', 'Back Extra'],
    tmpls: [{ name: 'Cloze', qfmt: '{{cloze:Text}}', afmt: '{{cloze:Text}}<br>\n{{Back Extra}}' }],
    type: 1,
  },
};

/** Field count of each note kind, for writing notes. */
export function fieldCount(kind: NoteKind): number {
  return MODEL_SHAPES[kind].fields.length;
}

export function templateCount(kind: NoteKind): number {
  return MODEL_SHAPES[kind].tmpls.length;
}

export function modelsJson(kinds: Iterable<NoteKind>, mod: number, deckId: number): string {
  const out: Record<string, unknown> = {};
  for (const kind of kinds) {
    const m = MODEL_SHAPES[kind];
    const id = MODEL_IDS[kind];
    out[String(id)] = {
      id,
      name: m.name,
      type: m.type,
      mod,
      usn: -1,
      sortf: 0,
      did: deckId,
      tmpls: m.tmpls.map((t, ord) => ({
        name: t.name,
        ord,
        qfmt: t.qfmt,
        afmt: t.afmt,
        bqfmt: '',
        bafmt: '',
        did: null,
        bfont: '',
        bsize: 0,
      })),
      flds: m.fields.map((name, ord) => ({
        name,
        ord,
        sticky: false,
        rtl: false,
        font: 'Arial',
        size: 20,
        media: [],
      })),
      css: m.type === 1 ? CLOZE_CSS : CSS,
      latexPre:
        '\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n',
      latexPost: '\\end{document}',
      latexsvg: false,
      req: m.tmpls.map((_, ord) => [ord, 'any', [m.type === 1 ? 0 : ord === 1 ? 1 : 0]]),
      tags: [],
      vers: [],
    };
  }
  return JSON.stringify(out);
}

function deckJson(id: number, name: string, desc: string, mod: number, conf: number) {
  return {
    id,
    name,
    desc,
    mod,
    usn: -1,
    dyn: 0,
    conf,
    collapsed: false,
    browserCollapsed: false,
    extendNew: 0,
    extendRev: 0,
    newToday: [0, 0],
    revToday: [0, 0],
    lrnToday: [0, 0],
    timeToday: [0, 0],
  };
}

export function decksJson(
  decks: readonly { ankiId: number; name: string; desc: string }[],
  mod: number,
): string {
  const out: Record<string, unknown> = { '1': deckJson(1, 'Default', '', mod, 1) };
  for (const d of decks) out[String(d.ankiId)] = deckJson(d.ankiId, d.name, d.desc, mod, PRESET_ID);
  return JSON.stringify(out);
}

export interface ExportSettings {
  desiredRetention: number;
  maxInterval: number;
  /** Steps in minutes, as Anki's `delays`. */
  learningMinutes: number[];
  relearningMinutes: number[];
  newPerDay: number;
  reviewsPerDay: number;
  leechThreshold: number;
  leechAction: 'suspend' | 'tag';
  burySiblings: boolean;
  dayStartsAt: number;
  weights: number[] | null;
}

/** The decks' preset, and the Default preset 1 the Default deck refers to (same options). */
export function dconfJson(s: ExportSettings, mod: number): string {
  const conf = {
    id: PRESET_ID,
    name: 'hyperrecall',
    mod,
    usn: -1,
    maxTaken: 60,
    autoplay: true,
    timer: 0,
    replayq: true,
    dyn: false,
    new: {
      delays: s.learningMinutes,
      ints: [1, 4, 0],
      initialFactor: 2500,
      order: 1,
      perDay: s.newPerDay,
      bury: s.burySiblings,
      separate: true,
    },
    rev: {
      perDay: s.reviewsPerDay,
      ease4: 1.3,
      ivlFct: 1,
      maxIvl: s.maxInterval,
      bury: s.burySiblings,
      hardFactor: 1.2,
      fuzz: 0.05,
      minSpace: 1,
    },
    lapse: {
      delays: s.relearningMinutes,
      mult: 0,
      minInt: 1,
      leechFails: s.leechThreshold,
      leechAction: s.leechAction === 'suspend' ? 0 : 1,
    },
    desiredRetention: s.desiredRetention,
    ...(s.weights ? { fsrsParams6: s.weights } : {}),
  };
  return JSON.stringify({ '1': { ...conf, id: 1, name: 'Default' }, [PRESET_ID]: conf });
}

export function confJson(s: ExportSettings, opts: { basicModel: number; nextPos: number }) {
  return JSON.stringify({
    activeDecks: [1],
    curDeck: 1,
    curModel: String(opts.basicModel),
    nextPos: opts.nextPos,
    sortType: 'noteFld',
    sortBackwards: false,
    addToCur: true,
    collapseTime: 1200,
    timeLim: 0,
    estTimes: true,
    dueCounts: true,
    newSpread: 0,
    schedVer: 2,
    rollover: s.dayStartsAt,
  });
}
