// Host inspection and kernel tools the decks ask for: sysctl(8) from procps-ng 4.0.2, lscpu(1)
// from util-linux 2.38.1 and systemd-detect-virt(1) from systemd 252, read from their --help;
// modprobe(8) from kmod 30, written from the man page (not installed here). All getopt_long.
import type { CommandTable } from '../spec.js';
import { arg, flag, flags, optArg } from './option-shorthand.js';

export const sysctlTable: CommandTable = {
  programs: ['sysctl'],
  spec: {
    source: 'sysctl(8), procps-ng 4.0.2',
    abbreviateLong: true,
    options: [
      // -A and -X are documented aliases of -a, -f of -p, -d of -h.
      flag('-a -A -X --all'),
      ...flags('--deprecated', '--dry-run', '-b --binary', '-e --ignore', '-N --names'),
      ...flags('-n --values', '--system', '-q --quiet', '-w --write', '-o', '-x'),
      optArg('-p -f --load'),
      arg('-r --pattern'),
      ...flags('-h -d --help', '-V --version'),
    ],
  },
};

export const lscpuTable: CommandTable = {
  programs: ['lscpu'],
  spec: {
    source: 'lscpu(1), util-linux 2.38.1',
    abbreviateLong: true,
    options: [
      ...flags('-a --all', '-b --online', '-B --bytes', '-c --offline', '-J --json'),
      optArg('-C --caches'),
      optArg('-e --extended'),
      optArg('-p --parse'),
      arg('-s --sysroot'),
      ...flags('-x --hex', '-y --physical', '--output-all', '-h --help', '-V --version'),
    ],
  },
};

export const systemdDetectVirtTable: CommandTable = {
  programs: ['systemd-detect-virt'],
  spec: {
    source: 'systemd-detect-virt(1), systemd 252',
    abbreviateLong: true,
    options: flags(
      '-h --help',
      '--version',
      '-c --container',
      '-v --vm',
      '-r --chroot',
      '--private-users',
      '-q --quiet',
      '--list',
    ),
  },
};

export const modprobeTable: CommandTable = {
  programs: ['modprobe'],
  spec: {
    source: 'modprobe(8), kmod 30 (from the man page; not installed here)',
    abbreviateLong: true,
    options: [
      ...flags('-a --all', '-r --remove', '--remove-dependencies', '-n --dry-run --show'),
      ...flags('-q --quiet', '-v --verbose', '-c --showconfig --show-config', '-D --show-depends'),
      ...flags('--show-modversions --dump-modversions', '-i --ignore-install --ignore-remove'),
      ...flags('-b --use-blacklist', '-f --force', '--force-modversion', '--force-vermagic'),
      ...flags('--first-time', '-R --resolve-alias', '-s --syslog', '-V --version', '-h --help'),
      arg('-C --config'),
      arg('-d --dirname'),
      arg('-S --set-version'),
      arg('-w --wait'),
    ],
  },
};
