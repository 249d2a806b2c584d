// `hyperrecall optimize` as built: the JSON contract (zod), applying and resetting, the
// refusal below Anki's minimum, and the binding loaded by this command only.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { LogRecord } from '../../src/core/model.js';
import { simulateLog } from '../helpers/simulate.js';
import { CLI, cliEnv, ROOT } from './cli.js';

const Metrics = z.object({ logLoss: z.number().positive(), rmse: z.number().nonnegative() });
const Steps = z.array(z.string().regex(/^\d+(\.\d+)?[mhd]$/));
const OptimizeJson = z.object({
  reviews: z.number().int(),
  items: z.number().int(),
  cards: z.number().int(),
  before: Metrics,
  after: Metrics,
  improvement: z.object({ logLoss: z.number(), rmse: z.number() }),
  applied: z.boolean(),
  dryRun: z.boolean(),
  weights: z.array(z.number()).length(21),
  current: z.array(z.number()).length(21).nullable(),
  steps: z
    .object({
      current: z.object({ learning: Steps, relearning: Steps }),
      advised: z.object({ learning: Steps.nullable(), relearning: Steps.nullable() }),
      applied: z.boolean(),
    })
    .nullable(),
});
const RefusedJson = z.object({
  reviews: z.number().int(),
  answers: z.number().int(),
  items: z.number().int(),
  before: z.null(),
  after: z.null(),
  applied: z.literal(false),
  weights: z.null(),
  needed: z.number().int().positive(),
  reason: z.string(),
});

const SPY = `import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(\`import { appendFileSync } from 'node:fs';
export async function resolve(s, c, next) {
  if (s.includes('open-spaced-repetition/binding')) appendFileSync(process.env.HR_SPY, s + '\\\\n');
  return next(s, c);
}\`));
`;

function home(records: LogRecord[]): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'hr-opt-e2e-')), 'data');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'reviews-sim.jsonl'),
    records.map((r) => `${JSON.stringify(r)}\n`).join(''),
  );
  return dir;
}

function run(dir: string, args: string[], extra: Record<string, string> = {}, node: string[] = []) {
  const r = spawnSync(process.execPath, [...node, CLI, ...args], {
    env: { ...process.env, ...cliEnv(dir), ...extra },
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const START = Date.parse('2025-11-03T08:00:00Z');

describe('hyperrecall optimize', () => {
  const log = simulateLog({ seed: 9, days: 80, newPerDay: 8, deck: 'sim', start: START });

  it('--dry-run --json: the documented shape, better figures, and nothing written', () => {
    const dir = home(log);
    const files = readdirSync(dir).sort();
    const r = run(dir, ['optimize', '--dry-run', '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const json = OptimizeJson.parse(JSON.parse(r.out));
    expect(json.applied).toBe(false);
    expect(json.dryRun).toBe(true);
    expect(json.current).toBeNull();
    expect(json.after.logLoss).toBeLessThan(json.before.logLoss);
    expect(json.improvement.logLoss).toBeGreaterThan(0);
    expect(readdirSync(dir).sort()).toEqual(files);
  });

  it('applies the weights (config get weights shows them), and --reset goes back', () => {
    const dir = home(log);
    const r = run(dir, ['optimize', '--json']);
    expect(r.code).toBe(0);
    const json = OptimizeJson.parse(JSON.parse(r.out));
    expect(json.applied).toBe(true);
    const shown = run(dir, ['config', 'get', 'weights']).out.trim().split(',').map(Number);
    expect(shown).toEqual(json.weights);
    const text = run(dir, ['optimize', '--dry-run']);
    expect(text.out).toMatch(/^Log loss +\d\.\d{4} current -> \d\.\d{4} fitted/m);
    expect(run(dir, ['optimize', '--reset']).out).toContain("reset to FSRS' defaults");
    expect(run(dir, ['config', 'get', 'weights']).out.trim()).toBe('default');
  });

  it('refuses a small log, saying how many more reviews it needs (exit 1)', () => {
    const dir = home(simulateLog({ seed: 2, days: 10, newPerDay: 5, deck: 'sim', start: START }));
    const r = run(dir, ['optimize', '--json']);
    expect(r.code).toBe(1);
    const json = RefusedJson.parse(JSON.parse(r.out));
    expect(json.needed).toBe(400 - json.reviews);
    const text = run(dir, ['optimize']);
    expect(text.out).toBe(
      `Not optimized: ${json.reviews} usable reviews, ${json.needed} short of Anki's minimum of 400.\n` +
        `(${json.answers} answers so far; a card's answers count once it comes back on a later day.)\n` +
        'Nothing was changed.\n',
    );
    expect(json.answers).toBeGreaterThan(json.reviews);
    expect(text.code).toBe(1);
  });

  it('loads the optimizer binding for optimize only, not for home, status or stats', () => {
    const dir = home(log);
    const work = mkdtempSync(join(tmpdir(), 'hr-spy-'));
    writeFileSync(join(work, 'spy.mjs'), SPY);
    const spyLog = join(work, 'loaded.txt');
    const node = ['--import', join(work, 'spy.mjs')];
    const loaded = () => {
      try {
        return readFileSync(spyLog, 'utf8');
      } catch {
        return '';
      }
    };
    expect(run(dir, ['status'], { HR_SPY: spyLog }, node).code).toBe(0);
    expect(run(dir, ['stats'], { HR_SPY: spyLog }, node).code).toBe(0);
    // The home screen's path, up to where it finds no terminal.
    expect(run(dir, [], { HR_SPY: spyLog }, node).code).toBe(2);
    expect(loaded()).toBe('');
    expect(run(dir, ['optimize', '--dry-run'], { HR_SPY: spyLog }, node).code).toBe(0);
    expect(loaded()).toContain('@open-spaced-repetition/binding');
  });

  it('without the binding installed: one line, exit 1, nothing changed; other commands work', () => {
    const copy = mkdtempSync(join(tmpdir(), 'hr-no-binding-'));
    for (const part of ['package.json', 'decks', 'dist'])
      cpSync(join(ROOT, part), join(copy, part), { recursive: true });
    const dir = home(log);
    const cli = join(copy, 'dist/cli.js');
    const env = { ...process.env, ...cliEnv(dir) };
    const r = spawnSync(process.execPath, [cli, 'optimize'], { env, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^hyperrecall: optimize failed: the FSRS optimizer \(@open-spaced-repetition\/binding\) could not be loaded: .*Reinstall hyperrecall \(npm install\) on this machine\. Nothing was changed\.\n$/,
    );
    const weights = spawnSync(process.execPath, [cli, 'config', 'get', 'weights'], {
      env,
      encoding: 'utf8',
    });
    expect(weights.stdout.trim()).toBe('default');
    const status = spawnSync(process.execPath, [cli, 'status'], { env, encoding: 'utf8' });
    expect(status.status).toBe(0);
  });

  it('with another session holding the data directory: refused, and --dry-run still works', async () => {
    const dir = home(log);
    const holder = join(mkdtempSync(join(tmpdir(), 'hr-holder-')), 'holder.mjs');
    buildSync({
      entryPoints: [join(ROOT, 'tests/helpers/lock-holder.ts')],
      outfile: holder,
      bundle: true,
      format: 'esm',
      platform: 'node',
      logLevel: 'warning',
    });
    const child = spawn(process.execPath, [holder, dir, 'e2e', '60000', '5000'], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let said = '';
    child.stdout.on('data', (d: Buffer) => {
      said += d.toString();
    });
    try {
      for (let waited = 0; !said.includes('locked') && waited < 10_000; waited += 20)
        await new Promise((r) => setTimeout(r, 20));
      expect(said).toContain('locked');
      const r = run(dir, ['optimize']);
      expect(r.code).toBe(1);
      expect(r.err).toContain('is using');
      expect(r.err).toContain('optimize --dry-run shows the figures beside it.');
      expect(run(dir, ['optimize', '--dry-run']).code).toBe(0);
    } finally {
      child.kill();
    }
  });
});
