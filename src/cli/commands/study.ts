import { spawnSync } from 'node:child_process';
import type { Scope } from '../../core/ports.js';
import { type Context, UsageError } from '../context.js';
import { loadTui } from '../load-tui.js';
import { ExamService } from '../services/exams.js';
import { openCollection, requireDecks } from '../services/open.js';

export function requireTty(command: string): void {
  if (process.stdin.isTTY && process.stdout.isTTY) return;
  throw new UsageError(
    `'${command}' needs an interactive terminal. For scripts use 'hyperrecall status --json' or 'hyperrecall decks --json'.`,
  );
}

/**
 * Runs $VISUAL or $EDITOR (default vi) at a line, on the terminal Ink is using. The
 * editor switches screens itself; on return we re-enter ours and Ink redraws.
 */
export function openEditor(env: NodeJS.ProcessEnv) {
  return (file: string, line: number): string | null => {
    const editor = env.VISUAL || env.EDITOR || 'vi';
    const [cmd, ...args] = editor.split(/\s+/).filter(Boolean);
    const r = spawnSync(cmd ?? 'vi', [...args, `+${line}`, file], { stdio: 'inherit' });
    process.stdout.write('\x1b[?1049h\x1b[2J\x1b[H');
    if (r.error) return `Could not start the editor '${editor}': ${r.error.message}. Set $EDITOR.`;
    return null;
  };
}

/** Opens the home screen (no decks given) or goes straight into a session. */
export async function run(
  ctx: Context,
  deckIds: string[],
  opts: { home: boolean; tag?: string },
): Promise<number> {
  requireTty(opts.home ? 'hyperrecall' : 'hyperrecall study');
  // A second writer is refused with StoreLockedError; main reports it (exit 1).
  const { collection, store } = await openCollection(ctx, false);
  try {
    requireDecks(collection.decks, deckIds);
    const scope: Scope = { decks: deckIds.length > 0 ? deckIds : null, tag: opts.tag ?? null };
    if (scope.tag && collection.cards(scope).length === 0)
      throw new UsageError(`no card has the tag '${scope.tag}'`);
    const { runTui } = await loadTui();
    const summary = await runTui(collection, {
      now: ctx.now,
      color: ctx.color,
      initial: opts.home ? { name: 'home' } : { name: 'study', scope },
      exams: new ExamService(collection, store, ctx.device),
      openEditor: openEditor(ctx.env),
    });
    if (summary) process.stdout.write(`${summary}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
