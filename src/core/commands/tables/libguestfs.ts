// guestfish(1), guestmount(1) and virt-rescue(1), libguestfs 1.48 (Debian 12), written from
// their man pages (not installed here). getopt_long programs: short flags combine, long options
// may be shortened; --format and --blocksize take their value only attached (`--format=raw`),
// alone they reset to the default. -a/-d may be given several times, one disk each, in order.
import type { CommandTable, OptionSpec } from '../spec.js';
import { arg, flag, flags, optArg } from './option-shorthand.js';

const VERSION = 'libguestfs 1.48 (from the man page; not installed here)';

/** The disk, connection and key options every libguestfs C tool shares. */
const common: OptionSpec[] = [
  arg('-a --add', { repeat: true, ordered: true }),
  arg('-c --connect'),
  arg('-d --domain', { repeat: true, ordered: true }),
  optArg('--format'),
  optArg('--blocksize'),
  ...flags('--echo-keys', '--keys-from-stdin'),
  arg('--key', { repeat: true }),
  ...flags('-i --inspector', '-r --ro', '-w --rw', '--selinux'),
  arg('-m --mount', { repeat: true, ordered: true }),
  ...flags('-v --verbose', '-V --version', '--help'),
];

export const guestfishTable: CommandTable = {
  programs: ['guestfish'],
  spec: {
    source: `guestfish(1), ${VERSION}`,
    abbreviateLong: true,
    options: [
      ...common,
      flag('--csh'),
      flag('--live'),
      arg('-f --file'),
      optArg('-h --cmd-help'),
      flag('--listen'),
      ...flags('-n --no-sync', '--network', '-D --no-dest-paths', '--pipe-error'),
      arg('-N --new', { repeat: true, ordered: true }),
      ...flags('--progress-bars', '--no-progress-bars'),
      optArg('--remote'),
      flag('-x'),
    ],
  },
};

export const guestmountTable: CommandTable = {
  programs: ['guestmount'],
  spec: {
    source: `guestmount(1), ${VERSION}`,
    abbreviateLong: true,
    options: [
      ...common,
      flag('--live'),
      arg('--dir-cache-timeout'),
      arg('--fd'),
      flag('--fuse-help'),
      ...flags('-n --no-sync', '--no-fork'),
      arg('-o --option', { repeat: true }),
      arg('--pid-file'),
      flag('-x --trace'),
    ],
  },
};

export const virtRescueTable: CommandTable = {
  programs: ['virt-rescue'],
  spec: {
    source: `virt-rescue(1), ${VERSION}`,
    abbreviateLong: true,
    options: [
      ...common,
      arg('--append'),
      arg('-e'),
      arg('--memsize'),
      flag('--network'),
      optArg('--scratch', { repeat: true }),
      arg('--smp'),
      flag('--suggest'),
      flag('-x'),
    ],
  },
};
