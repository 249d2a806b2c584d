// `derive` through the built CLI: the deck lands where decks load, keeps ids across edits,
// reports unusable lines, and --watch re-derives on save.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/decks/parse.js';
import { CLI, cliEnv, ROOT } from './cli.js';

const FIXTURE = join(ROOT, 'tests/fixtures/notes/kvm.md');

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'hr-derive-'));
  const notes = join(dir, 'kvm.md');
  copyFileSync(FIXTURE, notes);
  return {
    dir,
    notes,
    home: join(dir, 'data'),
    deck: join(dir, 'data', 'decks', 'notes-kvm.yaml'),
  };
}

function run(home: string, ...args: string[]) {
  const r = spawnSync('node', [CLI, ...args], {
    env: { ...process.env, ...cliEnv(home) },
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const idsOf = (file: string) => {
  const d = parseDeck(file, readFileSync(file, 'utf8')).deck!;
  return new Map(
    d.entries.map((e) => [
      e.type === 'basic' ? e.front : e.type === 'cloze' ? e.text : e.type,
      e.id,
    ]),
  );
};

/** Polls until `check` passes; a generous limit, never a fixed sleep. */
async function until<T>(what: string, check: () => T | undefined | false, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('hyperrecall derive', () => {
  it('writes the deck into <data-dir>/decks/, where decks and cards --json show it and lint is clean', () => {
    const s = setup();
    const r = run(s.home, 'derive', s.notes);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Derived 8 card(s) into ${s.deck} (0 kept their ids, 8 new)`);
    const decks = JSON.parse(run(s.home, 'decks', '--json').out) as {
      id: string;
      entries: number;
    }[];
    expect(decks.find((d) => d.id === 'notes-kvm')).toMatchObject({ entries: 8 });
    const cards = JSON.parse(run(s.home, 'cards', '--json', 'deck:notes-kvm').out) as {
      key: string;
      kind: string;
    }[];
    const ids = [...idsOf(s.deck).values()];
    for (const id of ids) expect(cards.some((c) => c.key.startsWith(`notes-kvm/${id}`))).toBe(true);
    expect(new Set(cards.map((c) => c.kind))).toEqual(new Set(['basic', 'cloze', 'terms']));
    // --strict fails on warnings too: the derived deck has none.
    const lint = run(s.home, 'lint', '--strict', s.deck);
    expect(lint.code).toBe(0);
    expect(lint.out + lint.err).toContain('0 error(s), 0 warning(s)');
  });

  it('keeps ids across edits: unchanged cards, and a changed card at the same heading and position', () => {
    const s = setup();
    run(s.home, 'derive', s.notes);
    const before = idsOf(s.deck);
    const text = readFileSync(s.notes, 'utf8')
      .replace('Some prose that is no card at all', 'Rewritten prose,\nlonger than before')
      .replace(
        'NAT forward mode:::masquerading on the host',
        'NAT mode:::masquerading on the host (SNAT)',
      );
    writeFileSync(s.notes, `Intro before everything::a new card\n\n${text}`);
    const r = run(s.home, 'derive', s.notes);
    expect(r.code).toBe(0);
    expect(r.out).toContain('(8 kept their ids, 1 new)');
    const after = idsOf(s.deck);
    expect(after.get("Which bridge does libvirt's default network use?")).toBe(
      before.get("Which bridge does libvirt's default network use?"),
    );
    expect(after.get('NAT mode')).toBe(before.get('NAT forward mode'));
    expect(after.get('terms')).toBe(before.get('terms'));
  });

  it('reports unusable lines as file:line: why, writes -o files and stdout, and fails with no card', () => {
    const s = setup();
    writeFileSync(s.notes, '# H\nQ::\ngood::card\n\u001b]0;evil\u0007 ==open\n');
    const out = join(s.dir, 'out.yaml');
    const r = run(s.home, 'derive', s.notes, '-o', out);
    expect(r.code).toBe(0);
    expect(r.err.split('\n')).toEqual([
      `${s.notes}:2: '::' needs a question before it and an answer after it`,
      `${s.notes}:4: an ==highlight== is not closed with ==`,
      '',
    ]);
    expect(r.err).not.toContain('\u001b');
    expect(parseDeck(out, readFileSync(out, 'utf8')).deck?.entries).toHaveLength(1);
    const stdout = run(s.home, 'derive', s.notes, '-o', '-');
    expect(stdout.out.startsWith('# Derived from ')).toBe(true);
    expect(stdout.out).toMatch(/^id: notes-kvm$/m);
    writeFileSync(s.notes, '# Only prose\n');
    const none = run(s.home, 'derive', s.notes, '-o', out);
    expect(none.code).toBe(1);
    expect(none.err).toContain('no card found');
    expect(parseDeck(out, readFileSync(out, 'utf8')).deck?.entries).toHaveLength(1);
  });

  let child: ChildProcess | null = null;
  afterEach(() => {
    child?.kill('SIGKILL');
    child = null;
  });

  it('--watch re-derives on save, keeps the last good deck on an error, and exits cleanly on Ctrl+C', async () => {
    const s = setup();
    const out = join(s.dir, 'watched.yaml');
    const c = spawn('node', [CLI, 'derive', s.notes, '-o', out, '--watch'], {
      env: { ...process.env, ...cliEnv(s.home) },
    });
    child = c;
    let stdout = '';
    let stderr = '';
    c.stdout.on('data', (d) => {
      stdout += String(d);
    });
    c.stderr.on('data', (d) => {
      stderr += String(d);
    });
    await until('the watcher', () => stdout.includes('Ctrl+C to stop'));
    // chokidar is ready shortly after the message: save again (less often than the
    // debounce would swallow) until the change is seen.
    const saved = readFileSync(s.notes, 'utf8');
    let lastSave = 0;
    await until('the re-derived deck', () => {
      if (readFileSync(out, 'utf8').includes('Added while watching')) return true;
      if (Date.now() - lastSave > 1500) {
        writeFileSync(s.notes, `${saved}\nAdded while watching::yes ${lastSave}\n`);
        lastSave = Date.now();
      }
      return false;
    });
    const good = readFileSync(out, 'utf8');
    writeFileSync(s.notes, '# nothing left\n');
    await until('the error', () => stderr.includes('the last good deck is kept'));
    expect(readFileSync(out, 'utf8')).toBe(good);
    c.kill('SIGINT');
    const code = await new Promise<number | null>((done) => c.on('exit', (n) => done(n)));
    expect(code).toBe(0);
  }, 30_000);
});
