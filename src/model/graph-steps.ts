/**
 * Passes over a graph's nodes and edges that yield between slices, so a caller that runs steps
 * within a time budget keeps its tasks short. graphology's `forEachNode` and `forEachEdge`
 * cannot pause, and at 125,000 edges one pass took 20 to 30 ms of a single task in the graph
 * bench. These walk graphology's entry iterators instead. Since each entry is an object, a pass
 * takes two to four times as long in all, so work timed as a whole, such as a first frame,
 * keeps the callbacks. The graph must not change until a pass ends.
 */

import type { IncidentEdgeAttributes, IncidentGraph, IncidentNodeAttributes } from './graph-types.js';

/** Items visited between two yields. */
export const GRAPH_SLICE_ITEMS = 4096;

export type NodeVisitor = (id: string, attributes: IncidentNodeAttributes) => void;
export type EdgeVisitor = (id: string, attributes: IncidentEdgeAttributes, source: string, target: string) => void;

/** Calls `visit` for every node in the graph's order, yielding between slices. */
export function* forEachNodeSteps(graph: IncidentGraph, visit: NodeVisitor): Generator<void, void, void> {
  const entries = graph.nodeEntries();
  while (visitNodes(entries, visit)) yield;
}

/** Calls `visit` for every edge in the graph's order, yielding between slices. */
export function* forEachEdgeSteps(graph: IncidentGraph, visit: EdgeVisitor): Generator<void, void, void> {
  const entries = graph.edgeEntries();
  while (visitEdges(entries, visit)) yield;
}

// The loops are plain functions rather than loops in the generators, which V8 runs slower.

/** Visits up to a slice of nodes. Returns false once the nodes ran out, true after a full slice. */
function visitNodes(entries: ReturnType<IncidentGraph['nodeEntries']>, visit: NodeVisitor): boolean {
  for (let count = 0; count < GRAPH_SLICE_ITEMS; count++) {
    const step = entries.next();
    if (step.done) return false;
    visit(step.value.node, step.value.attributes);
  }
  return true;
}

/** Visits up to a slice of edges. Returns false once the edges ran out, true after a full slice. */
function visitEdges(entries: ReturnType<IncidentGraph['edgeEntries']>, visit: EdgeVisitor): boolean {
  for (let count = 0; count < GRAPH_SLICE_ITEMS; count++) {
    const step = entries.next();
    if (step.done) return false;
    visit(step.value.edge, step.value.attributes, step.value.source, step.value.target);
  }
  return true;
}
