/**
 * Deterministic sources for the force layout: a seeded random number generator and start
 * positions derived from node ids, so the same incident always gives the same picture whatever
 * order its nodes were added in. Runs anywhere: no DOM, no timers.
 */

/** Default seed of the layout's random source. */
export const DEFAULT_LAYOUT_SEED = 0x1f2e3d4c;

/**
 * Returns a linear congruential generator of numbers in [0, 1), with the constants of Numerical
 * Recipes (a = 1664525, c = 1013904223, m = 2^32). Fast and reproducible, which is all a force
 * layout needs from randomness: breaking ties between coincident nodes.
 */
export function createLcg(seed: number = DEFAULT_LAYOUT_SEED): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(1664525, state) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

/** Hashes a string to an unsigned 32-bit integer (FNV-1a over UTF-16 code units). */
export function hashString(text: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return mix32(hash);
}

/**
 * Returns the start position of a node: a point of the disc of `radius` around the origin,
 * chosen by a hash of the node id alone, so adding or removing other nodes never moves it.
 * The square root spreads points evenly over the disc's area.
 */
export function hashedPosition(id: string, radius: number): { x: number; y: number } {
  const angle = (hashString(id) / 4294967296) * 2 * Math.PI;
  const distance = Math.sqrt(hashString(id, 0x9e3779b9) / 4294967296) * radius;
  return { x: distance * Math.cos(angle), y: distance * Math.sin(angle) };
}

/** Finalizer of MurmurHash3: spreads the bits of a 32-bit hash so nearby inputs diverge. */
function mix32(value: number): number {
  let hash = value >>> 0;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}
