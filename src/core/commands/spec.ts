// The shape of a command's option table: what command-aware grading needs to know of a
// program's grammar to tell two spellings of one command apart from two different commands.
// Each table is written from the program's man page or --help (in our own words) and names
// the version it was read from; a test checks it against the installed tool's --help.

/** One option with all its spellings. */
export interface OptionSpec {
  /**
   * Every spelling, short and long: `['-c', '--connect']`. The first long name (else the
   * first) is the canonical one that feedback shows. Single-dash long options (`-name`,
   * as qemu-system and find use) are listed as they are written.
   */
  names: readonly string[];
  /**
   * `required`: takes a value (`--opt value`, `--opt=value`, `-ovalue`, `-o value`);
   * `optional`: only as `--opt=value` / `-ovalue` (getopt's optional argument);
   * absent: a flag.
   */
  value?: 'required' | 'optional';
  /** The value the program assumes when the option is left out: giving it is the same as not. */
  default?: string;
  /** May be given more than once; values then compare as a multiset (order free) unless `ordered`. */
  repeat?: boolean;
  /** With `repeat`: the order of the values matters (`-e a -e b` builds one list in order). */
  ordered?: boolean;
  /**
   * virsh-style options that may also be given as a positional argument, in this order:
   * `[--domain] <string>` in `virsh help` means `vncdisplay vm1` = `vncdisplay --domain vm1`.
   * The number is the position (0-based) among the positional arguments.
   */
  position?: number;
  /** Values that mean the same (`{ st: 'sendtargets' }`), applied before comparing. */
  valueAliases?: Readonly<Record<string, string>>;
  /**
   * The value is a list joined by this separator whose items compare as a set: qemu-img's
   * `-o a=1,b=2` equals `-o b=2,a=1`, and with `repeat` also `-o a=1 -o b=2`.
   */
  listSeparator?: string;
}

/** A program, or one of its subcommands (`virsh net-autostart`, `openstack server create`). */
export interface CommandSpec {
  /** Where the table was written from, with the version: `virsh(1), libvirt 9.0.0`. */
  source: string;
  options: readonly OptionSpec[];
  /**
   * Subcommands by name (one word, or several for `openstack server create`). Options of
   * the parent stay valid after the subcommand (virsh's -c goes before it; the table
   * decides: `globalOnlyBefore`).
   */
  subcommands?: Readonly<Record<string, CommandSpec>>;
  /** Other names for subcommands: `{ 'dom-list': 'list' }`. */
  subcommandAliases?: Readonly<Record<string, string>>;
  /** Short flags combine (`-wE` = `-w -E`); true for getopt-style programs. Default true. */
  combineShort?: boolean;
  /** Long options may be shortened to a unique prefix (getopt_long does; virsh does not). */
  abbreviateLong?: boolean;
  /** The parent's options are accepted only before the subcommand (virsh, git). */
  globalOnlyBefore?: boolean;
  /** Positional arguments compare as a set rather than in order (rare: `grep` files). */
  positionalsUnordered?: boolean;
}

/** Tables by program name; several names may share one table (`egrep` is `grep -E`). */
export interface CommandTable {
  /** The program names this table covers, as typed (basename; `./filebeat` is `filebeat`). */
  programs: readonly string[];
  spec: CommandSpec;
  /**
   * Words a program name implies: `egrep` = `grep -E`. Keyed by program name; the words are
   * inserted right after the program.
   */
  implies?: Readonly<Record<string, readonly string[]>>;
}
