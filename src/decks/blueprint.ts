// Exam blueprints: YAML files mapping objective tags to weights.
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { Blueprint } from '../core/exam.js';
import { displayPath } from './load.js';

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

export function loadBlueprint(file: string): BlueprintResult {
  const where = displayPath(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return {
      error: `${where}:1:1 cannot read file: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
    };
  }
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const { line, col } = lc.linePos(e.pos[0]);
    return { error: `${where}:${line}:${col} YAML ${e.code}: ${e.message.split('\n')[0]}` };
  }
  const r = BlueprintSchema.safeParse(doc.toJS());
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const node = doc.getIn(issue.path as (string | number)[], true) as
      | { range?: [number] }
      | undefined;
    const { line, col } = lc.linePos(node?.range?.[0] ?? 0);
    return {
      error: `${where}:${line}:${col} ${issue.path.join('.') || 'blueprint'}: ${issue.message}`,
    };
  }
  return { blueprint: r.data };
}
