// cloud-init(1), cloud-init 22.4 (Debian 12), written from `cloud-init --help` and each
// subcommand's --help (not installed here). argparse: the global options come before the
// subcommand, the subcommand's own after it.
import type { CommandSpec, CommandTable, OptionSpec } from '../spec.js';
import { arg, bare, flag, flags } from './option-shorthand.js';

const SOURCE = 'cloud-init(1), cloud-init 22.4 (from its --help; not installed here)';
const command = (...options: OptionSpec[]): CommandSpec => ({ source: SOURCE, options });

export const cloudInitTable: CommandTable = {
  programs: ['cloud-init'],
  spec: {
    source: SOURCE,
    globalOnlyBefore: true,
    options: [
      ...flags('-h --help', '-v --version', '-d --debug', '--force'),
      arg('-f --file', { repeat: true, ordered: true }),
    ],
    subcommands: {
      init: command(flag('-l --local')),
      modules: command(arg('-m --mode', { default: 'config' })),
      single: command(arg('-n --name'), arg('--frequency'), flag('--report')),
      query: command(
        ...flags('-a --all', '-l --list-keys'),
        arg('-u --user-data'),
        arg('-v --vendor-data'),
        arg('-i --instance-data'),
        arg('-f --format'),
      ),
      status: command(...flags('-l --long', '-w --wait')),
      clean: command(...flags('-l --logs', '-r --reboot', '-s --seed')),
      schema: command(
        arg('-c --config-file'),
        flag('--system'),
        arg('-d --docs'),
        flag('--annotate'),
      ),
      'collect-logs': command(arg('-t --tarfile'), flag('-u --include-userdata')),
      analyze: {
        source: SOURCE,
        options: [],
        subcommands: bare(SOURCE, 'blame', 'show', 'dump', 'boot'),
      },
      devel: {
        source: SOURCE,
        options: [],
        subcommands: bare(SOURCE, 'net-convert', 'render', 'make-mime', 'hotplug-hook'),
      },
      features: command(),
    },
  },
};
