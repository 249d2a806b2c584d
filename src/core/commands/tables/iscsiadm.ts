// iscsiadm(8), open-iscsi 2.1.8 (Debian 12), written from the man page (the tool is not
// installed here). getopt_long: short and long forms, `--opt=value`, shortened long options.
// The mode (-m) picks what the rest means; -t accepts `st` for sendtargets.
import type { CommandTable } from '../spec.js';
import { arg, flags, optArg } from './option-shorthand.js';

export const iscsiadmTable: CommandTable = {
  programs: ['iscsiadm'],
  spec: {
    source: 'iscsiadm(8), open-iscsi 2.1.8 (from the man page; not installed here)',
    abbreviateLong: true,
    options: [
      arg('-m --mode'),
      arg('-t --type', { valueAliases: { st: 'sendtargets' } }),
      arg('-p --portal'),
      arg('-T --targetname'),
      arg('-I --interface'),
      // Operations (new, delete, update, show, nonpersistent) may be combined.
      arg('-o --op', { repeat: true }),
      // Name/value pairs for --op update: each -n goes with the -v after it.
      arg('-n --name', { repeat: true, ordered: true }),
      arg('-v --value', { repeat: true, ordered: true }),
      arg('-H --host'),
      arg('-r --sid'),
      arg('-P --print'),
      arg('-C --submode'),
      arg('-x --index'),
      arg('-a --ip'),
      arg('-b --packetsize'),
      arg('-c --count'),
      arg('-i --interval'),
      arg('-L --loginall'),
      arg('-U --logoutall'),
      arg('-k --killiscsid'),
      arg('-d --debug'),
      optArg('-A --portal_type'),
      ...flags('-D --discover', '-l --login', '-u --logout', '-R --rescan', '-s --stats'),
      ...flags('-S --show', '-W --no_wait', '-V --version', '-h --help'),
    ],
  },
};
