/**
 * Pinning of graph nodes. A node the user dragged or moved with the keyboard gets its position
 * written into the graph as `x` and `y` with `fixed: true`, so the layout keeps it there. A
 * released node keeps its position with `fixed: false`, so a later layout run may move it.
 */

import type { IncidentGraph, IncidentNodeAttributes } from '../../model/graph-types.js';
import type { Camera, Point } from './geometry.js';

/** Distance, in CSS pixels, a pressed pointer travels before a press on a node becomes a drag. */
export const DRAG_THRESHOLD = 3;

/** Writes a node's position and pins it. Does nothing for a node the graph lacks. */
export function pinNodeAt(graph: IncidentGraph, nodeId: string, position: Point): void {
  if (!graph.hasNode(nodeId)) return;
  graph.mergeNodeAttributes(nodeId, { x: position.x, y: position.y, fixed: true });
}

/** Releases a pinned node. Returns false when it was not pinned. */
export function releaseNode(graph: IncidentGraph, nodeId: string): boolean {
  if (!isPinned(graph, nodeId)) return false;
  graph.setNodeAttribute(nodeId, 'fixed', false);
  return true;
}

export function isPinned(graph: IncidentGraph, nodeId: string): boolean {
  return graph.hasNode(nodeId) && graph.getNodeAttribute(nodeId, 'fixed') === true;
}

/** Converts a point in CSS pixels of the element to world units. */
export function toWorld(point: Point, camera: Camera): Point {
  return { x: (point.x - camera.x) / camera.k, y: (point.y - camera.y) / camera.k };
}

/**
 * One press on a node that may turn into a drag. The node keeps the offset between its centre
 * and the pointer, so it does not jump under the pointer when the drag starts.
 */
export class NodeDrag {
  readonly nodeId: string;
  readonly pointerId: number;
  /** True once the pointer moved past `DRAG_THRESHOLD`. */
  moved = false;

  private readonly start: Point;
  private readonly grabOffset: Point;
  /** The node's attributes before the drag, which `cancel` puts back. */
  private readonly before: Pick<IncidentNodeAttributes, 'x' | 'y' | 'fixed'> | undefined;

  constructor(graph: IncidentGraph, nodeId: string, pointerId: number, start: Point, nodeCentre: Point, camera: Camera) {
    this.nodeId = nodeId;
    this.pointerId = pointerId;
    this.start = start;
    const world = toWorld(start, camera);
    this.grabOffset = { x: nodeCentre.x - world.x, y: nodeCentre.y - world.y };
    if (graph.hasNode(nodeId)) {
      const attributes = graph.getNodeAttributes(nodeId);
      this.before = { x: attributes.x, y: attributes.y, fixed: attributes.fixed };
    }
  }

  /** Puts the node back where it was before the drag, pinned or not as it was. */
  cancel(graph: IncidentGraph): void {
    if (!this.moved || !this.before || !graph.hasNode(this.nodeId)) return;
    const before = this.before;
    graph.updateNodeAttributes(this.nodeId, (attributes) => {
      const restored = { ...attributes, x: before.x, y: before.y, fixed: before.fixed };
      if (before.fixed === undefined) delete restored.fixed;
      return restored;
    });
  }

  /** Moves and pins the node under the pointer, once the pointer passed the threshold. */
  update(graph: IncidentGraph, point: Point, camera: Camera): void {
    if (!this.moved && Math.hypot(point.x - this.start.x, point.y - this.start.y) < DRAG_THRESHOLD) return;
    this.moved = true;
    const world = toWorld(point, camera);
    pinNodeAt(graph, this.nodeId, { x: world.x + this.grabOffset.x, y: world.y + this.grabOffset.y });
  }
}
