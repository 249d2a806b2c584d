// Entry point: parse the command line, run one command, set the exit code.
// Exit codes: 0 ok, 1 a reported problem, 2 usage error or missing terminal.
import { CommanderError } from 'commander';
import { type GlobalOptions, makeContext, UsageError } from './context.js';
import { unknownCommand } from './did-you-mean.js';
import { buildProgram } from './program.js';

/**
 * `hyperrecall decks | head`: once the reader has gone, the rest of the output has nowhere
 * to go. Stop quietly, as a Unix filter does, instead of an unhandled 'error' event's stack.
 */
function quietOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
      process.exit(process.exitCode ?? 0);
    });
}

async function main(argv: string[]): Promise<number> {
  quietOnClosedPipe();
  let code = 0;
  const program = buildProgram(async (fn) => {
    const ctx = makeContext(program.opts<GlobalOptions>(), process.env);
    code = await fn(ctx);
  });
  for (const cmd of program.commands) cmd.exitOverride();
  const unknown = unknownCommand(
    argv,
    program.commands.map((c) => c.name()),
  );
  if (unknown !== null) {
    process.stderr.write(`hyperrecall: ${unknown}\n`);
    return 2;
  }
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      if (
        err.code === 'commander.helpDisplayed' ||
        err.code === 'commander.version' ||
        err.code === 'commander.help'
      )
        return 0;
      return 2;
    }
    return report(err);
  }
  return code;
}

/**
 * One line for the user, never a stack trace (HYPERRECALL_DEBUG=1 shows it). Store errors
 * already name the path and what to do; they are told apart by shape, not by class, so
 * this file does not load the store for every command.
 */
function report(err: unknown): number {
  const debug = !!process.env.HYPERRECALL_DEBUG && process.env.HYPERRECALL_DEBUG !== '0';
  if (err instanceof UsageError) {
    process.stderr.write(`hyperrecall: ${err.message}\n`);
    return 2;
  }
  const known = err instanceof Error && 'hint' in err && 'path' in err;
  const message = err instanceof Error ? err.message : String(err);
  const line = known
    ? message
    : `unexpected error: ${message}. Run again with HYPERRECALL_DEBUG=1 for details, and please report it.`;
  process.stderr.write(`hyperrecall: ${line.replace(/\s*\n\s*/g, ' ')}\n`);
  if (debug && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  return 1;
}

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.exitCode = report(err);
  },
);
