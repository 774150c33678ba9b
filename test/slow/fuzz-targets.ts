/** The parsers the fuzz and growth suites drive, each taking one string. */
import * as api from '../../src/index.js';
import { testKeyring } from '../helpers/fixtures.js';

const keyring = testKeyring();

export const FUZZ_TARGETS: Record<string, (s: string) => unknown> = {
  parseAddress: (s) => api.parseAddress(s),
  maskAddress: (s) => api.maskAddress(s),
  normalizePhone: (s) => api.normalizePhone(s),
  maskName: (s) => api.maskName(s),
  phoneIndex: (s) => api.phoneIndex(s, { keyring }),
  'Keyring.fromJSON': (s) => api.Keyring.fromJSON(s),
  classifyGoods: (s) => api.classifyGoods(s),
  scrubText: (s) => api.scrubText(s),
  'token parsing (formatRevealToken)': (s) => api.formatRevealToken(s),
  verifyCallerCode: (s) => api.verifyCallerCode(s, { keyring, waybillId: 'W1', courierId: 'c-1' }),
};
