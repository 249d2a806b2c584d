// Delimited text (CSV, TSV, Anki's text export): records of fields, with RFC 4180 quoting
// ("a ""quoted"" field", separators and line breaks inside quotes).

/** Splits `text` into records. A quote opens a quoted field only at the start of a field. */
export function parseDelimited(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const n = text.length;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    // A blank line is no record.
    if (!(row.length === 1 && row[0] === '')) rows.push(row);
    row = [];
  };
  while (i < n) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) endField();
    else if (ch === '\n') endRow();
    else if (ch === '\r' && text[i + 1] === '\n') {
      endRow();
      i++;
    } else field += ch;
    i++;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

const NAMED: Record<string, string> = {
  comma: ',',
  semicolon: ';',
  tab: '\t',
  space: ' ',
  pipe: '|',
  colon: ':',
};

/** Anki's `#separator:` value (a name such as `tab`, or the character itself). */
export function separatorOf(value: string): string | null {
  const v = value.trim();
  const named = NAMED[v.toLowerCase()];
  if (named) return named;
  if (v === '\\t') return '\t';
  return v.length === 1 ? v : null;
}

/** A guess for a file without a `#separator:` line: tab, semicolon or comma. */
export function guessSeparator(firstLine: string, ext: string): string {
  if (ext === '.tsv' || firstLine.includes('\t')) return '\t';
  const count = (c: string) => firstLine.split(c).length - 1;
  return count(';') > count(',') ? ';' : ',';
}
