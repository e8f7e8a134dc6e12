/**
 * Glue between the incident graph and the layout engine: turns the graph into plain layout
 * input and writes the resulting positions back as the nodes' `x` and `y` attributes. Positions
 * are data a host may save and restore, so a node that already has a finite position is held
 * there unless the caller asks for a fresh layout.
 */

import type { IncidentGraph } from '../model/graph-types.js';
import { forEachEdgeSteps, forEachNodeSteps } from '../model/graph-steps.js';
import type { LayoutInput, LayoutNodeInput, LayoutPositions } from './force-layout.js';
import { ALERT, EVIDENCE, FIXED, HOST, PARENT, type EncodedLayoutInput } from './layout-transfer.js';

/** World radius of an entity node and of an alert node; the drawing uses the same numbers. */
export const ENTITY_RADIUS = 16;
export const ALERT_RADIUS = 18;

/**
 * Returns the circle of a node's self-loop at `loopIndex`, as the drawing places it: its radius,
 * and the distance of its centre from the node's centre. Each later loop of a node is wider,
 * and sits further out to pass the marks at the node's corners.
 */
export function selfLoopGeometry(nodeRadius: number, loopIndex: number): { radius: number; rise: number } {
  const radius = nodeRadius * 0.62 + loopIndex * 6;
  return { radius, rise: nodeRadius + radius * (loopIndex === 0 ? 0.95 : 1.12) };
}

/**
 * Returns the radius the layout keeps clear around a node with `loops` self-loops: as far as
 * its outermost loop reaches, so that no neighbour ends up on the loops, on whichever side of
 * the node the drawing puts them. A node without loops keeps its own radius.
 */
export function layoutRadius(nodeRadius: number, loops: number): number {
  if (loops === 0) return nodeRadius;
  const outermost = selfLoopGeometry(nodeRadius, loops - 1);
  return outermost.rise + outermost.radius;
}

export interface LayoutInputOptions {
  /** Ignore saved positions and lay out every node from scratch, except pinned (`fixed`) ones. */
  rerun?: boolean;
}

/** Returns the layout input of a graph: every node and edge, saved and pinned positions held. */
export function layoutInputFromGraph(
  graph: IncidentGraph,
  options: LayoutInputOptions = {},
): LayoutInput {
  const nodes: LayoutNodeInput[] = [];
  graph.forEachNode((id, attributes) => {
    const alert = attributes.kind === 'alert';
    const node: LayoutNodeInput = { id, alert, radius: alert ? ALERT_RADIUS : ENTITY_RADIUS };
    // A node a user pinned stays where they put it, even when everything else is laid out again.
    const held = options.rerun ? attributes.fixed === true : true;
    if (held && hasPosition(attributes)) {
      node.x = attributes.x;
      node.y = attributes.y;
      node.fixed = true;
    }
    nodes.push(node);
  });

  const edges = graph.mapEdges((_edge, attributes, source, target) => ({
    source,
    target,
    evidence: attributes.type === 'evidence',
    parent: attributes.type === 'parentProcess',
    host: attributes.type === 'runsOn',
  }));

  const loops = new Map<string, number>();
  for (const edge of edges) if (edge.source === edge.target) loops.set(edge.source, (loops.get(edge.source) ?? 0) + 1);
  for (const node of nodes) node.radius = layoutRadius(node.radius!, loops.get(node.id) ?? 0);

  return { nodes, edges };
}

/**
 * Encodes the graph's layout input for the worker straight from the graph, like
 * `encodeLayoutInput(layoutInputFromGraph(graph, options))` without the objects in between,
 * which matters at tens of thousands of nodes.
 */
export function encodeGraphForLayout(graph: IncidentGraph, options: LayoutInputOptions = {}): EncodedLayoutInput {
  const steps = encodeGraphForLayoutSteps(graph, options);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Edges whose ends are found between two yields of `encodeGraphForLayoutSteps`. */
export const ENCODE_SLICE_EDGES = 8192;

/**
 * Encodes like `encodeGraphForLayout`, yielding between slices so a caller can spread the work
 * over several tasks. At 50,000 entities it took about 40 ms in the graph bench on a 2-core
 * virtual machine. The graph must not change until the steps end.
 */
export function* encodeGraphForLayoutSteps(graph: IncidentGraph, options: LayoutInputOptions = {}): Generator<void, EncodedLayoutInput, void> {
  const count = graph.order;
  const ids: string[] = [];
  const indexOf = new Map<string, number>();
  const nodeFlags = new Uint8Array(count);
  const radii = new Float64Array(count);
  const coordinates = new Float64Array(count * 2);
  yield* forEachNodeSteps(graph, (id, attributes) => {
    const index = ids.length;
    const alert = attributes.kind === 'alert';
    const held = (options.rerun ? attributes.fixed === true : true) && hasPosition(attributes);
    ids.push(id);
    indexOf.set(id, index);
    nodeFlags[index] = (alert ? ALERT : 0) | (held ? FIXED : 0);
    radii[index] = alert ? ALERT_RADIUS : ENTITY_RADIUS;
    coordinates[index * 2] = held ? attributes.x! : Number.NaN;
    coordinates[index * 2 + 1] = held ? attributes.y! : Number.NaN;
  });

  // The ends are gathered first, and their node indexes found in a second pass.
  const ends = new Array<string>(graph.size * 2);
  const edgeFlags = new Uint8Array(graph.size);
  let edge = 0;
  yield* forEachEdgeSteps(graph, (_key, attributes, source, target) => {
    ends[edge * 2] = source;
    ends[edge * 2 + 1] = target;
    const type = attributes.type;
    edgeFlags[edge] = (type === 'evidence' ? EVIDENCE : 0) | (type === 'parentProcess' ? PARENT : 0) | (type === 'runsOn' ? HOST : 0);
    edge += 1;
  });
  yield;

  // Edges added one after another often share their source, so the last one found is kept.
  const edgeEnds = new Int32Array(ends.length);
  // Self-loops by node index, found on the way, which widen their node (see `layoutRadius`).
  let loops: Map<number, number> | undefined;
  let lastSource: string | undefined;
  let lastSourceIndex = 0;
  for (let index = 0; index < ends.length; index += 2) {
    if (index > 0 && index % (2 * ENCODE_SLICE_EDGES) === 0) yield;
    const source = ends[index]!;
    if (source !== lastSource) {
      lastSource = source;
      lastSourceIndex = indexOf.get(source)!;
    }
    edgeEnds[index] = lastSourceIndex;
    edgeEnds[index + 1] = indexOf.get(ends[index + 1]!)!;
    if (edgeEnds[index] === edgeEnds[index + 1]) {
      loops ??= new Map();
      loops.set(lastSourceIndex, (loops.get(lastSourceIndex) ?? 0) + 1);
    }
  }
  if (loops) for (const [node, count] of loops) radii[node] = layoutRadius(radii[node]!, count);
  return { ids, nodeFlags, radii, coordinates, edgeEnds, edgeFlags };
}

/** True when every node of the graph has a finite saved position. */
export function isGraphPositioned(graph: IncidentGraph): boolean {
  return graph.everyNode((_id, attributes) => hasPosition(attributes));
}

/** Writes positions into the graph in one batch; nodes missing from `positions` keep theirs. */
export function writePositions(graph: IncidentGraph, positions: LayoutPositions): void {
  const { ids, coordinates } = positions;
  // Positions usually list the nodes in the graph's order, so a cursor finds each one, and the
  // map of ids is built only when the orders differ.
  let index: Map<string, number> | undefined;
  let cursor = 0;
  const slotOf = (id: string): number | undefined => {
    if (ids[cursor] === id) return cursor++;
    index ??= new Map(ids.map((key, slot) => [key, slot]));
    return index.get(id);
  };
  graph.updateEachNodeAttributes(
    (id, attributes) => {
      const slot = slotOf(id);
      if (slot === undefined) return attributes;
      // Changed in place: one object per node less to allocate and collect on large graphs.
      attributes.x = coordinates[slot * 2]!;
      attributes.y = coordinates[slot * 2 + 1]!;
      return attributes;
    },
    { attributes: ['x', 'y'] },
  );
}

function hasPosition(attributes: { x?: number; y?: number }): boolean {
  return Number.isFinite(attributes.x) && Number.isFinite(attributes.y);
}
