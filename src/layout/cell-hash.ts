/**
 * The hash of a cell of a uniform grid, shared by the layout's collision force and the graph's
 * hit index. Both keep their grid in typed arrays of buckets, a power of two of them, and take
 * a cell's bucket as `hashCell(column, row) & (buckets - 1)`.
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
