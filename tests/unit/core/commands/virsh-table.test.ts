// The virsh table checked against the installed virsh (libvirt-clients; CI installs it):
// the same subcommands as `virsh help`, each with the options `virsh help <subcommand>`
// lists, flags as flags and valued options as valued, every `[--name] <type>` option
// position-capable and every `...` option repeating. An option the table calls
// position-capable although help shows `--name <type>` is tried: given a bare word with
// every other valued option named, virsh must take the word. One virsh reads every probe
// on stdin, as its shell does, so the whole check costs one process. Skipped, with the
// reason in the title, where virsh is absent.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { OptionSpec } from '../../../../src/core/commands/spec.js';
import { VIRSH } from '../../../../src/core/commands/tables/virsh.js';

const installed = spawnSync('virsh', ['--version'], { encoding: 'utf8' }).status === 0;
const SUBS = VIRSH.spec.subcommands ?? {};

/** virsh's shell over stdin: each line's output (errors included), in the order of the lines. */
function shell(lines: readonly string[]): string[] {
  // One stream for both, so each error stays after the prompt of the line it belongs to;
  // the echoed line itself may be redrawn by readline, so outputs are matched by order.
  const r = spawnSync('sh', ['-c', 'exec stdbuf -o0 virsh -q -c test:///default 2>&1'], {
    input: `${lines.join('\n')}\n`,
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, LC_ALL: 'C', TERM: 'dumb' },
  });
  return r.stdout
    .split(/^virsh # /m)
    .slice(1, lines.length + 1)
    .map((part) => part.slice(part.indexOf('\n') + 1));
}

function run(args: string[]): string {
  const r = spawnSync('virsh', ['-c', 'test:///default', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, LC_ALL: 'C' },
  });
  return `${r.stdout}${r.stderr}`;
}

interface HelpOption {
  name: string;
  kind: 'flag' | 'value' | 'position';
  repeat: boolean;
}

function helpOptions(text: string): HelpOption[] {
  const synopsis = text.split('SYNOPSIS')[1]?.split('DESCRIPTION')[0] ?? '';
  const body = text.split('OPTIONS')[1] ?? '';
  const list: HelpOption[] = [];
  for (const line of body.split('\n')) {
    const m =
      line.match(/^ {4}\[--([A-Za-z0-9-]+)\] <[a-z]+>/) ?? line.match(/^ {4}<([A-Za-z0-9-]+)>/);
    const v = line.match(/^ {4}--([A-Za-z0-9-]+) <[a-z]+>/);
    const f = line.match(/^ {4}--([A-Za-z0-9-]+)(?: {2}|$)/);
    const name = (m ?? v ?? f)?.[1];
    if (!name) continue;
    const repeat = new RegExp(`(\\[--${name}\\] <[a-z]+>|<${name}>)[\\]}]\\.\\.\\.`).test(synopsis);
    list.push({ name, kind: m ? 'position' : v ? 'value' : 'flag', repeat });
  }
  return list;
}

const kindOf = (o: OptionSpec) =>
  !o.value ? 'flag' : o.position !== undefined ? 'position' : 'value';

describe.skipIf(!installed)(
  `virsh table against virsh help${installed ? '' : ' (skipped: virsh is not installed)'}`,
  () => {
    it('has every subcommand of virsh help and no other', () => {
      const listed = [...run(['help']).matchAll(/^ {4}([a-z][a-z0-9-]*) {2,}/gm)].map((m) => m[1]);
      expect(Object.keys(SUBS).sort()).toEqual([...new Set(listed)].sort());
    });

    it("has virsh's own options as virsh --help lists them", () => {
      const text = run(['--help']);
      for (const o of VIRSH.spec.options)
        for (const n of o.names) expect(text, n).toMatch(new RegExp(`(^|[ |])${n}([ =[]|$)`, 'm'));
    });

    it('has each subcommand with the options its help lists, of the same kind', () => {
      const names = Object.keys(SUBS);
      const texts = shell(names.map((s) => `help ${s}`));
      expect(texts.length).toBe(names.length);
      for (const [k, name] of names.entries()) {
        const spec = SUBS[name]!;
        const help = helpOptions(texts[k]!);
        expect(help.length, name).toBe(spec.options.length);
        help.forEach((h, k) => {
          const o = spec.options[k]!;
          const where = `${name} --${h.name}`;
          expect(o.names, where).toEqual([`--${h.name}`]);
          // Help shows `--name <type>` for some options virsh also takes by position.
          if (h.kind === 'value') expect(['value', 'position'], where).toContain(kindOf(o));
          else expect(kindOf(o), where).toBe(h.kind);
          expect(o.repeat === true, where).toBe(h.repeat);
        });
      }
    });

    it('takes a bare word for each option the table says may stand by position', () => {
      const probes: [string, string, boolean][] = [];
      for (const [name, spec] of Object.entries(SUBS)) {
        // help parses its own way (an unknown option is ignored) and repeats take every word.
        if (name === 'help' || spec.options.some((o) => o.repeat)) continue;
        for (const o of spec.options) {
          if (!o.value) continue;
          const others = spec.options
            .filter((p) => p !== o && p.value)
            .flatMap((p) => [p.names[0], 'v']);
          probes.push([
            [name, ...others, 'bareword', '--zzzz-probe'].join(' '),
            name,
            o.position !== undefined,
          ]);
        }
      }
      const out = shell(probes.map((p) => p[0]));
      expect(out.length).toBe(probes.length);
      for (const [k, [line, , positional]] of probes.entries()) {
        const said = out[k]!;
        const taken = said.includes('--zzzz-probe');
        const refused = said.includes("unexpected data 'bareword'");
        expect(taken || refused, `${line}: ${said}`).toBe(true);
        expect(taken, line).toBe(positional);
      }
    });
  },
);
