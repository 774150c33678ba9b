/**
 * Types for `cluster-key-slot` (the Redis Cluster hash slot of a key, honouring `{hash tags}`),
 * which ships none. `RedisLedger` uses it to know which Cluster master a write goes to.
 * @module
 * @internal
 */
declare module 'cluster-key-slot' {
  /**
   * @param key - a Redis key
   * @returns its Cluster hash slot, 0 to 16383
   */
  export default function calculateSlot(key: string | Uint8Array): number;
}
