// The import report as text. Deck titles and media names come from the package: oneLine().
import type { ImportReport } from '../../app/interop/import-report.js';
import { oneLine } from '../../core/sanitize.js';

const MEDIA_SHOWN = 10;
const FORMATS: Record<string, string> = {
  'anki-text': "Anki's plain-text notes",
  csv: 'CSV',
  tsv: 'TSV',
  txt: 'text',
};

export function reportText(r: ImportReport): string {
  const out: string[] = [];
  const verb = r.dryRun ? 'would add' : 'added';
  out.push(
    `${r.dryRun ? 'Dry run, nothing written: ' : ''}${oneLine(r.file)} (${FORMATS[r.format] ?? `Anki collection.${r.format}`})`,
  );
  const e = r.entries;
  out.push(
    `${r.notes} notes -> ${r.cards} cards: ${e.basic} basic, ${e.reverse} basic with reverse, ${e.cloze} cloze, ${e.typed} typed, ${e.other} of other note types (first field front, the rest back)`,
  );
  for (const d of r.decks)
    out.push(
      `  ${oneLine(d.title)}: ${verb} ${d.added} of ${d.entries} entries -> ${oneLine(d.file)}`,
    );
  const history = !(r.format in FORMATS);
  const rv = r.reviews;
  if (history)
    out.push(
      `reviews: ${verb} ${rv.added}${rv.alreadyImported ? `, ${rv.alreadyImported} already imported` : ''}${rv.ofDeletedCards ? `, ${rv.ofDeletedCards} of deleted cards left out` : ''}; memory states replayed with FSRS`,
    );
  const m = r.marks;
  if (history)
    out.push(
      `marks: ${verb} ${m.suspended} suspended, ${m.buried} buried, ${m.flagged} flagged, ${m.leeches} leech`,
    );
  if (r.fsrs)
    out.push(
      `Anki's own FSRS state vs the replay (${r.fsrs.cards} cards): mean difference ${r.fsrs.stability.toFixed(2)} days of stability, ${r.fsrs.difficulty.toFixed(2)} difficulty`,
    );
  if (r.withoutHistory)
    out.push(
      `${r.withoutHistory} cards were scheduled in Anki but have no history here: they start as new`,
    );
  if (r.unmappedCards)
    out.push(
      `${r.unmappedCards} extra cards of other note types have no card here (only the first is kept)`,
    );
  if (r.skippedNotes) out.push(`${r.skippedNotes} cloze notes without a deletion were left out`);
  if (r.cutFields) out.push(`${r.cutFields} fields were cut short (too long or nested too deep)`);
  if (r.media.references) {
    const names = r.media.names.slice(0, MEDIA_SHOWN).map(oneLine).join(', ');
    const more =
      r.media.references > MEDIA_SHOWN ? `, and ${r.media.references - MEDIA_SHOWN} more` : '';
    out.push(
      `media: ${r.media.references} referenced, not copied (shown as [image ...] / [sound ...]): ${names}${more}`,
    );
  }
  if (r.media.inPackage)
    out.push(
      `${r.media.inPackage} media files in the package were not copied (hyperrecall shows text only)`,
    );
  if (r.rollover !== r.dayStartsAt)
    out.push(
      `Anki's day started at ${r.rollover}:00, hyperrecall's at ${r.dayStartsAt}:00 (to match: hyperrecall config set day-starts-at ${r.rollover})`,
    );
  return `${out.join('\n')}\n`;
}
