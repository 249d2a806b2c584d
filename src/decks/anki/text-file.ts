// Anki's plain-text notes (File > Export > Notes in Plain Text, Anki 2.1.55+) and plain
// CSV/TSV with a header row, read into rows whose columns say what they hold.
// Anki's file headers: `#separator:tab`, `#html:true`, `#tags column:N`, `#notetype column:N`,
// `#deck column:N`, `#guid column:N` (1-based), `#notetype:NAME`, `#deck:NAME`, `#tags:T1 T2`,
// `#columns:A<sep>B`. A file without them is plain CSV/TSV: its first row names the columns.
import { guessSeparator, parseDelimited, separatorOf } from './delimited.js';
import { AnkiImportError } from './errors.js';

/** Header names a plain CSV/TSV may use, lower-cased (documented in the README). */
export const FRONT_NAMES = ['front', 'question', 'prompt', 'term', 'q'];
export const BACK_NAMES = ['back', 'answer', 'definition', 'meaning', 'a'];
export const EXTRA_NAMES = ['extra', 'explanation', 'notes', 'back extra'];
const TAG_NAMES = ['tags', 'tag'];
const DECK_NAMES = ['deck'];

export interface TextNote {
  /** Content fields in column order (front first). */
  fields: string[];
  guid: string | null;
  notetype: string | null;
  deck: string | null;
  tags: string[];
  /** 1-based line of the record, for messages. */
  line: number;
}

export interface TextFile {
  kind: 'anki-text' | 'csv';
  html: boolean;
  notes: TextNote[];
  /** The `#deck:` header, when the file names one deck for all its notes. */
  deck: string | null;
  /** Which content column is the back, the extra (csv header names), when known. */
  roles: { front: number; back: number; extra: number | null } | null;
}

type Columns = {
  tags: number | null;
  notetype: number | null;
  deck: number | null;
  guid: number | null;
};

function readHeaders(lines: string[], file: string) {
  const h: Record<string, string> = {};
  let count = 0;
  for (const line of lines) {
    if (!line.startsWith('#')) break;
    count++;
    const m = /^#([a-z ]+):(.*)$/i.exec(line.replace(/\r$/, ''));
    if (m) h[(m[1] as string).trim().toLowerCase()] = m[2] as string;
  }
  const col = (name: string): number | null => {
    const v = h[`${name} column`];
    if (v === undefined) return null;
    const n = Number(v.trim());
    if (!Number.isInteger(n) || n < 1)
      throw new AnkiImportError(file, `#${name} column:${v} is not a column number (1, 2, ...)`);
    return n - 1;
  };
  const columns: Columns = {
    tags: col('tags'),
    notetype: col('notetype'),
    deck: col('deck'),
    guid: col('guid'),
  };
  return { h, count, columns };
}

export function readTextFile(text: string, file: string, ext: string): TextFile {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split('\n');
  const { h, count, columns } = readHeaders(lines, file);
  const rest = lines.slice(count).join('\n');
  let sep: string | null = h.separator === undefined ? null : separatorOf(h.separator);
  if (h.separator !== undefined && sep === null)
    throw new AnkiImportError(file, `#separator:${h.separator} is not a separator Anki writes`);
  sep ??= count > 0 || ext === '.txt' ? '\t' : guessSeparator(lines[count] ?? '', ext);
  const rows = parseDelimited(rest, sep);
  if (count === 0 && ext !== '.txt') return plainCsv(rows, file);
  const special = new Set(Object.values(columns).filter((c): c is number => c !== null));
  const tagsAll = (h.tags ?? '').split(/\s+/).filter(Boolean);
  const notes = rows.map((r, i) => ({
    fields: r.filter((_, j) => !special.has(j)),
    guid: pick(r, columns.guid),
    notetype: pick(r, columns.notetype) ?? h.notetype?.trim() ?? null,
    deck: pick(r, columns.deck),
    tags: [...tagsAll, ...(pick(r, columns.tags) ?? '').split(/\s+/).filter(Boolean)],
    line: count + i + 1,
  }));
  return {
    kind: 'anki-text',
    html: /^true$/i.test(h.html?.trim() ?? ''),
    notes,
    deck: h.deck?.trim() || null,
    roles: null,
  };
}

const pick = (r: string[], c: number | null): string | null =>
  c === null || r[c] === undefined || r[c] === '' ? null : (r[c] as string);

function plainCsv(rows: string[][], file: string): TextFile {
  const header = (rows[0] ?? []).map((c) => c.trim().toLowerCase());
  const find = (names: string[]) => {
    const i = header.findIndex((c) => names.includes(c));
    return i < 0 ? null : i;
  };
  const front = find(FRONT_NAMES);
  const back = find(BACK_NAMES);
  if (front === null || back === null)
    throw new AnkiImportError(
      file,
      `the header row needs a front and a back column (front: ${FRONT_NAMES.join('/')}; back: ${BACK_NAMES.join('/')})`,
    );
  const extra = find(EXTRA_NAMES);
  const tags = find(TAG_NAMES);
  const deck = find(DECK_NAMES);
  const notes = rows.slice(1).map((r, i) => ({
    fields: [r[front] ?? '', r[back] ?? '', ...(extra === null ? [] : [r[extra] ?? ''])],
    guid: null,
    notetype: null,
    deck: pick(r, deck),
    tags: (pick(r, tags) ?? '').split(/[\s,]+/).filter(Boolean),
    line: i + 2,
  }));
  return {
    kind: 'csv',
    html: false,
    notes,
    deck: null,
    roles: { front: 0, back: 1, extra: extra === null ? null : 2 },
  };
}
