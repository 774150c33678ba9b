/**
 * The package as users get it: `npm test` builds first, then this imports `dist/` through the
 * package's own `exports` map, from ESM and from CJS, and checks the public names.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { exports: Record<string, unknown> };
const require = createRequire(new URL('package.json', root));

/** Public names each entry must export. */
export const PUBLIC_NAMES: Record<string, string[]> = {
  '.': [
    'WaybillShieldError', 'isWaybillShieldError', 'Keyring', 'parseWaybill', 'safeParseWaybill', 'isValidWaybill',
    'protect', 'unseal', 'reseal', 'phoneIndex', 'phoneIndexes', 'normalizePhone', 'isValidPhone', 'maskPhone', 'maskName',
    'resolvePolicy', 'SEALED_FIELDS', 'parseAddress', 'maskAddress', 'addressRouting', 'classifyGoods', 'goodsLabel', 'scrubText',
    'issueRevealToken', 'redeemRevealToken', 'reveal', 'RevealGrant', 'revokeRevealToken', 'revokeWaybillReveals',
    'callerCode', 'verifyCallerCode', 'deliveryPin', 'verifyDeliveryPin', 'MemoryLedger', 'AuditChain', 'MemoryAuditSink',
    'callerCheck', 'courierCallerKey', 'CallerKey', 'hasGoodsLexicon',
  ],
  './goods': ['GOODS_LEXICON', 'hasGoodsLexicon'],
  './redis': ['RedisLedger'],
  './node': ['JsonlAuditSink'],
  './label': ['renderLabel', 'labelQrPayload', 'parseLabelQr', 'DEFAULT_ZPL_FONT'],
  './cli': ['runCli', 'EXIT'],
  './address': ['parseAddress', 'maskAddress', 'addressRouting', 'createGazetteer', 'isGazetteer', 'MAX_ADDRESS_LENGTH', 'ADDRESS_MASK'],
};

describe('built package', () => {
  it('has been built (npm test runs the build first)', () => {
    expect(existsSync(new URL('dist/index.js', root)), 'dist/index.js missing: run `npm run build`').toBe(true);
  });

  for (const [sub, names] of Object.entries(PUBLIC_NAMES)) {
    const spec = sub === '.' ? 'waybill-shield' : `waybill-shield/${sub.slice(2)}`;
    it(`${spec} is in the exports map`, () => expect(pkg.exports[sub]).toBeDefined());
    it(`${spec} imports from ESM with every public name`, async () => {
      const mod = (await import(/* @vite-ignore */ spec)) as Record<string, unknown>;
      for (const n of names) expect(mod[n], n).toBeDefined();
    });
    it(`${spec} requires from CJS with every public name`, () => {
      const mod = require(spec) as Record<string, unknown>;
      for (const n of names) expect(mod[n], n).toBeDefined();
    });
  }

  it('waybill-shield/address re-exports the core address functions themselves (one reader seam per build)', async () => {
    const core = (await import('waybill-shield')) as Record<string, unknown>;
    const entry = (await import(/* @vite-ignore */ 'waybill-shield/address')) as Record<string, unknown>;
    for (const n of PUBLIC_NAMES['./address']!) expect(entry[n], n).toBe(core[n]);
    const coreCjs = require('waybill-shield') as Record<string, unknown>;
    const entryCjs = require('waybill-shield/address') as Record<string, unknown>;
    for (const n of PUBLIC_NAMES['./address']!) expect(entryCjs[n], n).toBe(coreCjs[n]);
  });

  it('ESM and CJS builds interoperate on data: a record protected by one opens in the other', async () => {
    const esm = (await import('waybill-shield')) as unknown as typeof import('../src/index.js');
    const cjs = require('waybill-shield') as unknown as typeof import('../src/index.js');
    const json = esm.Keyring.generate().export();
    const p = esm.protect(
      { id: 'X1', recipient: { name: 'Lê Lan', phone: '0901234567', address: 'Hà Nội' }, sender: { name: 'Shop', phone: '0912345678', address: 'Hà Nội' }, goods: { description: 'Sách' } },
      { keyring: esm.Keyring.fromJSON(json) },
    );
    expect(cjs.unseal(p, 'recipient.phone', { keyring: cjs.Keyring.fromJSON(json), actor: 'cs-1', purpose: 'test-interop' })).toBe('+84901234567');
  });
});
