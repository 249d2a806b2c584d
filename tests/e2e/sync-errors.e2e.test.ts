// `hyperrecall sync` when things go wrong: no git, no remote, a remote that refuses, two
// machines with one name, a session writing while sync reads. Each says so in one line,
// and nothing is lost.
import { appendFileSync, chmodSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { studyOn } from '../helpers/study-on.js';
import { DAY1, World } from './sync-world.js';

const T1 = Date.parse(DAY1);

function oneLine(text: string): void {
  expect(text.trim().split('\n')).toHaveLength(1);
}

// Each sync runs git a dozen times: on a loaded machine a test takes tens of seconds.
describe('sync: errors and odd cases', { timeout: 120_000 }, () => {
  it('says what to do when the data directory does not sync yet, and when git is missing', () => {
    const w = new World();
    const r = w.cli('a', ['sync']);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      'hyperrecall: this data directory does not sync yet: run hyperrecall sync --init REMOTE\n',
    );
    expect(w.cli('a', ['sync', '--status']).err).toContain('sync --init REMOTE');
    const noGit = w.cli('a', ['sync', '--init', w.remote], { env: { PATH: '/nonexistent' } });
    expect(noGit.code).toBe(1);
    expect(noGit.err).toBe(
      'hyperrecall: sync needs git, which is not installed: apt-get install git\n',
    );
  });

  it('offline (the remote is gone, or no server answers): the records stay committed and go with the next sync', async () => {
    const w = new World();
    w.ok('a', ['sync', '--init', w.remote]);
    await studyOn(w.dir('a'), 'a', w.deckDir, 3, T1);
    renameSync(w.remote, `${w.remote}.away`);
    const r = w.cli('a', ['sync']);
    expect(r.code).toBe(1);
    oneLine(r.err);
    expect(r.err).toMatch(
      /the remote cannot be reached \(.*does not appear to be a git repository\); nothing is lost/,
    );
    expect(w.git(w.dir('a'), 'log', '--format=%s', '-1')).toBe('a: 3 records\n');
    renameSync(`${w.remote}.away`, w.remote);
    expect(w.ok('a', ['sync'])).toBe('sync: sent 3 records\n');

    w.git(w.dir('a'), 'remote', 'set-url', 'origin', 'http://127.0.0.1:9/remote.git');
    const off = w.cli('a', ['sync']);
    expect(off.code).toBe(1);
    oneLine(off.err);
    expect(off.err).toMatch(
      /the remote cannot be reached \(unable to access .*\); nothing is lost/,
    );
    const st = JSON.parse(w.ok('a', ['sync', '--status', '--json']));
    expect(st.lastSync).toMatchObject({ ok: false });
  });

  it('a remote that refuses the push: git says why, the records stay here', async () => {
    const w = new World();
    w.ok('a', ['sync', '--init', w.remote]);
    const hook = join(w.remote, 'hooks', 'pre-receive');
    writeFileSync(hook, '#!/bin/sh\necho "no pushes today" >&2\nexit 1\n');
    chmodSync(hook, 0o755);
    await studyOn(w.dir('a'), 'a', w.deckDir, 2, T1);
    const r = w.cli('a', ['sync']);
    expect(r.code).toBe(1);
    oneLine(r.err);
    expect(r.err).toMatch(
      /the remote refused the records \(.*pre-receive hook declined.*\); they stay committed here/,
    );
    expect(w.git(w.dir('a'), 'log', '--format=%s', '-1')).toBe('a: 2 records\n');
  });

  it('two machines with one device name: the conflict is reported, nothing is lost, the remote is untouched', async () => {
    const w = new World();
    w.ok('a', ['sync', '--init', w.remote]);
    // A second machine that also calls itself "a".
    const twin = (args: string[]) => w.cli('a', ['--data-dir', join(w.root, 'twin'), ...args]);
    expect(twin(['sync', '--init', w.remote]).code).toBe(0);
    await studyOn(w.dir('a'), 'a', w.deckDir, 2, T1);
    await studyOn(join(w.root, 'twin'), 'a', w.deckDir, 3, T1 + 5_000);
    w.ok('a', ['sync']);
    const remoteBefore = w.git(w.remote, 'rev-parse', 'main');
    const r = twin(['sync']);
    expect(r.code).toBe(1);
    oneLine(r.err);
    expect(r.err).toContain(
      "reviews-a.jsonl was written on two machines that both call themselves 'a'",
    );
    expect(r.err).toContain('hyperrecall config set device NEW-NAME');
    expect(r.err).toContain('nothing is lost');
    expect(w.git(w.remote, 'rev-parse', 'main')).toBe(remoteBefore);
    expect(w.git(join(w.root, 'twin'), 'log', '--format=%s', '-1')).toBe('a: 3 records\n');
    expect(w.git(join(w.root, 'twin'), 'status', '--porcelain')).toBe('');
  });

  it('a log line being written while sync reads is not committed half; the next sync sends it whole', async () => {
    const w = new World();
    w.ok('a', ['sync', '--init', w.remote]);
    await studyOn(w.dir('a'), 'a', w.deckDir, 2, T1);
    const log = join(w.dir('a'), 'reviews-a.jsonl');
    const whole = readFileSync(log, 'utf8');
    const last = whole.trimEnd().split('\n').at(-1) ?? '';
    // A third answer, its line half written.
    const next = last
      .replace(/"at":\d+/, `"at":${T1 + 999_000}`)
      .replace(/"id":"[^"]+"/, '"id":"a-third"');
    appendFileSync(log, next.slice(0, 40));
    expect(w.ok('a', ['sync'])).toBe('sync: sent 2 records\n');
    expect(w.git(w.remote, 'show', 'main:reviews-a.jsonl')).toBe(whole);
    appendFileSync(log, `${next.slice(40)}\n`);
    expect(w.ok('a', ['sync'])).toBe('sync: sent 1 record\n');
    expect(w.git(w.remote, 'show', 'main:reviews-a.jsonl')).toBe(`${whole}${next}\n`);
  });

  it('--status: devices, last sync, records ahead and behind as of the last fetch', async () => {
    const w = new World();
    w.ok('a', ['sync', '--init', w.remote]);
    w.ok('b', ['sync', '--init', w.remote]);
    await studyOn(w.dir('a'), 'a', w.deckDir, 4, T1);
    w.ok('a', ['sync']);
    await studyOn(w.dir('a'), 'a', w.deckDir, 2, T1 + 3_600_000);
    const a = JSON.parse(w.ok('a', ['sync', '--status', '--json']));
    expect(a).toMatchObject({ device: 'a', branch: 'main', ahead: 2, behind: 0 });
    expect(a.devices).toEqual([
      {
        device: 'a',
        file: 'reviews-a.jsonl',
        records: 6,
        remote: 4,
        lastRecordAt: expect.stringMatching(/^2026-03-02T11:01/),
      },
    ]);
    expect(a.lastSync).toMatchObject({ ok: true, sent: 4, received: 0 });
    // b has not fetched since a pushed: behind 0 "as of the last fetch"; after a fetch, 4.
    expect(JSON.parse(w.ok('b', ['sync', '--status', '--json']))).toMatchObject({
      ahead: 0,
      behind: 0,
    });
    w.git(w.dir('b'), 'fetch', '-q', 'origin');
    expect(JSON.parse(w.ok('b', ['sync', '--status', '--json']))).toMatchObject({
      ahead: 0,
      behind: 4,
    });
    const text = w.ok('b', ['sync', '--status']);
    expect(text).toMatch(/^device b · remote .*remote\.git \(main\)$/m);
    expect(text).toMatch(/^ {2}a\s+0 records here, 4 on the remote/m);
    expect(text).toMatch(/^ahead 0 · behind 4 /m);
  });

  it('two devices pushing at once: the one that loses the race merges and pushes again', async () => {
    const w = new World();
    for (const d of ['a', 'b', 'c']) await w.sync(d, true);
    await studyOn(w.dir('a'), 'a', w.deckDir, 3, T1);
    await studyOn(w.dir('b'), 'b', w.deckDir, 3, T1);
    await studyOn(w.dir('c'), 'c', w.deckDir, 3, T1);
    await Promise.all(['a', 'b', 'c'].map((d) => w.sync(d)));
    for (const d of ['a', 'b', 'c']) await w.sync(d);
    const folds = await Promise.all(['a', 'b', 'c'].map((d) => w.fold(d)));
    expect(folds[1]).toEqual(folds[0]);
    expect(folds[2]).toEqual(folds[0]);
    const remoteLogs = w
      .git(w.remote, 'ls-tree', '--name-only', 'main')
      .split('\n')
      .filter(Boolean);
    expect(remoteLogs).toEqual([
      '.gitignore',
      'reviews-a.jsonl',
      'reviews-b.jsonl',
      'reviews-c.jsonl',
    ]);
  });
});
