/**
 * One esbuild call the way an app's bundler sees the package: browser platform, ESM, minified,
 * in memory, with a metafile. Used by the bundle ceilings and by the tests that check what a
 * given import pulls in.
 * @module
 */
import { build } from 'esbuild';

const ROOT = new URL('../..', import.meta.url).pathname;

/**
 * Bundle `contents` as an app's entry module resolved from the repository root.
 * @param contents - the entry's source, e.g. `export { x } from './dist/index.js';`
 * @param loader - how to read `contents` (`ts` when it imports `src/` directly)
 * @returns esbuild's result, with its output file and metafile
 */
export function browserBundle(contents: string, loader: 'js' | 'ts' = 'js') {
  return build({
    stdin: { contents, resolveDir: ROOT, loader },
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
}
