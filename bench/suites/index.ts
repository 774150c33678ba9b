/** Every benchmark suite, in the order the table prints them. */
import type { HarnessOptions } from '../_harness.js';
import type { SuiteResult } from '../types.js';
import { protectSuite } from './protect.js';
import { revealSuite } from './reveal.js';
import { goodsSuite } from './goods.js';
import { cliSuite } from './cli.js';
import { addressSuite } from './address.js';

export const SUITES: Record<string, (opts: HarnessOptions) => Promise<SuiteResult[]>> = {
  protect: protectSuite,
  reveal: revealSuite,
  address: addressSuite,
  goods: goodsSuite,
  cli: cliSuite,
};
