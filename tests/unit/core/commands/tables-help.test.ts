// The option tables of the tools installed here and in CI (iproute2's ip and bridge, GNU grep,
// systemd's systemctl and journalctl) checked against the tools themselves: every option and
// subcommand in a table appears in the tool's own help, and ip's and bridge's abbreviations
// lead where the real tool takes them. Skipped, with the reason shown, where a tool is absent.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { CommandSpec, CommandTable } from '../../../../src/core/commands/spec.js';
import { bridgeTable } from '../../../../src/core/commands/tables/bridge.js';
import { curlTable } from '../../../../src/core/commands/tables/curl.js';
import { grepTable } from '../../../../src/core/commands/tables/grep.js';
import {
  lscpuTable,
  sysctlTable,
  systemdDetectVirtTable,
} from '../../../../src/core/commands/tables/host-tools.js';
import { ipTable } from '../../../../src/core/commands/tables/ip.js';
import {
  virtAdminTable,
  virtHostValidateTable,
} from '../../../../src/core/commands/tables/libvirt-tools.js';
import { journalctlTable, systemctlTable } from '../../../../src/core/commands/tables/systemctl.js';

/** A tool's help text (stdout and stderr: ip prints its help on stderr), or null when absent. */
function help(argv: string[]): string | null {
  const r = spawnSync(argv[0]!, argv.slice(1), {
    encoding: 'utf8',
    timeout: 10_000,
    env: { ...process.env, LC_ALL: 'C', SYSTEMD_PAGER: '', PAGER: 'cat', COLUMNS: '200' },
  });
  if (r.error) return null;
  return `${r.stdout}\n${r.stderr}`;
}

/**
 * The option spellings a help text shows. iproute2 brackets the optional tail of a word
 * (`-s[tatistics]`): every spelling from the short one to the full one is shown by it.
 */
function shown(text: string): (name: string) => boolean {
  const words = new Set(
    [...text.matchAll(/(?:^|[\s,[(|{])(--?[A-Za-z0-9#][A-Za-z0-9_.-]*)/g)].map((m) =>
      m[1]!.replace(/[.-]+$/, ''),
    ),
  );
  const ranges = [...text.matchAll(/(-[A-Za-z0-9]+)\[([A-Za-z-]+)\]/g)].map((m) => [
    m[1]!,
    m[1]! + m[2]!,
  ]);
  return (name) =>
    words.has(name) ||
    ranges.some(([base, full]) => name.startsWith(base!) && full!.startsWith(name));
}

const wordsOf = (text: string) => new Set(text.split(/[^A-Za-z0-9_-]+/));

/** The options of a spec that its help text does not show. */
function missingOptions(spec: CommandSpec, text: string): string[] {
  const isShown = shown(text);
  return spec.options.flatMap((o) => o.names).filter((n) => !isShown(n));
}

/** Subcommands of a spec none of whose spellings (name or alias) the help text shows. */
function missingSubcommands(spec: CommandSpec, text: string): string[] {
  const words = wordsOf(text);
  const aliases = Object.entries(spec.subcommandAliases ?? {});
  return Object.keys(spec.subcommands ?? {}).filter(
    (name) => !words.has(name) && !aliases.some(([a, t]) => t === name && words.has(a)),
  );
}

const installed = (program: string) => help(['sh', '-c', `command -v ${program}`])?.trim() !== '';
const absent = (program: string) => !installed(program);

function checksAgainstHelp(table: CommandTable, argv: string[]) {
  const program = table.programs[0]!;
  const missing = absent(argv[0]!);
  const title = missing
    ? `${argv.join(' ')}: skipped, ${argv[0]} is not installed here`
    : `every option and subcommand of the ${program} table is in \`${argv.join(' ')}\``;
  it.skipIf(missing)(title, () => {
    const text = help(argv)!;
    expect(text.length).toBeGreaterThan(200);
    expect(missingOptions(table.spec, text)).toEqual([]);
    expect(missingSubcommands(table.spec, text)).toEqual([]);
  });
}

describe('option tables against the installed tools', () => {
  checksAgainstHelp(grepTable, ['grep', '--help']);
  checksAgainstHelp(systemctlTable, ['systemctl', '--help']);
  checksAgainstHelp(journalctlTable, ['journalctl', '--help']);
  checksAgainstHelp(ipTable, ['ip', 'help']);
  checksAgainstHelp(bridgeTable, ['bridge', 'help']);
  checksAgainstHelp(sysctlTable, ['sysctl', '--help']);
  checksAgainstHelp(lscpuTable, ['lscpu', '--help']);
  checksAgainstHelp(systemdDetectVirtTable, ['systemd-detect-virt', '--help']);
  checksAgainstHelp(curlTable, ['curl', '--help', 'all']);
  checksAgainstHelp(virtHostValidateTable, ['virt-host-validate', '--help']);
  checksAgainstHelp(virtAdminTable, ['virt-admin', '--help']);
});

describe.skipIf(absent('virt-admin'))(
  'virt-admin commands (skipped when virt-admin is absent)',
  () => {
    const commands = Object.entries(virtAdminTable.spec.subcommands ?? {});
    // A socket that does not exist: virt-admin parses the command, then fails to connect, so
    // no daemon is ever touched.
    const nowhere = 'libvirtd:///system?socket=/nonexistent/hyperrecall-test.sock';

    it.each(commands)('virt-admin %s: every option is in `virt-admin help %s`', (name, spec) => {
      expect(missingOptions(spec, help(['virt-admin', 'help', name])!)).toEqual([]);
    });

    it('an option marked positional is taken as a bare word, and daemon-timeout is not', () => {
      const parses = (argv: string[]) =>
        !/unexpected data/.test(help(['virt-admin', '-c', nowhere, ...argv]) ?? '');
      for (const [name, spec] of commands) {
        const bare = spec.options.filter((o) => o.position !== undefined).map(() => '1');
        if (bare.length > 0) expect(parses([name, ...bare]), name).toBe(true);
      }
      expect(parses(['daemon-timeout', '0'])).toBe(false);
      expect(parses(['daemon-timeout', '--timeout', '0'])).toBe(true);
    });
  },
);

/** The word each object's usage line names it by (`Usage: ip neigh ...`). */
const USAGE_NAME: Record<string, string> = { neighbor: 'neigh' };

for (const [table, program] of [
  [ipTable, 'ip'],
  [bridgeTable, 'bridge'],
] as const) {
  describe.skipIf(absent(program))(`${program} objects (skipped when ${program} is absent)`, () => {
    const objects = Object.entries(table.spec.subcommands ?? {});

    it.each(objects)(`${program} %s: every command is in its help`, (name, spec) => {
      expect(missingSubcommands(spec, help([program, name, 'help'])!)).toEqual([]);
    });

    it(`${program}: each abbreviation of an object opens that object's help`, () => {
      const wrong: string[] = [];
      for (const [alias, target] of Object.entries(table.spec.subcommandAliases ?? {})) {
        const usage = (help([program, alias, 'help']) ?? '').trimStart().split('\n')[0] ?? '';
        const name = USAGE_NAME[target] ?? target;
        if (!new RegExp(`^Usage:\\s+${program} ${name}\\b`).test(usage)) {
          wrong.push(`${alias} -> ${target}: ${usage}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  });
}
