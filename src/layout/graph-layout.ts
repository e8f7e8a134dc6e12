/**
 * Glue between the incident graph and the layout engine: turns the graph into plain layout
 * input and writes the resulting positions back as the nodes' `x` and `y` attributes. Positions
 * are data a host may save and restore, so a node that already has a finite position is held
 * there unless the caller asks for a fresh layout.
 */

import type { IncidentGraph } from '../model/graph-types.js';
import type { LayoutInput, LayoutNodeInput, LayoutPositions } from './force-layout.js';

/** World radius of an entity node and of an alert node; the drawing uses the same numbers. */
export const ENTITY_RADIUS = 16;
export const ALERT_RADIUS = 18;

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

  return { nodes, edges };
}

/** True when every node of the graph has a finite saved position. */
export function isGraphPositioned(graph: IncidentGraph): boolean {
  return graph.everyNode((_id, attributes) => hasPosition(attributes));
}

/** Writes positions into the graph in one batch; nodes missing from `positions` keep theirs. */
export function writePositions(graph: IncidentGraph, positions: LayoutPositions): void {
  const index = new Map(positions.ids.map((id, position) => [id, position]));
  graph.updateEachNodeAttributes(
    (id, attributes) => {
      const position = index.get(id);
      if (position === undefined) return attributes;
      return {
        ...attributes,
        x: positions.coordinates[position * 2]!,
        y: positions.coordinates[position * 2 + 1]!,
      };
    },
    { attributes: ['x', 'y'] },
  );
}

function hasPosition(attributes: { x?: number; y?: number }): boolean {
  return Number.isFinite(attributes.x) && Number.isFinite(attributes.y);
}
