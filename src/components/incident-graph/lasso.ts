/**
 * Lasso selection math of `il-incident-graph`, DOM-free. The freehand outline the pointer draws
 * is a polygon in CSS pixels of the element, closed by a straight line from its last point back
 * to its first. `nodesInPolygon` finds the node centres inside it.
 */

import type { NodeView } from './display-model.js';
import type { Camera, Point } from './geometry.js';

/** Distance, in CSS pixels, the pointer moves before the outline takes another point. */
export const LASSO_POINT_SPACING = 2;

/**
 * Appends `point` to the outline unless it lies closer than `spacing` to the last point, which
 * keeps the polygon short during a slow drag. Returns true when the point was added.
 */
export function extendOutline(outline: Point[], point: Point, spacing = LASSO_POINT_SPACING): boolean {
  const last = outline[outline.length - 1];
  if (last && Math.hypot(point.x - last.x, point.y - last.y) < spacing) return false;
  outline.push(point);
  return true;
}

/**
 * Returns true when `point` lies inside `polygon` by the even-odd rule: a ray from the point
 * crosses the outline an odd number of times. The loops of a path that crosses itself therefore
 * alternate between inside and outside, as SVG's `fill-rule: evenodd` draws them. A polygon of
 * fewer than three points contains nothing. A point exactly on an edge may count either way.
 */
export function pointInPolygon(point: Point, polygon: readonly Point[]): boolean {
  if (polygon.length < 3) return false;
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i]!;
    const b = polygon[j]!;
    // The edge from b to a straddles the horizontal line through the point, and crosses it
    // to the right of the point.
    if (a.y > point.y !== b.y > point.y && point.x < ((b.x - a.x) * (point.y - a.y)) / (b.y - a.y) + a.x) {
      inside = !inside;
    }
  }
  return inside;
}

/** Returns the nodes whose centre, drawn with `camera`, lies inside a polygon of CSS pixels. */
export function nodesInPolygon(nodes: readonly NodeView[], polygon: readonly Point[], camera: Camera): NodeView[] {
  if (polygon.length < 3) return [];
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const { x, y } of polygon) {
    left = Math.min(left, x);
    top = Math.min(top, y);
    right = Math.max(right, x);
    bottom = Math.max(bottom, y);
  }

  // The bounding box rules out most nodes of a large graph before the polygon test.
  return nodes.filter((node) => {
    const x = node.x * camera.k + camera.x;
    const y = node.y * camera.k + camera.y;
    if (x < left || x > right || y < top || y > bottom) return false;
    return pointInPolygon({ x, y }, polygon);
  });
}
