import { existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { Deck } from '../../core/model.js';
import { oneLine } from '../../core/sanitize.js';
import { labFileProblems } from '../../decks/lab-files.js';
import { findDeckFiles, loadDeckFile } from '../../decks/load.js';
import { formatProblem, type Problem } from '../../decks/problem.js';
import { qualityWarnings } from '../../decks/quality.js';
import type { Context } from '../context.js';

/** Whether a deck file is one of the shipped decks (held to a stricter standard). */
function isShipped(ctx: Context, file: string): boolean {
  const dir = ctx.shippedDeckDir;
  if (!dir) return false;
  const rel = relative(dir, resolve(file));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

export async function run(
  ctx: Context,
  paths: string[],
  opts: { strict?: boolean },
): Promise<number> {
  const problems: Problem[] = [];
  const targets = paths.length > 0 ? paths : ctx.deckDirs.filter((d) => existsSync(d));
  const files = findDeckFiles(targets, problems);
  const ids = new Map<string, string>();
  let entries = 0;
  const decks: Deck[] = [];
  for (const file of files) {
    const r = await loadDeckFile(file);
    problems.push(...r.problems);
    entries += r.entryCount;
    if (!r.deck) continue;
    decks.push(r.deck);
    const other = ids.get(r.deck.id);
    // In another folder, the same id is an override (the learner's copy of a shipped deck
    // wins when decks load); in one folder it is a mistake.
    const override = other !== undefined && dirname(resolve(other)) !== dirname(resolve(file));
    if (other)
      problems.push({
        file: r.deck.file,
        line: r.idPos?.line ?? 1,
        col: r.idPos?.col ?? 1,
        severity: override ? 'hint' : 'error',
        message: override
          ? `deck '${r.deck.id}' overrides the one in ${other}, which is not loaded`
          : `duplicate deck id '${r.deck.id}' (also used by ${other})`,
      });
    if (override) {
      // Its questions would all repeat the copy's: check only the deck that is loaded.
      const replaced = decks.findIndex((d) => d.file === other);
      if (replaced >= 0) decks.splice(replaced, 1);
    }
    if (!other || override) ids.set(r.deck.id, r.deck.file);
  }
  problems.push(...labFileProblems(decks));
  problems.push(...qualityWarnings(decks, (d) => isShipped(ctx, d.file)));
  // File names are untrusted too; messages are already made safe by the parser.
  for (const p of problems) process.stdout.write(`${oneLine(formatProblem(p))}\n`);
  const count = (s: Problem['severity']) => problems.filter((p) => p.severity === s).length;
  const [errors, warnings, hints] = [count('error'), count('warning'), count('hint')];
  const failed = errors > 0 || (opts.strict === true && warnings > 0);
  process.stderr.write(
    `${files.length} file(s), ${entries} entries: ${errors} error(s), ${warnings} warning(s)${hints > 0 ? `, ${hints} hint(s)` : ''}${failed ? '' : ' - ok'}\n`,
  );
  return failed ? 1 : 0;
}
