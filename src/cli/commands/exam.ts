import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ExamService } from '../../app/exams.js';
import { LabRunner } from '../../app/labs/lab-port.js';
import { EXAM_DEFAULTS } from '../../core/exam.js';
import type { ExamOptions } from '../../core/ports.js';
import { oneLine } from '../../core/sanitize.js';
import { EXAM_BOUNDS } from '../../core/settings.js';
import { loadBlueprint, objectiveNames } from '../../decks/blueprint.js';
import { type Context, UsageError } from '../context.js';
import { closest } from '../did-you-mean.js';
import { deckFolders, openEditor } from '../editor.js';
import { loadTui } from '../load-tui.js';
import { resolveDecks, withCollection } from '../with-collection.js';
import { requireTty } from './study.js';

/** Options of `hyperrecall exam`, as commander hands them over. */
export interface ExamFlags {
  tag?: string;
  questions?: string;
  minutes?: string;
  pass?: string;
  blueprint?: string;
}

/** A whole-number flag within bounds, or undefined when it was not given. */
function intOption(
  name: string,
  raw: string | undefined,
  lo: number,
  hi: number,
): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < lo || n > hi)
    throw new UsageError(`--${name} takes a whole number from ${lo} to ${hi}, not '${raw}'`);
  return n;
}

/**
 * The shipped blueprint can be named without its path: `--blueprint lpic3-305-kvm`. An
 * unknown name lists the ones that exist, since nothing else tells the learner.
 */
export function blueprintPath(root: string, raw: string): string {
  if (/[/\\]|\.ya?ml$/.test(raw)) return raw;
  const dir = join(root, 'blueprints');
  const file = join(dir, `${raw}.yaml`);
  if (existsSync(file)) return file;
  const names = existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => n.endsWith('.yaml'))
        .map((n) => n.slice(0, -'.yaml'.length))
        .sort()
    : [];
  const guess = closest(raw, names) ?? names.find((n) => n.startsWith(raw)) ?? null;
  const hint = guess ? ` (did you mean ${guess}?)` : '';
  throw new UsageError(
    `no blueprint named '${oneLine(raw)}'${hint}. Shipped blueprints: ${names.join(', ') || '(none)'}; or give the path of a YAML file`,
  );
}

export async function run(ctx: Context, deckIds: string[], flags: ExamFlags): Promise<number> {
  requireTty('hyperrecall exam');
  const askedQuestions = intOption('questions', flags.questions, 1, EXAM_BOUNDS.questions);
  const askedMinutes = intOption('minutes', flags.minutes, 1, EXAM_BOUNDS.minutes);
  const passPercent = intOption('pass', flags.pass, 1, 100) ?? EXAM_DEFAULTS.passPercent;
  let blueprint: ExamOptions['blueprint'] = null;
  if (flags.blueprint) {
    const r = loadBlueprint(blueprintPath(ctx.root, flags.blueprint));
    if ('error' in r) throw new UsageError(r.error);
    blueprint = { name: r.blueprint.title, plan: r.blueprint };
  }
  // A second writer is refused with StoreLockedError; main reports it (exit 1).
  return withCollection(ctx, 'write', async ({ collection, store }) => {
    const ids = resolveDecks(collection.decks, deckIds);
    const scope = { decks: ids.length > 0 ? ids : null, tag: flags.tag ?? null };
    // Without --questions/--minutes the exam takes its size and time from `config`.
    const settings = collection.settings();
    const questions = askedQuestions ?? settings.examQuestions;
    const minutes = askedMinutes ?? settings.examMinutes;
    const { runTui } = await loadTui();
    await runTui(collection, {
      now: ctx.now,
      color: ctx.color,
      exams: new ExamService(collection, store, ctx.device, undefined, () =>
        objectiveNames(join(ctx.root, 'blueprints')),
      ),
      initial: {
        name: 'examStart',
        options: { scope, questions, minutes, passPercent, blueprint },
      },
      openEditor: openEditor(ctx.env, deckFolders(ctx)),
      labs: new LabRunner(),
    });
    return 0;
  });
}
