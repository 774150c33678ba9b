/** The default `--workers` follows the machine's usable parallelism. */
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { defaultWorkers, MAX_DEFAULT_WORKERS } from '../../src/cli/_workers.js';

describe('defaultWorkers', () => {
  it('protects on the main thread on one or two cores', () => {
    expect(defaultWorkers(1)).toBe(0);
    expect(defaultWorkers(2)).toBe(0);
  });
  it('uses one worker per core but one, up to the cap', () => {
    expect(defaultWorkers(3)).toBe(2);
    expect(defaultWorkers(4)).toBe(3);
    expect(defaultWorkers(64)).toBe(MAX_DEFAULT_WORKERS);
  });
  it('reads os.availableParallelism() when not told', () => {
    expect(defaultWorkers()).toBe(defaultWorkers(availableParallelism()));
  });
  it('falls back to the main thread on a nonsense core count', () => {
    expect(defaultWorkers(Number.NaN)).toBe(0);
  });
});
