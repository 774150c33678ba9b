/**
 * waybill-shield: mask, seal and reveal the personal data on courier waybills.
 *
 * The core entry. It runs without Node built-ins (browsers, React Native, workers). Optional
 * parts live on subpaths: `waybill-shield/label`, `waybill-shield/redis`, `waybill-shield/node`.
 * @module
 */

export { WaybillShieldError, isWaybillShieldError } from './errors.js';
export type { ErrorCode, Issue, WaybillShieldErrorOptions } from './errors.js';

export { Keyring, MAX_KEY_ID, DEFAULT_EPOCHS_AHEAD } from './keys/keyring.js';
export type { KeyringJSON, KeyringInfo, KeyringEpochsJSON, KeyringEpochsInfo, KeyringGenerateOptions, EnsureEpochsOptions, ShredOptions } from './keys/keyring.js';
export { epochOf, EPOCH_LENGTHS } from './keys/epochs.js';
export type { EpochId, EpochMonths } from './keys/epochs.js';
export { retentionEpoch } from './retention.js';
export { forget } from './forget.js';
export type { ForgetOptions, ForgottenMarker } from './forget.js';

export { parseWaybill, safeParseWaybill, isValidWaybill, WaybillSchema, SEALED_FIELDS, LIMITS } from './schema.js';
export type { Waybill, WaybillInput, SealedField, SafeParseWaybillResult } from './schema.js';

export { resolvePolicy, MaskPolicySchema } from './policy.js';
export type { MaskPolicy, ResolvedMaskPolicy } from './policy.js';

export { protect, unseal, reseal, PROTECTED_VERSION } from './protect.js';
export type { ProtectedWaybill, ProtectOptions, UnsealOptions, ResealOptions, LabelParty } from './protect.js';

export { phoneIndex, phoneIndexes, PHONE_INDEX_BITS } from './crypto/blind-index.js';
export type { PhoneIndexOptions } from './crypto/blind-index.js';

export { normalizePhone, isValidPhone, maskPhone, MIN_HIDDEN_DIGITS, MAX_KEPT_RUN } from './mask/phone.js';
export type { NormalizedPhone, NormalizePhoneOptions, MaskPhoneOptions, PhoneMaskStyle, PhoneType } from './mask/phone.js';

export { maskName } from './mask/name.js';
export type { MaskNameOptions, NameMaskStyle } from './mask/name.js';

export { parseAddress, maskAddress, addressRouting, defaultGazetteer, hasDefaultGazetteer, createGazetteer, isGazetteer, MAX_ADDRESS_LENGTH, ADDRESS_MASK } from './address/index.js';
export type {
  ParseAddressOptions,
  MaskAddressOptions,
  AddressRoutingOptions,
  Gazetteer,
  GazetteerInput,
  GazetteerUnitInput,
  AddressPart,
  AddressRouting,
  AddressScheme,
  AdminUnit,
  ParsedAddress,
  RoutingUnit,
  Span,
  UnitType,
} from './address/index.js';

export { classifyGoods, goodsLabel, GOODS_MAX_LENGTH, NEUTRAL_GOODS_LABEL } from './mask/goods.js';
export type { GoodsClass, GoodsLabelOptions } from './mask/goods.js';
// The lexicon table itself (`GOODS_LEXICON`) is exported by `waybill-shield/goods`, which registers
// it; `classifyGoods` reads it through this seam, so the core bundle carries no lexicon data.
export { GOODS_CATEGORIES, GOODS_FLAGS } from './mask/goods-lexicon.js';
export { hasGoodsLexicon } from './mask/default-goods-lexicon.js';
export type { GoodsCategory, GoodsFlag, GoodsCategoryInfo, GoodsLexiconEntry } from './mask/goods-lexicon.js';
export { scrubText, SCRUB_PLACEHOLDERS, SCRUB_MAX_LENGTH } from './mask/scrub.js';
export type { ScrubKind, ScrubOptions } from './mask/scrub.js';
export {
  acceptanceOf,
  resolveAcceptancePolicy,
  AcceptancePolicySchema,
  VN_ACCEPTANCE_POLICY,
  ACCEPTANCE_DECISIONS,
} from './mask/acceptance.js';
export type { Acceptance, AcceptanceDecision, AcceptancePolicy, ResolvedAcceptancePolicy } from './mask/acceptance.js';
export { parsePhoneField, PHONE_FIELD_MAX_LENGTH } from './mask/phone.js';
export type { PhoneField } from './mask/phone.js';

export {
  issueRevealToken,
  formatRevealToken,
  redeemRevealToken,
  reveal,
  RevealGrant,
  revokeRevealToken,
  revokeWaybillReveals,
  MAX_TOKEN_VALIDITY_MS,
  REDEEM_DEFAULTS,
  TOKEN_REJECTED_MESSAGE,
  REVEAL_PURPOSE,
  WAYBILL_REVOCATION_TTL_MS,
} from './reveal/index.js';
export type {
  IssueRevealTokenOptions,
  RedeemRevealTokenOptions,
  RevealRejectReason,
  RevealOptions,
  RevealedFields,
  RevokeRevealTokenOptions,
  RevokeWaybillRevealsOptions,
} from './reveal/index.js';

export {
  callerCode,
  verifyCallerCode,
  deliveryPin,
  verifyDeliveryPin,
  CALLER_CODE_DIGITS,
  CALLER_CODE_WINDOW_MS,
  DELIVERY_PIN_DIGITS,
  DELIVERY_PIN_DEFAULTS,
  DELIVERY_PIN_UTC_OFFSET_MS,
} from './verify/index.js';
export type { CallerCode, CallerCodeOptions, VerifyCallerCodeOptions, DeliveryPinOptions, VerifyDeliveryPinOptions } from './verify/index.js';
// Caller identification without handing out keys: scoped courier keys and the recipient's check.
export { CallerKey, courierCallerKey, callerCheck, CALLER_CHECK_DEFAULTS, CALLER_CHECK_PHONE_DIGITS, CALLER_KEY_UTC_OFFSET_MS } from './verify/index.js';
export type { CallerKeyJSON, CallerKeyCodeOptions, CourierCallerKeyOptions, ScopedCallerCodeOptions, CallerCheckOptions } from './verify/index.js';

export { MemoryLedger, MEMORY_LEDGER_DEFAULT_MAX_ENTRIES } from './ledger/index.js';
export type { MemoryLedgerOptions, RevealLedger, FailureScope, AcquireResult, ConsumeResult, ConsumeOptions, LedgerCheck } from './ledger/index.js';

export { AuditChain, MemoryAuditSink, AUDIT_GENESIS, auditRecordHash } from './audit/index.js';
export type {
  AuditChainOptions,
  AuditHead,
  AuditProblem,
  AuditVerifyOptions,
  AuditVerifyResult,
  AuditAction,
  AuditEvent,
  AuditOutcome,
  AuditRecord,
  AuditSink,
  AuditTarget,
} from './audit/index.js';
