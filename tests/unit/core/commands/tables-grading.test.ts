// Typed answers graded through the option tables of programs other than virsh and qemu-img:
// the spellings the issue lists (iscsiadm short/long/st, grep's combined and split flags,
// egrep, --opt=value) grade right, and a different command still grades wrong.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { normalise } from '../../../../src/core/commands/normalise.js';
import { lineWords } from '../../../../src/core/commands/parse.js';
import { tableFor } from '../../../../src/core/commands/tables/index.js';
import { OTHER_TABLES } from '../../../../src/core/commands/tables/others.js';
import { gradeTyped } from '../../../../src/core/grading.js';

const right = (input: string, answer: string, accept: string[] = []) =>
  gradeTyped(input, answer, accept, 'command').correct;

const SAME: [string, string][] = [
  // iscsiadm: short and long forms, --opt=value, split values, st for sendtargets.
  [
    'iscsiadm -m discovery -t sendtargets -p 192.168.10.5',
    'iscsiadm --mode discovery --type sendtargets --portal 192.168.10.5',
  ],
  [
    'iscsiadm -m discovery -t sendtargets -p 192.168.10.5',
    'iscsiadm -m discovery --type st -p 192.168.10.5',
  ],
  [
    'iscsiadm -m discovery -t sendtargets -p 192.168.10.5',
    'iscsiadm --mode=discovery --type=st --portal=192.168.10.5',
  ],
  [
    'iscsiadm -m discovery -t sendtargets -p 192.168.10.5',
    'iscsiadm -p 192.168.10.5 -t st -m discovery',
  ],
  // grep: combined, split and long flags; egrep; repeated -e in any order.
  ["grep -wE 'vmx|svm' /proc/cpuinfo", "grep -Ew 'vmx|svm' /proc/cpuinfo"],
  ["grep -wE 'vmx|svm' /proc/cpuinfo", "grep -w -E 'vmx|svm' /proc/cpuinfo"],
  [
    "grep -wE 'vmx|svm' /proc/cpuinfo",
    "grep --word-regexp --extended-regexp 'vmx|svm' /proc/cpuinfo",
  ],
  ["grep -E 'vmx|svm' /proc/cpuinfo", "egrep 'vmx|svm' /proc/cpuinfo"],
  ["grep -E 'vmx|svm' /proc/cpuinfo", "grep --extended-regexp 'vmx|svm' /proc/cpuinfo"],
  ['grep -e vmx -e svm /proc/cpuinfo', 'grep -e svm -e vmx /proc/cpuinfo'],
  ['grep -e vmx -e svm /proc/cpuinfo', 'grep --regexp=vmx --regexp svm /proc/cpuinfo'],
  // ip: object and command abbreviations, single-dash word options.
  ['ip address show', 'ip a s'],
  ['ip link set eth1 master br0', 'ip l set eth1 master br0'],
  ['ip -brief address', 'ip -br a'],
  ['bridge fdb show', 'bridge f sh'],
  // Options after or before a subcommand where the program permits it.
  ['systemctl enable --now libvirtd', 'systemctl --now enable libvirtd'],
  ['journalctl -u virtqemud', 'journalctl --unit=virtqemud'],
  ['ansible all -m ping', 'ansible all --module-name=ping'],
  ['virt-install --osinfo list', 'virt-install --os-variant list'],
  ['virt-clone --original web1 --auto-clone', 'virt-clone -o web1 --auto-clone'],
  ['guestmount -a web1.qcow2 -i --ro /mnt', 'guestmount -ia web1.qcow2 -r /mnt'],
  [
    'genisoimage -output seed.iso -volid cidata -joliet -rock user-data meta-data',
    'mkisofs -o seed.iso -V cidata -J -R user-data meta-data',
  ],
  ['cloud-init clean --logs --reboot', 'cloud-init clean -lr'],
  ['cloud-init status --wait', 'cloud-init status -w'],
  [
    'openstack server create --image cirros --flavor m1.tiny --network private web1',
    'openstack server create --flavor=m1.tiny --network private --image cirros web1',
  ],
  [
    'logstash -f beats.conf --config.test_and_exit',
    '/usr/share/logstash/bin/logstash -t -f beats.conf',
  ],
  ['filebeat setup --dashboards', './filebeat setup --dashboards'],
  ['numastat -p qemu', 'numastat qemu'],
  [
    'curl http://localhost:9200/_cluster/health',
    'curl -X GET http://localhost:9200/_cluster/health',
  ],
  [
    'virt-admin daemon-log-outputs "1:file:/var/log/libvirt/libvirtd.log"',
    'virt-admin daemon-log-outputs --outputs 1:file:/var/log/libvirt/libvirtd.log',
  ],
  ['qemu-system-x86_64 -accel kvm', 'qemu-system-x86_64 --accel kvm'],
];

const DIFFERENT: [string, string][] = [
  [
    'iscsiadm -m discovery -t sendtargets -p 192.168.10.5',
    'iscsiadm -m discovery -t isns -p 192.168.10.5',
  ],
  [
    'iscsiadm -m discovery -t sendtargets -p 192.168.10.5',
    'iscsiadm -m node -t sendtargets -p 192.168.10.5',
  ],
  ["grep -E 'vmx|svm' /proc/cpuinfo", "grep 'vmx|svm' /proc/cpuinfo"],
  ["grep -E 'vmx|svm' /proc/cpuinfo", "grep -F 'vmx|svm' /proc/cpuinfo"],
  ["grep -E 'vmx|svm' /proc/cpuinfo", "grep -E /proc/cpuinfo 'vmx|svm'"],
  ['ip tuntap add dev tap0 mode tap', 'ip tuntap add dev tap0 mode tun'],
  ['ip link set eth1 master br0', 'ip link show eth1 master br0'],
  ['systemctl enable --now libvirtd', 'systemctl enable libvirtd'],
  ['cloud-init clean --logs --reboot', 'cloud-init clean --logs'],
  ['aws s3 mb s3://kvm-images', 'aws s3 rb s3://kvm-images'],
  ['genisoimage -o seed.iso -V cidata -J -R a b', 'genisoimage -o seed.iso -V cidata -J -r a b'],
  ['virt-admin daemon-timeout --timeout 0', 'virt-admin daemon-timeout 0'],
];

describe('typed answers graded with the option tables', () => {
  it.each(SAME)('%s  ==  %s', (answer, input) => {
    expect(right(input, answer)).toBe(true);
    expect(right(answer, input)).toBe(true);
  });

  it.each(DIFFERENT)('%s  !=  %s', (answer, input) => {
    expect(right(input, answer)).toBe(false);
  });

  it('grep -e vmx -e svm is a different form of grep -E, taken only through accept', () => {
    const answer = "grep -E 'vmx|svm' /proc/cpuinfo";
    expect(right('grep -e vmx -e svm /proc/cpuinfo', answer)).toBe(false);
    expect(
      right('grep -e svm -e vmx /proc/cpuinfo', answer, ['grep -e vmx -e svm /proc/cpuinfo']),
    ).toBe(true);
  });

  it("a wrong answer says which part differs, with the tables' names", () => {
    const notes = (input: string, answer: string) =>
      gradeTyped(input, answer, [], 'command').notes.join('\n');
    expect(
      notes(
        'cloud-init single --name set_hostname --frequncy always',
        'cloud-init single --name set_hostname --frequency always',
      ),
    ).toContain('unknown option `--frequncy` (did you mean `--frequency`?)');
    expect(notes('systemctl enable libvirtd', 'systemctl enable --now libvirtd')).toContain(
      'missing `--now`',
    );
    expect(
      notes(
        'iscsiadm -m discovery -t isns -p 192.168.10.5',
        'iscsiadm -m discovery -t st -p 192.168.10.5',
      ),
    ).toContain('the value of `--type` differs');
    expect(notes('ip lnk set eth1 master br0', 'ip link set eth1 master br0')).toContain(
      'unknown subcommand `lnk`',
    );
  });
});

/** Every typed command card's answer and accepted forms in the shipped decks. */
function deckCommands(): { id: string; line: string }[] {
  const dir = resolve(import.meta.dirname, '../../../../decks');
  const out: { id: string; line: string }[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
    const deck = parseYaml(readFileSync(join(dir, file), 'utf8')) as { cards: DeckCard[] };
    for (const c of deck.cards) {
      if (c.type !== 'typed' || c.match !== 'command') continue;
      for (const line of [c.answer, ...(c.accept ?? [])]) out.push({ id: `${file} ${c.id}`, line });
    }
  }
  return out;
}
interface DeckCard {
  id: string;
  type: string;
  match?: string;
  answer: string;
  accept?: string[];
}

describe("the shipped typed answers against the other programs' tables", () => {
  it('every option and subcommand they use is in the table of its program', () => {
    const gaps: string[] = [];
    let checked = 0;
    for (const { id, line } of deckCommands()) {
      const words = lineWords(line);
      const table = tableFor(words[0] ?? '');
      if (!table || !OTHER_TABLES.includes(table)) continue;
      const form = normalise(words, table);
      checked++;
      const problems = [
        ...form.unknown.map((u) => `unknown option ${u}`),
        ...(form.unknownSubcommand ? [`unknown subcommand ${form.unknownSubcommand}`] : []),
        ...form.valueMissing.map((v) => `${v} without a value`),
        ...form.misplaced.map((m) => `${m} misplaced`),
      ];
      if (problems.length > 0) gaps.push(`${id}: ${line}: ${problems.join(', ')}`);
    }
    expect(gaps).toEqual([]);
    expect(checked).toBeGreaterThan(60);
  });
});
