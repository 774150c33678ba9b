/**
 * The XChaCha20-Poly1305 backend every seal and open goes through, and how it is chosen.
 *
 * Everywhere, the backend starts as @noble/ciphers (`_aead-noble.ts`): browsers, React Native,
 * workers. The Node entries (`index.node.ts`, the CLI and its workers) call `installNodeAead()`
 * (`_aead-node.ts`), which installs the native backend (`_aead-node.ts`: HChaCha20, then OpenSSL's
 * `chacha20-poly1305`) once, at import, when {@link selectAead} finds it usable. That code is
 * injected rather than imported here, so a browser bundle carries neither it nor a `node:` module;
 * the Node built-in is reached at run time through `process.getBuiltinModule('crypto')`. Before
 * the native backend is used it must reproduce a known envelope byte for byte and open it;
 * otherwise noble is kept.
 *
 * `WAYBILL_SHIELD_AEAD=noble` in the environment forces the portable backend (diagnostics).
 * @module
 * @internal
 */
import type { NodeCryptoLike } from './_aead-node.js';
import { nobleAead } from './_aead-noble.js';
import type { AeadBackend } from './_aead-types.js';

/** The parts of a `process` global the choice looks at. @internal */
export type ProcessLike = { getBuiltinModule?: (id: string) => unknown; env?: Record<string, string | undefined> };

function nodeCrypto(proc: ProcessLike | undefined): NodeCryptoLike | undefined {
  if (typeof proc?.getBuiltinModule !== 'function') return undefined;
  if (proc.env?.WAYBILL_SHIELD_AEAD === 'noble') return undefined;
  try {
    return proc.getBuiltinModule('crypto') as NodeCryptoLike | undefined;
  } catch {
    return undefined;
  }
}

/** True when `candidate` seals and opens a fixed input exactly as noble does. */
function agreesWithNoble(candidate: AeadBackend): boolean {
  try {
    const key = new Uint8Array(32).map((_, i) => i * 7 + 1);
    const nonce = new Uint8Array(24).map((_, i) => 255 - i * 5);
    const aad = new Uint8Array(13).map((_, i) => i);
    const pt = new Uint8Array(77).map((_, i) => (i * 31) & 0xff);
    const want = nobleAead.seal(key, nonce, aad, pt);
    const got = candidate.seal(key, nonce, aad, pt);
    if (got.length !== want.length || got.some((b, i) => b !== want[i])) return false;
    const back = candidate.open(key, nonce, aad, want);
    return back.length === pt.length && back.every((b, i) => b === pt[i]);
  } catch {
    return false;
  }
}

/**
 * The backend for a runtime whose `process` global is `proc` (undefined in browsers).
 * @param proc - the runtime's `process`, or undefined
 * @param createNative - the native backend's constructor (`createNodeAead`), injected by the Node
 *   entries; without it the answer is noble
 * @returns the native backend when it is there and agrees with noble; noble otherwise
 * @internal
 */
export function selectAead(proc: ProcessLike | undefined, createNative?: (nc: NodeCryptoLike) => AeadBackend | undefined): AeadBackend {
  const nc = createNative && nodeCrypto(proc);
  if (!nc) return nobleAead;
  let native: AeadBackend | undefined;
  try {
    native = createNative(nc);
  } catch {
    native = undefined;
  }
  return native && agreesWithNoble(native) ? native : nobleAead;
}

/**
 * The backend every seal and open in this process goes through (a live binding): noble until a
 * Node entry installs the native one.
 * @internal
 */
export let aead: AeadBackend = nobleAead;

/**
 * Replace the backend for this process; for tests and benchmarks that compare backends in one run.
 * Not exported from any public entry.
 * @param backend - the backend to use from now on
 * @returns the backend that was in use
 * @internal
 */
export function useAeadBackend(backend: AeadBackend): AeadBackend {
  const was = aead;
  aead = backend;
  return was;
}
