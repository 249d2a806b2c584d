// cloud-init(1), cloud-init 22.4 (Debian 12), written from `cloud-init --help` and each
// subcommand's --help (not installed here). argparse: the global options come before the
// subcommand, the subcommand's own after it.
import type { CommandSpec, CommandTable, OptionSpec } from '../spec.js';
import { arg, bare, flag, flags } from './option-shorthand.js';

const SOURCE = 'cloud-init(1), cloud-init 22.4 (from its --help; not installed here)';
const command = (...options: OptionSpec[]): CommandSpec => ({ source: SOURCE, options });
const group = (subcommands: Record<string, CommandSpec>): CommandSpec => ({
  source: SOURCE,
  options: [],
  subcommands,
});

const schema = command(
  arg('-c --config-file'),
  flag('--system'),
  arg('-d --docs'),
  flag('--annotate'),
);

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
      schema,
      'collect-logs': command(arg('-t --tarfile'), flag('-u --include-userdata')),
      analyze: group(bare(SOURCE, 'blame', 'show', 'dump', 'boot')),
      // `devel schema` is where schema lived before it became a command of its own (22.2);
      // 22.4 still takes it.
      devel: group({
        ...bare(SOURCE, 'net-convert', 'render', 'make-mime', 'hotplug-hook'),
        schema,
      }),
      features: command(),
    },
  },
};
