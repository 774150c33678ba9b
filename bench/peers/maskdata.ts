/**
 * Peer: maskdata, a popular plain-masking library (no parsing, no Unicode awareness): the same
 * label masks for one party, phone (last 3 kept) and name (everything masked).
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const md = require('maskdata') as {
  maskPhone(s: string, o: object): string;
  maskString(s: string, o: object): string;
};

const phoneOpts = { maskWith: '*', unmaskedStartDigits: 0, unmaskedEndDigits: 3 };
const nameOpts = { maskWith: '*', maskAll: true, values: [] };

export function maskdataParty(name: string, phone: string): [string, string] {
  return [md.maskString(name, nameOpts), md.maskPhone(phone, phoneOpts)];
}
