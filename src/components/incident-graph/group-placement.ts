/**
 * Placement of collapsed group nodes. A group node starts at the centroid of its members, but
 * members that surround their alert put that centroid on the alert. So a group node that would
 * overlap another node, lie on or beside an edge between two other nodes, or sit so near its
 * alert that the edge between them hardly shows, moves
 * to the nearest clear place within `MAX_SHIFT`, first outward from its alert along the
 * members' mean offset from it. Every node with a position counts, whether
 * or not it exists at the time cursor or passes the filters, and so does every collapsed group
 * placed before, so the time cursor and the filters never move a group node. DOM-free.
 */

import { hashCell, sortIntoBuckets, type CellBuckets } from '../../layout/cell-hash.js';
import { ALERT_RADIUS, ENTITY_RADIUS } from '../../layout/graph-layout.js';
import type { Point } from './geometry.js';
import type { NodeView } from './display-model.js';
import { EdgeObstacles, type Region } from './edge-obstacles.js';
import type { EdgeTable } from './edge-table.js';
import { runToEnd, SLICE_ITEMS, type Steps } from './slices.js';

/** Radius of a group node, in world units, larger than an entity's so it reads as several. */
export const GROUP_RADIUS = ENTITY_RADIUS * 1.25;

/** The fields of a collapsed group that placement reads. */
export interface PlacedGroup {
  id: string;
  /** Graph key of the alert the members hang off. */
  alertKey: string;
  memberIds: readonly string[];
  /** Each member's place in the graph's order, when known (see `GroupDefinition.memberIndexes`). */
  memberIndexes?: readonly number[];
}

/**
 * Distance from a node's centre to the outside of its verdict ring, beyond its radius, in world
 * units: the ring's gap (3.5) and half its widest stroke (3.5 / 2).
 */
const RING_REACH = 5.25;
/** Half the diagonal of an alert's square, whose side is 1.7 radii, over its radius. */
const ALERT_CORNER_REACH = 1.7 / Math.SQRT2;
/**
 * Reach of a group node, in world units, which its stack rim sets: an arc 3 units outside its
 * ring, centred 3 units down and left, 1.5 wide. The count badge at its top right reaches about
 * 2 units further, and may touch a neighbour's ring there.
 */
const GROUP_REACH = GROUP_RADIUS + 3.5 + 3 + 3 * Math.SQRT2 + 0.75;
/** Clear space between a group node and any other node, in world units. */
const GROUP_GAP = 2;
/**
 * Clear space between a group node and an edge none of its members has, in world units. Nearer,
 * the group node reads as linked to that edge's ends.
 */
const EDGE_GAP = 6;
/**
 * Length of the edge from a group node's alert to it that stays in sight between the two, in
 * world units: room for the arrowhead (7 units) and as much line again.
 */
const ALERT_EDGE_SPAN = 16;
/** Distance from an alert's centre that a group node of that alert keeps its own centre at, at least. */
const ALERT_DISTANCE = ALERT_RADIUS * ALERT_CORNER_REACH + GROUP_REACH + ALERT_EDGE_SPAN;
/** Distance between the places tried around a blocked centroid, in world units. */
const STEP = GROUP_RADIUS / 2;
/**
 * Farthest a group node moves from its members' centroid, in world units, so it stays next to
 * the alert it belongs to.
 */
const MAX_SHIFT = 8 * STEP;
/**
 * Above this many nodes, group nodes stay at their centroids. At 50,000 entities building the
 * grid of obstacles and searching only outward from each alert cost the first frame about 20 ms
 * more, and left most group nodes overlapping. At 10,000 entities the search all round places
 * every one of the generated incident's 73 group nodes clear, at no cost the bench could tell
 * from its noise.
 */
const PLACEMENT_MAX_NODES = 20_000;
/**
 * Above this many nodes, group nodes keep clear of other nodes only, not of edges. In the graph
 * bench at 10,000 entities, finding the edges near the 73 group nodes cost the first frame
 * about 20 ms, since the group nodes spread over the whole picture and long edges cross it.
 */
const EDGE_OBSTACLES_MAX_NODES = 5_000;

/** Returns the distance from a node's centre to the outside of what is drawn for it. */
function reachOf(node: { alert: boolean; radius: number }): number {
  return node.alert ? node.radius * ALERT_CORNER_REACH : node.radius + RING_REACH;
}

/**
 * Returns the position of each collapsed group node, by group id. `nodes` are every node view
 * with a position, visible or not, and `positionOf` gives the position of any graph node. The
 * members of `groups` are left out of the obstacles, since collapsed they are not drawn. Groups
 * are placed in the order given, each clear of the ones before. A group none of whose members
 * has a position gets no entry. With `edges`, the edges among `nodes`, a group node keeps
 * `EDGE_GAP` from each edge that joins two nodes outside every group, in a graph of up to
 * `EDGE_OBSTACLES_MAX_NODES` nodes. With `centroids`, every
 * group node takes its centroid, which is much cheaper, for the frames of a layout that is
 * still moving the nodes. In a graph of more than `PLACEMENT_MAX_NODES` nodes every group node
 * takes its centroid too. With `graphOrder`, the base's node views in the graph's order, a
 * centroid is found through the members' places there (see `centroidInOrder`).
 */
export function placeGroupNodes(
  groups: readonly PlacedGroup[],
  nodes: readonly NodeView[],
  positionOf: (id: string) => Point | undefined,
  options: { centroids?: boolean; edges?: EdgeTable; graphOrder?: readonly NodeView[] } = {},
): Map<string, Point> {
  return runToEnd(placeGroupNodesSteps(groups, nodes, positionOf, options));
}

/**
 * Groups placed between two yields of `placeGroupNodesSteps`. At 10,000 entities, placing the
 * 73 groups in one step took 17 to 37 ms in the graph bench.
 */
const PLACEMENT_SLICE_GROUPS = 8;

/** Returns the positions of the group nodes like `placeGroupNodes`, in slices. */
export function* placeGroupNodesSteps(
  groups: readonly PlacedGroup[],
  nodes: readonly NodeView[],
  positionOf: (id: string) => Point | undefined,
  options: { centroids?: boolean; edges?: EdgeTable; graphOrder?: readonly NodeView[] } = {},
): Steps<Map<string, Point>> {
  const placements = new Map<string, Point>();
  if (groups.length === 0) return placements;
  if (options.centroids || nodes.length > PLACEMENT_MAX_NODES) {
    const { graphOrder } = options;
    for (const group of groups) {
      const centre = (graphOrder && centroidInOrder(group, graphOrder)) ?? centroid(group.memberIds, positionOf);
      if (centre) placements.set(group.id, centre);
    }
    return placements;
  }

  const members = new Set<string>();
  for (const group of groups) for (const id of group.memberIds) members.add(id);
  const obstacles = yield* ObstacleGrid.buildSteps(nodes, (node) => !members.has(node.id));
  const centres = groups.map((group) => centroid(group.memberIds, positionOf));
  yield;
  const edgeObstacles =
    options.edges && nodes.length <= EDGE_OBSTACLES_MAX_NODES ? edgesOutsideGroups(options.edges, groups, members, centres) : undefined;

  for (let index = 0; index < groups.length; index++) {
    if (index % PLACEMENT_SLICE_GROUPS === PLACEMENT_SLICE_GROUPS - 1) yield;
    const group = groups[index]!;
    const centre = centres[index];
    if (!centre) continue;
    const alert = positionOf(group.alertKey);
    const clearance = (point: Point): number => {
      let clear = obstacles.clearance(point);
      if (alert) clear = Math.min(clear, Math.hypot(point.x - alert.x, point.y - alert.y) - ALERT_DISTANCE);
      // Edges are measured only at points clear of nodes, which in a dense graph are few.
      if (clear < 0 || !edgeObstacles) return clear;
      return Math.min(clear, edgeObstacles.distance(point) - GROUP_REACH - EDGE_GAP);
    };
    const placed = clearance(centre) >= 0 ? centre : nearestClear(group, centre, clearance, positionOf);
    placements.set(group.id, placed);
    obstacles.add(placed, GROUP_REACH);
  }
  return placements;
}

/**
 * Returns the clear point nearest the centroid, on rings around it `STEP` apart and at most
 * `MAX_SHIFT` away. A point is clear where `clearanceAt` is 0 or more: clear of other nodes, and
 * far enough from the group's alert for the edge between them to show. Each ring tries first
 * the point on the ray from the group's alert through the centroid, then points ever further
 * round on either side. With the centroid on the alert, the ray runs towards the first member
 * placed apart from the alert, or straight down when there is none.
 */
function nearestClear(
  group: PlacedGroup,
  centre: Point,
  clearanceAt: (point: Point) => number,
  positionOf: (id: string) => Point | undefined,
): Point {
  const alert = positionOf(group.alertKey) ?? centre;
  let dx = centre.x - alert.x;
  let dy = centre.y - alert.y;
  if (Math.hypot(dx, dy) < 1e-6) {
    const apart = group.memberIds.map(positionOf).find((point) => point && Math.hypot(point.x - alert.x, point.y - alert.y) >= 1e-6);
    dx = apart ? apart.x - alert.x : 0;
    dy = apart ? apart.y - alert.y : 1;
  }
  const outward = Math.atan2(dy, dx);

  let best = centre;
  let bestClearance = clearanceAt(centre);
  for (let distance = STEP; distance <= MAX_SHIFT; distance += STEP) {
    const count = Math.max(6, Math.ceil((2 * Math.PI * distance) / STEP));
    for (let index = 0; index < count; index++) {
      // 0, +1, -1, +2, -2, ... steps round from the outward direction.
      const turn = index % 2 === 1 ? (index + 1) / 2 : -index / 2;
      const angle = outward + (turn * 2 * Math.PI) / count;
      const point = { x: centre.x + distance * Math.cos(angle), y: centre.y + distance * Math.sin(angle) };
      const clearance = clearanceAt(point);
      if (clearance >= 0) return point;
      if (clearance > bestClearance) {
        best = point;
        bestClearance = clearance;
      }
    }
  }
  // NOTE: In a graph packed tighter than a group node's size, no place that near may be clear.
  // The group node then takes the place that overlaps least, rather than moving away from its
  // alert.
  return best;
}

/**
 * Returns the edges of a table that join two nodes outside every group, as obstacles near the
 * group nodes' `centres`. The edges of members end at their group node once collapsed, so they
 * are the group node's own.
 */
function edgesOutsideGroups(edges: EdgeTable, groups: readonly PlacedGroup[], members: ReadonlySet<string>, centres: ReadonlyArray<Point | undefined>): EdgeObstacles {
  const { nodes } = edges.data;
  const outside = new Uint8Array(nodes.length).fill(1);
  // A member's place in the graph order finds its node without a lookup by id, and any member
  // not found there sends every node through the lookup.
  let allFound = true;
  for (const group of groups) {
    const { memberIds, memberIndexes } = group;
    for (let member = 0; member < memberIds.length && allFound; member++) {
      const index = memberIndexes?.[member];
      if (index !== undefined && nodes[index]?.id === memberIds[member]) outside[index] = 0;
      else allFound = false;
    }
  }
  if (!allFound) {
    for (let index = 0; index < nodes.length; index++) if (members.has(nodes[index]!.id)) outside[index] = 0;
  }

  // Every place tried for a group node lies within `MAX_SHIFT` of its centroid, and a
  // clearance test reads the cells around it.
  const reach = MAX_SHIFT + 2 * CELL;
  const regions: Region[] = [];
  for (const centre of centres) {
    if (centre) regions.push({ left: centre.x - reach, top: centre.y - reach, right: centre.x + reach, bottom: centre.y + reach });
  }
  return new EdgeObstacles(edges, outside, CELL, regions);
}

/** Returns the mean position of the nodes `ids` that have a finite one, or undefined when none has. */
export function centroid(ids: readonly string[], positionOf: (id: string) => Point | undefined): Point | undefined {
  let x = 0;
  let y = 0;
  let count = 0;
  for (const id of ids) {
    const point = positionOf(id);
    if (!point || !Number.isFinite(point.x) || !Number.isFinite(point.y)) continue;
    x += point.x;
    y += point.y;
    count += 1;
  }
  return count === 0 ? undefined : { x: x / count, y: y / count };
}

/**
 * Returns the centroid of a group's members, found through their places in the graph's order
 * among the base's node views `graphOrder`, or undefined when a member is not at its place
 * there. It spares the frames of a running layout a lookup by id per member.
 */
function centroidInOrder(group: PlacedGroup, graphOrder: readonly NodeView[]): Point | undefined {
  const { memberIds, memberIndexes } = group;
  if (!memberIndexes || memberIndexes.length === 0) return undefined;
  let x = 0;
  let y = 0;
  for (let member = 0; member < memberIndexes.length; member++) {
    const node = graphOrder[memberIndexes[member]!];
    if (node?.id !== memberIds[member]) return undefined;
    x += node.x;
    y += node.y;
  }
  return { x: x / memberIndexes.length, y: y / memberIndexes.length };
}

/** Largest reach of any node: an alert's corner or a group node's stack rim. */
const MAX_REACH = Math.max(GROUP_REACH, ALERT_RADIUS * ALERT_CORNER_REACH, ENTITY_RADIUS + RING_REACH);
/**
 * Side of a grid cell, in world units. A group node overlaps only obstacles closer than its
 * reach, the gap and the largest reach, so the cells around its own hold every one of them.
 */
const CELL = GROUP_REACH + GROUP_GAP + MAX_REACH;

/**
 * Writes the position and reach of each node from `from` to `to` (not included) that has a
 * finite position and that `keep` lets through into `into` from `count` on. Returns the count
 * after them.
 */
function collectObstacles(
  nodes: readonly NodeView[],
  from: number,
  to: number,
  keep: (node: NodeView) => boolean,
  into: { xs: Float64Array; ys: Float64Array; reaches: Float64Array },
  count: number,
): number {
  for (let index = from; index < to; index++) {
    const node = nodes[index]!;
    if (!Number.isFinite(node.x) || !Number.isFinite(node.y) || !keep(node)) continue;
    into.xs[count] = node.x;
    into.ys[count] = node.y;
    into.reaches[count++] = reachOf(node);
  }
  return count;
}

/**
 * Obstacle circles in a uniform grid of `CELL`-sized cells, so a test for overlap looks at the
 * nine cells around a point instead of every node. The nodes are bucketed once by a hash of
 * their cell, with a counting sort into typed arrays, because a graph of 10,000 nodes is
 * bucketed again after every drag. The few group nodes placed later go into a map of their own.
 */
class ObstacleGrid {
  private readonly xs: Float64Array;
  private readonly ys: Float64Array;
  private readonly reaches: Float64Array;
  private readonly buckets: CellBuckets;
  private readonly added = new Map<number, Array<{ x: number; y: number; reach: number }>>();

  /** Buckets the nodes with a finite position that `keep` lets through, yielding between slices. */
  static *buildSteps(nodes: readonly NodeView[], keep: (node: NodeView) => boolean): Steps<ObstacleGrid> {
    const xs = new Float64Array(nodes.length);
    const ys = new Float64Array(nodes.length);
    const reaches = new Float64Array(nodes.length);
    let count = 0;
    for (let from = 0; from < nodes.length; from += SLICE_ITEMS) {
      count = collectObstacles(nodes, from, Math.min(nodes.length, from + SLICE_ITEMS), keep, { xs, ys, reaches }, count);
      yield;
    }
    return new ObstacleGrid(xs.subarray(0, count), ys.subarray(0, count), reaches.subarray(0, count));
  }

  private constructor(xs: Float64Array, ys: Float64Array, reaches: Float64Array) {
    this.xs = xs;
    this.ys = ys;
    this.reaches = reaches;
    this.buckets = sortIntoBuckets(xs.length, (index) => cellOf(xs[index]!, ys[index]!));
  }

  /** Adds a placed group node. */
  add(point: Point, reach: number): void {
    const key = cellOf(point.x, point.y);
    const cell = this.added.get(key);
    const entry = { x: point.x, y: point.y, reach };
    if (cell) cell.push(entry);
    else this.added.set(key, [entry]);
  }

  /**
   * Returns the space between a group node at `point` and the nearest obstacle, less
   * `GROUP_GAP`, in world units: 0 or more when it is clear, negative by how much it overlaps.
   * Space beyond one cell counts as one cell.
   */
  clearance(point: Point): number {
    const column = Math.floor(point.x / CELL);
    const row = Math.floor(point.y / CELL);
    const { mask, start, order } = this.buckets;
    let least = CELL;
    for (let x = column - 1; x <= column + 1; x++) {
      for (let y = row - 1; y <= row + 1; y++) {
        const key = hashCell(x, y);
        const hash = key & mask;
        for (let slot = start[hash]!; slot < start[hash + 1]!; slot++) {
          const index = order[slot]!;
          least = Math.min(least, gapTo(point, this.xs[index]!, this.ys[index]!, this.reaches[index]!));
        }
        for (const obstacle of this.added.get(key) ?? []) least = Math.min(least, gapTo(point, obstacle.x, obstacle.y, obstacle.reach));
      }
    }
    return least;
  }

}

/** Returns the space between a group node at `point` and one obstacle, less `GROUP_GAP`. */
function gapTo(point: Point, x: number, y: number, reach: number): number {
  // Math.hypot is several times slower than the square root, and no value here overflows.
  const dx = x - point.x;
  const dy = y - point.y;
  return Math.sqrt(dx * dx + dy * dy) - reach - GROUP_REACH - GROUP_GAP;
}

/** Returns the hash of the grid cell of a world point. */
function cellOf(x: number, y: number): number {
  return hashCell(Math.floor(x / CELL), Math.floor(y / CELL));
}
