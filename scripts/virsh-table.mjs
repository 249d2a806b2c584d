#!/usr/bin/env node
// Writes src/core/commands/tables/virsh-*.ts from the installed virsh: every subcommand
// of `virsh help`, each option from `virsh help <subcommand>`. `virsh help` shows only
// some of the options that may also be given by position (`[--domain] <string>`): a
// string option without brackets may be one too (`snapshot-create-as vm1 snap1` names the
// snapshot), so each such option is tried: every other valued option is given by name,
// then one bare word and an unknown option. virsh stops at the first error while parsing,
// before it runs anything: "unexpected data" means the word found no option, the unknown
// option's error means the word was taken. Options that repeat (`<string>...`) take every
// remaining word; for the commands that have one the probe cannot tell, so they are
// listed here as read from running them against the test driver.
// Usage: node scripts/virsh-table.mjs [--write]
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const VERSION = execFileSync('virsh', ['--version'], { encoding: 'utf8' }).trim();

function run(args) {
  try {
    return execFileSync('virsh', ['-c', 'test:///default', ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 10_000,
    });
  } catch (e) {
    return `${e.stdout ?? ''}${e.stderr ?? ''}`;
  }
}

/** Options of commands with a repeating option that also take a word by position. */
const ARGV_POSITIONS = {
  'snapshot-create-as': ['domain', 'name', 'description', 'diskspec'],
  'checkpoint-create-as': ['domain', 'name', 'description', 'diskspec'],
  desc: ['domain', 'new-desc'],
  domfsfreeze: ['domain', 'mountpoint'],
  domfsthaw: ['domain', 'mountpoint'],
  domstats: ['domain'],
  echo: ['string'],
  'lxc-enter-namespace': ['domain', 'cmd'],
  'qemu-agent-command': ['domain', 'cmd'],
  'qemu-monitor-command': ['domain', 'cmd'],
  schedinfo: ['domain', 'set'],
  'send-key': ['domain', 'keycode'],
  // help parses its own way (an unknown option is ignored); `virsh help list` names the command.
  help: ['command'],
};

function groups() {
  const out = [];
  let current;
  for (const line of execFileSync('virsh', ['help'], { encoding: 'utf8' }).split('\n')) {
    const head = line.match(/^ (.+) \(help keyword '([a-z]+)'\):/);
    if (head) {
      current = out.find((g) => g.keyword === head[2]);
      if (!current) {
        current = { title: head[1], keyword: head[2], commands: [] };
        out.push(current);
      }
      continue;
    }
    const cmd = line.match(/^ {4}([a-z][a-z0-9-]*) /);
    if (cmd && current && !current.commands.includes(cmd[1])) current.commands.push(cmd[1]);
  }
  return out;
}

/** `{ name, kind: 'flag'|'value'|'position', repeat }` for each option, in declared order. */
function options(command) {
  const help = run(['help', command]);
  const synopsis = help.split('SYNOPSIS')[1]?.split('DESCRIPTION')[0] ?? '';
  const body = help.split('OPTIONS')[1] ?? '';
  const list = [];
  const kinds = [
    [/^ {4}\[--([a-zA-Z0-9-]+)\] <[a-z]+>/, 'position'],
    [/^ {4}--([a-zA-Z0-9-]+) <[a-z]+>/, 'value'],
    [/^ {4}--([a-zA-Z0-9-]+)(?: {2}|$)/, 'flag'],
    [/^ {4}<([a-zA-Z0-9-]+)>/, 'position'],
  ];
  for (const line of body.split('\n')) {
    for (const [re, kind] of kinds) {
      const m = line.match(re);
      if (m) {
        list.push({ name: m[1], kind });
        break;
      }
    }
  }
  for (const o of list) {
    const argv = new RegExp(`(\\[--${o.name}\\] <[a-z]+>|<${o.name}>)[\\]}]\\.\\.\\.`);
    o.repeat = argv.test(synopsis);
  }
  return list;
}

function probePositions(command, list) {
  const fixed = ARGV_POSITIONS[command];
  if (fixed || list.some((o) => o.repeat)) {
    if (!fixed) throw new Error(`${command} repeats an option: list its positions`);
    for (const o of list)
      if (o.kind !== 'flag') o.kind = fixed.includes(o.name) ? 'position' : 'value';
    return;
  }
  for (const o of list) {
    if (o.kind !== 'value') continue;
    const others = list
      .filter((p) => p !== o && p.kind !== 'flag')
      .flatMap((p) => [`--${p.name}`, 'v']);
    const out = run([command, ...others, 'bareword', '--zzzz-probe']);
    if (out.includes('--zzzz-probe')) o.kind = 'position';
    else if (!out.includes("unexpected data 'bareword'"))
      throw new Error(`${command} --${o.name}: ${out}`);
  }
}

function line(command, list) {
  const words = list.map((o) => {
    if (o.kind === 'flag') return o.name;
    if (o.kind === 'value') return `${o.name}=`;
    return `[${o.name}]${o.repeat ? '...' : ''}`;
  });
  return [command, ...words].join(' ');
}

const FILES = {
  'virsh-domain.ts': { name: 'VIRSH_DOMAIN', keywords: ['domain'] },
  'virsh-monitor.ts': {
    name: 'VIRSH_MONITOR',
    keywords: ['monitor', 'events', 'host', 'checkpoint', 'snapshot', 'backup'],
  },
  'virsh-network.ts': {
    name: 'VIRSH_NETWORK',
    keywords: ['interface', 'filter', 'network', 'nodedev', 'secret'],
  },
  'virsh-storage.ts': { name: 'VIRSH_STORAGE', keywords: ['pool', 'volume', 'virsh'] },
};

const all = groups();
for (const [file, spec] of Object.entries(FILES)) {
  const chosen = all.filter((g) => spec.keywords.includes(g.keyword));
  const blocks = chosen.map((g) => {
    const lines = g.commands.map((c) => {
      const list = options(c);
      probePositions(c, list);
      return line(c, list);
    });
    return `// ${g.title}\n${lines.join('\n')}`;
  });
  const text = `// virsh subcommands: ${chosen.map((g) => g.title).join(', ')}. Written by
// scripts/virsh-table.mjs from \`virsh help <subcommand>\` of virsh ${VERSION}; see virsh.ts for the
// notation. Regenerate rather than edit by hand.
import { virshSubcommands } from './virsh-notation.js';

export const ${spec.name} = virshSubcommands(\`
${blocks.join('\n')}
\`);
`;
  if (process.argv.includes('--write'))
    writeFileSync(new URL(`../src/core/commands/tables/${file}`, import.meta.url), text);
  else process.stdout.write(text);
}
