import { existsSync } from 'node:fs';
import { defineConfig } from 'tsup';

// Entry points: the browser-safe core, and one entry per optional subpath. The CLI and its
// worker are Node-only. `index.node` is the core as Node resolves it (the `node` export
// condition): the same exports with the address reader installed and the bundled gazetteer and
// goods lexicon registered. `gazetteer` installs and registers all three for browsers and React
// Native, which load it explicitly (or lazily, as its own chunk); `address` installs the reader
// alone, for apps with their own gazetteer; `goods` registers the goods lexicon alone (apps that
// classify goods but parse no address).
const entries: Record<string, string> = {
  index: 'src/index.ts',
  'index.node': 'src/index.node.ts',
  gazetteer: 'src/gazetteer.ts',
  address: 'src/address-entry.ts',
  goods: 'src/goods.ts',
  label: 'src/label/index.ts',
  redis: 'src/ledger/redis.ts',
  node: 'src/node.ts',
  cli: 'src/cli/main.ts',
  'cli-worker': 'src/cli/worker.ts',
};

// Subpaths are developed in parallel; an entry whose source is not there yet is left out
// rather than failing the whole build.
const entry = Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file)));

// One config, two formats: ESM (.js) and CJS (.cjs), each with its own declaration file
// (.d.ts / .d.cts) so TypeScript resolves the right one under both `import` and `require`.
export default defineConfig({
  entry,
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  splitting: true,
  treeshake: true,
  // The CJS build of the CLI finds its worker through import.meta.url; shims map it to __filename.
  shims: true,
  target: 'es2022',
  platform: 'neutral',
  external: ['ioredis'],
  outExtension: ({ format }) => ({ js: format === 'cjs' ? '.cjs' : '.js' }),
});
