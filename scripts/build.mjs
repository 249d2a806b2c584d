// Bundles the CLI into dist/ so start-up does not pay for resolving hundreds of modules.
// Code splitting keeps Ink and React in a chunk that only interactive commands load.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist', { recursive: true, force: true });
await build({
  // The optimizer's worker thread is an entry of its own (dist/optimize-worker.js).
  // dist/cli.js turns on V8's compile cache (Node 22.1+), then loads the CLI (src/cli/boot.ts).
  entryPoints: { cli: 'src/cli/boot.ts', 'optimize-worker': 'src/app/optimize-worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  jsx: 'automatic',
  minifySyntax: true,
  legalComments: 'none',
  // sql.js finds its sql-wasm.wasm beside itself in node_modules: bundled, it would not.
  external: ['react-devtools-core', '@open-spaced-repetition/binding', 'sql.js'],
  define: { 'process.env.NODE_ENV': '"production"' },
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __hrCreateRequire } from 'node:module';\nconst require = __hrCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});

// Parse the shipped decks once, so commands start without YAML parsing.
await build({
  entryPoints: ['src/decks/precompile.ts'],
  outfile: 'dist/tools/precompile.js',
  banner: {
    js: "import { createRequire as __hrCreateRequire } from 'node:module';\nconst require = __hrCreateRequire(import.meta.url);",
  },
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});
execFileSync(process.execPath, ['dist/tools/precompile.js', 'decks', 'dist/deck-cache.json'], {
  stdio: ['ignore', 'ignore', 'inherit'],
});
