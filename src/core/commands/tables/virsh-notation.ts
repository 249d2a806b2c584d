// The notation virsh's subcommand tables are written in: one subcommand a line, its name
// then its options in the order `virsh help <subcommand>` lists them:
//   `flag`      a flag, `--flag`
//   `name=`     an option that takes a value, only by name (`--name value`, `--name=value`)
//   `[name]`    an option that takes a value and may also be given by position: the Nth bare
//               word goes to the Nth such option not given by name (`vncdisplay vm1`)
//   `[name]...` the same, taking every remaining bare word (`send-key vm1 KEY_A KEY_B`)
// virsh has no short options inside subcommands and does not shorten long ones.
import type { CommandSpec, OptionSpec } from '../spec.js';

export const VIRSH_SOURCE = 'virsh(1), libvirt 9.0.0';

function option(word: string, position: number): OptionSpec {
  const positional = word.match(/^\[([A-Za-z0-9-]+)\](\.\.\.)?$/);
  if (positional)
    return {
      names: [`--${positional[1]}`],
      value: 'required',
      position,
      ...(positional[2] ? { repeat: true, ordered: true } : {}),
    };
  if (word.endsWith('=')) return { names: [`--${word.slice(0, -1)}`], value: 'required' };
  return { names: [`--${word}`] };
}

/** One subcommand from its line: `vncdisplay [domain]`. */
export function virshSubcommand(words: readonly string[]): CommandSpec {
  let position = 0;
  const options = words.map((w) => {
    const o = option(w, position);
    if (o.position !== undefined) position++;
    return o;
  });
  return { source: VIRSH_SOURCE, options, combineShort: false };
}

/** Subcommands by name from a block of lines; `//` lines are headings. */
export function virshSubcommands(block: string): Record<string, CommandSpec> {
  const out: Record<string, CommandSpec> = {};
  for (const line of block.split('\n')) {
    const words = line.trim().split(/\s+/);
    if (!words[0] || words[0].startsWith('//')) continue;
    out[words[0]] = virshSubcommand(words.slice(1));
  }
  return out;
}
