/**
 * Edges as obstacles for the placement of group nodes (see group-placement.ts). A group node
 * drawn on or beside an edge it has nothing to do with reads as linked to both of that edge's
 * ends, so placement keeps group nodes a gap away from such edges. DOM-free.
 */

import { hashCell, sortIntoBuckets, type CellBuckets } from '../../layout/cell-hash.js';
import type { EdgeTable } from './edge-table.js';
import type { Point } from './geometry.js';

/** A rectangle of the world, in world units. */
export interface Region {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Side of the coarse grid that finds the regions an edge may cross, in cells of the fine grid. */
const COARSE_CELLS = 8;

/**
 * Straight edges in a hashed grid of square cells, kept only where they cross given regions.
 * Each part of an edge inside a region is sampled every half cell, and sits in the bucket of
 * every cell a sample falls in. An edge that passes within three quarters of a cell of a point
 * in a region then has a sample no more than a cell from the point, in one of the nine cells
 * around the point's cell.
 */
export class EdgeObstacles {
  private readonly cell: number;
  /** x and y of each edge's start, then of its end. */
  private readonly ends: Float64Array;
  /** The edge of each entry of the grid. */
  private readonly entryEdges: Int32Array;
  private readonly buckets: CellBuckets;
  /** The query in which each edge was last measured, so an edge in several cells counts once. */
  private readonly measuredIn: Uint32Array;
  private query = 0;

  /**
   * Takes the rows of `edges` between two nodes of its data that `obstacleEnds` marks with 1
   * (by node index), at the nodes' current positions. Self-loops, edges to the table's extras
   * and edges with an end without a finite position are left out. `cell` is the side of a grid
   * cell in world units. Only the parts of edges inside `regions` are kept, which must contain
   * every point that `distance` is asked about, grown by two cells.
   */
  constructor(edges: EdgeTable, obstacleEnds: Uint8Array, cell: number, regions: readonly Region[]) {
    this.cell = cell;
    // The positions are read once per node, in order, instead of twice per edge.
    const { nodes } = edges.data;
    const positions = new Float64Array(nodes.length * 2);
    for (let index = 0; index < nodes.length; index++) {
      positions[index * 2] = nodes[index]!.x;
      positions[index * 2 + 1] = nodes[index]!.y;
    }

    const finder = new RegionFinder(regions, cell * COARSE_CELLS);
    const ends: number[] = [];
    const entryEdges: number[] = [];
    const entryHashes: number[] = [];
    const step = cell / 2;
    const ranges: number[] = [];
    for (let row = 0; row < edges.length; row++) {
      const source = edges.sources[row]!;
      const target = edges.targets[row]!;
      if (source === target || source < 0 || target < 0 || obstacleEnds[source] !== 1 || obstacleEnds[target] !== 1) continue;
      const x0 = positions[source * 2]!;
      const y0 = positions[source * 2 + 1]!;
      const dx = positions[target * 2]! - x0;
      const dy = positions[target * 2 + 1]! - y0;
      if (!Number.isFinite(x0) || !Number.isFinite(y0) || !Number.isFinite(dx) || !Number.isFinite(dy)) continue;

      const edge = ends.length / 4;
      const length = Math.sqrt(dx * dx + dy * dy);
      const count = finder.crossings(x0, y0, dx, dy, ranges);
      for (let crossing = 0; crossing < count; crossing++) {
        const t0 = ranges[crossing * 2]!;
        const t1 = ranges[crossing * 2 + 1]!;
        const samples = Math.max(1, Math.ceil(((t1 - t0) * length) / step));
        let last = -1;
        for (let sample = 0; sample <= samples; sample++) {
          const t = t0 + ((t1 - t0) * sample) / samples;
          const hash = hashCell(Math.floor((x0 + dx * t) / cell), Math.floor((y0 + dy * t) / cell));
          if (hash === last) continue;
          last = hash;
          entryEdges.push(edge);
          entryHashes.push(hash);
        }
      }
      if (entryEdges[entryEdges.length - 1] === edge) ends.push(x0, y0, x0 + dx, y0 + dy);
    }
    this.ends = Float64Array.from(ends);
    this.entryEdges = Int32Array.from(entryEdges);
    this.buckets = sortIntoBuckets(entryHashes.length, (index) => entryHashes[index]!);
    this.measuredIn = new Uint32Array(ends.length / 4);
  }

  /**
   * Returns the distance from `point` to the nearest edge. Edges further than three quarters of
   * a cell may be missed, and the result is at most one cell.
   */
  distance(point: Point): number {
    this.query += 1;
    const column = Math.floor(point.x / this.cell);
    const row = Math.floor(point.y / this.cell);
    const { mask, start, order } = this.buckets;
    let least = this.cell;
    for (let x = column - 1; x <= column + 1; x++) {
      for (let y = row - 1; y <= row + 1; y++) {
        const bucket = hashCell(x, y) & mask;
        for (let slot = start[bucket]!; slot < start[bucket + 1]!; slot++) {
          const edge = this.entryEdges[order[slot]!]!;
          if (this.measuredIn[edge] === this.query) continue;
          this.measuredIn[edge] = this.query;
          least = Math.min(least, this.distanceTo(point, edge));
        }
      }
    }
    return least;
  }

  /** Returns the distance from `point` to the segment of edge `edge`. */
  private distanceTo(point: Point, edge: number): number {
    const x0 = this.ends[edge * 4]!;
    const y0 = this.ends[edge * 4 + 1]!;
    const dx = this.ends[edge * 4 + 2]! - x0;
    const dy = this.ends[edge * 4 + 3]! - y0;
    const lengthSquared = dx * dx + dy * dy;
    const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((point.x - x0) * dx + (point.y - y0) * dy) / lengthSquared));
    const px = x0 + dx * t - point.x;
    const py = y0 + dy * t - point.y;
    return Math.sqrt(px * px + py * py);
  }
}

/**
 * Finds the regions a segment crosses. Each region is listed in the cells of a coarse grid
 * around it, grown by half a coarse cell, so samples of the segment every half coarse cell
 * meet every region it crosses. Most segments of a large graph cross none.
 */
class RegionFinder {
  private readonly regions: readonly Region[];
  private readonly coarse: number;
  private readonly marks = new Uint8Array(1 << 16);
  private readonly byCell = new Map<number, number[]>();
  /** The segment for which each region was last clipped. */
  private readonly clippedFor: Uint32Array;
  private segment = 0;

  constructor(regions: readonly Region[], coarse: number) {
    this.regions = regions;
    this.coarse = coarse;
    this.clippedFor = new Uint32Array(regions.length);
    const margin = coarse / 2;
    regions.forEach((region, index) => {
      for (let column = Math.floor((region.left - margin) / coarse); column <= Math.floor((region.right + margin) / coarse); column++) {
        for (let row = Math.floor((region.top - margin) / coarse); row <= Math.floor((region.bottom + margin) / coarse); row++) {
          const hash = hashCell(column, row);
          this.marks[hash & 0xffff] = 1;
          const list = this.byCell.get(hash);
          if (list) list.push(index);
          else this.byCell.set(hash, [index]);
        }
      }
    });
  }

  /**
   * Writes into `ranges` the range of `t`, from 0 to 1, of each part of the segment from
   * (x0, y0) along (dx, dy) that lies in a region, as pairs of start and end, and returns the
   * number of pairs.
   */
  crossings(x0: number, y0: number, dx: number, dy: number, ranges: number[]): number {
    let count = 0;
    this.segment += 1;
    const samples = Math.max(1, Math.ceil(Math.sqrt(dx * dx + dy * dy) / (this.coarse / 2)));
    for (let sample = 0; sample <= samples; sample++) {
      const t = sample / samples;
      const hash = hashCell(Math.floor((x0 + dx * t) / this.coarse), Math.floor((y0 + dy * t) / this.coarse));
      if (this.marks[hash & 0xffff] !== 1) continue;
      for (const index of this.byCell.get(hash) ?? []) {
        if (this.clippedFor[index] === this.segment) continue;
        this.clippedFor[index] = this.segment;
        if (!clipToRegion(x0, y0, dx, dy, this.regions[index]!)) continue;
        ranges[count * 2] = clipped[0]!;
        ranges[count * 2 + 1] = clipped[1]!;
        count += 1;
      }
    }
    return count;
  }
}

/** The range of `t` that `clipToRegion` found last. */
const clipped = new Float64Array(2);

/**
 * Finds the range of `t` in which the segment lies inside `region` (Liang and Barsky's
 * clipping), into `clipped`. Returns false when the segment misses the region.
 */
function clipToRegion(x0: number, y0: number, dx: number, dy: number, region: Region): boolean {
  clipped[0] = 0;
  clipped[1] = 1;
  return clipSide(-dx, x0 - region.left) && clipSide(dx, region.right - x0) && clipSide(-dy, y0 - region.top) && clipSide(dy, region.bottom - y0);
}

/** Narrows `clipped` to one side of a region; `p` and `q` as Liang and Barsky name them. */
function clipSide(p: number, q: number): boolean {
  if (p === 0) return q >= 0;
  const t = q / p;
  if (p < 0) clipped[0] = Math.max(clipped[0]!, t);
  else clipped[1] = Math.min(clipped[1]!, t);
  return clipped[0]! <= clipped[1]!;
}
