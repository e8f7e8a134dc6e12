/**
 * Self-loops of `il-incident-graph`: an edge from a node to itself, such as a process that
 * injects into itself, drawn as a circle beside its node. A node's loops go above, right, left
 * or below it: on the side that its other edges and the nodes near it leave most free. So a
 * loop and its label do not sit on an edge or another node. The side is chosen again
 * whenever the positions change, since it depends on where the neighbours are. DOM-free.
 */

import type { DisplayModel } from './display-model.js';
import type { EdgeTable } from './edge-table.js';
import type { Circle, Point } from './geometry.js';
import { layoutRadius, selfLoopGeometry } from '../../layout/graph-layout.js';
import type { Placement } from './labels.js';
import type { NodeView } from './display-model.js';

/** Side of its node a self-loop is drawn on: `LOOP_ABOVE`, `LOOP_RIGHT`, `LOOP_BELOW` or `LOOP_LEFT`. */
export type LoopSide = 0 | 1 | 2 | 3;
export const LOOP_ABOVE = 0;
export const LOOP_RIGHT = 1;
export const LOOP_BELOW = 2;
export const LOOP_LEFT = 3;

/** The sides in the order they are preferred: below comes last, where the node's label goes first. */
const SIDE_PREFERENCE: readonly LoopSide[] = [LOOP_ABOVE, LOOP_RIGHT, LOOP_LEFT, LOOP_BELOW];

/** Direction of each side from the node's centre, as an angle in screen coordinates (y down). */
const SIDE_ANGLES: readonly number[] = [-Math.PI / 2, 0, Math.PI / 2, Math.PI];

/**
 * An edge further than this from a side's direction keeps clear of the loops there: the widest
 * of the first three loops spans about 33° either side of its direction, seen from the node.
 */
const CLEAR_ANGLE = Math.PI / 3;

/** How much freer, in radians, a less preferred side must be to be taken instead. */
const PREFERENCE_MARGIN = Math.PI / 12;

/** Places a loop's label is tried at, first to last, by the loop's side: away from the node first. */
const LABEL_PLACEMENTS: ReadonlyArray<readonly Placement[]> = [
  ['above', 'right', 'left'],
  ['right', 'above', 'below'],
  ['below', 'right', 'left'],
  ['left', 'above', 'below'],
];

export interface SelfLoopShape {
  /** Centre and radius of the loop's circle, in world units. */
  centre: Point;
  radius: number;
  /** Tip of the arrowhead, and the point it points away from. */
  tip: Point;
  from: Point;
  /** The point of the circle furthest from the node. */
  outer: Point;
}

/**
 * Returns the shape of a self-loop at `loopIndex` on `node`, on `side` of it: a circle beside
 * the node, larger and further out for each later loop of the same node. The circle keeps clear
 * of the remediation badge and the pin at the node's upper corners. The arrowhead sits on the
 * circle where it turns back towards the node, pointing along it: above the node, that is the
 * circle's right side, pointing down. There the verdict ring cannot hide it, and the arrowheads
 * of several loops stay apart.
 */
export function selfLoopShape(node: NodeView, loopIndex: number, side: number = LOOP_ABOVE): SelfLoopShape {
  // A later loop is wider, so it sits further out to pass the badge and the pin.
  const { radius, rise } = selfLoopGeometry(node.radius, loopIndex);

  // Offsets for a loop above the node, turned to its side: a quarter turn clockwise per side.
  const turn = (dx: number, dy: number): Point => {
    switch (side) {
      case LOOP_RIGHT:
        return { x: node.x - dy, y: node.y + dx };
      case LOOP_BELOW:
        return { x: node.x - dx, y: node.y - dy };
      case LOOP_LEFT:
        return { x: node.x + dy, y: node.y - dx };
      default:
        return { x: node.x + dx, y: node.y + dy };
    }
  };
  return {
    centre: turn(0, -rise),
    radius,
    tip: turn(radius, -rise),
    from: turn(radius, -rise - radius),
    outer: turn(0, -rise - radius),
  };
}

/** Returns the places the label of a node's loops is tried at, around its outermost loop, in order. */
export function loopLabelPlacements(side: number): readonly Placement[] {
  return LABEL_PLACEMENTS[side] ?? LABEL_PLACEMENTS[LOOP_ABOVE]!;
}

/** The model whose positions each table's loop sides were chosen for. */
const sidesChosenFor = new WeakMap<EdgeTable, DisplayModel>();

/**
 * World units beyond a node's outermost loop within which another node counts as being in the
 * way, whether or not an edge joins them: the other node's circle, and room for a line or two
 * of the loops' labels.
 */
const NEARBY_MARGIN = 40;

/**
 * A side competes only while no nearby node lies within this angle of its direction, if any
 * side is so free. A node closer to the direction would sit on the loops, which span up to
 * about 33° either side, or on their labels.
 */
const NODE_CLEAR_ANGLE = (50 * Math.PI) / 180;

/**
 * Chooses the side of each node with self-loops (see `LoopSide`) from where its other edges
 * leave it and where other nodes stand near it, and writes it to the rows of its loops in
 * `display.edges`. Runs once per model: a layout step moves the nodes into a new model over the
 * same table. A table without loops costs one pass over its rows.
 */
export function placeSelfLoops(display: DisplayModel): void {
  const { edges } = display;
  if (edges.loopCount === 0 || sidesChosenFor.get(edges) === display) return;
  sidesChosenFor.set(edges, display);

  let around: Map<NodeView, Surroundings> | undefined;
  for (let row = 0; row < edges.length; row++) {
    if (edges.sources[row] !== edges.targets[row]) continue;
    around ??= new Map();
    const node = edges.sourceOf(row);
    const surroundings = around.get(node);
    if (surroundings) surroundings.loops += 1;
    else around.set(node, { loops: 1, edgeAngles: [], nodeAngles: [] });
  }
  if (!around) return;

  // The angle at which each other edge leaves a node with loops, towards its other end.
  for (let row = 0; row < edges.length; row++) {
    if (edges.sources[row] === edges.targets[row]) continue;
    const source = edges.sourceOf(row);
    const target = edges.targetOf(row);
    around.get(source)?.edgeAngles.push(Math.atan2(target.y - source.y, target.x - source.x));
    around.get(target)?.edgeAngles.push(Math.atan2(source.y - target.y, source.x - target.x));
  }
  addNearbyNodes(display.nodes, around);

  const sides = new Map<NodeView, LoopSide>();
  for (const [node, { edgeAngles, nodeAngles }] of around) sides.set(node, freestSide(edgeAngles, nodeAngles));
  // The loops that a collapse merges into a group node keep their members' indexes, so two of
  // them can share one circle. A taken index moves up to the next free one.
  const usedIndexes = new Map<NodeView, Set<number>>();
  for (let row = 0; row < edges.length; row++) {
    if (edges.sources[row] !== edges.targets[row]) continue;
    const node = edges.sourceOf(row);
    edges.loopSides[row] = sides.get(node)!;
    let indexes = usedIndexes.get(node);
    if (!indexes) usedIndexes.set(node, (indexes = new Set()));
    let index = edges.loopIndexes[row]!;
    while (indexes.has(index)) index++;
    edges.loopIndexes[row] = index;
    indexes.add(index);
  }
}

/** The surroundings of a node with loops: its loop count, and the directions of its edges and of the nodes near it. */
interface Surroundings {
  loops: number;
  edgeAngles: number[];
  nodeAngles: number[];
}

/**
 * Adds to the surroundings of each node with loops the angle towards every other node within
 * its loops' reach and `NEARBY_MARGIN`, joined to it or not. The nodes with loops are few, so
 * they go into a grid of cells as wide as the longest such distance, and one pass over every
 * node looks in the nine cells around it.
 */
function addNearbyNodes(nodes: readonly NodeView[], around: Map<NodeView, Surroundings>): void {
  const reaches = new Map<NodeView, number>();
  let cellSize = 1;
  for (const [node, { loops }] of around) {
    const reach = layoutRadius(node.radius, loops) + NEARBY_MARGIN;
    reaches.set(node, reach);
    cellSize = Math.max(cellSize, reach);
  }

  // Cells are keyed by a hash of their column and row. Two cells that share a key only cost a
  // few more distance tests, so one pass over tens of thousands of nodes makes no strings.
  const cellOf = (value: number): number => Math.floor(value / cellSize);
  const keyOf = (column: number, row: number): number => (Math.imul(column, 73856093) ^ Math.imul(row, 19349663)) | 0;
  const grid = new Map<number, NodeView[]>();
  for (const node of around.keys()) {
    const key = keyOf(cellOf(node.x), cellOf(node.y));
    const cell = grid.get(key);
    if (cell) cell.push(node);
    else grid.set(key, [node]);
  }

  for (const other of nodes) {
    const column = cellOf(other.x);
    const row = cellOf(other.y);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const node of grid.get(keyOf(column + dx, row + dy)) ?? []) {
          if (node === other) continue;
          const x = other.x - node.x;
          const y = other.y - node.y;
          const reach = reaches.get(node)!;
          if (x * x + y * y <= reach * reach) around.get(node)!.nodeAngles.push(Math.atan2(y, x));
        }
      }
    }
  }
}

/** Returns the circle of every self-loop of a display model, on the side `placeSelfLoops` chose. */
export function selfLoopCircles(display: DisplayModel): Circle[] {
  placeSelfLoops(display);
  return loopCirclesOf(display.edges);
}

/** Returns the circle of every self-loop of `edges`, on the side `placeSelfLoops` chose, in world units. */
export function loopCirclesOf(edges: EdgeTable): Circle[] {
  const circles: Circle[] = [];
  if (edges.loopCount === 0) return circles;
  for (let row = 0; row < edges.length; row++) {
    if (edges.sources[row] !== edges.targets[row]) continue;
    const { centre, radius } = selfLoopShape(edges.sourceOf(row), edges.loopIndexes[row]!, edges.loopSides[row]);
    circles.push({ ...centre, radius });
  }
  return circles;
}

/** The self-loops of one node in a table. */
export interface LoopGroup {
  side: number;
  /** The loops' rows in the table, in their order there. */
  rows: number[];
  /** The shape of the node's outermost loop, beyond which the loops' label goes. */
  outermost: SelfLoopShape;
}

/** Returns the self-loops of `edges` by node, after `placeSelfLoops` has chosen their sides. */
export function loopGroupsOf(edges: EdgeTable): LoopGroup[] {
  const byNode = new Map<number, { rows: number[]; last: number }>();
  for (let row = 0; row < edges.length; row++) {
    const source = edges.sources[row]!;
    if (source !== edges.targets[row]) continue;
    const group = byNode.get(source);
    if (!group) byNode.set(source, { rows: [row], last: row });
    else {
      group.rows.push(row);
      if (edges.loopIndexes[row]! > edges.loopIndexes[group.last]!) group.last = row;
    }
  }
  return [...byNode].map(([index, { rows, last }]) => {
    const node = edges.node(index);
    const side = edges.loopSides[last]!;
    return { side, rows, outermost: selfLoopShape(node, edges.loopIndexes[last]!, side) };
  });
}

/**
 * Returns the side whose direction is furthest from every angle in `edgeAngles` and
 * `nodeAngles`. Only the sides with no node within `NODE_CLEAR_ANGLE` compete, if there are
 * any. Otherwise every side does, and only the edges count. Of the competing sides, above wins
 * while nothing comes within `CLEAR_ANGLE` of it. Otherwise a side wins over a more preferred
 * one only when it is at least `PREFERENCE_MARGIN` freer.
 */
export function freestSide(edgeAngles: readonly number[], nodeAngles: readonly number[] = []): LoopSide {
  const nodeClearance = SIDE_ANGLES.map((direction) => clearanceFrom(direction, nodeAngles));
  const edgeClearance = SIDE_ANGLES.map((direction) => clearanceFrom(direction, edgeAngles));
  const open = SIDE_PREFERENCE.filter((side) => nodeClearance[side]! >= NODE_CLEAR_ANGLE);
  // With a node near every side, the edges alone decide.
  const competing = open.length > 0 ? open : SIDE_PREFERENCE;
  const clearance = open.length > 0 ? edgeClearance.map((clear, side) => Math.min(clear, nodeClearance[side]!)) : edgeClearance;

  const best = Math.max(...competing.map((side) => clearance[side]!));
  const enough = Math.min(best - PREFERENCE_MARGIN, CLEAR_ANGLE);
  return competing.find((side) => clearance[side]! >= enough) ?? competing[0]!;
}

/** Returns the angle from `direction` to the nearest of `angles`, or π for none. */
function clearanceFrom(direction: number, angles: readonly number[]): number {
  let nearest = Math.PI;
  for (const angle of angles) nearest = Math.min(nearest, angleBetween(direction, angle));
  return nearest;
}

/** Returns the angle between two directions, from 0 to π. */
function angleBetween(a: number, b: number): number {
  const difference = Math.abs(a - b) % (2 * Math.PI);
  return difference > Math.PI ? 2 * Math.PI - difference : difference;
}
