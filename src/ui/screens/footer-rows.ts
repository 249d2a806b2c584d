// Footers of key hints that wrap between hints, never inside one, so at 40 or 80 columns
// every key stays readable (the exam's once lost `s submit` and `q leave` off the edge).
import { lineRow, type Row, type Style } from '../components/rows.js';

const SEP = ' · ';

/** The parts joined with ` · `, a new row where the next part would not fit. */
export function footerRows(parts: readonly string[], width: number, style: Style = {}): Row[] {
  const lines: string[] = [];
  for (const part of parts.filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + SEP.length + part.length <= width)
      lines[lines.length - 1] = `${last}${SEP}${part}`;
    else lines.push(part);
  }
  // A part wider than the row is cut by lineRow's one line; the terminal never wraps it.
  return lines.map((l) => lineRow(l.length > width ? `${l.slice(0, width - 1)}…` : l, style));
}

/** A hint string (`a x · b y`) split back into its parts, for footerRows. */
export function hintParts(hint: string): string[] {
  return hint.split(SEP).filter(Boolean);
}
