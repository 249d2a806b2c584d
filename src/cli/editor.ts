// Runs $VISUAL or $EDITOR (default vi) at a line, on the terminal Ink is using. The editor
// runs as a child process while our event loop keeps going (the data directory's lock stays
// fresh); Ink stops reading the terminal meanwhile, so every key goes to the editor.
import { spawn } from 'node:child_process';
import { oneLine } from '../core/sanitize.js';

export type OpenEditor = (file: string, line: number) => Promise<string | null>;

export function openEditor(env: NodeJS.ProcessEnv): OpenEditor {
  return (file, line) =>
    new Promise((resolve) => {
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
