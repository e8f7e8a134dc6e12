/**
 * d3-zoom on the graph's viewport: pan by dragging, zoom around the pointer with the wheel or a
 * pinch, and programmatic moves. Reports every camera change with whether a user caused it.
 * A press that the interaction claims (a drag on a node, Shift and a drag on empty space)
 * starts no pan: `claimsPress` is asked before d3-zoom starts a gesture.
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
  private claimsPress: (event: MouseEvent | TouchEvent) => boolean = () => false;

  constructor(onChange: (camera: Camera, byUser: boolean) => void) {
    this.onChange = onChange;
    this.behavior = zoom<HTMLElement, unknown>().on('zoom', (event: D3ZoomEvent<HTMLElement, unknown>) => {
      const { x, y, k } = event.transform;
      this.camera = { x, y, k };
      this.onChange(this.camera, event.sourceEvent != null || this.userStep);
    });
    this.behavior.filter((event: MouseEvent | TouchEvent | WheelEvent) => this.startsGesture(event));
  }

  /** Sets the test that keeps d3-zoom from panning on a press the interaction handles itself. */
  setPressFilter(claimsPress: (event: MouseEvent | TouchEvent) => boolean): void {
    this.claimsPress = claimsPress;
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

  /** Pans by a distance in CSS pixels, as a user step. */
  panBy(dx: number, dy: number): void {
    if (!this.selection) return;
    const { k } = this.camera;
    this.userStep = true;
    try {
      this.behavior.translateBy(this.selection, dx / k, dy / k);
    } finally {
      this.userStep = false;
    }
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

  /**
   * d3-zoom's default filter (no secondary button, Ctrl only with the wheel, where it is a
   * trackpad pinch), minus the presses the interaction claims.
   */
  private startsGesture(event: MouseEvent | TouchEvent | WheelEvent): boolean {
    if (event.type === 'wheel') return true;
    if (event.ctrlKey || ('button' in event && event.button !== 0)) return false;
    if (event.type === 'mousedown' || event.type === 'touchstart') return !this.claimsPress(event);
    return true;
  }
}
