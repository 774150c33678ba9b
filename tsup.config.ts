import { defineConfig } from 'tsup';

// One config, two formats: ESM (.js) and CJS (.cjs), each with its own declaration file
// (.d.ts / .d.cts) so TypeScript resolves the right one under both `import` and `require`.
export default defineConfig({
  entry: {
    index: 'src/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  splitting: true,
  treeshake: true,
  target: 'es2022',
  platform: 'neutral',
  outExtension: ({ format }) => ({ js: format === 'cjs' ? '.cjs' : '.js' }),
});
