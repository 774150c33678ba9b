/**
 * Address step of `protect()`: the label text and the routing data for one address.
 * @module
 * @internal
 */
import type { ResolvedMaskPolicy } from './policy.js';

/** Routing data for one address. */
export interface AddressRouting {
  scheme: '2025' | 'legacy' | 'both' | null;
}

/** Label text and routing for one address. */
export function protectAddress(_address: string, _policy: ResolvedMaskPolicy): { label: string; routing: AddressRouting } {
  return { label: '***', routing: { scheme: null } };
}
