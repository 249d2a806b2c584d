// The rules a lab card must keep beyond its shape: the lines it runs are allowed, its
// fields fit its environment, its pattern compiles. Deck parsing reports each at its field.

import type { LabSpec } from '../model.js';
import type { LabRole } from './argv-rules.js';
import { allowedPrograms, argvRefusal } from './argv-rules.js';
import { lexCommand } from './command-line.js';

export interface SpecIssue {
  /** Path below the entry, e.g. ['check', 'run'] or ['accept', 1]. */
  path: (string | number)[];
  message: string;
}

/** Why a line cannot run as `role` in `env`, or null. */
export function lineRefusal(line: string, env: LabSpec['env'], role: LabRole): string | null {
  const lexed = lexCommand(line);
  if (!lexed.ok) return lexed.reason;
  return argvRefusal(lexed.argv, env, allowedPrograms(env, role));
}

/** The `expect` pattern as the runner compiles it (multiline). Throws when it is invalid. */
export function expectPattern(expect: string): RegExp {
  return new RegExp(expect, 'm');
}

export function labSpecIssues(spec: LabSpec): SpecIssue[] {
  const out: SpecIssue[] = [];
  if (spec.node !== undefined && spec.env !== 'virsh-test')
    out.push({ path: ['node'], message: 'node: only a virsh-test lab has a node XML' });
  if (spec.node !== undefined && (spec.node.startsWith('/') || spec.node.split('/').includes('..')))
    out.push({ path: ['node'], message: 'node: a path relative to the deck file, without ..' });
  if (spec.setup.length > 0 && spec.env !== 'qemu-img')
    out.push({
      path: ['setup'],
      message: 'setup: only a qemu-img lab has setup lines (virsh-test starts from its node)',
    });
  const line = (path: SpecIssue['path'], text: string, role: LabRole) => {
    const why = lineRefusal(text, spec.env, role);
    if (why) out.push({ path, message: `${path.join('.')}: ${why}` });
  };
  line(['answer'], spec.answer, 'learner');
  for (const [i, a] of spec.accept.entries()) line(['accept', i], a, 'learner');
  if (spec.env === 'qemu-img')
    for (const [i, s] of spec.setup.entries()) line(['setup', i], s, 'setup');
  line(['check', 'run'], spec.check.run, 'check');
  try {
    expectPattern(spec.check.expect);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    out.push({ path: ['check', 'expect'], message: `check.expect: not a valid regex (${why})` });
  }
  return out;
}
