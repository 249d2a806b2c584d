// Scale benchmark, Anki import: a 50,000-note package (schema 11 collection.anki21, Basic,
// reversed and Cloze notes in 20 nested decks, review history for a third of the cards) is
// imported by the built CLI into a fresh data directory. Measures wall time and peak memory
// (GNU time's maximum RSS) against issue 12's targets: under 20 s and 500 MB.
// Usage: node scripts/bench-anki-import.mjs [--notes 50000]   (run by bench-scale.mjs too)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import initSqlJs from 'sql.js';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const NOTES = arg('notes', 50_000);
const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist/cli.js');
const DAY = 86_400_000;
const NOW = Date.parse('2026-06-01T10:00:00Z');

// rslib/src/storage/schema11.sql
const SCHEMA11 = `
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null, decks text not null, dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null, factor integer not null, reps integer not null, lapses integer not null, left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);`;

const model = (id, name, type, flds, tmpls) => ({
  id,
  name,
  type,
  flds: flds.map((n, ord) => ({ name: n, ord })),
  tmpls: tmpls.map(([qfmt, afmt], ord) => ({ name: `Card ${ord + 1}`, ord, qfmt, afmt })),
});
const MODELS = {
  1: model(1, 'Basic', 0, ['Front', 'Back'], [['{{Front}}', '{{Back}}']]),
  2: model(
    2,
    'Basic (and reversed card)',
    0,
    ['Front', 'Back'],
    [
      ['{{Front}}', '{{Back}}'],
      ['{{Back}}', '{{Front}}'],
    ],
  ),
  3: model(3, 'Cloze', 1, ['Text', 'Back Extra'], [['{{cloze:Text}}', '{{cloze:Text}}']]),
};

export async function buildPackage() {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run(SCHEMA11);
  const decks = { 1: { id: 1, name: 'Default' } };
  for (let d = 0; d < 20; d++)
    decks[100 + d] = { id: 100 + d, name: `Bench::Part ${Math.floor(d / 5)}::Chapter ${d}` };
  db.run('INSERT INTO col VALUES (1,0,0,0,11,0,0,0,?,?,?,?,?)', [
    JSON.stringify({ rollover: 4 }),
    JSON.stringify(MODELS),
    JSON.stringify(decks),
    '{}',
    '{}',
  ]);
  db.run('BEGIN');
  const note = db.prepare("INSERT INTO notes VALUES (?,?,?,0,-1,?,?,?,0,0,'')");
  const card = db.prepare("INSERT INTO cards VALUES (?,?,?,?,0,-1,?,?,0,0,0,0,0,0,0,0,0,'')");
  const rev = db.prepare('INSERT INTO revlog VALUES (?,?,-1,?,1,0,2500,?,?)');
  let revId = NOW - 400 * DAY;
  for (let i = 0; i < NOTES; i++) {
    const mid = i % 10 === 0 ? 3 : i % 10 === 1 ? 2 : 1;
    const flds =
      mid === 3
        ? `Fact ${i}: the {{c1::answer ${i}}} is <b>bold</b> and {{c2::second ${i}}}\x1fextra`
        : `Question <i>${i}</i> about something&nbsp;worth knowing\x1fAnswer ${i}`;
    note.run([1_700_000_000_000 + i, `g${i.toString(36)}`, mid, ' bench ', flds, '']);
    const ords = mid === 1 ? [0] : [0, 1];
    for (const ord of ords) {
      const cid = 1_600_000_000_000 + i * 10 + ord;
      const studied = i % 3 === 0;
      card.run([cid, 1_700_000_000_000 + i, 100 + (i % 20), ord, studied ? 2 : 0, studied ? 2 : 0]);
      if (!studied) continue;
      // Four answers a few days apart: learn, then reviews (one lapse in ten).
      for (let k = 0; k < 4; k++) {
        revId += 97;
        const at = NOW - (300 - k * 40) * DAY + (revId % DAY);
        rev.run([at + i, cid, k === 3 && i % 30 === 0 ? 1 : 3, 4000, k === 0 ? 0 : 1]);
      }
    }
  }
  note.free();
  card.free();
  rev.free();
  db.run('COMMIT');
  const bytes = db.export();
  db.close();
  return zipSync({ 'collection.anki21': bytes, media: new TextEncoder().encode('{}') });
}

export async function benchAnkiImport() {
  const work = mkdtempSync(join(tmpdir(), 'hr-anki-bench-'));
  try {
    const file = join(work, 'bench.apkg');
    writeFileSync(file, await buildPackage());
    const env = {
      ...process.env,
      HYPERRECALL_HOME: join(work, 'data'),
      HYPERRECALL_NOW: new Date(NOW).toISOString(),
      HYPERRECALL_DEVICE: 'bench',
    };
    const t = performance.now();
    // HR_BENCH_PROF=DIR writes a CPU profile of the import there.
    const dir = process.env.HR_BENCH_PROF;
    const prof = dir ? ['--cpu-prof', '--cpu-prof-dir', dir] : [];
    const r = spawnSync(
      '/usr/bin/time',
      ['-f', 'maxrss=%M', 'node', ...prof, CLI, 'import', file, '--json'],
      { env, encoding: 'utf8' },
    );
    const ms = performance.now() - t;
    if (r.status !== 0) throw new Error(`import failed: ${r.stderr}`);
    const rssKb = Number(/maxrss=(\d+)/.exec(r.stderr)?.[1] ?? Number.NaN);
    const report = JSON.parse(r.stdout);
    return { ms, rssMb: rssKb / 1024, report, bytes: statSync(file).size };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function printAnkiImportRow({ ms, rssMb, report, bytes }) {
  console.log(
    `| \`import\` of an Anki package: ${report.notes} notes, ${report.cards} cards, ${report.reviews.added} reviews (${(bytes / 2 ** 20).toFixed(1)} MB .apkg), wall time / peak RSS | ${(ms / 1000).toFixed(1)} s / ${rssMb.toFixed(0)} MB | < 20 s / < 500 MB |`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) printAnkiImportRow(await benchAnkiImport());
