// The option tables for every program but virsh and qemu-img, checked as data: well-formed
// options, no spelling claimed twice, aliases that lead somewhere, and the entries the issue's
// cases depend on (iscsiadm's `st`, grep's repeatable -e and egrep, ip's abbreviations).
import { describe, expect, it } from 'vitest';
import type { CommandSpec, CommandTable } from '../../../../src/core/commands/spec.js';
import { tableFor } from '../../../../src/core/commands/tables/index.js';
import { prefixAliases, selfOrder } from '../../../../src/core/commands/tables/option-shorthand.js';
import { OTHER_TABLES } from '../../../../src/core/commands/tables/others.js';

/** Every spec in a table with its path: `ip`, `ip link`, `aws s3 cp`. */
function specs(table: CommandTable): [string, CommandSpec][] {
  const out: [string, CommandSpec][] = [];
  const walk = (path: string, spec: CommandSpec) => {
    out.push([path, spec]);
    for (const [name, sub] of Object.entries(spec.subcommands ?? {})) walk(`${path} ${name}`, sub);
  };
  walk(table.programs[0]!, table.spec);
  return out;
}
const tables = OTHER_TABLES.map((t) => [t.programs[0]!, t] as const);

/**
 * Options these programs document with a short name only (from their --help or man page);
 * any other option of a program with long options must list its long name.
 */
const SHORT_ONLY: Record<string, string[]> = {
  grep: ['-I'],
  systemctl: ['-P', '-i'],
  guestfish: ['-x'],
  'virt-rescue': ['-e', '-x'],
  'virt-customize': ['-x'],
  'virt-sysprep': ['-x'],
  'virt-builder': ['-x'],
  'virt-admin': ['-v', '-V'],
  sysctl: ['-o', '-x'],
};

describe('option tables (other programs): structure', () => {
  it('each program has one table, and the registry finds it by name and by path', () => {
    const programs = OTHER_TABLES.flatMap((t) => t.programs);
    expect(new Set(programs).size).toBe(programs.length);
    for (const t of OTHER_TABLES) {
      for (const p of t.programs) {
        expect(tableFor(p)).toBe(t);
        expect(tableFor(`/usr/bin/${p}`)).toBe(t);
      }
    }
  });

  it.each(tables)('%s: names start with "-" and no spelling belongs to two options', (_, t) => {
    for (const [path, spec] of specs(t)) {
      const names = spec.options.flatMap((o) => o.names);
      expect(
        names.filter((n) => !/^-{1,2}[A-Za-z0-9#]/.test(n)),
        path,
      ).toEqual([]);
      expect(
        names.filter((n, i) => names.indexOf(n) !== i),
        path,
      ).toEqual([]);
      for (const o of spec.options) {
        expect(o.names.length).toBeGreaterThan(0);
        if (o.ordered) expect(o.repeat, o.names[0]).toBe(true);
        if (o.default !== undefined) expect(o.value, o.names[0]).toBeDefined();
        if (o.valueAliases) expect(o.value, o.names[0]).toBeDefined();
      }
    }
  });

  it.each(tables)('%s: every spec names its source with a version', (_, t) => {
    for (const [path, spec] of specs(t)) expect(spec.source, path).toMatch(/ v?\d+(\.\d+)*\b/);
  });

  it.each(tables)('%s: every subcommand alias leads to a subcommand', (_, t) => {
    for (const [path, spec] of specs(t)) {
      const subs = Object.keys(spec.subcommands ?? {});
      for (const [alias, target] of Object.entries(spec.subcommandAliases ?? {})) {
        expect(subs, `${path}: ${alias} -> ${target}`).toContain(target);
        expect(subs, path).not.toContain(alias);
      }
    }
  });

  it.each(tables)(
    '%s: every option of a program with long options lists its long name',
    (program, table) => {
      for (const [, spec] of specs(table)) {
        const hasLong = spec.options.some((o) => o.names.some((n) => n.startsWith('--')));
        if (!hasLong) continue;
        const shortOnly = spec.options
          .filter((o) => !o.names.some((n) => n.startsWith('--')))
          .flatMap((o) => o.names);
        expect(shortOnly.filter((n) => !(SHORT_ONLY[program] ?? []).includes(n))).toEqual([]);
      }
    },
  );

  it('single-dash word options (ip, bridge, genisoimage, nmcli) are never split into letters', () => {
    for (const p of ['ip', 'bridge', 'genisoimage', 'mkisofs', 'nmcli']) {
      expect(tableFor(p)?.spec.combineShort).toBe(false);
    }
  });
});

describe('option tables (other programs): what the issue needs', () => {
  const option = (program: string, name: string, path: string[] = []) => {
    let spec = tableFor(program)!.spec;
    for (const word of path) spec = spec.subcommands![word]!;
    return spec.options.find((o) => o.names.includes(name));
  };

  it('iscsiadm: -m/--mode, -t/--type with st for sendtargets, -p/--portal take values', () => {
    expect(option('iscsiadm', '-m')).toMatchObject({ names: ['-m', '--mode'], value: 'required' });
    expect(option('iscsiadm', '--type')).toMatchObject({
      names: ['-t', '--type'],
      value: 'required',
      valueAliases: { st: 'sendtargets' },
    });
    expect(option('iscsiadm', '-p')?.names).toEqual(['-p', '--portal']);
    expect(option('iscsiadm', '--discover')?.value).toBeUndefined();
  });

  it('grep: -w and -E are combinable flags with long names; -e repeats; egrep/fgrep imply -E/-F', () => {
    const grep = tableFor('grep')!;
    expect(grep.spec.combineShort ?? true).toBe(true);
    expect(option('grep', '-w')).toEqual({ names: ['-w', '--word-regexp'] });
    expect(option('grep', '-E')).toEqual({ names: ['-E', '--extended-regexp'] });
    expect(option('grep', '-e')).toMatchObject({ value: 'required', repeat: true });
    expect(tableFor('egrep')).toBe(grep);
    expect(grep.implies).toEqual({ egrep: ['-E'], fgrep: ['-F'] });
  });

  it('ip: objects and commands resolve their abbreviations as iproute2 does', () => {
    const ip = tableFor('ip')!.spec;
    expect(ip.subcommandAliases).toMatchObject({ a: 'address', addr: 'address', l: 'link' });
    expect(ip.subcommandAliases).toMatchObject({ r: 'route', n: 'neighbor', neigh: 'neighbor' });
    expect(ip.subcommandAliases).toMatchObject({ tap: 'tuntap', netn: 'netns' });
    // `ip t` is ip tunnel, which the table does not model: no alias rather than a wrong one.
    expect(ip.subcommandAliases?.t).toBeUndefined();
    expect(ip.subcommands?.link?.subcommandAliases).toMatchObject({ s: 'set', sh: 'show' });
    expect(ip.subcommands?.address?.subcommandAliases).toMatchObject({ s: 'show', del: 'delete' });
    expect(ip.globalOnlyBefore).toBe(true);
  });

  it('prefixAliases takes the first word in the order given, and can keep only unique prefixes', () => {
    const order = selfOrder('set', 'show', 'status');
    expect(prefixAliases(order, ['set', 'show', 'status'])).toMatchObject({ s: 'set', sh: 'show' });
    const unique = prefixAliases(order, ['set', 'show', 'status'], true);
    expect(unique.s).toBeUndefined();
    expect(unique).toMatchObject({ se: 'set', sh: 'show', st: 'status' });
  });

  it('the options the shipped typed answers use are in the tables', () => {
    const uses: [string, string, string[]?][] = [
      ['virt-install', '--osinfo'],
      ['virt-install', '--os-variant'],
      ['virt-clone', '--auto-clone'],
      ['virt-clone', '-o'],
      ['virt-xml', '--remove-device'],
      ['virt-xml', '--update'],
      ['virt-xml', '--disk'],
      ['guestmount', '--inspector'],
      ['guestmount', '-r'],
      ['virt-sysprep', '--operations'],
      ['virt-sysprep', '--enable'],
      ['virt-sysprep', '--list-operations'],
      ['virt-builder', '-l'],
      ['virt-rescue', '--ro'],
      ['genisoimage', '-volid'],
      ['genisoimage', '-rock'],
      ['cloud-localds', '--disk-format'],
      ['ansible', '--module-name'],
      ['ansible-playbook', '-C'],
      ['ansible-playbook', '--syntax-check'],
      ['openstack', '--disk-format', ['image create']],
      ['openstack', '--public', ['image create']],
      ['openstack', '--network', ['server create']],
      ['aws', '--bucket', ['s3api', 'create-bucket']],
      ['aws', '--import-task-ids', ['ec2', 'describe-import-image-tasks']],
      ['aws', '--disk-containers', ['ec2', 'import-image']],
      ['systemctl', '--now'],
      ['journalctl', '--unit'],
      ['cloud-init', '--wait', ['status']],
      ['cloud-init', '--logs', ['clean']],
      ['cloud-init', '--config-file', ['schema']],
      ['cloud-init', '--frequency', ['single']],
    ];
    for (const [program, name, path] of uses) {
      expect(
        option(program, name, path),
        `${program} ${path?.join(' ') ?? ''} ${name}`,
      ).toBeDefined();
    }
  });
});
