// Runs a lab card's command for real: parse, refuse what may not run, run the allowed
// program in a fresh sandbox with a time limit and an output cap, then the card's check.
// Without the tools, the command is graded as typed text instead, and the result says so.
import { existsSync } from 'node:fs';
import type { LabRun, LabSpec } from '../../core/lab-spec.js';
import {
  allowedPrograms,
  argvRefusal,
  LAB_PROGRAMS,
  type LabRole,
  splitVirsh,
  TEST_URI,
} from '../../core/labs/argv-rules.js';
import { lexCommand } from '../../core/labs/command-line.js';
import { expectPattern } from '../../core/labs/spec-rules.js';
import { labAsTyped } from '../../core/labs/typed-fallback.js';
import { labNodePath } from '../../decks/lab-files.js';
import {
  LAB_OUTPUT_CAP,
  LAB_TIMEOUT_MS,
  type ProcessResult,
  runProcess,
  type SpawnFn,
} from './process.js';
import { sandboxEnv, withSandbox } from './sandbox.js';
import { findOnPath, LAB_INSTALL_HINT } from './tools.js';

export interface LabDeps {
  spawn?: SpawnFn;
  timeoutMs?: number;
  capBytes?: number;
  /** Where a program is installed, null when it is not (tests pass their own). */
  find?: (name: string) => string | null;
  /** Where sandboxes are made (default: the system temp dir). */
  tmpRoot?: string;
}

interface Limits {
  spawn?: SpawnFn;
  timeoutMs: number;
  capBytes: number;
}

const refused = (reason: string): LabRun => ({
  passed: false,
  commandOutput: '',
  checkOutput: '',
  refused: reason,
});

/** argv for a line, or why it may not run. */
function argvOf(line: string, env: LabSpec['env'], role: LabRole): string[] | string {
  const lexed = lexCommand(line);
  if (!lexed.ok) return lexed.reason;
  return argvRefusal(lexed.argv, env, allowedPrograms(env, role)) ?? lexed.argv;
}

/** One argument as virsh's own command parser reads it back (single quotes, as in sh). */
export function virshQuote(arg: string): string {
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** stdout then stderr, blank lines around each cut (a table's leading space is kept). */
const both = (out: string, err: string) =>
  [out, err]
    .map((s) => s.replace(/^\s*\n/, '').trimEnd())
    .filter((s) => s !== '')
    .join('\n');

function outputOf(r: ProcessResult, program: string): string {
  if (r.error !== undefined) return `could not start ${program}: ${r.error}`;
  const notes = [
    r.truncated ? `[output cut at ${LAB_OUTPUT_CAP / 1024} KB]` : '',
    r.timedOut ? '[stopped: it ran past the time limit]' : '',
  ];
  return [both(r.stdout, r.stderr), ...notes].filter(Boolean).join('\n');
}

function splitAt(text: string, marker: string): [string, string, boolean] {
  const at = text.indexOf(marker);
  if (at < 0) return [text, '', false];
  return [text.slice(0, at), text.slice(at + marker.length).replace(/^\n/, ''), true];
}

async function runVirsh(
  spec: LabSpec,
  deckFile: string,
  argv: string[],
  limits: Limits,
  tmpRoot?: string,
): Promise<LabRun> {
  const learner = splitVirsh(argv);
  const checkArgv = argvOf(spec.check.run, spec.env, 'check');
  if (typeof checkArgv === 'string') return refused(`this card's check may not run: ${checkArgv}`);
  const check = splitVirsh(checkArgv);
  if (typeof learner === 'string') return refused(learner);
  if (typeof check === 'string') return refused(`this card's check may not run: ${check}`);
  let uri = TEST_URI;
  if (spec.node !== undefined) {
    const node = labNodePath(deckFile, spec.node);
    if (!existsSync(node)) return refused(`this lab's node file ${spec.node} is missing`);
    uri = `test://${node}`;
  }
  // The test driver keeps its state only inside one process: the command and the check
  // run in one virsh, a random marker echoed between them on both streams.
  const marker = `hyperrecall-${Buffer.from(crypto.getRandomValues(new Uint8Array(8))).toString('hex')}`;
  const script = [
    learner.command.map(virshQuote).join(' '),
    `; echo ${marker} ; echo --err ${marker} ;`,
    check.command.map(virshQuote).join(' '),
  ].join(' ');
  const r = await withSandbox(
    (dir) =>
      runProcess(['virsh', '-c', uri, ...learner.flags, script], {
        ...limits,
        cwd: dir,
        env: sandboxEnv(dir),
      }),
    tmpRoot,
  );
  if (r.error !== undefined)
    return { passed: false, commandOutput: outputOf(r, 'virsh'), checkOutput: '' };
  // virsh ends each command's output with a blank line, except with -q.
  const [out1, out2, ran] = splitAt(r.stdout, marker);
  const [err1, err2] = splitAt(r.stderr, `error: ${marker}`);
  const checkOutput = ran ? both(out2, err2) : '';
  const commandOutput = outputOf({ ...r, stdout: out1, stderr: err1 }, 'virsh');
  return {
    passed: ran && !r.timedOut && expectPattern(spec.check.expect).test(checkOutput),
    commandOutput,
    checkOutput: ran
      ? checkOutput
      : `(the check did not run: ${r.timedOut ? 'the command was stopped' : 'virsh rejected the command line'})`,
    ...(r.timedOut ? { timedOut: true } : {}),
    ...(r.truncated ? { truncated: true } : {}),
  };
}

async function runQemuImg(
  spec: LabSpec,
  argv: string[],
  limits: Limits,
  tmpRoot?: string,
): Promise<LabRun> {
  const setup: string[][] = [];
  for (const line of spec.setup) {
    const a = argvOf(line, spec.env, 'setup');
    if (typeof a === 'string') return refused(`this card's setup may not run: ${a}`);
    setup.push(a);
  }
  const checkArgv = argvOf(spec.check.run, spec.env, 'check');
  if (typeof checkArgv === 'string') return refused(`this card's check may not run: ${checkArgv}`);
  return withSandbox(async (dir) => {
    const run = (a: string[]) => runProcess(a, { ...limits, cwd: dir, env: sandboxEnv(dir) });
    for (const [i, a] of setup.entries()) {
      const s = await run(a);
      if (s.code !== 0)
        return refused(`this lab's setup failed (${spec.setup[i]}): ${outputOf(s, a[0]!)}`);
    }
    const mine = await run(argv);
    const check = await run(checkArgv);
    const checkOutput = outputOf(check, checkArgv[0]!);
    const timedOut = mine.timedOut || check.timedOut;
    return {
      passed: check.code === 0 && !timedOut && expectPattern(spec.check.expect).test(checkOutput),
      commandOutput: outputOf(mine, argv[0]!),
      checkOutput,
      ...(timedOut ? { timedOut: true } : {}),
      ...(mine.truncated || check.truncated ? { truncated: true } : {}),
    };
  }, tmpRoot);
}

/** Runs `line` as the answer to the lab `spec` of a deck in `deckFile`. Never throws. */
export async function runLab(
  spec: LabSpec,
  deckFile: string,
  line: string,
  deps: LabDeps = {},
): Promise<LabRun> {
  const argv = argvOf(line, spec.env, 'learner');
  if (typeof argv === 'string') return refused(argv);
  const program = LAB_PROGRAMS[spec.env];
  if ((deps.find ?? findOnPath)(program) === null) {
    const why = `${program} is not installed here: this lab was graded as a typed answer. Install: ${LAB_INSTALL_HINT}`;
    return labAsTyped(spec, line, why);
  }
  const limits: Limits = {
    timeoutMs: deps.timeoutMs ?? LAB_TIMEOUT_MS,
    capBytes: deps.capBytes ?? LAB_OUTPUT_CAP,
    ...(deps.spawn ? { spawn: deps.spawn } : {}),
  };
  try {
    return spec.env === 'virsh-test'
      ? await runVirsh(spec, deckFile, argv, limits, deps.tmpRoot)
      : await runQemuImg(spec, argv, limits, deps.tmpRoot);
  } catch (e) {
    return refused(`the lab could not run: ${e instanceof Error ? e.message : String(e)}`);
  }
}
