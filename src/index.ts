/**
 * waybill-shield: mask, seal and reveal the personal data on courier waybills.
 *
 * The core entry. It runs without Node built-ins (browsers, React Native, workers). Optional
 * parts live on subpaths: `waybill-shield/label`, `waybill-shield/redis`, `waybill-shield/node`.
 * @module
 */

export { WaybillShieldError, isWaybillShieldError } from './errors.js';
export type { ErrorCode, Issue, WaybillShieldErrorOptions } from './errors.js';

export { Keyring, MAX_KEY_ID } from './keys/keyring.js';
export type { KeyringJSON, KeyringInfo } from './keys/keyring.js';

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

export { parseAddress, maskAddress, addressRouting, defaultGazetteer, createGazetteer, isGazetteer, MAX_ADDRESS_LENGTH, ADDRESS_MASK } from './address/index.js';
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

export type { AuditEvent, AuditAction, AuditOutcome, AuditTarget } from './audit/types.js';
