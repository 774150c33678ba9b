/**
 * The address step of protect() (parseAddress, then maskAddress and addressRouting of the parse, as
 * `src/_protect-address.ts` runs them) against one noble XChaCha20-Poly1305 seal of the same text
 * (`sealField`, which protect() runs on every sealed field). The ratio reads "our time / one seal's
 * time", so it shows what the address step adds to protect() in units of its crypto; protect() runs
 * it twice per waybill (recipient and sender). Context only: no bound. Inputs are the recipient and
 * sender addresses of `SAMPLE_ROWS`.
 */
import { parseAddress } from '../../src/address/parse.js';
import { maskAddress } from '../../src/address/mask.js';
import { addressRouting } from '../../src/address/routing.js';
import { sealField } from '../../src/crypto/envelope.js';
import { Keyring } from '../../src/keys/keyring.js';
import { measure, paired, type HarnessOptions } from '../_harness.js';
import { SAMPLE_ROWS } from '../samples.js';
import type { SuiteResult } from '../types.js';

export async function addressSuite(opts: HarnessOptions): Promise<SuiteResult[]> {
  const keyring = Keyring.generate();
  const addresses = SAMPLE_ROWS.flatMap((r) => [
    { id: r.id, field: 'recipient.address', text: r.recipient.address },
    { id: r.id, field: 'sender.address', text: r.sender.address },
  ]);
  const cycle = <T>(xs: readonly T[]): (() => T) => {
    let i = 0;
    return () => xs[i++ % xs.length]!;
  };
  // The default mask policy, as protect() passes it.
  const keep = { ward: true, district: true, province: true };

  const nextAddress = cycle(addresses);
  const nextSealed = cycle(addresses);
  const [step, seal] = await measure(
    [
      {
        name: 'parseAddress + maskAddress + addressRouting',
        fn: () => {
          const parsed = parseAddress(nextAddress().text);
          return [maskAddress(parsed, { keep, convertTo2025: false }), addressRouting(parsed)];
        },
      },
      {
        name: 'sealField (address)',
        fn: () => {
          const a = nextSealed();
          return sealField(keyring, a.id, a.field, a.text);
        },
      },
    ],
    opts,
  );

  return [
    {
      id: 'address-vs-seal',
      title: 'parse + mask + routing of one address / one XChaCha20-Poly1305 seal of it (context)',
      ours: step!,
      peer: seal!,
      ...paired(seal!, step!),
    },
  ];
}
