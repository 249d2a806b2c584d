// `hyperrecall sync`: the git transport between devices (app/sync.ts does the work).
import { initSync, type SyncOptions, type SyncReport, syncNow } from '../../app/sync.js';
import { type SyncStatus, syncStatus } from '../../app/sync-status.js';
import { oneLine } from '../../core/sanitize.js';
import { type Context, UsageError } from '../context.js';

export interface SyncFlags {
  init?: string;
  status?: boolean;
  json?: boolean;
}

export function syncOptions(ctx: Context, auto = false): SyncOptions {
  return { dataDir: ctx.dataDir, device: ctx.device, env: ctx.env, now: ctx.now, auto };
}

/** One line: what moved, for `sync` and for the TUI's start and quit. */
export function describe(r: SyncReport): string {
  const rec = (n: number) => `${n} record${n === 1 ? '' : 's'}`;
  if (r.sent === 0 && r.received === 0)
    return r.committed > 0
      ? `committed ${rec(r.committed)}; the remote already had them`
      : 'up to date: nothing to send or receive';
  const parts: string[] = [];
  if (r.sent > 0) parts.push(`sent ${rec(r.sent)}`);
  if (r.received > 0) parts.push(`received ${rec(r.received)} from ${r.from.join(', ')}`);
  return parts.join(', ');
}

const when = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : 'never');

function statusText(s: SyncStatus): string {
  const lines = [`device ${s.device} · remote ${oneLine(s.remote)} (${oneLine(s.branch)})`];
  const last = s.lastSync;
  lines.push(
    last === null
      ? 'last sync: never'
      : `last sync: ${when(last.at)}, ${last.ok ? `ok (sent ${last.sent}, received ${last.received})` : `failed: ${oneLine(last.message)}`}`,
  );
  const width = Math.max(6, ...s.devices.map((d) => d.device.length));
  for (const d of s.devices) {
    const last = d.lastRecordAt ? `last record ${when(d.lastRecordAt)}` : 'no records';
    const mine = d.device === s.device ? ' (this device)' : '';
    lines.push(
      `  ${d.device.padEnd(width)}  ${String(d.records).padStart(7)} records here, ${d.remote} on the remote · ${last}${mine}`,
    );
  }
  lines.push(
    `ahead ${s.ahead} · behind ${s.behind} (records not yet sent · not yet merged, as of the last fetch: ${when(s.lastFetch)})`,
  );
  return `${lines.join('\n')}\n`;
}

export async function run(ctx: Context, flags: SyncFlags): Promise<number> {
  const opts = syncOptions(ctx);
  if (flags.status) {
    if (flags.init !== undefined) throw new UsageError('give --init or --status, not both');
    const s = await syncStatus(opts);
    process.stdout.write(flags.json ? `${JSON.stringify(s, null, 2)}\n` : statusText(s));
    return 0;
  }
  if (flags.init !== undefined && flags.init.trim() === '')
    throw new UsageError('name the remote: hyperrecall sync --init REMOTE (a URL or a path)');
  const report = flags.init ? await initSync(opts, flags.init, process.cwd()) : await syncNow(opts);
  for (const n of report.notices) process.stderr.write(`hyperrecall: sync: ${oneLine(n)}\n`);
  if (flags.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else process.stdout.write(`sync: ${describe(report)}\n`);
  return 0;
}
