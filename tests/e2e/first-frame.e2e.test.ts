// The home screen's first frame, drawn before the UI loads from the frame the UI drew last
// time (src/cli/first-frame.ts), at 80x24 and 40x12 in a real terminal. Everything the
// program writes is recorded (tmux pipe-pane), so the order of the frames is checked, not
// guessed from timing.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, cliEnv } from './cli.js';

const live = new Set<string>();
afterEach(() => {
  for (const s of live) tmux(s, 'kill-server');
  live.clear();
});

function tmux(socket: string, ...args: string[]): string {
  try {
    return execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  } catch {
    return '';
  }
}

const ESC = String.fromCharCode(27);
const ANSI = new RegExp(`${ESC}\\[[0-9;?]*[A-Za-z]`, 'g');

/** The rows a frame shows, without escapes or trailing blanks. */
function rowsOf(frame: string): string[] {
  const rows = frame.replace(ANSI, '').split('\n');
  while (rows.length > 0 && rows[rows.length - 1]!.trim() === '') rows.pop();
  return rows.map((r) => r.trimEnd());
}

async function poll<T>(what: string, get: () => T | null, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = get();
    if (v !== null) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Starts `hyperrecall` on the home screen with all its output recorded, waits for the home
 * screen, quits with q. Returns what the screen showed and every byte the program wrote.
 */
async function openHome(
  home: string,
  columns: number,
  rows: number,
  now?: string,
  keys: string[] = ['q'],
) {
  const dir = mkdtempSync(join(tmpdir(), 'hr-e2e-frame-'));
  const socket = `hr-e2e-frame-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  live.add(socket);
  const go = join(dir, 'go');
  const record = join(dir, 'output');
  const env = Object.entries(cliEnv(home, now))
    .map(([k, v]) => `${k}='${v}'`)
    .join(' ');
  // The program waits for `go`, so the recording is on before its first byte.
  const command = `while [ ! -e ${go} ]; do sleep 0.02; done; env ${env} node ${CLI}; echo "[exit $?]"; sleep 60`;
  tmux(socket, 'new-session', '-d', '-s', 'e2e', '-x', `${columns}`, '-y', `${rows}`, command);
  tmux(socket, 'pipe-pane', '-t', 'e2e', `cat > ${record}`);
  writeFileSync(go, '');
  const screen = () => tmux(socket, 'capture-pane', '-p', '-t', 'e2e');
  const shown = await poll('the home screen', () => {
    const s = screen();
    return s.includes('All decks') ? s : null;
  });
  for (const k of keys) {
    const before = screen();
    tmux(socket, 'send-keys', '-t', 'e2e', k);
    await poll(`a change after ${k}`, () => (screen() !== before ? true : null));
  }
  await poll('the exit', () => (screen().includes('[exit 0]') ? true : null));
  tmux(socket, 'kill-server');
  live.delete(socket);
  // The terminal turns each \n into \r\n.
  const output = readFileSync(record, 'utf8').replace(/\r\n/g, '\n');
  return { shown: rowsOf(shown), output };
}

const keptFile = (home: string) => join(home, 'cache', 'home-e2e.json');

interface Kept {
  frames: Record<string, string>;
}

/** The kept entry and its frame for the study day the tests run on (the earliest kept). */
function kept(home: string): { entry: Kept; today: string; day: string } {
  const entry = JSON.parse(readFileSync(keptFile(home), 'utf8')) as Kept;
  const day = Object.keys(entry.frames).sort()[0]!;
  return { entry, today: entry.frames[day]!, day };
}

describe.each([
  [80, 24],
  [40, 12],
])('the first frame at %ix%i', (columns, rows) => {
  it('is the frame the UI drew last time, shown before the UI draws it again', async () => {
    const home = join(mkdtempSync(join(tmpdir(), 'hr-e2e-')), 'data');
    const first = await openHome(home, columns, rows);
    // The first start has nothing kept: the UI draws the only frame, and keeps it, with
    // tomorrow's as drawn when the user quit.
    expect(first.output.indexOf(`${ESC}[?1049h`)).toBe(
      first.output.indexOf(`${ESC}[?1049h${ESC}[H`),
    );
    const { entry, today } = kept(home);
    expect(rowsOf(today)).toEqual(first.shown);
    expect(Object.keys(entry.frames)).toHaveLength(2);
    // The next start shows the kept frame first, then the UI's frame over it: the same.
    const second = await openHome(home, columns, rows);
    const preRendered = second.output.indexOf(today.slice(0, 40));
    const uiFrame = second.output.indexOf(`${ESC}[?2026h`);
    expect(preRendered).toBeGreaterThan(-1);
    expect(preRendered).toBeLessThan(uiFrame);
    expect(second.shown).toEqual(first.shown);
  });

  it('leaves nothing of a kept frame that differs from what the UI draws', async () => {
    const home = join(mkdtempSync(join(tmpdir(), 'hr-e2e-')), 'data');
    const first = await openHome(home, columns, rows);
    // A kept frame with longer and more rows than the UI's, still valid for this start.
    const { entry, day } = kept(home);
    const stale = Array.from({ length: rows - 1 }, () => 'STALE'.repeat(columns)).join('\n');
    const frames = { ...entry.frames, [day]: stale.slice(0, 5000) };
    writeFileSync(keptFile(home), JSON.stringify({ ...entry, frames }));
    const next = await openHome(home, columns, rows);
    expect(next.output).toContain('STALESTALE');
    expect(next.shown).toEqual(first.shown);
    expect(next.shown.join('\n')).not.toContain('STALE');
    // The UI's own frame is kept again.
    expect(rowsOf(kept(home).today)).toEqual(first.shown);
  });

  it("the next study day's, drawn when the user quit, is shown the next morning", async () => {
    const home = join(mkdtempSync(join(tmpdir(), 'hr-e2e-')), 'data');
    await openHome(home, columns, rows, '2026-03-02T22:00:00Z');
    const { entry, day } = kept(home);
    const tomorrow = Object.keys(entry.frames).find((d) => d !== day)!;
    const drawn = entry.frames[tomorrow]!;
    const next = await openHome(home, columns, rows, '2026-03-03T08:00:00Z');
    expect(next.output.indexOf(drawn.slice(0, 40))).toBeGreaterThan(-1);
    expect(next.output.indexOf(drawn.slice(0, 40))).toBeLessThan(
      next.output.indexOf(`${ESC}[?2026h`),
    );
    expect(next.shown).toEqual(rowsOf(drawn));
  });

  it('after a session, the next start shows the home screen as it now is', async () => {
    const home = join(mkdtempSync(join(tmpdir(), 'hr-e2e-')), 'data');
    await openHome(home, columns, rows);
    // Study one card (Enter, reveal, Good), q ends the session, q on its summary quits.
    await openHome(home, columns, rows, undefined, ['Enter', 'Space', '3', 'q', 'q']);
    const { today } = kept(home);
    const next = await openHome(home, columns, rows);
    expect(next.output.indexOf(today.slice(0, 40))).toBeGreaterThan(-1);
    expect(next.output.indexOf(today.slice(0, 40))).toBeLessThan(
      next.output.indexOf(`${ESC}[?2026h`),
    );
    expect(next.shown).toEqual(rowsOf(today));
    expect(next.shown.join('\n')).toMatch(/1 today/);
  });

  it('is not drawn at another terminal size', async () => {
    const home = join(mkdtempSync(join(tmpdir(), 'hr-e2e-')), 'data');
    await openHome(home, columns + 1, rows + 1);
    expect(existsSync(keptFile(home))).toBe(true);
    const { today } = kept(home);
    const other = await openHome(home, columns, rows);
    expect(other.output).not.toContain(today.slice(0, 200));
  });
});
