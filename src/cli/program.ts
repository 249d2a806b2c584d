// Every command and option of the CLI, registered with commander. Command modules load only
// when run, so each command pays only for what it uses.
import { Command, Option } from 'commander';
import { withAutoSync } from './auto-sync.js';
// `status` runs on every shell prompt for some users: it is bundled in, and keeps its
// heavy parts behind a cache. Every other command loads on demand.
import type { ExamFlags } from './commands/exam.js';
import * as status from './commands/status.js';
import type { StudyOptions } from './commands/study.js';
import { type Context, packageRoot, packageVersion } from './context.js';
import { leavePreRendered, preRenderHome, uiStarted } from './first-frame.js';

const DESCRIPTIONS = {
  study: "Today's study session over the chosen decks (all by default)",
  exam: 'Timed mock exam over the chosen decks (all by default)',
  status: 'One-line summary for a shell prompt or tmux status bar',
  stats: 'Statistics: reviews, retention, due forecast, exam history',
  decks: 'List decks with card counts and progress',
  lint: 'Check deck files; errors as file:line:col, exit 1 if any',
  config:
    'Show or change settings: config list | get KEY | set KEY VALUE | reset KEY (new-per-day and reviews-per-day also per deck: --deck ID)',
  doctor: 'Check the data directory and report problems; --fix repairs them',
  merge: "Add another data directory's records (a backup, another machine's copy); idempotent",
  unsuspend: 'Bring suspended cards back (card keys as listed by doctor, or --all)',
  optimize:
    'Fit personal FSRS parameters to the review history; applied only when they predict better',
  export:
    'Write an Anki package (--apkg), the FSRS revlog CSV (--revlog) or a full backup (--json)',
  derive: 'A deck from Markdown notes (Obsidian SR syntax); card ids survive edits',
  cards: 'Browse cards: a query as in Anki (deck:, tag:, is:due, prop:ivl>=10, words)',
  sync: 'Sync progress between machines through git: --init REMOTE once, then sync; --status',
  import:
    'Import an Anki package (.apkg, .colpkg), notes as text (.txt, .csv, .tsv), or a backup (.json)',
} as const;

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
    .action(() =>
      run((ctx) =>
        withAutoSync(ctx, async () => {
          // The home screen as it was last drawn, before the UI loads (first-frame.ts).
          const shown = preRenderHome(ctx, process.stdout, process.stdin);
          try {
            return await (await import('./commands/study.js')).run(ctx, [], { home: true });
          } finally {
            if (shown && !uiStarted()) leavePreRendered(process.stdout, process.stdin);
          }
        }),
      ),
    );

  program
    .command('study')
    .description(DESCRIPTIONS.study)
    .argument('[deck...]', 'deck ids (see hyperrecall decks)')
    .option('--tag <tag>', 'only cards with this tag, e.g. lpic3-351.4')
    .option('--objective <id>', 'only cards of this exam objective, e.g. 351.4')
    .option('--flagged', 'custom study: the flagged cards, due or not')
    .option('--leeches', 'custom study: the leeches, due or not (suspended ones too)')
    .option('--all', 'custom study: every card of these decks, due or not')
    .option('--ahead <days>', 'custom study: reviews due in the next N days, now')
    .option('--more-new <n>', "custom study: N new cards beyond today's limit")
    .option('--cram', 'cram every card in scope without changing the schedule')
    .action((deckIds: string[], opts: Omit<StudyOptions, 'home'>) =>
      run((ctx) =>
        withAutoSync(ctx, async () =>
          (await import('./commands/study.js')).run(ctx, deckIds, { home: false, ...opts }),
        ),
      ),
    );

  program
    .command('exam')
    .description(DESCRIPTIONS.exam)
    .argument('[deck...]', 'deck ids (see hyperrecall decks)')
    .option('--tag <tag>', 'only questions with this tag')
    .option('--questions <n>', 'number of questions (default: config exam-questions, 60)')
    .option('--minutes <m>', 'time limit in minutes (default: config exam-minutes, 90)')
    .option('--pass <percent>', 'pass mark in percent (default 70)')
    .option(
      '--blueprint <file>',
      'weights per objective: a YAML file, or a shipped one by name (lpic3-305-kvm)',
    )
    .action((deckIds: string[], opts: ExamFlags) =>
      run(async (ctx) => (await import('./commands/exam.js')).run(ctx, deckIds, opts)),
    );

  program
    .command('status')
    .description(DESCRIPTIONS.status)
    .option('--json', 'machine-readable output')
    .action((opts: { json?: boolean }) => run(async (ctx) => status.run(ctx, opts)));

  program
    .command('stats')
    .description(DESCRIPTIONS.stats)
    .option('--json', 'machine-readable output')
    .option('--deck <id>', 'one deck only')
    .option('--objective <id>', 'one exam objective only (its tag or code, e.g. 351.4)')
    .action((opts: { json?: boolean; deck?: string; objective?: string }) =>
      run(async (ctx) => (await import('./commands/stats.js')).run(ctx, opts)),
    );

  program
    .command('decks')
    .description(DESCRIPTIONS.decks)
    .option('--json', 'machine-readable output')
    .action((opts: { json?: boolean }) =>
      run(async (ctx) => (await import('./commands/decks.js')).run(ctx, opts)),
    );

  program
    .command('lint')
    .description(DESCRIPTIONS.lint)
    .argument('[path...]', 'deck files or directories (default: every deck directory)')
    .option('--strict', 'treat quality warnings as errors')
    .action((paths: string[], opts: { strict?: boolean }) =>
      run(async (ctx) => (await import('./commands/lint.js')).run(ctx, paths, opts)),
    );

  program
    .command('derive')
    .description(DESCRIPTIONS.derive)
    .argument('<notes>', 'a Markdown notes file')
    .option('-o, --output <file>', 'deck file, - for stdout (default <data-dir>/decks/)')
    .option('--watch', 'derive again each time the notes are saved; Ctrl+C stops')
    .action((notes: string, opts: import('./commands/derive.js').DeriveFlags) =>
      run(async (ctx) => (await import('./commands/derive.js')).run(ctx, notes, opts)),
    );

  program
    .command('config')
    .description(DESCRIPTIONS.config)
    .argument('[action]', 'list, get, set or reset', 'list')
    .argument('[args...]', 'KEY, or KEY VALUE for set')
    .option('--deck <id>', "a deck's own new-per-day or reviews-per-day")
    .action((action: string, args: string[], opts: { deck?: string }) =>
      run(async (ctx) => (await import('./commands/config.js')).run(ctx, action, args, opts)),
    );

  program
    .command('doctor')
    .description(DESCRIPTIONS.doctor)
    .option('--fix', 'repair: set aside what cannot be used and rebuild the cache from the log')
    .action((opts: { fix?: boolean }) =>
      run(async (ctx) => (await import('./commands/doctor.js')).run(ctx, opts)),
    );
  program
    .command('merge')
    .description(DESCRIPTIONS.merge)
    .argument('<other-data-dir>', 'the data directory to take records from (read only)')
    .option('--json', 'the counts as JSON')
    .action((other: string, opts: { json?: boolean }) =>
      run(async (ctx) => (await import('./commands/merge.js')).run(ctx, other, opts)),
    );

  program
    .command('unsuspend')
    .description(DESCRIPTIONS.unsuspend)
    .argument('[key...]', 'card keys, e.g. kvm-ch04-networking/default-bridge')
    .option('--all', 'every suspended card')
    .action((keys: string[], opts: { all?: boolean }) =>
      run(async (ctx) => (await import('./commands/unsuspend.js')).run(ctx, keys, opts)),
    );

  program
    .command('optimize')
    .description(DESCRIPTIONS.optimize)
    .option('--dry-run', 'show the figures and the advice, change nothing')
    .option('--json', 'machine-readable output (shape in README, "Optimizer")')
    .option('--reset', "go back to FSRS' default parameters")
    .option('--apply-steps', 'also set the learning and relearning steps to the advised ones')
    .option('--reschedule', 'with new weights, also move due dates (not only memory states)')
    .action((opts: import('./commands/optimize.js').OptimizeFlags) =>
      run(async (ctx) => (await import('./commands/optimize.js')).run(ctx, opts)),
    );

  program
    .command('import')
    .description(DESCRIPTIONS.import)
    .argument('<file>', 'an Anki package (.apkg/.colpkg), text (.txt/.csv/.tsv), a backup (.json)')
    .option('--dry-run', 'show what would be created, write nothing')
    .option('--json', 'machine-readable report (shape in README, "Coming from Anki")')
    .action((file: string, opts: import('./commands/import.js').ImportFlags) =>
      run(async (ctx) => (await import('./commands/import.js')).run(ctx, file, opts)),
    );

  program
    .command('export')
    .description(DESCRIPTIONS.export)
    .argument('[deck...]', 'deck ids for --apkg and --revlog (default: every deck)')
    .option('--apkg <file>', 'an Anki package (.apkg) with notes, cards and review history')
    .option('--revlog <file>', 'the FSRS revlog CSV (card_id,review_time,review_rating,...)')
    .option('--json <file>', 'the full progress as JSON, for backup (import restores it)')
    .option('--force', 'replace the output file if it exists')
    .action((deckIds: string[], opts: import('./commands/export.js').ExportFlags) =>
      run(async (ctx) => (await import('./commands/export.js')).run(ctx, deckIds, opts)),
    );

  program
    .command('cards')
    .description(DESCRIPTIONS.cards)
    .argument('[query...]', 'search terms, e.g. deck:kvm is:flagged or is:leech')
    .option(
      '--sort <column>',
      'card, deck, kind, state, due, interval, stability, difficulty, recall or lapses',
    )
    .option('--desc', 'sort in descending order')
    .option('--json', 'machine-readable output (shape in README, "Card browser")')
    // `-is:suspended` is a query term ("not"), not an option.
    .allowUnknownOption()
    .action((query: string[], opts: import('./commands/cards.js').CardsFlags) =>
      run(async (ctx) => (await import('./commands/cards.js')).run(ctx, query, opts)),
    );

  program
    .command('sync')
    .description(DESCRIPTIONS.sync)
    .option('--init <remote>', 'make the data directory a git repository syncing with REMOTE')
    .option('--status', 'devices, last sync, records ahead and behind (no network)')
    .option('--json', 'machine-readable output')
    .action((opts: import('./commands/sync.js').SyncFlags) =>
      run(async (ctx) => (await import('./commands/sync.js')).run(ctx, opts)),
    );

  return program;
}
