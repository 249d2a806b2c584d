// `hyperrecall import FILE.json [--dry-run] [--json]`: a backup from `export --json` restored
// into the data directory (app/interop/restore-json.ts says how nothing is lost).
import { readFileSync } from 'node:fs';
import { InteropError } from '../../app/interop/export-file.js';
import {
  previewRestore,
  type RestoreResult,
  restoreBackup,
} from '../../app/interop/restore-json.js';
import { oneLine } from '../../core/sanitize.js';
import { SETTING_FIELD, SETTING_KEYS } from '../../core/settings.js';
import type { Context } from '../context.js';

/** A backup is told by its name: packages and text exports never end in .json. */
export function isBackupFile(file: string): boolean {
  return /\.json$/i.test(file);
}

/** Settings as the user types them (`new-per-day`), not as they are stored. */
function settingNames(fields: readonly string[]): string {
  return fields.map((f) => SETTING_KEYS.find((k) => SETTING_FIELD[k] === f) ?? f).join(', ');
}

function resultText(file: string, r: RestoreResult, dryRun: boolean): string {
  const lines = [
    `${dryRun ? 'would restore' : 'restored'} ${oneLine(file)}: ${r.added} log record(s) ${dryRun ? 'to add' : 'added'}, ${r.present} already here; ${r.cards} card(s) with progress`,
  ];
  if (r.settingsApplied.length > 0)
    lines.push(`settings from the backup: ${settingNames(r.settingsApplied)}`);
  if (r.settingsKept.length > 0)
    lines.push(
      `kept this data directory's own ${settingNames(r.settingsKept)} (the backup's differ; see hyperrecall config)`,
    );
  return `${lines.join('\n')}\n`;
}

export async function runRestore(
  ctx: Context,
  file: string,
  opts: { dryRun?: boolean; json?: boolean },
): Promise<number> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as { code?: string }).code ?? String(err);
    throw new InteropError(`cannot read ${oneLine(file)} (${code})`, file);
  }
  const target = { dataDir: ctx.dataDir, device: ctx.device, now: ctx.now };
  const result = opts.dryRun
    ? await previewRestore(target, text, file)
    : await restoreBackup(target, text, file);
  process.stdout.write(
    opts.json
      ? `${JSON.stringify(result, null, 2)}\n`
      : resultText(file, result, opts.dryRun === true),
  );
  return 0;
}
