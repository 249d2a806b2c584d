// The qemu-img table checked against the installed qemu-img (qemu-utils; CI installs it):
// the same subcommands as the "Command syntax" of `qemu-img --help`, every option that a
// syntax line shows in the table with the same kind (flag or valued), and every table option
// that no syntax line shows (long spellings such as `--force-share`, `-h`) accepted by the
// binary itself with the same kind. Skipped, with the reason in the title, where qemu-img is
// absent.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { QEMU_IMG } from '../../../../src/core/commands/tables/qemu-img.js';

const installed = spawnSync('qemu-img', ['--version'], { encoding: 'utf8' }).status === 0;
const SUBS = QEMU_IMG.spec.subcommands ?? {};

function run(args: string[]): string {
  const r = spawnSync('qemu-img', args, {
    encoding: 'utf8',
    timeout: 10_000,
    env: { ...process.env, LC_ALL: 'C' },
  });
  return `${r.stdout}${r.stderr}`;
}

/** Each subcommand's syntax line from `qemu-img --help`. */
function syntaxLines(): Map<string, string> {
  const help = run(['--help']);
  const block = help.split('Command syntax:')[1]?.split('Command parameters:')[0] ?? '';
  const out = new Map<string, string>();
  for (const line of block.split('\n')) {
    const m = line.match(/^ {2}([a-z]+) (.*)$/);
    if (m) out.set(m[1]!, m[2]!);
  }
  return out;
}

/**
 * The options a syntax line shows, valued or not: `[-f fmt]` and `--output=ofmt` take a
 * value, `[-q]` and `-l |` do not.
 */
function syntaxOptions(line: string): Map<string, boolean> {
  const tokens = line.split(/\s+/);
  const out = new Map<string, boolean>();
  tokens.forEach((raw, k) => {
    const t = raw.replace(/^[[(]+/, '');
    const m = t.match(/^(--?[A-Za-z][A-Za-z-]*)(=?)/);
    if (!m) return;
    const next = tokens[k + 1] ?? '';
    const valued =
      m[2] === '=' ||
      (!/[\])]$/.test(t) &&
        next !== '|' &&
        !next.replace(/^[[(]+/, '').startsWith('-') &&
        next !== '');
    out.set(m[1]!, valued);
  });
  return out;
}

/** What the binary makes of an option given last: unknown, wanting a value, or a flag. */
function probe(sub: string, name: string): 'unknown' | 'valued' | 'flag' {
  // resize reads its last two words before options: give it a file and a size after.
  const out = run(sub === 'resize' ? [sub, name, '/nonexistent', '+1G'] : [sub, name]);
  if (/unrecognized option|invalid option|is ambiguous/.test(out)) return 'unknown';
  if (/requires an argument|missing argument/.test(out)) return 'valued';
  // resize's valued options take the file as their value and then miss the size.
  if (sub === 'resize' && /Expecting image file name and size/.test(out)) return 'valued';
  return 'flag';
}

describe.skipIf(!installed)(
  `qemu-img table against qemu-img --help${installed ? '' : ' (skipped: qemu-img is not installed)'}`,
  () => {
    it('has every subcommand of the help and no other', () => {
      expect(Object.keys(SUBS).sort()).toEqual([...syntaxLines().keys()].sort());
    });

    it('has every option a syntax line shows, of the same kind', () => {
      for (const [sub, line] of syntaxLines()) {
        const spec = SUBS[sub]!;
        for (const [name, valued] of syntaxOptions(line)) {
          const o = spec.options.find((x) => x.names.includes(name));
          expect(o, `${sub} ${name}`).toBeDefined();
          expect(o?.value === 'required', `${sub} ${name}`).toBe(valued);
        }
      }
    });

    it('takes every other option of the table, of the same kind', () => {
      const lines = syntaxLines();
      for (const [sub, spec] of Object.entries(SUBS)) {
        const shown = syntaxOptions(lines.get(sub) ?? '');
        for (const o of spec.options)
          for (const name of o.names) {
            if (shown.has(name)) continue;
            expect(probe(sub, name), `${sub} ${name}`).toBe(o.value ? 'valued' : 'flag');
          }
      }
    });

    it("has qemu-img's own options as its help lists them", () => {
      const help = run(['--help']);
      for (const o of QEMU_IMG.spec.options)
        for (const n of o.names) expect(help, n).toContain(`'${n}'`);
    });
  },
);
