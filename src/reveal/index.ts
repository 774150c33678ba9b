/**
 * Reveal tokens: issue, redeem, reveal, revoke. Token format v1 is specified in
 * `docs/token-format.md`.
 * @module
 */
export { issueRevealToken, formatRevealToken, MAX_TOKEN_VALIDITY_MS } from './issue.js';
export type { IssueRevealTokenOptions } from './issue.js';
export { redeemRevealToken, REDEEM_DEFAULTS, TOKEN_REJECTED_MESSAGE } from './redeem.js';
export type { RedeemRevealTokenOptions, RevealRejectReason } from './redeem.js';
export { reveal, REVEAL_PURPOSE } from './reveal.js';
export type { RevealOptions, RevealedFields } from './reveal.js';
export { RevealGrant } from './grant.js';
export { revokeRevealToken, revokeWaybillReveals, WAYBILL_REVOCATION_TTL_MS } from './revoke.js';
export type { RevokeRevealTokenOptions, RevokeWaybillRevealsOptions } from './revoke.js';
