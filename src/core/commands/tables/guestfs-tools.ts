// virt-customize(1), virt-sysprep(1) and virt-builder(1), guestfs-tools 1.48 (Debian 12),
// written from their man pages (not installed here). The three share the customization
// options, which are applied in the order given, so a repeated one keeps its order.
import type { CommandTable, OptionSpec } from '../spec.js';
import { arg, flag, flags, optArg } from './option-shorthand.js';

const VERSION = 'guestfs-tools 1.48 (from the man page; not installed here)';

const step = (names: string) => arg(names, { repeat: true, ordered: true });

/** The customization options of virt-customize, also taken by virt-sysprep and virt-builder. */
const customize: OptionSpec[] = [
  ...[
    '--append-line',
    '--chmod',
    '--commands-from-file',
    '--copy',
    '--copy-in',
    '--delete',
    '--edit',
    '--firstboot',
    '--firstboot-command',
    '--firstboot-install',
    '--install',
    '--link',
    '--mkdir',
    '--move',
    '--password',
    '--run',
    '--run-command',
    '--scrub',
    '--sm-attach',
    '--ssh-inject',
    '--touch',
    '--truncate',
    '--truncate-recursive',
    '--uninstall',
    '--upload',
    '--write',
  ].map(step),
  arg('--hostname'),
  arg('--password-crypto'),
  arg('--root-password'),
  arg('--sm-credentials'),
  arg('--timezone'),
  ...flags('--selinux-relabel', '--sm-register', '--sm-remove', '--sm-unregister', '--update'),
];

/** Options every one of the three takes: output, tracing, keys. */
const common: OptionSpec[] = [
  ...flags('--colors --colours', '-q --quiet', '-v --verbose', '-V --version', '-x', '--help'),
  ...flags('--echo-keys', '--keys-from-stdin', '--network', '--no-network'),
  arg('--key', { repeat: true }),
  arg('--smp'),
  arg('-m --memsize'),
];

/** The guest to work on, as virt-customize and virt-sysprep name it. */
const guest: OptionSpec[] = [
  arg('-a --add', { repeat: true, ordered: true }),
  arg('-c --connect'),
  arg('-d --domain'),
  arg('--format'),
  flag('-n --dry-run --dryrun'),
];

export const virtCustomizeTable: CommandTable = {
  programs: ['virt-customize'],
  spec: {
    source: `virt-customize(1), ${VERSION}`,
    abbreviateLong: true,
    options: [
      ...guest,
      ...common,
      arg('--attach', { repeat: true, ordered: true }),
      arg('--attach-format'),
      ...customize,
    ],
  },
};

export const virtSysprepTable: CommandTable = {
  programs: ['virt-sysprep'],
  spec: {
    source: `virt-sysprep(1), ${VERSION}`,
    abbreviateLong: true,
    options: [
      ...guest,
      ...common,
      // --enable lists the only operations to run; --operations also takes `-op`, `defaults`,
      // `all` and `none`. The two are different options.
      arg('--enable'),
      arg('--operations --operation', { repeat: true, ordered: true }),
      flag('--list-operations'),
      arg('--mount-options'),
      arg('--remove-user-accounts', { repeat: true }),
      arg('--keep-user-accounts', { repeat: true }),
      arg('--script', { repeat: true, ordered: true }),
      arg('--scriptdir'),
      ...customize,
    ],
  },
};

export const virtBuilderTable: CommandTable = {
  programs: ['virt-builder'],
  spec: {
    source: `virt-builder(1), ${VERSION}`,
    abbreviateLong: true,
    options: [
      ...common,
      flag('-l --list'),
      arg('--list-format'),
      ...flags('--long', '--notes', '--print-cache', '--cache-all-templates', '--delete-cache'),
      arg('--cache'),
      flag('--no-cache'),
      arg('--arch'),
      arg('--attach', { repeat: true, ordered: true }),
      arg('--attach-format'),
      ...flags('--check-signature', '--no-check-signature', '--no-sync'),
      ...flags('--warn-if-partition', '--no-warn-if-partition'),
      arg('--curl'),
      arg('--fingerprint', { repeat: true }),
      arg('--format'),
      arg('--gpg'),
      optArg('--machine-readable'),
      arg('-o --output'),
      arg('--size'),
      arg('--source', { repeat: true }),
      ...customize,
    ],
  },
};
