/**
 * Box selection of `il-incident-graph`: Shift and a drag on empty space draw a rectangle, and
 * releasing the pointer selects every node whose centre lies inside it, in one selection change
 * (see `SelectionGesture`).
 */

import type { NodeView } from './display-model.js';
import type { Camera, Point } from './geometry.js';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Returns the rectangle spanned by two corners, with a non-negative width and height. */
export function rectBetween(a: Point, b: Point): Rect {
  return {
    x: Math.min(a.x, b.x),
    y: Math.min(a.y, b.y),
    width: Math.abs(a.x - b.x),
    height: Math.abs(a.y - b.y),
  };
}

/** Returns the nodes whose centre, drawn with `camera`, lies inside a rectangle of CSS pixels. */
export function nodesInRect(nodes: readonly NodeView[], rect: Rect, camera: Camera): NodeView[] {
  return nodes.filter((node) => {
    const x = node.x * camera.k + camera.x;
    const y = node.y * camera.k + camera.y;
    return x >= rect.x && x <= rect.x + rect.width && y >= rect.y && y <= rect.y + rect.height;
  });
}
