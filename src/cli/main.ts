// Entry point: parse the command line, run one command, set the exit code.
// Exit codes: 0 ok, 1 a reported problem, 2 usage error or missing terminal.
import { Command, CommanderError, Option } from 'commander';
import * as config from './commands/config.js';
import * as decks from './commands/decks.js';
import * as doctor from './commands/doctor.js';
import * as exam from './commands/exam.js';
import * as lint from './commands/lint.js';
import * as stats from './commands/stats.js';
import * as status from './commands/status.js';
import * as study from './commands/study.js';
import * as unsuspend from './commands/unsuspend.js';
import {
  type Context,
  type GlobalOptions,
  makeContext,
  packageRoot,
  packageVersion,
  UsageError,
} from './context.js';

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function buildProgram(
  run: (fn: (ctx: Context) => Promise<number>) => Promise<void>,
): Command {
  const program = new Command('hyperrecall')
    .description('Spaced-repetition quiz trainer for the terminal')
    .version(packageVersion(packageRoot()), '-V, --version')
    .addOption(new Option('--data-dir <dir>', 'data directory (env HYPERRECALL_HOME)'))
    .addOption(
      new Option(
        '--decks <dir>',
        'extra deck directory, repeatable (env HYPERRECALL_DECKS)',
      ).argParser(collect),
    )
    .option('--no-color', 'plain output without colour (also NO_COLOR)')
    .showHelpAfterError('(run hyperrecall --help for usage)')
    .exitOverride()
    .action(() => run((ctx) => study.run(ctx, [], { home: true })));

  program
    .command('study')
    .description(study.description)
    .argument('[deck...]', 'deck ids (see hyperrecall decks)')
    .option('--tag <tag>', 'only cards with this tag, e.g. lpic3-351.4')
    .action((deckIds: string[], opts: { tag?: string }) =>
      run((ctx) => study.run(ctx, deckIds, { home: false, ...opts })),
    );

  program
    .command('exam')
    .description(exam.description)
    .argument('[deck...]', 'deck ids (see hyperrecall decks)')
    .option('--tag <tag>', 'only questions with this tag')
    .option('--questions <n>', 'number of questions (default 60)')
    .option('--minutes <m>', 'time limit in minutes (default 90)')
    .option('--pass <percent>', 'pass mark in percent (default 70)')
    .option(
      '--blueprint <file>',
      'weights per objective: a YAML file, or a shipped one by name (lpic3-305-kvm)',
    )
    .action((deckIds: string[], opts: exam.ExamFlags) =>
      run((ctx) => exam.run(ctx, deckIds, opts)),
    );

  program
    .command('status')
    .description(status.description)
    .option('--json', 'machine-readable output')
    .action((opts: { json?: boolean }) => run((ctx) => status.run(ctx, opts)));

  program
    .command('stats')
    .description(stats.description)
    .option('--json', 'machine-readable output')
    .action((opts: { json?: boolean }) => run((ctx) => stats.run(ctx, opts)));

  program
    .command('decks')
    .description(decks.description)
    .option('--json', 'machine-readable output')
    .action((opts: { json?: boolean }) => run((ctx) => decks.run(ctx, opts)));

  program
    .command('lint')
    .description(lint.description)
    .argument('[path...]', 'deck files or directories (default: every deck directory)')
    .option('--strict', 'treat quality warnings as errors')
    .action((paths: string[], opts: { strict?: boolean }) =>
      run((ctx) => lint.run(ctx, paths, opts)),
    );

  program
    .command('config')
    .description(config.description)
    .argument('[action]', 'list, get, set or reset', 'list')
    .argument('[args...]', 'KEY, or KEY VALUE for set')
    .action((action: string, args: string[]) => run((ctx) => config.run(ctx, action, args)));

  program
    .command('doctor')
    .description(doctor.description)
    .action(() => run((ctx) => doctor.run(ctx)));

  program
    .command('unsuspend')
    .description(unsuspend.description)
    .argument('[key...]', 'card keys, e.g. kvm-ch04-networking/default-bridge')
    .option('--all', 'every suspended card')
    .action((keys: string[], opts: { all?: boolean }) =>
      run((ctx) => unsuspend.run(ctx, keys, opts)),
    );

  return program;
}

async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = buildProgram(async (fn) => {
    const ctx = makeContext(program.opts<GlobalOptions>(), process.env);
    code = await fn(ctx);
  });
  for (const cmd of program.commands) cmd.exitOverride();
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
    if (err instanceof UsageError) {
      process.stderr.write(`hyperrecall: ${err.message}\n`);
      return 2;
    }
    process.stderr.write(
      `hyperrecall: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    return 1;
  }
  return code;
}

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`hyperrecall: ${String(err)}\n`);
    process.exitCode = 1;
  },
);
