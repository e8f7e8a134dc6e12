/**
 * The hit index of the graph, which finds the node circle under a world point. Its uniform grid
 * has cells as wide as the largest radius, so a circle that contains a point has its centre in
 * the point's cell or one of the eight around it. Each hashed cell has a bucket, and the
 * buckets are sorted into typed arrays in two passes. DOM-free.
 */

import { bucketCountFor, hashCell } from '../../layout/cell-hash.js';
import type { Circle, Point } from './geometry.js';

export class HitIndex<T extends Circle> {
  private readonly circles: readonly T[];
  private readonly cell: number;
  private readonly mask: number;
  /** Start of each bucket's circles in `items`. Bucket `b` ends where bucket `b + 1` starts. */
  private readonly start: Int32Array;
  /** Indexes into `circles`, bucket by bucket. */
  private readonly items: Int32Array;

  constructor(circles: readonly T[]) {
    this.circles = circles;
    let largest = 0;
    for (const circle of circles) largest = Math.max(largest, circle.radius);
    this.cell = largest > 0 ? largest : 1;
    const buckets = bucketCountFor(circles.length);
    this.mask = buckets - 1;

    const bucketOf = new Int32Array(circles.length);
    const start = new Int32Array(buckets + 1);
    for (let index = 0; index < circles.length; index++) {
      const circle = circles[index]!;
      const bucket = this.bucketAt(Math.floor(circle.x / this.cell), Math.floor(circle.y / this.cell));
      bucketOf[index] = bucket;
      start[bucket + 1]!++;
    }
    for (let bucket = 1; bucket <= buckets; bucket++) start[bucket]! += start[bucket - 1]!;

    const fill = start.slice(0, buckets);
    const items = new Int32Array(circles.length);
    for (let index = 0; index < circles.length; index++) items[fill[bucketOf[index]!]!++] = index;
    this.start = start;
    this.items = items;
  }

  /**
   * Returns the circle containing the point whose centre is nearest relative to its radius.
   * Of two at the same ratio, the one later in the list wins, as it is drawn on top.
   */
  find(point: Point): T | undefined {
    const column = Math.floor(point.x / this.cell);
    const row = Math.floor(point.y / this.cell);
    if (!Number.isFinite(column) || !Number.isFinite(row)) return undefined;
    let best = -1;
    let bestRatio = Infinity;
    const visited: number[] = [];

    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        // Two cells may hash to one bucket, which is read once.
        const bucket = this.bucketAt(column + dx, row + dy);
        if (visited.includes(bucket)) continue;
        visited.push(bucket);

        for (let item = this.start[bucket]!; item < this.start[bucket + 1]!; item++) {
          const index = this.items[item]!;
          const circle = this.circles[index]!;
          const ratio = Math.hypot(circle.x - point.x, circle.y - point.y) / circle.radius;
          if (ratio > 1 || ratio > bestRatio || (ratio === bestRatio && index < best)) continue;
          bestRatio = ratio;
          best = index;
        }
      }
    }
    return best < 0 ? undefined : this.circles[best];
  }

  private bucketAt(column: number, row: number): number {
    return hashCell(column, row) & this.mask;
  }
}
