// Every option table command-aware grading knows, by program name. Each file under tables/
// holds one program's grammar (or one family, such as virsh's subcommands by area).
import type { CommandTable } from '../spec.js';
import { OTHER_TABLES } from './others.js';
import { QEMU_IMG } from './qemu-img.js';
import { VIRSH } from './virsh.js';

export const TABLES: readonly CommandTable[] = [VIRSH, QEMU_IMG, ...OTHER_TABLES];

const byProgram = new Map<string, CommandTable>();
for (const t of TABLES) for (const p of t.programs) byProgram.set(p, t);

/** The table for a program as typed: a path (`./filebeat`, `/usr/bin/grep`) counts by its basename. */
export function tableFor(program: string): CommandTable | undefined {
  const base = program.slice(program.lastIndexOf('/') + 1);
  return byProgram.get(base);
}
