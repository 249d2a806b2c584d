// virt-install(1), virt-clone(1) and virt-xml(1), virt-manager 4.1.0 (Debian 12), written
// from their man pages (not installed here). argparse: `--opt value` or `--opt=value`; each
// device option may be repeated, one device each, and the devices keep their order.
import type { CommandTable, OptionSpec } from '../spec.js';
import { arg, flag, flags, optArg } from './option-shorthand.js';

const VERSION = 'virt-manager 4.1.0 (from the man page; not installed here)';

const device = (names: string) => arg(names, { repeat: true, ordered: true });

/** Guest settings virt-install sets and virt-xml edits. */
const guestSettings: OptionSpec[] = [
  ...[
    '--memory',
    '--memorybacking',
    '--metadata',
    '--events',
    '--resource',
    '--sysinfo',
    '--qemu-commandline',
    '--launchSecurity',
    '--vcpus',
    '--numatune',
    '--memtune',
    '--blkiotune',
    '--cpu',
    '--cputune',
    '--iothreads',
    '--seclabel --security',
    '--keywrap',
    '--boot',
    '--idmap',
    '--features',
    '--clock',
    '--pm',
  ].map((n) => arg(n)),
  arg('--osinfo --os-variant'),
];

/** Device options: each use adds (virt-install) or selects (virt-xml) one device. */
const devices: OptionSpec[] = [
  '--disk',
  '--filesystem',
  '-w --network',
  '--graphics',
  '--controller',
  '--input',
  '--hostdev --host-device',
  '--sound',
  '--watchdog',
  '--serial',
  '--parallel',
  '--channel',
  '--console',
  '--tpm',
  '--rng',
  '--panic',
  '--shmem',
  '--memdev',
  '--vsock',
  '--iommu',
  '--smartcard',
  '--redirdev',
  '--memballoon',
  '--video',
  '--xml',
].map(device);

const output: OptionSpec[] = flags('-h --help', '--version', '-q --quiet', '-d --debug');

export const virtInstallTable: CommandTable = {
  programs: ['virt-install'],
  spec: {
    source: `virt-install(1), ${VERSION}`,
    options: [
      ...output,
      arg('--connect'),
      arg('-n --name'),
      arg('--arch'),
      arg('--machine'),
      ...guestSettings,
      ...devices,
      // Install method.
      arg('-c --cdrom'),
      arg('-l --location'),
      ...flags('--pxe', '--import'),
      arg('-x --extra-args'),
      arg('--initrd-inject', { repeat: true }),
      arg('--install'),
      arg('--reinstall'),
      optArg('--unattended'),
      optArg('--cloud-init'),
      // Virtualization type.
      ...flags('-v --hvm', '-p --paravirt', '--container'),
      arg('--virt-type'),
      // Console and what happens after.
      arg('--autoconsole'),
      ...flags('--noautoconsole', '--noreboot', '--autostart', '--transient'),
      ...flags('--destroy-on-exit', '--dry-run'),
      optArg('--wait'),
      optArg('--print-xml'),
      arg('--check', { repeat: true }),
    ],
  },
};

export const virtCloneTable: CommandTable = {
  programs: ['virt-clone'],
  spec: {
    source: `virt-clone(1), ${VERSION}`,
    options: [
      ...output,
      arg('--connect'),
      arg('-o --original'),
      arg('--original-xml'),
      flag('--auto-clone'),
      arg('-n --name'),
      arg('-f --file', { repeat: true, ordered: true }),
      flag('--reflink'),
      arg('-m --mac', { repeat: true, ordered: true }),
      ...flags('--nonsparse', '--preserve-data', '--replace', '--print-xml'),
      arg('--skip-copy', { repeat: true }),
      arg('--force-copy', { repeat: true }),
      arg('-u --uuid'),
      arg('--nvram'),
      arg('--check', { repeat: true }),
    ],
  },
};

export const virtXmlTable: CommandTable = {
  programs: ['virt-xml'],
  spec: {
    source: `virt-xml(1), ${VERSION}`,
    options: [
      ...output,
      // virt-xml has -c for --connect; in virt-install -c is --cdrom.
      arg('-c --connect'),
      // Which device to change: --edit alone is the first, --edit N, --edit all, --edit match.
      optArg('--edit'),
      ...flags('--add-device', '--remove-device', '--build-xml'),
      ...flags('--update', '--define', '--no-define', '--start'),
      ...flags('--print-diff', '--print-xml', '--confirm'),
      ...guestSettings,
      ...devices,
    ],
  },
};
