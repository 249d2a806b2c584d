// nmcli(1), NetworkManager 1.42 (Debian 12), written from the man page (not installed here).
// Options go before the object; objects and commands may be shortened (`nmcli c s` = `nmcli
// connection show`). Where the man page does not say which of two commands a shared prefix
// picks, only prefixes of one command are modelled. Settings after the command (`type
// ethernet con-name lan ifname eth0`) are positional words, in order.
import type { CommandSpec, CommandTable } from '../spec.js';
import { arg, bare, flags, prefixAliases, selfOrder } from './option-shorthand.js';

const SOURCE = 'nmcli(1), NetworkManager 1.42 (from the man page; not installed here)';

function object(...commands: string[]): CommandSpec {
  return {
    source: SOURCE,
    options: [],
    subcommands: bare(SOURCE, ...commands),
    subcommandAliases: prefixAliases(selfOrder(...commands), commands, true),
  };
}

const subcommands = {
  general: object('status', 'hostname', 'permissions', 'logging', 'reload'),
  networking: object('on', 'off', 'connectivity'),
  radio: object('all', 'wifi', 'wwan'),
  connection: object(
    'show',
    'up',
    'down',
    'add',
    'edit',
    'delete',
    'reload',
    'load',
    'modify',
    'clone',
    'import',
    'export',
    'monitor',
  ),
  device: object(
    'status',
    'show',
    'set',
    'connect',
    'reapply',
    'modify',
    'disconnect',
    'delete',
    'monitor',
    'wifi',
    'lldp',
    'up',
    'down',
  ),
  agent: object('secret', 'polkit', 'all'),
  monitor: { source: SOURCE, options: [] },
};

export const nmcliTable: CommandTable = {
  programs: ['nmcli'],
  spec: {
    source: SOURCE,
    combineShort: false,
    abbreviateLong: true,
    globalOnlyBefore: true,
    options: [
      ...flags('-a --ask', '-h --help', '-o --overview', '-p --pretty'),
      ...flags('-s --show-secrets', '-t --terse', '-v --version'),
      arg('-g --get-values'),
      arg('-c --colors'),
      arg('-e --escape'),
      arg('-f --fields'),
      arg('-m --mode'),
      arg('-w --wait'),
    ],
    subcommands,
    subcommandAliases: prefixAliases(
      selfOrder(...Object.keys(subcommands)),
      Object.keys(subcommands),
    ),
  },
};
