// virsh, libvirt's command-line client: its own options (read from `virsh --help` of virsh
// 9.0.0, given only before the subcommand and parsed by getopt, so `-qc URI` and `--conn`
// work) and every subcommand of `virsh help` (the virsh-*.ts files, in virsh-notation.ts's
// notation).
import type { CommandTable, OptionSpec } from '../spec.js';
import { VIRSH_DOMAIN } from './virsh-domain.js';
import { VIRSH_MONITOR } from './virsh-monitor.js';
import { VIRSH_NETWORK } from './virsh-network.js';
import { VIRSH_SOURCE } from './virsh-notation.js';
import { VIRSH_STORAGE } from './virsh-storage.js';

const GLOBAL: readonly OptionSpec[] = [
  { names: ['-c', '--connect'], value: 'required' },
  { names: ['-d', '--debug'], value: 'required' },
  { names: ['-e', '--escape'], value: 'required' },
  { names: ['-h', '--help'] },
  { names: ['-k', '--keepalive-interval'], value: 'required' },
  { names: ['-K', '--keepalive-count'], value: 'required' },
  { names: ['-l', '--log'], value: 'required' },
  { names: ['-q', '--quiet'] },
  { names: ['-r', '--readonly'] },
  { names: ['-t', '--timing'] },
  // `-v` prints the short version, as `--version` does by default; `-V` the long one.
  { names: ['-v'] },
  { names: ['-V'] },
  { names: ['--version'], value: 'optional' },
];

export const VIRSH: CommandTable = {
  programs: ['virsh'],
  spec: {
    source: VIRSH_SOURCE,
    options: GLOBAL,
    globalOnlyBefore: true,
    abbreviateLong: true,
    subcommands: { ...VIRSH_DOMAIN, ...VIRSH_MONITOR, ...VIRSH_NETWORK, ...VIRSH_STORAGE },
  },
};
