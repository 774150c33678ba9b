/** protect() against the node:crypto pipeline, its own noble floor, ciphersweet-js and maskdata. */
import { base64urlnopad } from '@scure/base';
import { bytesToHex } from '@noble/hashes/utils.js';
import { protect } from '../../src/protect.js';
import { sealField } from '../../src/crypto/envelope.js';
import { phoneIndexOfE164 } from '../../src/crypto/blind-index.js';
import { maskName } from '../../src/mask/name.js';
import { maskPhone } from '../../src/mask/phone.js';
import { parseWaybill } from '../../src/schema.js';
import { sealedValues } from '../../src/protect.js';

// The floors seal the same fields as protect(), goods.category included. Its value is a short
// category id whose sealing cost does not depend on which one, so a fixed id keeps classifyGoods
// (which protect() runs as part of its view) out of the crypto floor.
import { Keyring } from '../../src/keys/keyring.js';
import { measure, pairedRatio, type HarnessOptions } from '../_harness.js';
import { createNativeProtect } from '../peers/native.js';
import { createNobleFloor } from '../peers/floor.js';
import { createDirectNobleFloor } from '../peers/floor-direct.js';
import { createCipherSweetRow, hasSodiumNative } from '../peers/ciphersweet.js';
import { maskdataParty } from '../peers/maskdata.js';
import { SAMPLE_ROWS } from '../samples.js';
import type { SuiteResult } from '../types.js';

export async function protectSuite(opts: HarnessOptions): Promise<SuiteResult[]> {
  const keyring = Keyring.generate();
  const root = base64urlnopad.decode(keyring.export().keys[0]!.key);
  const rows = SAMPLE_ROWS;
  const parsed = rows.map((r) => parseWaybill(r));
  let i = 0;
  const next = () => rows[i++ % rows.length]!;
  let j = 0;
  const nextParsed = () => parsed[j++ % parsed.length]!;

  const native = createNativeProtect(root);
  const floor = createNobleFloor(root);
  const direct = createDirectNobleFloor(root);
  const m1 = await measure(
    [
      { name: 'protect()', fn: () => protect(next(), { keyring }) },
      { name: 'node:crypto pipeline', fn: () => native(next()) },
      {
        name: 'noble floor (direct calls)',
        fn: () => {
          const wb = nextParsed();
          return direct(wb.id, sealedValues(wb, 'electronics'), wb.recipient.phone);
        },
      },
    ],
    opts,
  );
  const [ours, nat, dir] = m1 as [typeof m1[0], typeof m1[0], typeof m1[0]];

  // Same work as a ciphersweet EncryptedRow: 4 sealed fields + 1 phone blind index, on clean values.
  const csKey = bytesToHex(root);
  const csFast = createCipherSweetRow(csKey, true);
  const csSlow = createCipherSweetRow(csKey, false);
  const csRow = (wb: (typeof parsed)[0]) => ({ name: wb.recipient.name, phone: wb.recipient.phone, address: wb.recipient.address, goods: wb.goods.description });
  const m2 = await measure(
    [
      {
        name: 'waybill-shield 4 fields + index',
        fn: () => {
          const wb = nextParsed();
          return [
            sealField(keyring, wb.id, 'recipient.name', wb.recipient.name),
            sealField(keyring, wb.id, 'recipient.phone', wb.recipient.phone),
            sealField(keyring, wb.id, 'recipient.address', wb.recipient.address),
            sealField(keyring, wb.id, 'goods.description', wb.goods.description),
            phoneIndexOfE164(keyring, wb.recipient.phone),
          ];
        },
      },
      { name: 'ciphersweet-js EncryptedRow (fastHash)', fn: () => csFast(csRow(nextParsed())) },
    ],
    opts,
  );
  const [sameOurs, csF] = m2 as [typeof m2[0], typeof m2[0]];
  // The Argon2id index costs tens of milliseconds per row: measure it briefly, for context only.
  const [csS] = await measure([{ name: 'ciphersweet-js EncryptedRow (default Argon2 index)', fn: () => csSlow(csRow(nextParsed())) }], {
    rounds: 1,
    sliceMs: Math.min(opts.sliceMs ?? 300, 1500),
    warmupMs: 0,
  });

  const m3 = await measure(
    [
      { name: 'maskName + maskPhone', fn: () => { const r = next(); return [maskName(r.recipient.name), maskPhone(r.recipient.phone)]; } },
      { name: 'maskdata', fn: () => { const r = next(); return maskdataParty(r.recipient.name, r.recipient.phone); } },
    ],
    opts,
  );
  const [mOurs, mPeer] = m3 as [typeof m3[0], typeof m3[0]];

  // The stricter floor runs last: its calls give noble's functions another argument shape, and the
  // gated comparisons above are measured before that feedback exists.
  const m4 = await measure(
    [
      { name: 'protect()', fn: () => protect(next(), { keyring }) },
      {
        name: 'noble floor (same buffers)',
        fn: () => {
          const wb = nextParsed();
          return floor(wb.id, sealedValues(wb, 'electronics'), wb.recipient.phone);
        },
      },
    ],
    opts,
  );
  const [ours4, flo] = m4 as [typeof m4[0], typeof m4[0]];

  return [
    { id: 'protect-vs-native', title: 'protect() vs node:crypto pipeline (throughput ratio)', ours, peer: nat, ratio: pairedRatio(ours, nat), bound: { min: 0.6 } },
    { id: 'protect-vs-floor', title: 'protect() time / noble floor time (its noble seal and HMAC calls, made directly)', ours, peer: dir, ratio: pairedRatio(dir, ours), bound: { max: 1.5 } },
    { id: 'protect-vs-buffered-floor', title: "protect() time / the same noble calls with protect()'s reused buffers (stricter, context)", ours: ours4, peer: flo, ratio: pairedRatio(flo, ours4) },
    {
      id: 'same-work-vs-ciphersweet',
      title: `4 fields + index vs ciphersweet-js fastHash (throughput ratio; sodium-native ${hasSodiumNative() ? 'loaded' : 'NOT loaded'})`,
      ours: sameOurs,
      peer: csF,
      ratio: pairedRatio(sameOurs, csF),
      bound: { min: 1.5 },
    },
    { id: 'same-work-vs-ciphersweet-argon2', title: 'same work vs ciphersweet-js default Argon2 index (context only)', ours: sameOurs, peer: csS!, ratio: sameOurs.perSec / csS!.perSec },
    { id: 'mask-vs-maskdata', title: 'name + phone masks vs maskdata (throughput ratio; ours parses the phone)', ours: mOurs, peer: mPeer, ratio: pairedRatio(mOurs, mPeer) },
  ];
}
