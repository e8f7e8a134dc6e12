/**
 * Hashed uniform grids, shared by the layout's collision force, the graph's hit index and the
 * placement of group nodes. Each keeps its grid in typed arrays of buckets, a power of two of
 * them, and takes a cell's bucket as `hashCell(column, row) & (buckets - 1)`.
 */

/** Mixes a cell's column and row into one unsigned 32-bit integer. */
export function hashCell(column: number, row: number): number {
  return (Math.imul(column, 0x9e3779b1) ^ Math.imul(row, 0x85ebca77)) >>> 0;
}

/** Returns the number of buckets for `count` items: a power of two, at least twice the count. */
export function bucketCountFor(count: number): number {
  let buckets = 2;
  while (buckets < 2 * count) buckets *= 2;
  return buckets;
}

/**
 * Items sorted into the buckets of a hashed grid. Bucket `b` contains the items
 * `order[start[b]]` to `order[start[b + 1] - 1]`.
 */
export interface CellBuckets {
  /** Number of buckets minus one. */
  mask: number;
  start: Int32Array;
  order: Int32Array;
}

/** Sorts `count` items into buckets by `hashOf(index)`, a `hashCell` value, in two passes. */
export function sortIntoBuckets(count: number, hashOf: (index: number) => number): CellBuckets {
  const buckets = bucketCountFor(count);
  const mask = buckets - 1;
  const bucketOf = new Int32Array(count);
  const start = new Int32Array(buckets + 1);
  for (let index = 0; index < count; index++) {
    const bucket = hashOf(index) & mask;
    bucketOf[index] = bucket;
    start[bucket + 1]!++;
  }
  for (let bucket = 1; bucket <= buckets; bucket++) start[bucket]! += start[bucket - 1]!;

  const next = start.slice(0, buckets);
  const order = new Int32Array(count);
  for (let index = 0; index < count; index++) order[next[bucketOf[index]!]!++] = index;
  return { mask, start, order };
}
