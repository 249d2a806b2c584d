// qemu-system-x86_64(1), QEMU 7.2 (Debian 12), written from the man page (qemu-system is not
// installed here; qemu-img is a table of its own). QEMU's options are single-dash words and it
// also takes them with two dashes (`--accel kvm` = `-accel kvm`); they are never combined.
// Device-like options (-drive, -device, -netdev, ...) add one each, in order.
import type { CommandTable, OptionSpec } from '../spec.js';

const both = (name: string): string[] => [`-${name}`, `--${name}`];
const flag = (...names: string[]): OptionSpec => ({ names: names.flatMap(both) });
const arg = (...names: string[]): OptionSpec => ({ names: names.flatMap(both), value: 'required' });
const each = (name: string): OptionSpec => ({ ...arg(name), repeat: true, ordered: true });

export const qemuSystemTable: CommandTable = {
  programs: ['qemu-system-x86_64', 'qemu-system-i386', 'qemu-kvm'],
  spec: {
    source: 'qemu-system-x86_64(1), QEMU 7.2 (from the man page; not installed here)',
    combineShort: false,
    options: [
      flag('h', 'help'),
      flag('version'),
      arg('machine', 'M'),
      arg('cpu'),
      each('accel'),
      flag('enable-kvm'),
      arg('smp'),
      arg('m'),
      arg('name'),
      arg('uuid'),
      ...['drive', 'device', 'netdev', 'nic', 'net', 'chardev', 'object', 'numa'].map(each),
      ...['fsdev', 'virtfs', 'global', 'serial', 'parallel', 'monitor', 'qmp', 'mon'].map(each),
      ...['hda', 'hdb', 'hdc', 'hdd', 'cdrom', 'fda', 'fdb', 'mtdblock', 'sd', 'pflash'].map((n) =>
        arg(n),
      ),
      arg('boot'),
      flag('snapshot'),
      arg('display'),
      arg('vnc'),
      arg('spice'),
      arg('vga'),
      flag('nographic'),
      flag('full-screen'),
      flag('usb'),
      arg('usbdevice'),
      arg('k'),
      arg('audiodev'),
      arg('kernel'),
      arg('initrd'),
      arg('append'),
      arg('dtb'),
      arg('bios'),
      arg('L'),
      arg('rtc'),
      ...['no-reboot', 'no-shutdown', 'S', 's', 'daemonize', 'nodefaults', 'no-user-config'].map(
        (n) => flag(n),
      ),
      arg('gdb'),
      arg('d'),
      arg('D'),
      arg('pidfile'),
      arg('runas'),
      arg('sandbox'),
      arg('incoming'),
      arg('loadvm'),
      arg('overcommit'),
      arg('mem-path'),
      flag('mem-prealloc'),
      arg('readconfig'),
      arg('msg'),
      arg('trace'),
      arg('smbios'),
      arg('semihosting-config'),
    ],
  },
};
