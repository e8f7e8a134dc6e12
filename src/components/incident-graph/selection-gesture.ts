/**
 * The shape that Shift and a drag on empty space draw in `il-incident-graph`: a rectangle with
 * the `box` selection tool or a freehand lasso with `lasso`. Releasing the pointer selects the
 * nodes whose centre lies inside the shape.
 */

import { html, nothing, type TemplateResult } from 'lit';
import { nodesInRect, rectBetween, renderSelectionBox, type Rect } from './box-select.js';
import type { NodeView } from './display-model.js';
import type { Camera, Point } from './geometry.js';
import { extendOutline, nodesInPolygon } from './lasso.js';

/** Selection tool of Shift and a drag on empty space: `box`, a rectangle, or `lasso`, a freehand outline. */
export type SelectionTool = 'box' | 'lasso';

/** Returns the selection tool a `selection-tool` value names. Anything but `lasso` is the box. */
export function selectionToolOf(value: string | undefined): SelectionTool {
  return value === 'lasso' ? 'lasso' : 'box';
}

export class SelectionGesture {
  readonly tool: SelectionTool;
  readonly pointerId: number;
  /** True once the pointer moved, so releasing it selects and the click that follows does not. */
  drawn = false;

  private readonly start: Point;
  private rect: Rect | undefined;
  /** The lasso's outline in CSS pixels of the element, starting where the pointer went down. */
  private readonly outline: Point[];

  constructor(tool: SelectionTool, pointerId: number, start: Point) {
    this.tool = tool;
    this.pointerId = pointerId;
    this.start = start;
    this.outline = [start];
  }

  /** Extends the shape to the pointer's position. Returns true when the drawing changed. */
  move(point: Point): boolean {
    this.drawn = true;
    if (this.tool === 'lasso') return extendOutline(this.outline, point);
    this.rect = rectBetween(this.start, point);
    return true;
  }

  /** Returns the ids of the nodes whose centre, drawn with `camera`, lies inside the shape. */
  nodeKeys(nodes: readonly NodeView[], camera: Camera): string[] {
    if (!this.drawn) return [];
    const inside = this.tool === 'lasso' ? nodesInPolygon(nodes, this.outline, camera) : nodesInRect(nodes, this.rect!, camera);
    return inside.map((node) => node.id);
  }

  /** Renders the shape being drawn: the `selection-box` rectangle or the `selection-lasso` outline. */
  render(): TemplateResult | typeof nothing {
    if (!this.drawn) return nothing;
    if (this.tool === 'box') return renderSelectionBox(this.rect);
    const points = this.outline.map(({ x, y }) => `${x},${y}`).join(' ');
    return html`<svg class="selection-lasso" aria-hidden="true"><polygon part="selection-lasso" points=${points}></polygon></svg>`;
  }
}
