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

/** Largest graph, in nodes, whose simulation pushes nodes off edges as it runs (see `forceEdgeClearance`). */
export const EDGE_FORCE_MAX_NODES = 200;

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
  const force = (alpha: number): void => {
    if (alpha > fromAlpha || nodes.length > EDGE_FORCE_MAX_NODES) return;
    for (const link of links) {
      const source = link.source as N;
      const target = link.target as N;
      if (source === target) continue;
      for (const node of nodes) {
        if (node === source || node === target) continue;
        nudgeOffEdge(node, source, target, node.radius + clearance, alpha);
      }
    }
  };
  force.initialize = (initial: N[]): void => {
    nodes = initial;
  };
  return force;
}

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
