// Exam blueprints: YAML files mapping objective tags to weights. Read with the same limits
// as decks; any problem, whatever the file holds, comes back as one located message.
import { z } from 'zod';
import type { Blueprint } from '../core/exam.js';
import { oneLine } from '../core/sanitize.js';
import { findControlText } from './controls.js';
import { displayPath } from './load.js';
import { Locator } from './locate.js';
import { readTextFile } from './read-file.js';
import { readYaml } from './yaml-limits.js';

const BlueprintSchema = z.strictObject({
  title: z.string().trim().min(1),
  objectives: z
    .record(
      z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'objective tags are lowercase, e.g. lpic3-351.4'),
      z.number().positive('weights must be positive'),
    )
    .refine((o) => Object.keys(o).length > 0, 'list at least one objective'),
});

export type BlueprintResult = { blueprint: Blueprint } | { error: string };

/** Reads and checks a blueprint file; never throws. */
export function loadBlueprint(file: string): BlueprintResult {
  const where = oneLine(displayPath(file));
  try {
    const r = parseBlueprint(where, file);
    return 'error' in r ? { error: oneLine(r.error) } : r;
  } catch (err) {
    // Stack overflow on deep nesting, or anything else unforeseen: still one line.
    const reason = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    return { error: oneLine(`${where}:1:1 could not parse: ${reason}`) };
  }
}

function parseBlueprint(where: string, file: string): BlueprintResult {
  const read = readTextFile(file, 'blueprint');
  if ('error' in read) return { error: `${where}:1:1 ${read.error}` };
  const y = readYaml(read.text);
  if (!y.ok) {
    const p = y.problems[0];
    const { line, col } = y.lc.linePos(p?.offset ?? 0);
    return { error: `${where}:${line}:${col} ${p?.message ?? 'YAML error'}` };
  }
  const loc = new Locator(where, read.text, y.lc, y.doc);
  // The title and objective names are shown in the exam screens.
  const control = findControlText(y.data, [])[0];
  if (control) {
    const p = loc.control(control);
    return { error: `${where}:${p.line}:${p.col} ${p.message}` };
  }
  const r = BlueprintSchema.safeParse(y.data);
  if (!r.success) {
    const issue = r.error.issues[0];
    const path = (issue?.path ?? []) as (string | number)[];
    const { line, col } = loc.at(path);
    return { error: `${where}:${line}:${col} ${path.join('.') || 'blueprint'}: ${issue?.message}` };
  }
  return { blueprint: r.data };
}
