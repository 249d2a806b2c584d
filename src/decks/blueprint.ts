// Exam blueprints: YAML files mapping objective tags to weights and names. Read with the
// same limits as decks; any problem, whatever the file holds, comes back as one located
// message.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Blueprint } from '../core/exam.js';
import { oneLine } from '../core/sanitize.js';
import { findControlText } from './controls.js';
import { displayPath } from './load.js';
import { Locator } from './locate.js';
import { readTextFile } from './read-file.js';
import { readYaml } from './yaml-limits.js';

const TAG = /^[a-z0-9][a-z0-9.-]*$/;

type Problem = { path: (string | number)[]; message: string };

const isMapping = (x: unknown): x is Record<string, unknown> =>
  !!x && typeof x === 'object' && !Array.isArray(x);

/**
 * The file's outline: a title and a non-empty map of objective tags. Checked by hand, not
 * with zod: readiness reads the names on the home screen's first frame, and loading zod
 * there would cost more than the whole rest of the file.
 */
function outline(data: unknown): Problem | { title: string; objectives: Record<string, unknown> } {
  if (!isMapping(data)) return { path: [], message: 'a blueprint is a mapping: title, objectives' };
  const extra = Object.keys(data).find((k) => k !== 'title' && k !== 'objectives');
  if (extra !== undefined)
    return {
      path: [extra],
      message: `unknown field '${extra}'; a blueprint has a title and objectives`,
    };
  const title = typeof data.title === 'string' ? data.title.trim() : '';
  if (!title) return { path: ['title'], message: 'give the blueprint a title' };
  const o = data.objectives;
  if (!isMapping(o))
    return { path: ['objectives'], message: 'objectives map tags to weights, e.g. lpic3-351.4: 9' };
  const tags = Object.keys(o);
  if (tags.length === 0) return { path: ['objectives'], message: 'list at least one objective' };
  const bad = tags.find((t) => !TAG.test(t));
  if (bad !== undefined)
    return { path: ['objectives', bad], message: 'objective tags are lowercase, e.g. lpic3-351.4' };
  return { title, objectives: o };
}

/** A blueprint with the names its objectives are shown by (readiness, results). */
export interface NamedBlueprint extends Blueprint {
  /** Objective tag -> name, for the objectives given one. */
  names: Record<string, string>;
}

export type BlueprintResult = { blueprint: NamedBlueprint } | { error: string };

const FORMS = 'an objective is a weight (lpic3-351.2: 3) or { weight: 3, name: Xen }';
const MAX_NAME = 100;

type Checked = { weight: number; name?: string } | Problem;

/** One objective: the old `tag: weight` form, or `tag: { weight, name }`. */
function objective(tag: string, v: unknown): Checked {
  const at = ['objectives', tag];
  const weight = (w: unknown, path: (string | number)[]): Checked =>
    typeof w !== 'number' || !Number.isFinite(w)
      ? { path, message: `weights are numbers; ${FORMS}` }
      : w <= 0
        ? { path, message: 'weights must be positive' }
        : { weight: w };
  if (typeof v === 'number') return weight(v, at);
  if (!v || typeof v !== 'object' || Array.isArray(v)) return { path: at, message: FORMS };
  const o = v as Record<string, unknown>;
  const extra = Object.keys(o).find((k) => k !== 'weight' && k !== 'name');
  if (extra !== undefined)
    return { path: [...at, extra], message: `unknown field '${extra}'; ${FORMS}` };
  if (!('weight' in o)) return { path: at, message: `the weight is missing; ${FORMS}` };
  const w = weight(o.weight, [...at, 'weight']);
  if ('message' in w || o.name === undefined) return w;
  const name = typeof o.name === 'string' ? o.name.trim() : '';
  if (!name || name.length > MAX_NAME)
    return {
      path: [...at, 'name'],
      message: `a name is text of 1 to ${MAX_NAME} characters, e.g. Virtualization concepts and theory`,
    };
  return { weight: w.weight, name };
}

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
  const r = outline(y.data);
  if ('message' in r) return located(loc, where, r.path, r.message);
  const objectives: Record<string, number> = {};
  const names: Record<string, string> = {};
  for (const [tag, v] of Object.entries(r.objectives)) {
    const o = objective(tag, v);
    if ('message' in o) return located(loc, where, o.path, o.message);
    objectives[tag] = o.weight;
    if (o.name) names[tag] = o.name;
  }
  return { blueprint: { title: r.title, objectives, names } };
}

function located(
  loc: Locator,
  where: string,
  path: (string | number)[],
  message: string | undefined,
): { error: string } {
  const { line, col } = loc.at(path);
  return { error: `${where}:${line}:${col} ${path.join('.') || 'blueprint'}: ${message}` };
}

/**
 * The objective names of every blueprint in a folder (first file by name wins a tag named
 * twice), for readiness per objective. A blueprint that cannot be read names nothing: it is
 * reported where it is used as a blueprint (`exam --blueprint`, `lint`).
 */
export function objectiveNames(dir: string): Record<string, string> {
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort();
  } catch {
    return {};
  }
  const names: Record<string, string> = {};
  for (const f of files) {
    const r = loadBlueprint(join(dir, f));
    if ('error' in r) continue;
    for (const [tag, name] of Object.entries(r.blueprint.names))
      if (!Object.hasOwn(names, tag)) names[tag] = name;
  }
  return names;
}
