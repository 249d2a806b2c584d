// bridge(8) from iproute2 6.1.0 (Debian 12), read from `bridge help` and `bridge OBJECT help`.
// Like ip: single-dash options before the object, objects and commands matched by the first
// word in bridge's own order that the typed word is a prefix of (`bridge f s` = `bridge fdb
// show`), keyword and value words after the command kept in order.
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

const SOURCE = 'bridge(8), iproute2 6.1.0';

const object = (order: [string, string][], commands: string[]) =>
  iprouteObject(SOURCE, order, commands);
const show = SHOW_WORDS;

// Each object's commands in the order bridge tests them.
const link = object(
  [['set', 'set'], ['change', 'set'], ...show, ['help', 'help']],
  ['set', 'show'],
);
const fdb = object(
  [
    ...selfOrder('add', 'append', 'delete', 'replace'),
    ...show,
    ...selfOrder('get', 'flush', 'help'),
  ],
  ['add', 'append', 'delete', 'replace', 'show', 'get', 'flush'],
);
const vlan = object(
  [...selfOrder('add', 'delete'), ...show, ...selfOrder('tunnelshow', 'global', 'set', 'help')],
  ['add', 'delete', 'show', 'tunnelshow', 'global', 'set'],
);

const OBJECTS = selfOrder('link', 'fdb', 'mdb', 'vlan', 'monitor', 'help');
const subcommands = { link, fdb, vlan };

export const bridgeTable: CommandTable = {
  programs: ['bridge'],
  spec: {
    source: SOURCE,
    combineShort: false,
    abbreviateLong: true,
    globalOnlyBefore: true,
    options: [
      flag('-V -Version'),
      flag('-s -statistics', { repeat: true }),
      flag('-d -details'),
      flag('-o -oneline'),
      flag('-t -timestamp'),
      arg('-n -netns'),
      flag('-c -compressvlans'),
      optArg('-color'),
      flag('-p -pretty'),
      flag('-j -json'),
      flag('-force'),
      arg('-batch'),
    ],
    subcommands,
    subcommandAliases: prefixAliases(OBJECTS, Object.keys(subcommands)),
  },
};
