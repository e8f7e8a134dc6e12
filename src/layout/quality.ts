/**
 * Measures of how readable a layout is, for benchmarks and tests: how many nodes overlap
 * another node, and how evenly long the edges are. No DOM, so it runs in Node too.
 */

import type { LayoutEdgeInput, LayoutPositions } from './force-layout.js';

export interface LayoutQuality {
  /** Share of nodes, from 0 to 1, whose disc overlaps the disc of at least one other node. */
  overlapShare: number;
  /**
   * Coefficient of variation of edge lengths (standard deviation over mean). 0 when all edges
   * have one length or there is no edge. Lower means a more even picture.
   */
  edgeLengthCv: number;
}

/**
 * Returns the overlap share and the edge-length spread of `positions`, treating every node as
 * a disc of `radius` world units. Edges to unknown nodes and self-loops are ignored. Runs in
 * about linear time, by bucketing nodes into a grid of cells one diameter wide.
 */
export function layoutQuality(
  positions: LayoutPositions,
  edges: readonly LayoutEdgeInput[],
  radius: number,
): LayoutQuality {
  return {
    overlapShare: overlapShare(positions, radius),
    edgeLengthCv: edgeLengthCv(positions, edges),
  };
}

function overlapShare(positions: LayoutPositions, radius: number): number {
  const count = positions.ids.length;
  if (count === 0) return 0;
  const coordinates = positions.coordinates;
  const diameter = 2 * radius;
  const cells = new Map<string, number[]>();
  for (let index = 0; index < count; index++) {
    const key = cellKey(coordinates[index * 2]!, coordinates[index * 2 + 1]!, diameter);
    const cell = cells.get(key);
    if (cell) cell.push(index);
    else cells.set(key, [index]);
  }

  let overlapping = 0;
  for (let index = 0; index < count; index++) {
    const x = coordinates[index * 2]!;
    const y = coordinates[index * 2 + 1]!;
    if (hasNeighbourWithin(cells, coordinates, index, x, y, diameter)) overlapping++;
  }
  return overlapping / count;
}

function hasNeighbourWithin(
  cells: Map<string, number[]>,
  coordinates: Float64Array,
  index: number,
  x: number,
  y: number,
  diameter: number,
): boolean {
  const column = Math.floor(x / diameter);
  const row = Math.floor(y / diameter);
  for (let dx = -1; dx <= 1; dx++) {
    for (let dy = -1; dy <= 1; dy++) {
      for (const other of cells.get(`${column + dx},${row + dy}`) ?? []) {
        if (other === index) continue;
        const distance = Math.hypot(coordinates[other * 2]! - x, coordinates[other * 2 + 1]! - y);
        if (distance < diameter) return true;
      }
    }
  }
  return false;
}

function edgeLengthCv(positions: LayoutPositions, edges: readonly LayoutEdgeInput[]): number {
  const index = new Map(positions.ids.map((id, position) => [id, position]));
  const coordinates = positions.coordinates;
  const lengths: number[] = [];
  for (const edge of edges) {
    const source = index.get(edge.source);
    const target = index.get(edge.target);
    if (source === undefined || target === undefined || source === target) continue;
    lengths.push(
      Math.hypot(
        coordinates[source * 2]! - coordinates[target * 2]!,
        coordinates[source * 2 + 1]! - coordinates[target * 2 + 1]!,
      ),
    );
  }
  if (lengths.length === 0) return 0;

  const mean = lengths.reduce((sum, length) => sum + length, 0) / lengths.length;
  if (mean === 0) return 0;
  const variance = lengths.reduce((sum, length) => sum + (length - mean) ** 2, 0) / lengths.length;
  return Math.sqrt(variance) / mean;
}

function cellKey(x: number, y: number, size: number): string {
  return `${Math.floor(x / size)},${Math.floor(y / size)}`;
}
