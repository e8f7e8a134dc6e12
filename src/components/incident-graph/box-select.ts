/**
 * Box selection of `il-incident-graph`: Shift and a drag on empty space draw a rectangle, and
 * releasing the pointer selects every node whose centre lies inside it, in one selection change.
 */

import { html, nothing, type TemplateResult } from 'lit';
import { styleProperties } from '../shared/style-properties.js';
import type { IncidentGraph } from '../../model/graph-types.js';
import type { Selection } from '../../session/session.js';
import { selectionRefOf, type NodeView } from './display-model.js';
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

/**
 * Returns the selection of the nodes `nodeKeys`, added to `current` when `additive` is set. The
 * order of `current` is kept, and new ids follow in the order given.
 */
export function selectionOfNodes(
  graph: IncidentGraph,
  current: Selection,
  nodeKeys: readonly string[],
  additive: boolean,
): Selection {
  const entityIds = additive ? [...current.entityIds] : [];
  const alertIds = additive ? [...current.alertIds] : [];
  for (const key of nodeKeys) {
    if (!graph.hasNode(key)) continue;
    const ref = selectionRefOf(graph, key);
    const ids = ref.alert ? alertIds : entityIds;
    if (!ids.includes(ref.id)) ids.push(ref.id);
  }
  return { entityIds, alertIds };
}

/** Renders the rectangle being drawn, or nothing. */
export function renderSelectionBox(rect: Rect | undefined): TemplateResult | typeof nothing {
  if (!rect) return nothing;
  return html`<div
    part="selection-box"
    class="selection-box"
    aria-hidden="true"
    style=${styleProperties({
      left: `${rect.x}px`,
      top: `${rect.y}px`,
      width: `${rect.width}px`,
      height: `${rect.height}px`,
    })}
  ></div>`;
}
