/**
 * d3-zoom on the graph's viewport: pan by dragging, zoom around the pointer with the wheel or a
 * pinch, and programmatic moves. Reports every camera change with whether a user caused it.
 */

import { select, type Selection } from 'd3-selection';
import { zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior } from 'd3-zoom';
import type { Camera, Point } from './geometry.js';

export class ZoomCamera {
  camera: Camera = { x: 0, y: 0, k: 1 };

  private readonly behavior: ZoomBehavior<HTMLElement, unknown>;
  private readonly onChange: (camera: Camera, byUser: boolean) => void;
  private selection: Selection<HTMLElement, unknown, null, undefined> | undefined;
  private userStep = false;

  constructor(onChange: (camera: Camera, byUser: boolean) => void) {
    this.onChange = onChange;
    this.behavior = zoom<HTMLElement, unknown>().on('zoom', (event: D3ZoomEvent<HTMLElement, unknown>) => {
      const { x, y, k } = event.transform;
      this.camera = { x, y, k };
      this.onChange(this.camera, event.sourceEvent != null || this.userStep);
    });
  }

  attach(target: HTMLElement): void {
    this.selection = select(target);
    this.selection.call(this.behavior);
    // Double-click stays free for the nodes; zooming has the wheel, pinch and keys.
    this.selection.on('dblclick.zoom', null);
    this.set(this.camera);
  }

  setLimits(minZoom: number, maxZoom: number): void {
    this.behavior.scaleExtent([minZoom, maxZoom]);
  }

  /** Moves the camera; the caller clamps it first. */
  set(camera: Camera): void {
    this.camera = { ...camera };
    if (!this.selection) return;
    this.behavior.transform(this.selection, zoomIdentity.translate(camera.x, camera.y).scale(camera.k));
  }

  /** Zooms by `factor` around `point` (CSS pixels; the viewport's centre when omitted), as a user step. */
  scaleBy(factor: number, point?: Point): void {
    if (!this.selection) return;
    this.userStep = true;
    try {
      this.behavior.scaleBy(this.selection, factor, point && [point.x, point.y]);
    } finally {
      this.userStep = false;
    }
  }
}
