import { join } from 'node:path';
import { ExamService } from '../../app/exams.js';
import { LabRunner } from '../../app/labs/lab-port.js';
import { type CustomStudy, parseCount } from '../../core/custom-study.js';
import type { Card } from '../../core/model.js';
import type { Scope } from '../../core/ports.js';
import { oneLine } from '../../core/sanitize.js';
import { objectiveNames } from '../../decks/blueprint.js';
import { type Context, UsageError } from '../context.js';
import { deckFolders, openEditor } from '../editor.js';
import { loadTui } from '../load-tui.js';
import { resolveDecks, withCollection } from '../with-collection.js';

export function requireTty(command: string): void {
  if (process.stdin.isTTY && process.stdout.isTTY) return;
  throw new UsageError(
    `'${command}' needs an interactive terminal. For scripts use 'hyperrecall status --json' or 'hyperrecall decks --json'.`,
  );
}

export interface StudyOptions {
  home: boolean;
  tag?: string;
  /** An exam objective: its tag (`lpic3-351.4`) or the code alone (`351.4`). */
  objective?: string;
  flagged?: boolean;
  leeches?: boolean;
  /** Every card of the scope, due or not. */
  all?: boolean;
  /** Reviews due in the next N days, now. */
  ahead?: string;
  /** N new cards beyond today's limit. */
  moreNew?: string;
  /** An unscheduled cram of the scope (with --flagged or --leeches: of those cards). */
  cram?: boolean;
}

/** `--cram`, alone or narrowed by --flagged or --leeches (--all is what it does anyway). */
function cramOf(opts: StudyOptions, since: number): CustomStudy {
  if (opts.ahead !== undefined || opts.moreNew !== undefined)
    throw new UsageError('--cram goes with --flagged or --leeches, not --ahead or --more-new');
  if (opts.flagged && opts.leeches) throw new UsageError('give --flagged or --leeches, not both');
  const pick = opts.flagged ? 'flagged' : opts.leeches ? 'leeches' : 'all';
  return { kind: 'cram', pick, since };
}

/** The custom study the flags ask for; at most one (a cram may be narrowed). */
export function customOf(opts: StudyOptions, now = 0): CustomStudy | undefined {
  if (opts.cram) return cramOf(opts, now);
  const asked: CustomStudy[] = [];
  if (opts.flagged) asked.push({ kind: 'flagged' });
  if (opts.leeches) asked.push({ kind: 'leeches' });
  if (opts.all) asked.push({ kind: 'all' });
  const count = (flag: string, raw: string): number => {
    const n = parseCount(raw);
    if (n === null)
      throw new UsageError(`${flag} takes a whole number from 1 to 9999, not '${oneLine(raw)}'`);
    return n;
  };
  if (opts.ahead !== undefined) asked.push({ kind: 'ahead', days: count('--ahead', opts.ahead) });
  if (opts.moreNew !== undefined)
    asked.push({ kind: 'more-new', count: count('--more-new', opts.moreNew) });
  if (asked.length > 1)
    throw new UsageError('give one of --flagged, --leeches, --all, --ahead N, --more-new N');
  return asked[0];
}

/** The tag an objective names: the tag itself, or the one tag ending in `-CODE`. */
export function objectiveTag(cards: readonly Card[], objective: string): string {
  const tags = new Set(cards.flatMap((c) => c.tags));
  if (tags.has(objective)) return objective;
  const matches = [...tags].filter((t) => t.endsWith(`-${objective}`));
  if (matches.length === 1) return matches[0]!;
  const known = [...tags].filter((t) => /\d+\.\d+$/.test(t)).sort();
  if (matches.length > 1)
    throw new UsageError(`objective '${oneLine(objective)}' matches ${matches.sort().join(', ')}`);
  throw new UsageError(
    `no card is tagged with objective '${oneLine(objective)}'; objectives: ${known.join(', ') || '(none)'}`,
  );
}

/** Opens the home screen (no decks given) or goes straight into a session. */
export async function run(ctx: Context, typed: string[], opts: StudyOptions): Promise<number> {
  requireTty(opts.home ? 'hyperrecall' : 'hyperrecall study');
  if (opts.tag !== undefined && opts.objective !== undefined)
    throw new UsageError('give --tag or --objective, not both');
  const custom = customOf(opts, ctx.now());
  return withCollection(ctx, 'write', async ({ collection, store }) => {
    const deckIds = resolveDecks(collection.decks, typed);
    const decks = deckIds.length > 0 ? deckIds : null;
    const tag =
      opts.objective !== undefined
        ? objectiveTag(collection.cards({ decks, tag: null }), opts.objective)
        : (opts.tag ?? null);
    const scope: Scope = { decks, tag, ...(custom ? { custom } : {}) };
    if (scope.tag && collection.cards(scope).length === 0)
      throw new UsageError(`no card has the tag '${oneLine(scope.tag)}'`);
    const only = custom?.kind === 'cram' ? custom.pick : custom?.kind;
    const picked = only === 'flagged' ? 'flagged' : only === 'leeches' ? 'leech' : null;
    if (picked && !collection.cards(scope).some((c) => collection.marks(c.key)[picked])) {
      const none =
        picked === 'flagged'
          ? 'no card in these decks is flagged (flag one with * while studying)'
          : 'no card in these decks is a leech';
      process.stderr.write(`hyperrecall: ${none}\n`);
      return 1;
    }
    if (custom?.kind === 'cram' && collection.cramDeck(scope).length === 0) {
      process.stderr.write(
        'hyperrecall: no card to cram in these decks (suspended and buried cards are left out)\n',
      );
      return 1;
    }
    const { runTui } = await loadTui();
    const summary = await runTui(collection, {
      now: ctx.now,
      color: ctx.color,
      initial: opts.home ? { name: 'home' } : { name: 'study', scope },
      exams: new ExamService(collection, store, ctx.device, undefined, () =>
        objectiveNames(join(ctx.root, 'blueprints')),
      ),
      openEditor: openEditor(ctx.env, deckFolders(ctx)),
      labs: new LabRunner(),
    });
    if (summary) process.stdout.write(`${summary}\n`);
    return 0;
  });
}
