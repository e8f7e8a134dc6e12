/**
 * The hit index of the graph, which finds the node circle under a world point. Its uniform grid
 * has cells as wide as the largest radius, so a circle that contains a point has its centre in
 * the point's cell or one of the eight around it. Each hashed cell has a bucket, and the
 * buckets are sorted into typed arrays in two passes. DOM-free.
 */

import { hashCell, sortIntoBuckets, type CellBuckets } from '../../layout/cell-hash.js';
import type { Circle, Point } from './geometry.js';

export class HitIndex<T extends Circle> {
  private readonly circles: readonly T[];
  private readonly cell: number;
  private readonly buckets: CellBuckets;

  constructor(circles: readonly T[]) {
    this.circles = circles;
    let largest = 0;
    for (const circle of circles) largest = Math.max(largest, circle.radius);
    const cell = largest > 0 ? largest : 1;
    this.cell = cell;
    this.buckets = sortIntoBuckets(circles.length, (index) =>
      hashCell(Math.floor(circles[index]!.x / cell), Math.floor(circles[index]!.y / cell)),
    );
  }

  /**
   * Returns the circle containing the point whose centre is nearest relative to its radius.
   * Of two at the same ratio, the one later in the list wins, as it is drawn on top.
   */
  find(point: Point): T | undefined {
    const column = Math.floor(point.x / this.cell);
    const row = Math.floor(point.y / this.cell);
    if (!Number.isFinite(column) || !Number.isFinite(row)) return undefined;
    const { mask, start, order } = this.buckets;
    let best = -1;
    let bestRatio = Infinity;
    const visited: number[] = [];

    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        // Two cells may hash to one bucket, which is read once.
        const bucket = hashCell(column + dx, row + dy) & mask;
        if (visited.includes(bucket)) continue;
        visited.push(bucket);

        for (let item = start[bucket]!; item < start[bucket + 1]!; item++) {
          const index = order[item]!;
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
}
