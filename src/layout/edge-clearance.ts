/**
 * Moves nodes off edges that pass through them. A straight edge drawn across a node it does not
 * belong to reads as a link to that node, a false one. Once the simulation settles, each free
 * node closer to another pair's edge than its radius plus a clearance is pushed straight away
 * from the edge. The layout runs a few such passes (see `ForceLayout`). Each costs edges ×
 * nodes, so larger graphs are left as the simulation put them.
 *
 * The pass order is the order of the edges and nodes, and the one random draw (for a node
 * exactly on an edge) comes from the layout's seeded generator, so a run is deterministic.
 */

import type { SimulationLinkDatum, SimulationNodeDatum } from 'd3-force';
import { hashCell, sortIntoBuckets } from './cell-hash.js';

export interface ClearanceNode extends SimulationNodeDatum {
  radius: number;
}

/** Largest graph, in nodes, whose edges are cleared. */
export const EDGE_CLEARANCE_MAX_NODES = 1000;

/**
 * Pushes every free node of `nodes` at least `clearance` world units beyond its radius away
 * from each edge of `links` that does not end at it, in one pass over every edge. Held nodes
 * (with `fx`) stay put. A node beyond either end of an edge is left to the overlap separation.
 * Returns the number of nodes moved, 0 when every edge is clear.
 */
export function clearEdges<N extends ClearanceNode>(
  nodes: readonly N[],
  links: ReadonlyArray<SimulationLinkDatum<N>>,
  clearance: number,
  random: () => number,
): number {
  if (nodes.length > EDGE_CLEARANCE_MAX_NODES) return 0;
  let moved = 0;

  for (const link of links) {
    const source = link.source as N;
    const target = link.target as N;
    if (source === target) continue;
    for (const node of nodes) {
      if (node === source || node === target || node.fx != null) continue;
      if (pushOffEdge(node, source, target, node.radius + clearance, random)) moved++;
    }
  }
  return moved;
}

/**
 * The place of a node beside an edge, as `nearEdge` finds it: the offset from the nearest point
 * of the edge to the node, its length, and that point's place along the edge from 0 to 1.
 */
const near = { awayX: 0, awayY: 0, distance: 0, along: 0 };

/**
 * Returns true when `node` is closer than `reach` to the segment between `from` and `to`, at a
 * point strictly between its ends, and leaves the details in `near`.
 */
function nearEdge(node: ClearanceNode, from: ClearanceNode, to: ClearanceNode, reach: number): boolean {
  const x = node.x!;
  const y = node.y!;
  const fromX = from.x!;
  const fromY = from.y!;
  const dx = to.x! - fromX;
  const dy = to.y! - fromY;

  // A cheap rejection first: the node's reach must overlap the edge's bounding box.
  if (x + reach < Math.min(fromX, fromX + dx) || x - reach > Math.max(fromX, fromX + dx)) return false;
  if (y + reach < Math.min(fromY, fromY + dy) || y - reach > Math.max(fromY, fromY + dy)) return false;

  const lengthSquared = dx * dx + dy * dy;
  if (lengthSquared === 0) return false;
  const along = ((x - fromX) * dx + (y - fromY) * dy) / lengthSquared;
  if (along <= 0 || along >= 1) return false;

  near.awayX = x - (fromX + along * dx);
  near.awayY = y - (fromY + along * dy);
  near.distance = Math.hypot(near.awayX, near.awayY);
  near.along = along;
  return near.distance < reach;
}

/** Pushes `node` to `reach` units from the segment between `from` and `to`. Returns true when it moved. */
function pushOffEdge(node: ClearanceNode, from: ClearanceNode, to: ClearanceNode, reach: number, random: () => number): boolean {
  if (!nearEdge(node, from, to, reach)) return false;
  const { awayX, awayY, distance } = near;

  if (distance === 0) {
    // Exactly on the edge: either side of it, at random.
    const side = random() < 0.5 ? -1 : 1;
    const dx = to.x! - from.x!;
    const dy = to.y! - from.y!;
    const length = Math.hypot(dx, dy);
    node.x = node.x! + (-dy / length) * side * reach;
    node.y = node.y! + (dx / length) * side * reach;
    return true;
  }

  const push = (reach - distance) / distance;
  node.x = node.x! + awayX * push;
  node.y = node.y! + awayY * push;
  return true;
}

/**
 * Largest graph, in nodes, whose simulation pushes nodes off edges as it runs (see
 * `forceEdgeClearance`). In Node, the force took a 110-node layout from about 11 to 20 ms, and
 * would take a 200-node one from about 21 to 60 ms, in the one task of a small graph's layout.
 */
export const EDGE_FORCE_MAX_NODES = 120;

/**
 * Returns a d3 force that pushes each free node off the edges of `links` that do not end at it,
 * and the edge's ends the other way, while the simulation cools below `fromAlpha`. Where the pass
 * after the run (`clearEdges`) moves one node at a time and can only shift it onto another
 * edge, the force lets the whole neighbourhood make room. Each tick costs edges × nodes, so it
 * acts only in graphs of up to `EDGE_FORCE_MAX_NODES` nodes.
 */
export function forceEdgeClearance<N extends ClearanceNode>(
  links: ReadonlyArray<SimulationLinkDatum<N>>,
  clearance: number,
  fromAlpha: number,
): { (alpha: number): void; initialize(nodes: N[]): void } {
  let nodes: N[] = [];
  // Each tick reads the positions into typed arrays once, so the test of a node against an
  // edge's bounding box, which rejects nearly every pair, reads no node object.
  let xs = new Float64Array(0);
  let ys = new Float64Array(0);
  let ends: Int32Array | undefined;
  let widestReach = 0;
  // The edge for which each node was last tested, so a bucket two cells share counts once.
  let visited = new Uint32Array(0);
  let visit = 0;

  const force = (alpha: number): void => {
    if (alpha > fromAlpha || nodes.length > EDGE_FORCE_MAX_NODES) return;
    // The link force has replaced the links' ids by nodes once the simulation ticks.
    ends ??= endIndexes(nodes, links);
    for (let index = 0; index < nodes.length; index++) {
      xs[index] = nodes[index]!.x!;
      ys[index] = nodes[index]!.y!;
    }

    // Nodes are bucketed by cell once a tick, so each edge tests the nodes of the cells its
    // bounding box covers rather than every node.
    const cell = CELL_REACHES * widestReach;
    const buckets = sortIntoBuckets(nodes.length, (index) => hashCell(Math.floor(xs[index]! / cell), Math.floor(ys[index]! / cell)));
    const { mask, start, order } = buckets;
    for (let link = 0; link < ends.length; link += 2) {
      const source = ends[link]!;
      const target = ends[link + 1]!;
      if (source === target || source < 0 || target < 0) continue;
      const left = Math.min(xs[source]!, xs[target]!) - widestReach;
      const right = Math.max(xs[source]!, xs[target]!) + widestReach;
      const top = Math.min(ys[source]!, ys[target]!) - widestReach;
      const bottom = Math.max(ys[source]!, ys[target]!) + widestReach;
      visit += 1;
      for (let column = Math.floor(left / cell); column <= Math.floor(right / cell); column++) {
        for (let row = Math.floor(top / cell); row <= Math.floor(bottom / cell); row++) {
          const bucket = hashCell(column, row) & mask;
          for (let slot = start[bucket]!; slot < start[bucket + 1]!; slot++) {
            const index = order[slot]!;
            if (visited[index] === visit) continue;
            visited[index] = visit;
            const x = xs[index]!;
            const y = ys[index]!;
            if (x < left || x > right || y < top || y > bottom || index === source || index === target) continue;
            const node = nodes[index]!;
            nudgeOffEdge(node, nodes[source]!, nodes[target]!, node.radius + clearance, alpha);
          }
        }
      }
    }
  };
  force.initialize = (initial: N[]): void => {
    nodes = initial;
    xs = new Float64Array(nodes.length);
    ys = new Float64Array(nodes.length);
    visited = new Uint32Array(nodes.length);
    ends = undefined;
    widestReach = nodes.reduce((widest, node) => Math.max(widest, node.radius), 0) + clearance;
  };
  return force;
}

/** Returns the indexes in `nodes` of each link's source and target, or -1 for an end not among them. */
function endIndexes<N extends ClearanceNode>(nodes: readonly N[], links: ReadonlyArray<SimulationLinkDatum<N>>): Int32Array {
  const indexOf = new Map<N, number>(nodes.map((node, index) => [node, index]));
  const ends = new Int32Array(links.length * 2);
  links.forEach((link, index) => {
    ends[index * 2] = indexOf.get(link.source as N) ?? -1;
    ends[index * 2 + 1] = indexOf.get(link.target as N) ?? -1;
  });
  return ends;
}

/** Side of the cells that `forceEdgeClearance` buckets nodes in, in widest reaches. */
const CELL_REACHES = 2;

/** Strength of `forceEdgeClearance`: the share of the missing clearance made up per tick at alpha 1. */
const EDGE_FORCE_STRENGTH = 8;

/** Adds to the velocities of `node` and the edge's ends when the node is closer than `reach` to the edge. */
function nudgeOffEdge(node: ClearanceNode, from: ClearanceNode, to: ClearanceNode, reach: number, alpha: number): void {
  if (!nearEdge(node, from, to, reach) || near.distance === 0) return;
  const { awayX, awayY, distance, along } = near;

  const push = ((reach - distance) / distance) * EDGE_FORCE_STRENGTH * alpha;
  if (node.fx == null) {
    node.vx! += awayX * push;
    node.vy! += awayY * push;
  }
  // The edge moves the other way, each end by its share of the nearer part.
  if (from.fx == null) {
    from.vx! -= awayX * push * (1 - along) * 0.5;
    from.vy! -= awayY * push * (1 - along) * 0.5;
  }
  if (to.fx == null) {
    to.vx! -= awayX * push * along * 0.5;
    to.vy! -= awayY * push * along * 0.5;
  }
}
