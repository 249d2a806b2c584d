// `export --revlog`: the FSRS revlog CSV of the chosen decks (all when none are named).
import type { LogRecord } from '../../core/model.js';
import { type RevlogCsv, revlogCsv } from '../../decks/anki-export/revlog-csv.js';

export function exportRevlog(
  records: readonly LogRecord[],
  deckIds: readonly string[] | null,
): RevlogCsv {
  if (!deckIds) return revlogCsv(records);
  const prefixes = deckIds.map((id) => `${id}/`);
  return revlogCsv(records, (key) => prefixes.some((p) => key.startsWith(p)));
}
