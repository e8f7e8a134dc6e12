/**
 * A many-body (repulsion) force for d3-force on a flat quadtree: the same Barnes-Hut
 * approximation as d3's `forceManyBody`, with cells held in typed arrays rebuilt in place each
 * tick, so a tick allocates almost nothing. Cells that lie wholly beyond `distanceMax` are
 * skipped without descending into them, which bounds the far-field work of large graphs.
 *
 * Cells are built and visited in a fixed order, so a run is deterministic.
 */

import type { SimulationNodeDatum } from 'd3-force';

export interface ManyBodyNode extends SimulationNodeDatum {
  alert: boolean;
}

export interface FlatManyBodyOptions<N> {
  /** Charge of a node. A negative charge repels. */
  strength: (node: N) => number;
  /** Barnes-Hut accuracy: a cell of width w at distance l acts as one body when w / l < theta. */
  theta: number;
  /** Nodes farther apart than this do not act on each other. */
  distanceMax: number;
}

/** A d3-force force function with the `initialize` hook the simulation calls. */
export interface FlatManyBodyForce<N extends ManyBodyNode> {
  (alpha: number): void;
  initialize(nodes: N[], random: () => number): void;
}

/** A cell with at most this many nodes is a leaf, whose nodes act one by one. */
const LEAF_SIZE = 6;
/** Deeper cells are leaves whatever they hold, so coincident nodes end the split. */
const MAX_DEPTH = 40;

export function flatManyBody<N extends ManyBodyNode>(options: FlatManyBodyOptions<N>): FlatManyBodyForce<N> {
  const theta2 = options.theta * options.theta;
  const distanceMax2 = options.distanceMax * options.distanceMax;
  let nodes: N[] = [];
  let random: () => number = Math.random;
  let charges = new Float64Array(0);
  let xs = new Float64Array(0);
  let ys = new Float64Array(0);
  let order = new Int32Array(0);
  let scratch = new Int32Array(0);
  let buffer = new Int32Array(0);

  // Cells by index: box corner and width, centre of charge, total charge, first of four
  // children (-1 for a leaf), and the range of `order` the cell holds.
  let capacity = 0;
  let cellX0 = new Float64Array(0);
  let cellY0 = new Float64Array(0);
  let cellWidth = new Float64Array(0);
  let cellX = new Float64Array(0);
  let cellY = new Float64Array(0);
  let cellCharge = new Float64Array(0);
  let cellChild = new Int32Array(0);
  let cellStart = new Int32Array(0);
  let cellEnd = new Int32Array(0);
  let cellCount = 0;
  let stack = new Int32Array(0);

  function grow(needed: number): void {
    if (needed <= capacity) return;
    const next = Math.max(needed, capacity * 2, 64);
    const widen = <T extends Float64Array | Int32Array>(array: T, make: (size: number) => T): T => {
      const copy = make(next);
      copy.set(array);
      return copy;
    };
    cellX0 = widen(cellX0, (size) => new Float64Array(size));
    cellY0 = widen(cellY0, (size) => new Float64Array(size));
    cellWidth = widen(cellWidth, (size) => new Float64Array(size));
    cellX = widen(cellX, (size) => new Float64Array(size));
    cellY = widen(cellY, (size) => new Float64Array(size));
    cellCharge = widen(cellCharge, (size) => new Float64Array(size));
    cellChild = widen(cellChild, (size) => new Int32Array(size));
    cellStart = widen(cellStart, (size) => new Int32Array(size));
    cellEnd = widen(cellEnd, (size) => new Int32Array(size));
    capacity = next;
  }

  /** Fills cell `cell` with `order[start, end)`, split into quadrants until leaves are small. */
  function build(cell: number, start: number, end: number, x0: number, y0: number, width: number, depth: number): void {
    cellX0[cell] = x0;
    cellY0[cell] = y0;
    cellWidth[cell] = width;
    cellStart[cell] = start;
    cellEnd[cell] = end;

    if (end - start <= LEAF_SIZE || depth >= MAX_DEPTH) {
      cellChild[cell] = -1;
      let charge = 0;
      let x = 0;
      let y = 0;
      for (let item = start; item < end; item++) {
        const index = order[item]!;
        const weight = Math.abs(charges[index]!);
        charge += charges[index]!;
        x += weight * xs[index]!;
        y += weight * ys[index]!;
      }
      setCentre(cell, charge, x, y, start, end);
      return;
    }

    // Counting sort of the range into quadrants 0 (top left), 1 (top right), 2, 3.
    const half = width / 2;
    const midX = x0 + half;
    const midY = y0 + half;
    const counts = [0, 0, 0, 0];
    for (let item = start; item < end; item++) {
      const index = order[item]!;
      const quadrant = (xs[index]! >= midX ? 1 : 0) + (ys[index]! >= midY ? 2 : 0);
      scratch[item] = quadrant;
      counts[quadrant]!++;
    }
    const offsets = [start, start + counts[0]!, start + counts[0]! + counts[1]!, end - counts[3]!];
    const bounds = [...offsets, end];
    buffer.set(order.subarray(start, end), start);
    for (let item = start; item < end; item++) order[offsets[scratch[item]!]!++] = buffer[item]!;

    const first = cellCount;
    cellCount += 4;
    grow(cellCount);
    cellChild[cell] = first;
    let charge = 0;
    let weightSum = 0;
    let x = 0;
    let y = 0;
    for (let quadrant = 0; quadrant < 4; quadrant++) {
      const child = first + quadrant;
      build(
        child,
        bounds[quadrant]!,
        bounds[quadrant + 1]!,
        quadrant & 1 ? midX : x0,
        quadrant & 2 ? midY : y0,
        half,
        depth + 1,
      );
      const childCharge = cellCharge[child]!;
      charge += childCharge;
      weightSum += Math.abs(childCharge);
      x += Math.abs(childCharge) * cellX[child]!;
      y += Math.abs(childCharge) * cellY[child]!;
    }
    cellCharge[cell] = charge;
    cellX[cell] = weightSum > 0 ? x / weightSum : midX;
    cellY[cell] = weightSum > 0 ? y / weightSum : midY;
  }

  function setCentre(cell: number, charge: number, x: number, y: number, start: number, end: number): void {
    let weightSum = 0;
    for (let item = start; item < end; item++) weightSum += Math.abs(charges[order[item]!]!);
    cellCharge[cell] = charge;
    cellX[cell] = weightSum > 0 ? x / weightSum : cellX0[cell]! + cellWidth[cell]! / 2;
    cellY[cell] = weightSum > 0 ? y / weightSum : cellY0[cell]! + cellWidth[cell]! / 2;
  }

  function force(alpha: number): void {
    const count = nodes.length;
    if (count < 2) return;

    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let index = 0; index < count; index++) {
      const node = nodes[index]!;
      const x = node.x!;
      const y = node.y!;
      xs[index] = x;
      ys[index] = y;
      order[index] = index;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    const width = Math.max(maxX - minX, maxY - minY, 1) * (1 + 1e-9);
    cellCount = 1;
    grow(1);
    build(0, 0, count, minX, minY, width, 0);

    for (let index = 0; index < count; index++) applyTo(index, alpha);
  }

  function applyTo(index: number, alpha: number): void {
    const node = nodes[index]!;
    const xi = xs[index]!;
    const yi = ys[index]!;
    let vx = 0;
    let vy = 0;
    let top = 0;
    stack[top++] = 0;

    while (top > 0) {
      const cell = stack[--top]!;
      if (cellCharge[cell] === 0) continue;
      let dx = cellX[cell]! - xi;
      let dy = cellY[cell]! - yi;
      let length = dx * dx + dy * dy;
      const width = cellWidth[cell]!;

      if ((width * width) / theta2 < length) {
        if (length < distanceMax2) {
          if (dx === 0) length += (dx = jiggle()) * dx;
          if (dy === 0) length += (dy = jiggle()) * dy;
          if (length < 1) length = Math.sqrt(length);
          const push = (cellCharge[cell]! * alpha) / length;
          vx += dx * push;
          vy += dy * push;
        }
        continue;
      }

      // Skip a cell whose box lies wholly beyond the reach of the force.
      const x0 = cellX0[cell]!;
      const y0 = cellY0[cell]!;
      const gapX = Math.max(x0 - xi, 0, xi - x0 - width);
      const gapY = Math.max(y0 - yi, 0, yi - y0 - width);
      if (gapX * gapX + gapY * gapY >= distanceMax2) continue;

      const child = cellChild[cell]!;
      if (child >= 0) {
        for (let quadrant = 3; quadrant >= 0; quadrant--) stack[top++] = child + quadrant;
        continue;
      }

      for (let item = cellStart[cell]!; item < cellEnd[cell]!; item++) {
        const other = order[item]!;
        if (other === index) continue;
        let ox = xs[other]! - xi;
        let oy = ys[other]! - yi;
        let distance2 = ox * ox + oy * oy;
        if (distance2 >= distanceMax2) continue;
        if (ox === 0) distance2 += (ox = jiggle()) * ox;
        if (oy === 0) distance2 += (oy = jiggle()) * oy;
        if (distance2 < 1) distance2 = Math.sqrt(distance2);
        const push = (charges[other]! * alpha) / distance2;
        vx += ox * push;
        vy += oy * push;
      }
    }

    node.vx! += vx;
    node.vy! += vy;
  }

  function jiggle(): number {
    return (random() - 0.5) * 1e-6;
  }

  force.initialize = (next: N[], nextRandom: () => number): void => {
    nodes = next;
    random = nextRandom;
    const count = nodes.length;
    charges = Float64Array.from(nodes, (node) => options.strength(node));
    xs = new Float64Array(count);
    ys = new Float64Array(count);
    order = new Int32Array(count);
    scratch = new Int32Array(count);
    buffer = new Int32Array(count);
    stack = new Int32Array(4 * MAX_DEPTH + 8);
    grow(Math.max(64, count));
  };

  return force;
}
