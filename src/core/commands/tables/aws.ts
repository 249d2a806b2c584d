// aws(1), AWS CLI v2 (the s3, s3api and ec2 commands the decks use), written from `aws help`
// and `aws SERVICE COMMAND help` (v2 is not packaged in Debian 12 and not installed here).
// Global options are accepted before or after the command; values follow as the next word or
// after `=`. S3 paths and local files are positional, in order (`cp SRC DST`).
import type { CommandSpec, CommandTable, OptionSpec } from '../spec.js';
import { arg, bare, flag, flags } from './option-shorthand.js';

const SOURCE = 'aws(1), AWS CLI v2 (from its help; not installed here)';

const command = (...options: OptionSpec[]): CommandSpec => ({ source: SOURCE, options });

/** What every command generated from an API model (s3api, ec2) takes. */
const generated: OptionSpec[] = [
  arg('--cli-input-json'),
  arg('--cli-input-yaml'),
  arg('--generate-cli-skeleton'),
];
const paginated: OptionSpec[] = [arg('--starting-token'), arg('--page-size'), arg('--max-items')];
const dryRun: OptionSpec[] = flags('--dry-run', '--no-dry-run');

/** The transfer options of aws s3 cp, mv and sync. */
const transfer: OptionSpec[] = [
  ...flags('--dryrun', '--quiet', '--recursive', '--only-show-errors', '--no-progress'),
  ...flags('--follow-symlinks', '--no-follow-symlinks', '--no-guess-mime-type'),
  ...flags('--ignore-glacier-warnings', '--force-glacier-transfer'),
  // Filters apply in the order given: a later one overrides an earlier one.
  arg('--include', { repeat: true, ordered: true }),
  arg('--exclude', { repeat: true, ordered: true }),
  ...[
    '--acl',
    '--sse',
    '--sse-c',
    '--sse-c-key',
    '--sse-kms-key-id',
    '--sse-c-copy-source',
    '--sse-c-copy-source-key',
    '--storage-class',
    '--website-redirect',
    '--content-type',
    '--cache-control',
    '--content-disposition',
    '--content-encoding',
    '--content-language',
    '--expires',
    '--source-region',
    '--page-size',
    '--request-payer',
    '--metadata',
    '--metadata-directive',
    '--expected-size',
    '--checksum-algorithm',
  ].map((n) => arg(n)),
  arg('--grants', { repeat: true }),
];

const s3: CommandSpec = {
  source: SOURCE,
  options: [],
  subcommands: {
    ...bare(SOURCE, 'mb', 'presign', 'website'),
    // rb --force empties the bucket first.
    rb: command(flag('--force')),
    cp: command(...transfer),
    mv: command(...transfer),
    rm: command(...flags('--dryrun', '--quiet', '--recursive', '--only-show-errors')),
    sync: command(...transfer, ...flags('--delete', '--size-only', '--exact-timestamps')),
    ls: command(
      ...flags('--recursive', '--human-readable', '--summarize'),
      arg('--page-size'),
      arg('--request-payer'),
    ),
  },
};

const s3api: CommandSpec = {
  source: SOURCE,
  options: [],
  subcommands: {
    'create-bucket': command(
      ...generated,
      arg('--bucket'),
      arg('--acl'),
      arg('--create-bucket-configuration'),
      arg('--grant-full-control'),
      arg('--grant-read'),
      arg('--grant-read-acp'),
      arg('--grant-write'),
      arg('--grant-write-acp'),
      ...flags('--object-lock-enabled-for-bucket', '--no-object-lock-enabled-for-bucket'),
      arg('--object-ownership'),
    ),
  },
};

const ec2: CommandSpec = {
  source: SOURCE,
  options: [],
  subcommands: {
    'import-image': command(
      ...generated,
      ...dryRun,
      ...flags('--encrypted', '--no-encrypted'),
      ...['--architecture', '--client-data', '--client-token', '--description'].map((n) => arg(n)),
      arg('--disk-containers'),
      ...['--hypervisor', '--kms-key-id', '--license-type', '--platform', '--role-name'].map((n) =>
        arg(n),
      ),
      arg('--license-specifications'),
      arg('--tag-specifications'),
      arg('--usage-operation'),
      arg('--boot-mode'),
    ),
    'describe-import-image-tasks': command(
      ...generated,
      ...paginated,
      ...dryRun,
      arg('--filters'),
      arg('--import-task-ids'),
    ),
    'describe-instances': command(
      ...generated,
      ...paginated,
      ...dryRun,
      arg('--filters'),
      arg('--instance-ids'),
    ),
    'export-image': command(
      ...generated,
      ...dryRun,
      arg('--client-token'),
      arg('--description'),
      arg('--disk-image-format'),
      arg('--image-id'),
      arg('--s3-export-location'),
      arg('--role-name'),
      arg('--tag-specifications'),
    ),
  },
};

export const awsTable: CommandTable = {
  programs: ['aws'],
  spec: {
    source: SOURCE,
    options: [
      ...flags('--debug', '--no-verify-ssl', '--no-paginate', '--version', '--no-sign-request'),
      ...flags('--no-cli-pager', '--cli-auto-prompt', '--no-cli-auto-prompt'),
      ...['--endpoint-url', '--output', '--query', '--profile', '--region', '--color'].map((n) =>
        arg(n),
      ),
      arg('--ca-bundle'),
      arg('--cli-read-timeout'),
      arg('--cli-connect-timeout'),
      arg('--cli-binary-format'),
    ],
    subcommands: { s3, s3api, ec2 },
  },
};
