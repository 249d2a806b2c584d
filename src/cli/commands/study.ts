import { join } from 'node:path';
import { ExamService } from '../../app/exams.js';
import type { Scope } from '../../core/ports.js';
import { objectiveNames } from '../../decks/blueprint.js';
import { type Context, UsageError } from '../context.js';
import { openEditor } from '../editor.js';
import { loadTui } from '../load-tui.js';
import { requireDecks, withCollection } from '../with-collection.js';

export function requireTty(command: string): void {
  if (process.stdin.isTTY && process.stdout.isTTY) return;
  throw new UsageError(
    `'${command}' needs an interactive terminal. For scripts use 'hyperrecall status --json' or 'hyperrecall decks --json'.`,
  );
}

/** Opens the home screen (no decks given) or goes straight into a session. */
export async function run(
  ctx: Context,
  deckIds: string[],
  opts: { home: boolean; tag?: string },
): Promise<number> {
  requireTty(opts.home ? 'hyperrecall' : 'hyperrecall study');
  return withCollection(ctx, 'write', async ({ collection, store }) => {
    requireDecks(collection.decks, deckIds);
    const scope: Scope = { decks: deckIds.length > 0 ? deckIds : null, tag: opts.tag ?? null };
    if (scope.tag && collection.cards(scope).length === 0)
      throw new UsageError(`no card has the tag '${scope.tag}'`);
    const { runTui } = await loadTui();
    const summary = await runTui(collection, {
      now: ctx.now,
      color: ctx.color,
      initial: opts.home ? { name: 'home' } : { name: 'study', scope },
      exams: new ExamService(collection, store, ctx.device, undefined, () =>
        objectiveNames(join(ctx.root, 'blueprints')),
      ),
      openEditor: openEditor(ctx.env),
    });
    if (summary) process.stdout.write(`${summary}\n`);
    return 0;
  });
}
