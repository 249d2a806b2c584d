// qemu-img, QEMU's disk image tool, from `qemu-img --help` and qemu-img(1) of QEMU 7.2
// (Debian's qemu-utils 1:7.2): each subcommand's options as that version's getopt accepts
// them (long options only where 7.2 has them: `info --format` exists, `create --format`
// does not). `-o` takes a comma-separated list of key=value settings that compare as a set
// in any order, merged over repeated `-o`; sizes compare as written.
import type { CommandSpec, CommandTable, OptionSpec } from '../spec.js';

const SOURCE = 'qemu-img(1), QEMU 7.2';

const flag = (...names: string[]): OptionSpec => ({ names });
const val = (...names: string[]): OptionSpec => ({ names, value: 'required' });
const withDefault = (o: OptionSpec, value: string): OptionSpec => ({ ...o, default: value });

const help = flag('-h', '--help');
const object = { ...val('--object'), repeat: true };
const imageOpts = flag('--image-opts');
const shared = flag('-U', '--force-share');
const quiet = flag('-q');
const progress = flag('-p');
const format = val('-f');
const formatLong = val('-f', '--format');
/** `-o key=value,...`: a set of settings, in any order and over any number of `-o`. */
const settings: OptionSpec = { ...val('-o'), repeat: true, listSeparator: ',' };
const output = withDefault(val('--output'), 'human');

function sub(...options: OptionSpec[]): CommandSpec {
  return { source: SOURCE, options: [help, ...options] };
}

const SUBCOMMANDS: Record<string, CommandSpec> = {
  amend: sub(
    object,
    imageOpts,
    progress,
    quiet,
    format,
    withDefault(val('-t'), 'writeback'),
    flag('--force'),
    settings,
  ),
  bench: sub(
    val('-c'),
    val('-d'),
    format,
    val('--flush-interval'),
    val('-i'),
    flag('-n'),
    flag('--no-drain'),
    val('-o'),
    val('--pattern'),
    quiet,
    val('-s'),
    val('-S'),
    val('-t'),
    flag('-w'),
    shared,
    imageOpts,
  ),
  bitmap: sub(
    { ...val('--merge'), repeat: true, ordered: true },
    flag('--add'),
    flag('--remove'),
    flag('--clear'),
    flag('--enable'),
    flag('--disable'),
    val('-b'),
    val('-F'),
    val('-g'),
    object,
    imageOpts,
    format,
  ),
  check: sub(
    object,
    imageOpts,
    quiet,
    formatLong,
    output,
    val('-r', '--repair'),
    val('-T'),
    shared,
  ),
  commit: sub(
    object,
    imageOpts,
    quiet,
    format,
    withDefault(val('-t'), 'writeback'),
    val('-b'),
    val('-r'),
    flag('-d'),
    progress,
  ),
  compare: sub(
    object,
    imageOpts,
    format,
    val('-F'),
    val('-T'),
    progress,
    quiet,
    flag('-s'),
    shared,
  ),
  convert: sub(
    object,
    imageOpts,
    flag('--target-image-opts'),
    flag('--target-is-zero'),
    flag('--bitmaps'),
    flag('--skip-broken-bitmaps'),
    shared,
    flag('-C'),
    flag('-c'),
    progress,
    quiet,
    flag('-n'),
    format,
    withDefault(val('-t'), 'unsafe'),
    val('-T'),
    withDefault(val('-O'), 'raw'),
    val('-B'),
    val('-F'),
    settings,
    val('-l'),
    val('-S'),
    val('-r'),
    withDefault(val('-m'), '8'),
    flag('-W'),
    flag('--salvage'),
  ),
  create: sub(
    object,
    quiet,
    withDefault(format, 'raw'),
    val('-b'),
    val('-F'),
    flag('-u'),
    settings,
  ),
  dd: { ...sub(imageOpts, object, shared, format, val('-O')), positionalsUnordered: true },
  info: sub(object, imageOpts, formatLong, output, flag('--backing-chain'), shared),
  map: sub(
    object,
    imageOpts,
    formatLong,
    val('-s', '--start-offset'),
    val('-l', '--max-length'),
    output,
    shared,
  ),
  measure: sub(
    output,
    val('-O'),
    settings,
    val('--size'),
    object,
    imageOpts,
    format,
    val('-l'),
    shared,
  ),
  rebase: sub(
    object,
    imageOpts,
    shared,
    quiet,
    format,
    withDefault(val('-t'), 'writeback'),
    val('-T'),
    progress,
    flag('-u'),
    val('-b'),
    val('-F'),
  ),
  resize: sub(object, imageOpts, format, val('--preallocation'), quiet, flag('--shrink')),
  snapshot: sub(object, imageOpts, shared, quiet, flag('-l'), val('-a'), val('-c'), val('-d')),
};

export const QEMU_IMG: CommandTable = {
  programs: ['qemu-img'],
  spec: {
    source: SOURCE,
    options: [help, flag('-V', '--version'), val('-T', '--trace')],
    globalOnlyBefore: true,
    abbreviateLong: true,
    subcommands: Object.fromEntries(
      Object.entries(SUBCOMMANDS).map(([name, spec]) => [name, { ...spec, abbreviateLong: true }]),
    ),
  },
};
