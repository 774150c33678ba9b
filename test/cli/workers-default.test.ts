/** The default `--workers` follows the machine's usable parallelism. */
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { defaultWorkers, MAX_DEFAULT_WORKERS } from '../../src/cli/_workers.js';

describe('defaultWorkers', () => {
  it('uses one capped worker on one or two cores (the default run stays under 200 MB)', () => {
    expect(defaultWorkers(1)).toBe(1);
    expect(defaultWorkers(2)).toBe(1);
  });
  it('uses one worker per core but one, up to the cap', () => {
    expect(defaultWorkers(3)).toBe(2);
    expect(defaultWorkers(4)).toBe(3);
    expect(defaultWorkers(64)).toBe(MAX_DEFAULT_WORKERS);
  });
  it('reads os.availableParallelism() when not told', () => {
    expect(defaultWorkers()).toBe(defaultWorkers(availableParallelism()));
  });
  it('falls back to one worker on a nonsense core count', () => {
    expect(defaultWorkers(Number.NaN)).toBe(1);
  });
});
