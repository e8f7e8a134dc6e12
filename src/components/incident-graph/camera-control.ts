/**
 * The camera rules of `il-incident-graph` above the gestures of zoom-camera.ts. They cover the
 * zoom limits in effect and the automatic fit, which keeps a new or growing graph in view until
 * the user or the host moves the camera. They also convert points for `fit()`, `toScreen()` and
 * hit testing.
 */

import { fitDisplay, ZoomLimiter, type ZoomLimits } from './camera-fit.js';
import type { DisplayModel } from './display-model.js';
import { clampCamera, type Camera, type FitOptions, type Point, type ViewInsets } from './geometry.js';
import type { LivePositions } from './layout-runner.js';
import type { MotionCache } from './motion-cache.js';
import type { ZoomCamera } from './zoom-camera.js';

/** The element members that the camera rules read. */
export interface CameraControlHost {
  readonly display: DisplayModel;
  readonly surface: { readonly width: number; readonly height: number };
  readonly zoomCamera: ZoomCamera;
  readonly motion: MotionCache;
  /** The `min-zoom` and `max-zoom` values as set, before a large graph lowers the minimum. */
  readonly minZoom: number;
  readonly maxZoom: number;
}

/** The layout state that the automatic fit follows. */
export interface LayoutProgressState {
  readonly busy: boolean;
  readonly livePositions: LivePositions | undefined;
}

/** Narrowest and lowest part of the element, in CSS pixels, that a fit leaves the covered parts out for. */
const MIN_FIT_SIDE = 64;

export class CameraControl {
  private readonly host: CameraControlHost;
  /** Brings the display model up to date before the camera is fitted to it. */
  private readonly processDisplay: () => void;
  private readonly zoomLimiter = new ZoomLimiter();
  private appliedZoomLimits: ZoomLimits | undefined;
  /** True while the next frame should fit the whole graph in view. */
  private needsAutoFit = true;
  /** True once the user or the host moved the camera. Until then a resize fits again. */
  private cameraMoved = false;
  /** The covered parts of the element that fits leave out. See the element's `viewInsets`. */
  private insets: Required<ViewInsets> = { top: 0, right: 0, bottom: 0, left: 0 };

  constructor(host: CameraControlHost, processDisplay: () => void) {
    this.host = host;
    this.processDisplay = processDisplay;
  }

  /** The zoom limits in effect. See `ZoomLimiter`. */
  get limits(): ZoomLimits {
    const { display, surface, minZoom, maxZoom } = this.host;
    return this.zoomLimiter.limitsFor(display, surface, minZoom, maxZoom);
  }

  /** Passes the zoom limits in effect to the camera's gestures when they changed, as after a new display model. */
  applyLimits(): void {
    const { minZoom, maxZoom } = this.limits;
    if (minZoom === this.appliedZoomLimits?.minZoom && maxZoom === this.appliedZoomLimits.maxZoom) return;
    this.appliedZoomLimits = { minZoom, maxZoom };
    this.host.zoomCamera.setLimits(minZoom, maxZoom);
  }

  /** Applies new `min-zoom` or `max-zoom` values, clamping the current camera to them. */
  clampToLimits(): void {
    this.applyLimits();
    const { minZoom, maxZoom } = this.limits;
    const { zoomCamera } = this.host;
    zoomCamera.set(clampCamera(zoomCamera.camera, minZoom, maxZoom));
  }

  /** Moves the camera to a value the host set, clamped to the zoom limits, and ends the automatic fit. */
  setByHost(value: Camera): void {
    this.needsAutoFit = false;
    this.cameraMoved = true;
    this.host.motion.noteCameraMove(performance.now());
    this.host.zoomCamera.set(clampCamera(value, this.limits.minZoom, this.limits.maxZoom));
  }

  /** Records a pan or zoom by the user, which ends the automatic fit. */
  noteUserMove(): void {
    this.host.motion.noteCameraMove(performance.now());
    this.needsAutoFit = false;
    this.cameraMoved = true;
  }

  /** Fits the next frame to a new graph, whatever the camera did for the previous one. */
  resetForNewGraph(): void {
    this.needsAutoFit = true;
    this.cameraMoved = false;
  }

  /**
   * Sets the covered parts of the element, which every later fit leaves out. Like a resize, it
   * fits again unless the camera was moved. A side that is not a finite number of 0 or more
   * counts as 0.
   */
  setInsets(insets: ViewInsets | undefined): void {
    const side = (value: number | undefined): number => (value !== undefined && Number.isFinite(value) && value > 0 ? value : 0);
    this.insets = { top: side(insets?.top), right: side(insets?.right), bottom: side(insets?.bottom), left: side(insets?.left) };
    this.refitUnlessMoved();
  }

  /** Fits the next frame again, as for a resize or a graph that grew, unless the camera was moved. */
  refitUnlessMoved(): void {
    if (!this.cameraMoved) this.needsAutoFit = true;
  }

  /**
   * Applies the automatic fit of a frame. While a layout runs, the view follows the growing
   * picture, and the last fit is at its end.
   */
  autoFit(layout: LayoutProgressState): void {
    if (!this.needsAutoFit) return;
    if (!layout.busy) {
      if (this.fit()) this.needsAutoFit = false;
    } else if (layout.livePositions) {
      this.fit();
    }
  }

  /**
   * Applies a fit that the user or the host asked for (F, 0, `fit()`, `fitSelection()`). A fit
   * to the selection or to given nodes is a camera move like a pan, so a resize or a graph that
   * grows keeps it. A fit to the whole graph gives the camera back to the automatic fit.
   */
  fitRequested(options: FitOptions): void {
    const fitted = this.fit(options);
    if (!options.selection && !options.nodeIds) {
      this.cameraMoved = false;
      return;
    }
    if (!fitted) return;
    this.needsAutoFit = false;
    this.cameraMoved = true;
  }

  /** Moves the camera to fit `options` at once. Returns false when the element has no size or nothing to fit. */
  fit(options: FitOptions = {}): boolean {
    this.processDisplay();
    const { display, surface, zoomCamera } = this.host;
    // The nodes fit in the part of the element that shows. Insets that leave less than
    // `MIN_FIT_SIDE` either way are not applied, since a fit there would be of no use.
    let { top, right, bottom, left } = this.insets;
    if (surface.width - left - right < MIN_FIT_SIDE) left = right = 0;
    if (surface.height - top - bottom < MIN_FIT_SIDE) top = bottom = 0;
    const viewport = { width: surface.width - left - right, height: surface.height - top - bottom };
    const limits = this.limits;
    // Fitting every node with the default padding is what the zoom limits computed already.
    const whole = !options.selection && !options.nodeIds && options.padding === undefined;
    const camera = whole ? this.zoomLimiter.wholeFit(display, viewport, limits.maxZoom) : fitDisplay(display, options, viewport, limits);
    if (!camera) return false;
    zoomCamera.set({ ...camera, x: camera.x + left, y: camera.y + top });
    return true;
  }

  /** Returns where a world point is drawn, in CSS pixels of the element. */
  toScreen(point: Point): Point {
    const { x, y, k } = this.host.zoomCamera.camera;
    return { x: point.x * k + x, y: point.y * k + y };
  }

  /** Returns the world point drawn at a point in CSS pixels of the element. */
  toWorld(point: Point): Point {
    const { x, y, k } = this.host.zoomCamera.camera;
    return { x: (point.x - x) / k, y: (point.y - y) / k };
  }
}
