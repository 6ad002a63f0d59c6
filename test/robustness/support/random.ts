// A small seeded random source, so that every generated hostile file and every fuzz mutation can be
// reproduced from the seed printed by the test that made it.

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  below(n: number): number;
  /** An integer in [min, max]. */
  between(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

/** mulberry32: tiny, fast and good enough to spread test inputs; not for anything secret. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const below = (n: number) => Math.floor(next() * n);
  return {
    next,
    below,
    between: (min, max) => min + below(max - min + 1),
    pick: (items) => items[below(items.length)],
    chance: (probability) => next() < probability,
  };
}

/** The seed a test uses: `CIDR_LENS_SEED` when set (to replay or vary a run), else the test's own. */
export function seedFromEnv(fallback: number): number {
  const given = Number(process.env.CIDR_LENS_SEED);
  return Number.isInteger(given) && given > 0 ? given : fallback;
}
