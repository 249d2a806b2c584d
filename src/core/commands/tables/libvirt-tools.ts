// virt-admin(1) and virt-host-validate(1), libvirt 9.0.0 (Debian 12's libvirt-clients), read
// from `virt-admin help COMMAND` and `virt-host-validate --help`; virt-viewer(1), virt-viewer
// 11.0, from its man page (not installed here). virt-admin parses like virsh: its own options
// before the command, the command's after it, and an option shown as `[--server] <string>` may
// be given as a bare word. virt-admin 9.0 does not do that for daemon-timeout although its help
// shows `[--timeout]` (`virt-admin daemon-timeout 0` fails with "unexpected data '0'"), while it
// does take the outputs and filters strings bare; the table follows what the tool does.
import type { CommandSpec, CommandTable, OptionSpec } from '../spec.js';
import { arg, flag, flags, optArg } from './option-shorthand.js';

const ADMIN = 'virt-admin(1), libvirt 9.0.0';
const cmd = (...options: OptionSpec[]): CommandSpec => ({ source: ADMIN, options });
const server = arg('--server', { position: 0 });

export const virtAdminTable: CommandTable = {
  programs: ['virt-admin'],
  spec: {
    source: ADMIN,
    globalOnlyBefore: true,
    options: [
      arg('-c --connect'),
      arg('-d --debug'),
      flag('-h --help'),
      arg('-l --log'),
      flag('-q --quiet'),
      flag('-v'),
      flag('-V'),
      optArg('--version'),
    ],
    subcommands: {
      cd: cmd(arg('--dir', { position: 0 })),
      echo: cmd(...flags('--shell', '--xml', '--split', '--err')),
      exit: cmd(),
      help: cmd(arg('--command', { position: 0 })),
      pwd: cmd(),
      quit: cmd(),
      uri: cmd(),
      version: cmd(),
      connect: cmd(arg('--name', { position: 0 })),
      'server-list': cmd(),
      'server-threadpool-info': cmd(server),
      'client-list': cmd(server),
      'client-info': cmd(server, arg('--client', { position: 1 })),
      'server-clients-info': cmd(server),
      'server-threadpool-set': cmd(
        server,
        arg('--min-workers'),
        arg('--max-workers'),
        arg('--priority-workers'),
      ),
      'client-disconnect': cmd(server, arg('--client', { position: 1 })),
      'server-clients-set': cmd(server, arg('--max-clients'), arg('--max-unauth-clients')),
      'server-update-tls': cmd(server),
      'daemon-log-filters': cmd(arg('--filters', { position: 0 })),
      'daemon-log-outputs': cmd(arg('--outputs', { position: 0 })),
      'daemon-timeout': cmd(arg('--timeout')),
    },
  },
};

export const virtHostValidateTable: CommandTable = {
  programs: ['virt-host-validate'],
  spec: {
    source: 'virt-host-validate(1), libvirt 9.0.0',
    options: flags('-h --help', '-v --version', '-q --quiet'),
  },
};

export const virtViewerTable: CommandTable = {
  programs: ['virt-viewer'],
  spec: {
    source: 'virt-viewer(1), virt-viewer 11.0 (from the man page; not installed here)',
    options: [
      ...flags('-h --help', '-V --version', '-v --verbose', '--debug'),
      arg('-c --connect'),
      ...flags('-w --wait', '-r --reconnect', '-d --direct', '-a --attach', '-f --full-screen'),
      arg('-z --zoom'),
      arg('--display'),
      arg('-H --hotkeys'),
      flag('-k --kiosk'),
      arg('--kiosk-quit'),
      ...flags('--id', '--uuid', '--domain-name'),
    ],
  },
};
