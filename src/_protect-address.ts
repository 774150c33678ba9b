/**
 * Address step of `protect()`: parse once, then the label text (routing parts only, everything
 * below the ward masked) and the routing data for sorting.
 * @module
 * @internal
 */
import { parseAddress } from './address/parse.js';
import { maskAddress } from './address/mask.js';
import { addressRouting } from './address/routing.js';
import type { AddressRouting } from './address/types.js';
import type { ResolvedMaskPolicy } from './policy.js';

export type { AddressRouting };

/** Label text and routing for one address. Never falls back to the raw text. */
export function protectAddress(address: string, policy: ResolvedMaskPolicy): { label: string; routing: AddressRouting } {
  const parsed = parseAddress(address);
  const { ward, district, province, convertTo2025 } = policy.address;
  return {
    label: maskAddress(parsed, { keep: { ward, district, province }, convertTo2025 }),
    routing: addressRouting(parsed),
  };
}
