// grep(1), GNU grep 3.8 (Debian 12), read from `grep --help`. getopt_long: short flags
// combine (`-wE`), long options take `=value` or the next word and may be shortened. egrep and
// fgrep are grep -E and grep -F (grep 3.8 still ships them, with a warning).
import type { CommandTable } from '../spec.js';
import { arg, flag, flags, optArg } from './option-shorthand.js';

export const grepTable: CommandTable = {
  programs: ['grep', 'egrep', 'fgrep'],
  implies: { egrep: ['-E'], fgrep: ['-F'] },
  spec: {
    source: 'grep(1), GNU grep 3.8',
    abbreviateLong: true,
    options: [
      // Pattern syntax and matching.
      ...flags('-E --extended-regexp', '-F --fixed-strings', '-G --basic-regexp'),
      flag('-P --perl-regexp'),
      // Several -e (or -f) give several patterns; a line matching any is selected, so their
      // order does not change the result.
      arg('-e --regexp', { repeat: true }),
      arg('-f --file', { repeat: true }),
      ...flags('-i --ignore-case', '--no-ignore-case', '-w --word-regexp', '-x --line-regexp'),
      flag('-z --null-data'),
      // Miscellaneous.
      ...flags('-s --no-messages', '-v --invert-match', '-V --version', '--help'),
      // Output control.
      arg('-m --max-count'),
      ...flags('-b --byte-offset', '-n --line-number', '--line-buffered'),
      ...flags('-H --with-filename', '-h --no-filename'),
      arg('--label'),
      ...flags('-o --only-matching', '-q --quiet --silent'),
      arg('--binary-files'),
      ...flags('-a --text', '-I'),
      arg('-d --directories'),
      arg('-D --devices'),
      ...flags('-r --recursive', '-R --dereference-recursive'),
      arg('--include', { repeat: true }),
      arg('--exclude', { repeat: true }),
      arg('--exclude-from', { repeat: true }),
      arg('--exclude-dir', { repeat: true }),
      ...flags('-L --files-without-match', '-l --files-with-matches', '-c --count'),
      ...flags('-T --initial-tab', '-Z --null'),
      // Context control.
      arg('-B --before-context'),
      arg('-A --after-context'),
      arg('-C --context'),
      arg('--group-separator'),
      flag('--no-group-separator'),
      optArg('--color --colour'),
      flag('-U --binary'),
    ],
  },
};
