// openstack(1), python-openstackclient 6.0 (Debian 12), written from `openstack help` and
// `openstack help COMMAND` (not installed here). Global options go before the command words;
// a command's own options follow it, then its positional name (`server create ... web1`).
import type { CommandSpec, CommandTable, OptionSpec } from '../spec.js';
import { arg, flag, flags } from './option-shorthand.js';

const SOURCE = 'openstack(1), python-openstackclient 6.0 (from its help; not installed here)';

/** cliff's output options: every command that prints a table or a record takes them. */
const output: OptionSpec[] = [
  arg('-f --format'),
  arg('-c --column', { repeat: true, ordered: true }),
  arg('--max-width'),
  ...flags('--fit-width', '--print-empty', '--noindent'),
  arg('--prefix'),
  arg('--quote'),
  arg('--sort-column', { repeat: true, ordered: true }),
  ...flags('--sort-ascending', '--sort-descending'),
];
const listing: OptionSpec[] = [...output, flag('--long')];

const command = (...options: OptionSpec[]): CommandSpec => ({ source: SOURCE, options });
const many = (names: string) => arg(names, { repeat: true });

const imageCreate = command(
  ...output,
  arg('--id'),
  arg('--container-format', { default: 'bare' }),
  arg('--disk-format', { default: 'raw' }),
  arg('--min-disk'),
  arg('--min-ram'),
  arg('--file'),
  arg('--volume'),
  ...flags('--force', '--progress', '--import'),
  arg('--sign-key-path'),
  arg('--sign-cert-id'),
  ...flags('--protected', '--unprotected', '--public', '--private', '--community', '--shared'),
  many('--property'),
  many('--tag'),
  arg('--project'),
  arg('--project-domain'),
);

const serverCreate = command(
  ...output,
  arg('--image'),
  arg('--image-property'),
  arg('--volume'),
  arg('--snapshot'),
  arg('--boot-from-volume'),
  arg('--flavor'),
  many('--security-group'),
  arg('--key-name'),
  many('--property'),
  many('--file'),
  arg('--user-data'),
  arg('--description'),
  arg('--availability-zone'),
  arg('--host'),
  arg('--hypervisor-hostname'),
  many('--block-device-mapping'),
  many('--block-device'),
  arg('--swap'),
  many('--ephemeral'),
  arg('--network', { repeat: true, ordered: true }),
  arg('--port', { repeat: true, ordered: true }),
  arg('--nic', { repeat: true, ordered: true }),
  ...flags('--no-network', '--auto-network', '--use-config-drive', '--no-config-drive'),
  arg('--config-drive'),
  many('--hint'),
  arg('--min'),
  arg('--max'),
  many('--tag'),
  arg('--hostname'),
  many('--trusted-image-cert'),
  flag('--wait'),
);

const serverList = command(
  ...listing,
  ...flags('--all-projects', '--deleted', '-n --no-name-lookup', '--name-lookup-one-by-one'),
  ...['--name', '--status', '--flavor', '--image', '--host', '--project', '--user', '--ip'].map(
    (n) => arg(n),
  ),
  arg('--limit'),
  arg('--marker'),
  arg('--changes-since'),
);

export const openstackTable: CommandTable = {
  programs: ['openstack'],
  spec: {
    source: SOURCE,
    globalOnlyBefore: true,
    options: [
      ...flags('--version', '-h --help', '--debug', '--timing', '--insecure'),
      flag('-v --verbose', { repeat: true }),
      flag('-q --quiet'),
      arg('--log-file'),
      arg('--os-cloud'),
      arg('--os-region-name'),
      arg('--os-cacert'),
      arg('--os-cert'),
      arg('--os-key'),
      arg('--os-interface'),
      arg('--os-auth-type'),
      arg('--os-auth-url'),
      arg('--os-project-name'),
      arg('--os-project-id'),
      arg('--os-project-domain-name'),
      arg('--os-user-domain-name'),
      arg('--os-username'),
      arg('--os-password'),
      arg('--os-token'),
      arg('--os-identity-api-version'),
      arg('--os-compute-api-version'),
      arg('--os-image-api-version'),
      arg('--os-network-api-version'),
      arg('--os-volume-api-version'),
    ],
    subcommands: {
      'image create': imageCreate,
      'image list': command(...listing, ...flags('--public', '--private', '--shared')),
      'image show': command(...output, flag('--human-readable')),
      'image delete': command(),
      'server create': serverCreate,
      'server list': serverList,
      'server show': command(...output, flag('--diagnostics')),
      'server delete': command(flag('--wait'), flag('--force')),
      'flavor list': command(...listing, ...flags('--public', '--private', '--all')),
      'network list': command(...listing, ...flags('--external', '--internal')),
      'network agent list': command(...listing, arg('--agent-type'), arg('--host')),
      'compute service list': command(...listing, arg('--host'), arg('--service')),
      'endpoint list': command(...output, arg('--service'), arg('--interface'), arg('--region')),
      'project list': command(...listing, arg('--domain'), arg('--user')),
      'token issue': command(...output),
    },
  },
};
