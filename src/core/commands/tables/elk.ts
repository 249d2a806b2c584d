// Filebeat and Logstash 8, written from `filebeat --help` / `filebeat COMMAND --help` and
// `bin/logstash --help` as documented in Elastic's 8.x command reference (not installed here).
// Both are usually run by path (`./filebeat`, `/usr/share/logstash/bin/logstash`): the program
// counts by its basename. Filebeat's flags come from Go's flag package, so each has a
// double-dash twin (`-e` = `--e`), and they may follow the subcommand.
import type { CommandSpec, CommandTable } from '../spec.js';
import { arg, bare, flag, flags } from './option-shorthand.js';

const FILEBEAT = 'filebeat(1), Filebeat 8 (from its --help; not installed here)';
const sub = (spec: Partial<CommandSpec> = {}): CommandSpec => ({
  source: FILEBEAT,
  options: [],
  ...spec,
});

export const filebeatTable: CommandTable = {
  programs: ['filebeat'],
  spec: {
    source: FILEBEAT,
    options: [
      arg('-c --c', { default: 'filebeat.yml' }),
      arg('-d --d', { repeat: true }),
      flag('-e --e'),
      arg('-E --E', { repeat: true, ordered: true }),
      arg('-M --M', { repeat: true, ordered: true }),
      flag('-v --v'),
      flag('-h --help'),
      ...['--path.config', '--path.data', '--path.home', '--path.logs'].map((n) => arg(n)),
      arg('--strict.perms'),
      arg('--environment'),
      arg('--system.hostfs'),
      ...['--cpuprofile', '--memprofile', '--httpprof'].map((n) => arg(n)),
    ],
    subcommands: {
      run: sub({
        options: [flag('--once'), flag('-N --N'), arg('--modules'), flag('--setup')],
      }),
      setup: sub({
        options: [
          ...flags('--dashboards', '--index-management', '--pipelines'),
          ...flags('--enable-all-filesets', '--force-enable-module-filesets'),
          arg('--modules'),
        ],
      }),
      modules: sub({ subcommands: bare(FILEBEAT, 'enable', 'disable', 'list') }),
      test: sub({ subcommands: bare(FILEBEAT, 'config', 'output') }),
      export: sub({
        subcommands: bare(
          FILEBEAT,
          'config',
          'template',
          'index-pattern',
          'ilm-policy',
          'dashboard',
        ),
      }),
      keystore: sub({ subcommands: bare(FILEBEAT, 'create', 'add', 'list', 'remove') }),
      version: sub(),
      help: sub(),
    },
  },
};

export const logstashTable: CommandTable = {
  programs: ['logstash'],
  spec: {
    source: 'logstash(1), Logstash 8 (from its --help; not installed here)',
    options: [
      arg('--node.name'),
      arg('-f --path.config'),
      arg('-e --config.string'),
      arg('--field-reference-escape-style'),
      arg('--pipeline.id'),
      arg('-w --pipeline.workers'),
      arg('--pipeline.ordered'),
      arg('-b --pipeline.batch.size'),
      arg('-u --pipeline.batch.delay'),
      flag('--pipeline.unsafe_shutdown'),
      arg('--pipeline.ecs_compatibility'),
      arg('--path.data'),
      arg('-p --path.plugins', { repeat: true }),
      arg('-l --path.logs'),
      arg('--log.level'),
      arg('--log.format'),
      flag('--config.debug'),
      arg('-i --interactive'),
      flag('-V --version'),
      flag('-t --config.test_and_exit'),
      flag('-r --config.reload.automatic'),
      arg('--config.reload.interval'),
      arg('--api.enabled'),
      arg('--api.http.host --http.host'),
      arg('--api.http.port --http.port'),
      arg('--path.settings'),
      flag('--enable-local-plugin-development'),
      arg('--modules', { repeat: true }),
      arg('-M --modules.variable', { repeat: true }),
      flag('--setup'),
      arg('--cloud.id'),
      arg('--cloud.auth'),
      flag('-h --help'),
    ],
  },
};
