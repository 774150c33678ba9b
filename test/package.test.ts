/**
 * The core entry as a browser or React Native bundler sees it: bundled by esbuild for the browser,
 * it must pull in no `node:` module and no Node `Buffer`, and stay under a size ceiling.
 */
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/** Ceiling on the minified + gzipped core bundle, in bytes. The README records the measured size. */
export const CORE_GZIP_CEILING = 300 * 1024;

async function bundle(entry: string, withGazetteer = false): Promise<string> {
  const root = new URL('..', import.meta.url).pathname;
  const r = await build({
    stdin: {
      contents: `export * from './${entry}';${withGazetteer ? " import './dist/gazetteer.js';" : ''}`,
      resolveDir: root,
      loader: 'js',
    },
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  return r.outputFiles[0]!.text;
}

describe('browser bundle of the core', () => {
  it('contains no node: import and no Buffer, and stays under the size ceiling', async () => {
    const code = await bundle('dist/index.js');
    expect(code).not.toMatch(/["'`]node:/);
    expect(code).not.toMatch(/(?<![A-Za-z])Buffer\b/);
    expect(code).not.toMatch(/\brequire\(["'](fs|crypto|path|os)["']\)/);
    const gz = gzipSync(code, { level: 9 }).length;
    expect(gz).toBeLessThan(CORE_GZIP_CEILING);
  });

  it('the label subpath also bundles for the browser and renders an SVG preview there', async () => {
    const core = await bundle('dist/index.js', true);
    const label = await bundle('dist/label.js');
    expect(label).not.toMatch(/["'`]node:/);
    expect(label).not.toMatch(/(?<![A-Za-z])Buffer\b/);
    const api = (await import(`data:text/javascript;base64,${Buffer.from(core).toString('base64')}`)) as typeof import('../src/index.js');
    const lab = (await import(`data:text/javascript;base64,${Buffer.from(label).toString('base64')}`)) as typeof import('../src/label/index.js');
    const p = api.protect(
      { id: 'B2', recipient: { name: 'Lê Lan', phone: '0901234567', address: 'Phường Láng, Hà Nội' }, sender: { name: 'Shop', phone: '0912345678', address: 'Hà Nội' }, goods: { description: 'Sách' } },
      { keyring: api.Keyring.generate() },
    );
    const svg = lab.renderLabel(p, { format: 'svg' });
    expect(svg.startsWith('<svg') || svg.startsWith('<?xml')).toBe(true);
    expect(svg).toContain('Phường Láng');
  });

  it('without waybill-shield/gazetteer, protect() refuses with GAZETTEER_NOT_LOADED and the bundle has no gazetteer data', async () => {
    const code = await bundle('dist/index.js');
    expect(code).not.toContain('Tuy\\xEAn Quang');
    expect(code).not.toContain('Tuyên Quang');
    const mod = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as typeof import('../src/index.js');
    expect(mod.hasDefaultGazetteer()).toBe(false);
    const wb = { id: 'B0', recipient: { name: 'Lê Lan', phone: '0901234567', address: 'Hà Nội' }, sender: { name: 'Shop', phone: '0912345678', address: 'Hà Nội' }, goods: { description: 'Sách' } };
    let err: unknown;
    try {
      mod.protect(wb, { keyring: mod.Keyring.generate() });
    } catch (e) {
      err = e;
    }
    expect(mod.isWaybillShieldError(err) && err.code).toBe('GAZETTEER_NOT_LOADED');
    // Token and caller-code functions need no gazetteer.
    expect(mod.callerCode({ keyring: mod.Keyring.generate(), waybillId: 'B0', courierId: 'c1' }).code).toMatch(/^\d+$/);
  });

  it('runs in a browser-like global scope: protect works with only Web Crypto and TextEncoder', async () => {
    const code = await bundle('dist/index.js', true);
    // Evaluate the bundle as a data: module; it may only reach globals a browser has.
    const mod = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as typeof import('../src/index.js');
    const keyring = mod.Keyring.generate();
    const p = mod.protect(
      { id: 'B1', recipient: { name: 'Lê Lan', phone: '0901234567', address: 'Hà Nội' }, sender: { name: 'Shop', phone: '0912345678', address: 'Hà Nội' }, goods: { description: 'Sách' } },
      { keyring },
    );
    expect(p.label.recipient.phone).toBe('*******567');
  });
});
