// ip(8) from iproute2 6.1.0 (Debian 12), read from `ip help` and `ip OBJECT help`. ip is not
// getopt: its options are single-dash words that go before the object, each accepted in the
// shortened forms `ip help` brackets (`-s[tatistics]`); objects and their commands are
// matched as iproute2's matches() does, the first word in ip's own order that the typed word
// is a prefix of (`ip a` = `ip addr` = `ip address`, `ip link s` = `ip link set`). What follows
// the command (`dev eth0 mode tap`) is keyword and value words, kept in order.
import type { CommandTable } from '../spec.js';
import {
  arg,
  flag,
  iprouteObject,
  optArg,
  prefixAliases,
  SHOW_WORDS,
  selfOrder,
} from './option-shorthand.js';

const SOURCE = 'ip(8), ip-link(8), ip-address(8), ip-route(8), iproute2 6.1.0';

/**
 * An object's documented commands, with the abbreviations iproute2 resolves in the given
 * order (which also holds the undocumented words it tests, so that prefixes resolve as ip does).
 */
const object = (order: [string, string][], commands: string[], source = SOURCE) =>
  iprouteObject(source, order, commands);
const show = SHOW_WORDS;

// Each object's commands in the order its do_* function tests them.
const link = object(
  [
    ...selfOrder('add'),
    ['set', 'set'],
    ['change', 'set'],
    ...selfOrder('replace', 'delete'),
    ...show,
    ...selfOrder('xstats', 'afstats', 'property', 'help'),
  ],
  ['add', 'delete', 'set', 'show', 'xstats', 'afstats', 'property'],
);
const address = object(
  [
    ...selfOrder('add', 'change'),
    ['chg', 'change'],
    ...selfOrder('replace', 'delete'),
    ['list', 'show'],
    ['show', 'show'],
    ['lst', 'show'],
    ...selfOrder('flush', 'save', 'showdump', 'restore', 'help'),
  ],
  ['add', 'change', 'replace', 'delete', 'show', 'flush', 'save', 'showdump', 'restore'],
);
const route = object(
  [
    ...selfOrder('add', 'change'),
    ['chg', 'change'],
    ...selfOrder('replace', 'prepend', 'append', 'test', 'delete'),
    ['list', 'show'],
    ['show', 'show'],
    ['lst', 'show'],
    ...selfOrder('get', 'flush', 'save', 'restore', 'showdump', 'help'),
  ],
  [
    'add',
    'change',
    'replace',
    'append',
    'delete',
    'show',
    'get',
    'flush',
    'save',
    'restore',
    'showdump',
  ],
);
const neighbor = object(
  [
    ...selfOrder('add', 'change'),
    ['chg', 'change'],
    ...selfOrder('replace', 'delete', 'get'),
    ...show,
    ...selfOrder('flush', 'help'),
  ],
  ['add', 'change', 'replace', 'delete', 'get', 'show', 'flush'],
);
const netns = object(
  [
    ['list', 'list'],
    ['show', 'list'],
    ['lst', 'list'],
    ...selfOrder('list-id', 'help', 'add', 'set', 'delete', 'identify', 'pids', 'exec'),
    ...selfOrder('monitor', 'attach'),
  ],
  ['list', 'list-id', 'add', 'set', 'delete', 'identify', 'pids', 'exec', 'monitor', 'attach'],
);
const tuntap = object(
  [...selfOrder('add', 'delete'), ['del', 'delete'], ...show, ['help', 'help']],
  ['add', 'delete', 'show'],
);

// ip.c's objects in the order it tests them; the table models the ones the decks use.
const OBJECTS: [string, string][] = [
  ...selfOrder('address', 'addrlabel', 'maddress', 'route', 'rule'),
  ['neighbor', 'neighbor'],
  ['neighbour', 'neighbor'],
  ...selfOrder('ntable', 'ntbl', 'link', 'l2tp', 'fou', 'ila', 'macsec', 'tunnel', 'tunl'),
  ['tuntap', 'tuntap'],
  ['tap', 'tuntap'],
  ...selfOrder('token', 'tcpmetrics', 'tcp_metrics', 'monitor', 'xfrm', 'mroute', 'mrule'),
  ...selfOrder('netns', 'netconf', 'vrf', 'sr', 'nexthop', 'mptcp', 'ioam', 'stats', 'help'),
];
const subcommands = { address, link, route, neighbor, netns, tuntap };

export const ipTable: CommandTable = {
  programs: ['ip'],
  spec: {
    source: SOURCE,
    combineShort: false,
    abbreviateLong: true,
    globalOnlyBefore: true,
    options: [
      flag('-V -Version'),
      flag('-s -statistics', { repeat: true }),
      flag('-d -details'),
      flag('-r -resolve'),
      flag('-h -human -human-readable'),
      flag('-iec'),
      flag('-j -json'),
      flag('-p -pretty'),
      arg('-f -family'),
      flag('-4'),
      flag('-6'),
      flag('-M'),
      flag('-B'),
      flag('-0'),
      arg('-l -loops'),
      flag('-br -brief'),
      flag('-o -oneline'),
      flag('-t -timestamp'),
      flag('-ts -tshort'),
      arg('-b -batch'),
      flag('-force'),
      arg('-rc -rcvbuf'),
      arg('-n -netns'),
      flag('-N -Numeric'),
      flag('-a -all'),
      optArg('-c -color'),
    ],
    subcommands,
    subcommandAliases: prefixAliases(OBJECTS, Object.keys(subcommands)),
  },
};
