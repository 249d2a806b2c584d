// Runs $VISUAL or $EDITOR (default vi) at a line, on the terminal Ink is using. The editor
// runs as a child process while our event loop keeps going (the data directory's lock stays
// fresh); Ink stops reading the terminal meanwhile, so every key goes to the editor.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { oneLine } from '../core/sanitize.js';
import type { Context } from './context.js';
import { type DeckFolders, editTarget } from './deck-copy.js';

export type OpenEditor = (file: string, line: number) => Promise<string | null>;

/** The deck folders of a command's context: the shipped ones and the learner's. */
export function deckFolders(ctx: Context): DeckFolders {
  const shipped = join(ctx.root, 'decks');
  return {
    shipped: ctx.shippedDeckDir ? [shipped, ctx.shippedDeckDir] : [shipped],
    user: join(ctx.dataDir, 'decks'),
  };
}

/** Opens the editor at a card's line; a shipped deck is copied first (see deck-copy.ts). */
export function openEditor(env: NodeJS.ProcessEnv, folders: DeckFolders): OpenEditor {
  return async (file, line) => {
    const target = editTarget(file, folders);
    if ('error' in target) return target.error;
    const problem = await runEditor(env, target.file, line);
    return problem ?? target.notice;
  };
}

function runEditor(env: NodeJS.ProcessEnv, file: string, line: number): Promise<string | null> {
  return new Promise((resolve) => {
    const editor = env.VISUAL || env.EDITOR || 'vi';
    const [cmd, ...args] = editor.split(/\s+/).filter(Boolean);
    process.stdin.pause();
    const child = spawn(cmd ?? 'vi', [...args, `+${line}`, file], { stdio: 'inherit' });
    const done = (problem: string | null) => {
      // The editor left its own screen: re-enter ours so Ink redraws a clean frame.
      process.stdout.write('\x1b[?1049h\x1b[2J\x1b[H');
      resolve(problem);
    };
    child.on('error', (err) =>
      done(`Could not start the editor '${oneLine(editor)}': ${err.message}. Set $EDITOR.`),
    );
    child.on('exit', () => done(null));
  });
}
