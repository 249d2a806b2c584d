// ansible(1) and ansible-playbook(1), ansible-core 2.14 (Debian 12), written from their
// --help (not installed here); openstack-ansible is OpenStack-Ansible's wrapper that runs
// ansible-playbook with the deployment's variables, so it takes the same options. argparse:
// `--opt value` or `--opt=value`, short flags combine (`-vvv`, `-bK`).
import type { CommandTable, OptionSpec } from '../spec.js';
import { arg, flag, flags } from './option-shorthand.js';

const VERSION = 'ansible-core 2.14 (from --help; not installed here)';

/** Options ansible, ansible-playbook and ansible-inventory share: inventory and vault. */
export const inventoryOptions: OptionSpec[] = [
  arg('-i --inventory --inventory-file', { repeat: true, ordered: true }),
  arg('-l --limit'),
  arg('--vault-id', { repeat: true }),
  flag('--ask-vault-password --ask-vault-pass'),
  arg('--vault-password-file --vault-pass-file', { repeat: true }),
  arg('--playbook-dir'),
  ...flags('-h --help', '--version'),
  flag('-v --verbose', { repeat: true }),
];

/** How to reach and become on the hosts, and how to run: both ansible and ansible-playbook. */
const runOptions: OptionSpec[] = [
  ...inventoryOptions,
  flag('--list-hosts'),
  flag('-b --become'),
  arg('--become-method', { default: 'sudo' }),
  arg('--become-user'),
  flag('-K --ask-become-pass'),
  arg('--become-password-file --become-pass-file'),
  arg('--private-key --key-file'),
  arg('-u --user'),
  arg('-c --connection'),
  arg('-T --timeout'),
  arg('--ssh-common-args'),
  arg('--sftp-extra-args'),
  arg('--scp-extra-args'),
  arg('--ssh-extra-args'),
  flag('-k --ask-pass'),
  arg('--connection-password-file --conn-pass-file'),
  ...flags('-C --check', '--syntax-check', '-D --diff'),
  arg('-e --extra-vars', { repeat: true, ordered: true }),
  arg('-f --forks', { default: '5' }),
  arg('-M --module-path', { repeat: true }),
];

export const ansibleTable: CommandTable = {
  programs: ['ansible'],
  spec: {
    source: `ansible(1), ${VERSION}`,
    options: [
      ...runOptions,
      arg('-m --module-name', { default: 'command' }),
      arg('-a --args'),
      arg('-B --background'),
      arg('-P --poll', { default: '15' }),
      flag('-o --one-line'),
      arg('-t --tree'),
      arg('--task-timeout'),
    ],
  },
};

const playbookSpec = {
  source: `ansible-playbook(1), ${VERSION}`,
  options: [
    ...runOptions,
    ...flags('--flush-cache', '--force-handlers', '--list-tags', '--list-tasks', '--step'),
    arg('-t --tags', { repeat: true }),
    arg('--skip-tags', { repeat: true }),
    arg('--start-at-task'),
  ],
};

export const ansiblePlaybookTable: CommandTable = {
  programs: ['ansible-playbook'],
  spec: playbookSpec,
};

export const openstackAnsibleTable: CommandTable = {
  programs: ['openstack-ansible'],
  spec: {
    ...playbookSpec,
    source: `openstack-ansible (OpenStack-Ansible's wrapper of ansible-playbook): ansible-playbook(1), ${VERSION}`,
  },
};
