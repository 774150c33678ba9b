/**
 * Address step of `protect()`: parse once, then the label text (routing parts only, everything
 * below the ward masked) and the routing data for sorting. The reader comes through the seam
 * (`address/_reader.ts`), so `protect()` does not pull the parser into the core bundle; without an
 * entry that installed it, the step throws `GAZETTEER_NOT_LOADED` (protect always uses the default
 * gazetteer, and the entry that brings it brings the reader).
 * @module
 * @internal
 */
import { addressReader } from './address/_reader.js';
import type { AddressRouting } from './address/types.js';
import type { ResolvedMaskPolicy } from './policy.js';

export type { AddressRouting };

/** Label text and routing for one address. Never falls back to the raw text. */
export function protectAddress(address: string, policy: ResolvedMaskPolicy): { label: string; routing: AddressRouting } {
  const reader = addressReader(undefined);
  const parsed = reader.parseAddress(address);
  const { ward, district, province, convertTo2025 } = policy.address;
  return {
    label: reader.maskAddress(parsed, { keep: { ward, district, province }, convertTo2025 }),
    routing: reader.addressRouting(parsed),
  };
}
