/**
 * The shape that Shift and a drag on empty space draw in `il-incident-graph`: a rectangle with
 * the `box` selection tool or a freehand lasso with `lasso`. Releasing the pointer selects the
 * nodes whose centre lies inside the shape. The shapes' code loads on the first gesture (see
 * selection-shapes.ts). The points drawn meanwhile are kept, and the shape shows once it loads.
 */

import { html, nothing, type TemplateResult } from 'lit';
import { styleProperties } from '../shared/style-properties.js';
import type { NodeView } from './display-model.js';
import type { Camera, Point } from './geometry.js';
import { LazyModule } from './lazy-module.js';

/** Selection tool of Shift and a drag on empty space: `box`, a rectangle, or `lasso`, a freehand outline. */
export type SelectionTool = 'box' | 'lasso';

const selectionShapes = new LazyModule(() => import('./selection-shapes.js'));

/** Imports the shapes' code once and resolves with it. After a failed import, the next call tries again. */
export function loadSelectionShapes(): Promise<typeof import('./selection-shapes.js')> {
  return selectionShapes.load();
}

/** Returns the selection tool a `selection-tool` value names. Anything but `lasso` is the box. */
export function selectionToolOf(value: string | undefined): SelectionTool {
  return value === 'lasso' ? 'lasso' : 'box';
}

export class SelectionGesture {
  readonly tool: SelectionTool;
  readonly pointerId: number;
  /** True once the pointer moved, so releasing it selects and the click that follows does not. */
  drawn = false;

  /**
   * In CSS pixels of the element, where the pointer went down and then where it moved: every
   * point for the lasso, whose outline leaves out points too close together, and the last one
   * for the box.
   */
  private readonly points: Point[];

  constructor(tool: SelectionTool, pointerId: number, start: Point) {
    this.tool = tool;
    this.pointerId = pointerId;
    this.points = [start];
  }

  /** Extends the shape to the pointer's position. */
  move(point: Point): void {
    this.drawn = true;
    if (this.tool === 'lasso') this.points.push(point);
    else this.points[1] = point;
  }

  /**
   * Resolves with the ids of the nodes whose centre, drawn with `camera`, lies inside the shape,
   * once the shapes' code is loaded.
   */
  async nodeKeys(nodes: readonly NodeView[], camera: Camera): Promise<string[]> {
    if (!this.drawn) return [];
    const shapes = await loadSelectionShapes();
    const { nodesInPolygon, nodesInRect, rectBetween } = shapes;
    const inside = this.tool === 'lasso' ? nodesInPolygon(nodes, this.outline(shapes), camera) : nodesInRect(nodes, rectBetween(this.points[0]!, this.points[1]!), camera);
    return inside.map((node) => node.id);
  }

  /**
   * Renders the shape being drawn: the `selection-box` rectangle or the `selection-lasso`
   * outline. Nothing shows until the shapes' code is loaded.
   */
  render(): TemplateResult | typeof nothing {
    const shapes = selectionShapes.loaded;
    if (!this.drawn || !shapes) return nothing;
    if (this.tool === 'box') {
      const rect = shapes.rectBetween(this.points[0]!, this.points[1]!);
      const style = styleProperties({ left: `${rect.x}px`, top: `${rect.y}px`, width: `${rect.width}px`, height: `${rect.height}px` });
      return html`<div part="selection-box" class="selection-box" aria-hidden="true" style=${style}></div>`;
    }
    const points = this.outline(shapes).map(({ x, y }) => `${x},${y}`).join(' ');
    return html`<svg class="selection-lasso" aria-hidden="true"><polygon part="selection-lasso" points=${points}></polygon></svg>`;
  }

  /** Returns the lasso's outline: the points drawn, without those too close to the one before. */
  private outline(shapes: typeof import('./selection-shapes.js')): Point[] {
    const outline: Point[] = [];
    for (const point of this.points) shapes.extendOutline(outline, point);
    return outline;
  }
}
