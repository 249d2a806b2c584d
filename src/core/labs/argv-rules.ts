// What a lab may run: which programs, and which arguments. Every argument, every
// `key=value` part and every comma-separated item (qemu-img's `-o a=b,c=d`) must stay
// inside the sandbox directory: no absolute path, no home, no `..`, no protocol.
import type { LabEnv } from '../model.js';

/** The program a learner types in each environment. */
export const LAB_PROGRAMS: Record<LabEnv, string> = {
  'virsh-test': 'virsh',
  'qemu-img': 'qemu-img',
};

/** Read-only helpers a qemu-img lab's `setup` and `check.run` may use besides qemu-img. */
export const LAB_HELPERS: readonly string[] = ['ls', 'stat', 'cat', 'du', 'sha256sum'];

/** The only libvirt connection a lab may name: the test driver's simulated host. */
export const TEST_URI = 'test:///default';

/** Who wrote a line: the learner's answer, or the deck's setup and check. */
export type LabRole = 'learner' | 'setup' | 'check';

export function allowedPrograms(env: LabEnv, role: LabRole): string[] {
  const main = LAB_PROGRAMS[env];
  return env === 'qemu-img' && role !== 'learner' ? [main, ...LAB_HELPERS] : [main];
}

/** virsh commands that would leave the test driver, the sandbox or the batch run. */
const VIRSH_REFUSED = new Set(['connect', 'cd', 'console', 'edit', 'lxc-enter-namespace']);

/** virsh options before the command that are kept; -c is checked and replaced. */
const VIRSH_FLAGS = new Set(['-q', '--quiet', '-r', '--readonly']);

const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2})+$/i;
const PROTOCOL = /^[a-z][a-z0-9+.-]*:/i;

function pieceProblem(piece: string): string | null {
  if (piece.startsWith('/')) return 'an absolute path';
  if (piece.startsWith('~')) return 'the home directory';
  if (piece.split('/').includes('..')) return "'..', which leaves the sandbox";
  if (PROTOCOL.test(piece) && !MAC.test(piece))
    return `a protocol (${piece.slice(0, piece.indexOf(':') + 1)})`;
  return null;
}

/** Why one argument is refused, or null when it stays inside the sandbox. */
export function argumentRefusal(arg: string): string | null {
  for (const piece of [arg, ...arg.split(/[=,]/)]) {
    const why = pieceProblem(piece.replace(/^['"]/, ''));
    if (why) return `'${arg}' names ${why}: labs use files in their own directory only`;
  }
  return null;
}

export interface VirshParts {
  /** Options for the virsh process itself (-q, -r); the connection is the runner's. */
  flags: string[];
  /** The virsh command and its arguments. */
  command: string[];
}

/** Splits `virsh [options] command args…`, refusing any connection but the test driver. */
export function splitVirsh(argv: readonly string[]): VirshParts | string {
  const flags: string[] = [];
  let i = 1;
  for (; i < argv.length && argv[i]!.startsWith('-'); i++) {
    const a = argv[i]!;
    let uri: string | undefined;
    if (a === '-c' || a === '--connect') uri = argv[++i] ?? '';
    else if (a.startsWith('--connect=')) uri = a.slice('--connect='.length);
    else if (a.startsWith('-c')) uri = a.slice(2);
    else if (VIRSH_FLAGS.has(a)) flags.push(a);
    else return `virsh option '${a}' is not used in labs (only -c ${TEST_URI}, -q, -r)`;
    if (uri !== undefined && uri !== TEST_URI)
      return `labs connect only to ${TEST_URI}, the simulated host, not '${uri}'`;
  }
  const command = argv.slice(i);
  const name = command[0];
  if (name === undefined) return 'type a virsh command after virsh (e.g. virsh list --all)';
  if (VIRSH_REFUSED.has(name) || name.endsWith('-edit'))
    return `virsh ${name} is not available in labs: it would leave the simulated host`;
  return { flags, command };
}

/** Most a qemu-img lab may write for real (preallocated), in bytes; sparse sizes are free. */
export const LAB_MAX_PREALLOC = 1024 ** 3;
const UNITS = 'KMGTPE';

/** A qemu-img size (`64M`, `+1G`, `1048576`) in bytes, or null when it is not one. */
export function sizeBytes(arg: string): number | null {
  const m = /^\+?(\d+(?:\.\d+)?)([kKMGTPE])?$/.exec(arg);
  if (!m) return null;
  const unit = m[2] ? UNITS.indexOf(m[2].toUpperCase()) + 1 : 0;
  return Number(m[1]) * 1024 ** unit;
}

/** Preallocating a big image fills the disk for real: sizes stay sparse, or small. */
function preallocRefusal(args: readonly string[]): string | null {
  if (!args.some((a) => /preallocation=(full|falloc)/.test(a))) return null;
  const big = args.find((a) => (sizeBytes(a) ?? 0) > LAB_MAX_PREALLOC);
  return big === undefined
    ? null
    : `preallocating ${big} is not run in labs: use a size up to 1G, or no preallocation`;
}

/**
 * Why `argv` may not run as a line of a lab in `env`, or null when it may. `allowed` are
 * the programs this line may start (see `allowedPrograms`).
 */
export function argvRefusal(
  argv: readonly string[],
  env: LabEnv,
  allowed: readonly string[],
): string | null {
  const program = argv[0] ?? '';
  if (!allowed.includes(program))
    return `'${program}' is not run here: this lab runs ${allowed.join(', ')}`;
  let args = argv.slice(1);
  if (program === 'virsh') {
    const parts = splitVirsh(argv);
    if (typeof parts === 'string') return parts;
    args = parts.command;
  } else if (env === 'virsh-test') return `'${program}' is not run in a virsh-test lab`;
  for (const a of args) {
    const why = argumentRefusal(a);
    if (why) return why;
  }
  return program === 'qemu-img' ? preallocRefusal(args) : null;
}
