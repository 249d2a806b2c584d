// ansible-galaxy(1), ansible-vault(1), ansible-doc(1) and ansible-inventory(1), ansible-core
// 2.14 (Debian 12), written from their --help (not installed here). The options a subcommand
// takes come after it (`ansible-galaxy collection install -p ./c community.libvirt`).
import type { CommandSpec, CommandTable, OptionSpec } from '../spec.js';
import { inventoryOptions } from './ansible.js';
import { arg, flag, flags } from './option-shorthand.js';

const VERSION = 'ansible-core 2.14 (from --help; not installed here)';
const common: OptionSpec[] = [
  ...flags('-h --help', '--version'),
  flag('-v --verbose', { repeat: true }),
];

const galaxySource = `ansible-galaxy(1), ${VERSION}`;
const server: OptionSpec[] = [
  arg('-s --server'),
  arg('--token --api-key'),
  flag('-c --ignore-certs'),
  arg('--timeout'),
];
const galaxyInstall: CommandSpec = {
  source: galaxySource,
  options: [
    ...server,
    ...flags('-i --ignore-errors', '-n --no-deps', '-f --force', '--force-with-deps'),
    ...flags('--pre', '-U --upgrade', '--offline', '--disable-gpg-verify'),
    arg('-p --collections-path --roles-path'),
    arg('-r --role-file --requirements-file'),
    arg('--keyring'),
    arg('--signature', { repeat: true }),
  ],
};
const galaxyList: CommandSpec = {
  source: galaxySource,
  options: [arg('-p --collections-path --roles-path', { repeat: true }), arg('--format')],
};
const galaxyInit: CommandSpec = {
  source: galaxySource,
  options: [arg('--init-path'), arg('--type'), flag('-f --force'), arg('--role-skeleton')],
};
const galaxyPlain: CommandSpec = { source: galaxySource, options: server };

export const ansibleGalaxyTable: CommandTable = {
  programs: ['ansible-galaxy'],
  spec: {
    source: galaxySource,
    options: common,
    subcommands: {
      collection: {
        source: galaxySource,
        options: common,
        subcommands: {
          install: galaxyInstall,
          list: galaxyList,
          init: galaxyInit,
          download: galaxyPlain,
          build: galaxyPlain,
          publish: galaxyPlain,
          verify: galaxyPlain,
        },
      },
      role: {
        source: galaxySource,
        options: common,
        subcommands: {
          install: galaxyInstall,
          list: galaxyList,
          init: galaxyInit,
          remove: galaxyPlain,
          search: galaxyPlain,
          info: galaxyPlain,
          delete: galaxyPlain,
          import: galaxyPlain,
          setup: galaxyPlain,
        },
      },
    },
  },
};

const vaultSource = `ansible-vault(1), ${VERSION}`;
const vaultOptions: OptionSpec[] = [
  arg('--vault-id', { repeat: true }),
  flag('--ask-vault-password --ask-vault-pass'),
  arg('--vault-password-file --vault-pass-file', { repeat: true }),
  arg('--encrypt-vault-id'),
  arg('--output'),
  arg('--new-vault-id'),
  arg('--new-vault-password-file'),
  flag('-p --prompt'),
  arg('-n --name', { repeat: true, ordered: true }),
  arg('--stdin-name'),
];

export const ansibleVaultTable: CommandTable = {
  programs: ['ansible-vault'],
  spec: {
    source: vaultSource,
    options: [...common, ...vaultOptions],
    subcommands: Object.fromEntries(
      ['create', 'decrypt', 'edit', 'view', 'encrypt', 'encrypt_string', 'rekey'].map((c) => [
        c,
        { source: vaultSource, options: [] },
      ]),
    ),
  },
};

export const ansibleDocTable: CommandTable = {
  programs: ['ansible-doc'],
  spec: {
    source: `ansible-doc(1), ${VERSION}`,
    options: [
      ...common,
      ...flags('-l --list', '-F --list_files', '-s --snippet', '-j --json', '--metadata-dump'),
      flag('--no-fail-on-errors'),
      arg('-t --type', { default: 'module' }),
      arg('-M --module-path', { repeat: true }),
      arg('-r --roles-path', { repeat: true }),
      arg('-e --entry-point'),
      arg('--playbook-dir'),
    ],
  },
};

export const ansibleInventoryTable: CommandTable = {
  programs: ['ansible-inventory'],
  spec: {
    source: `ansible-inventory(1), ${VERSION}`,
    options: [
      ...inventoryOptions,
      ...flags('--list', '--graph', '-y --yaml', '--toml', '--vars', '--export'),
      arg('--host'),
      arg('--output'),
    ],
  },
};
