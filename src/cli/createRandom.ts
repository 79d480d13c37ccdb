/**
 * A small seeded pseudo-random generator (mulberry32): the same seed always gives the same
 * sequence, so training runs are reproducible. Uniform in [0, 1), 2^32 period; not for secrets.
 *
 * The seed is taken as a 32-bit unsigned integer (`seed >>> 0`).
 *
 * @example
 * const random = createRandom(42);
 * random(); // 0.6011037519201636, on every machine
 */
export function createRandom(seed: number): () => number {
  if (!Number.isFinite(seed)) throw new Error(`seed must be a finite number, got ${seed}`);
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
