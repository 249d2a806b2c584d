// Performance tools the decks ask for, written from their man pages (not installed here):
// numactl(8) and numastat(8) from numactl 2.0.16, ethtool(8) from ethtool 6.1 (Debian 12).
import type { CommandTable } from '../spec.js';
import { arg, flag, flags, optArg } from './option-shorthand.js';

export const numactlTable: CommandTable = {
  programs: ['numactl'],
  spec: {
    source: 'numactl(8), numactl 2.0.16 (from the man page; not installed here)',
    abbreviateLong: true,
    options: [
      ...flags('-H --hardware', '-s --show', '-l --localalloc', '-a --all', '-b --balancing'),
      ...flags('-V --version', '-t --strict', '-u --huge', '-T --touch', '-d --dump'),
      flag('-D --dump-nodes'),
      arg('-i --interleave'),
      arg('-p --preferred'),
      arg('-P --preferred-many'),
      arg('-m --membind'),
      arg('-N --cpunodebind'),
      arg('-C --physcpubind'),
      arg('-S --shm'),
      arg('-f --file'),
      arg('-L --length'),
      arg('-o --offset'),
      arg('-M --shmmode'),
      arg('-I --shmid'),
    ],
  },
};

// numastat takes only single letters; a process given without -p is still a process
// (`numastat qemu` = `numastat -p qemu`).
export const numastatTable: CommandTable = {
  programs: ['numastat'],
  spec: {
    source: 'numastat(8), numactl 2.0.16 (from the man page; not installed here)',
    options: [
      ...flags('-c', '-m', '-n', '-v', '-V', '-z'),
      arg('-p', { position: 0 }),
      optArg('-s'),
    ],
  },
};

// ethtool's first option is the action and the device follows it as a plain word (`ethtool -L
// eth0 combined 4`); its letters are not combined.
export const ethtoolTable: CommandTable = {
  programs: ['ethtool'],
  spec: {
    source: 'ethtool(8), ethtool 6.1 (from the man page; not installed here)',
    combineShort: false,
    options: [
      ...flags('-h --help', '--version', '--debug', '--json', '-I --include-statistics'),
      ...flags('-a --show-pause', '-A --pause', '-c --show-coalesce', '-C --coalesce'),
      ...flags('-g --show-ring', '-G --set-ring', '-k --show-features --show-offload'),
      ...flags('-K --features --offload', '-i --driver', '-d --register-dump'),
      ...flags('-e --eeprom-dump', '-E --change-eeprom', '-r --negotiate', '-p --identify'),
      ...flags('-P --show-permaddr', '-S --statistics', '-t --test', '-s --change'),
      ...flags('-n -u --show-nfc --show-ntuple', '-N -U --config-nfc --config-ntuple'),
      ...flags('-T --show-time-stamping', '-x --show-rxfh-indir --show-rxfh'),
      ...flags('-X --set-rxfh-indir --rxfh', '-f --flash', '-w --get-dump', '-W --set-dump'),
      ...flags('-l --show-channels', '-L --set-channels', '--show-priv-flags'),
      ...flags('--set-priv-flags', '-m --dump-module-eeprom --module-info', '--show-eee'),
      ...flags('--set-eee', '--show-fec', '--set-fec', '--reset', '--show-tunnels'),
      ...flags('--cable-test', '-Q --per-queue'),
    ],
  },
};
