// `hyperrecall derive NOTES.md [-o FILE|-] [--watch]`: a deck from Markdown notes.

import { type DeriveOutcome, type DeriveTarget, deriveNotes } from '../../app/derive.js';
import { watchNotes } from '../../app/derive-watch.js';
import { oneLine } from '../../core/sanitize.js';
import { type Context, UsageError } from '../context.js';

export interface DeriveFlags {
  output?: string;
  watch?: boolean;
}

function target(ctx: Context, opts: DeriveFlags): DeriveTarget {
  if (opts.output === '-') return { kind: 'stdout' };
  if (opts.output !== undefined) return { kind: 'file', path: opts.output };
  return { kind: 'user-decks', dataDir: ctx.dataDir };
}

/** Prints what happened; true when a deck was derived. Notes text is untrusted: oneLine. */
function report(out: DeriveOutcome, toStdout: boolean): boolean {
  for (const l of out.lines)
    process.stderr.write(`${oneLine(`${l.file}:${l.line}: ${l.message}`)}\n`);
  if (out.error !== null) {
    process.stderr.write(`hyperrecall: ${oneLine(out.error)}\n`);
    return false;
  }
  if (toStdout) {
    process.stdout.write(out.yaml ?? '');
    return true;
  }
  const fresh = out.cards - out.kept;
  const skipped =
    out.lines.length > 0 ? `; ${out.lines.length} line(s) not used, listed above` : '';
  process.stdout.write(
    `${oneLine(`Derived ${out.cards} card(s) into ${out.written ?? '?'} (${out.kept} kept their ids, ${fresh} new)${skipped}`)}\n`,
  );
  return true;
}

function once(notes: string, t: DeriveTarget): DeriveOutcome {
  try {
    return deriveNotes(notes, t);
  } catch (err) {
    // A write that failed (full disk, no permission): the previous deck file is unchanged.
    const why = err instanceof Error ? err.message : String(err);
    return { written: null, yaml: null, cards: 0, kept: 0, lines: [], error: why };
  }
}

export async function run(ctx: Context, notes: string, opts: DeriveFlags): Promise<number> {
  const t = target(ctx, opts);
  if (opts.watch && t.kind === 'stdout')
    throw new UsageError('--watch writes a file each time: give -o FILE, or leave -o out');
  const ok = report(once(notes, t), t.kind === 'stdout');
  if (!opts.watch) return ok ? 0 : 1;
  process.stdout.write(`${oneLine(`Watching ${notes} for changes; Ctrl+C to stop.`)}\n`);
  return new Promise<number>((done) => {
    const watcher = watchNotes(
      notes,
      () => {
        // On an error the message says so and the deck file keeps its last good version.
        if (!report(once(notes, t), false))
          process.stderr.write(
            'hyperrecall: the last good deck is kept; fix the notes and save again\n',
          );
      },
      (err) =>
        process.stderr.write(`hyperrecall: watching ${oneLine(notes)}: ${oneLine(String(err))}\n`),
    );
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void watcher.close().then(() => done(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
