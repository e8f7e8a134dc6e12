/**
 * One animation frame of `il-incident-graph`. It brings the display model up to date within the
 * frame's budget, applies the automatic fit and the `fit()` calls waiting for the frame, and
 * paints the graph and its minimap. The `rendered` promise resolves once both show.
 */

import type { CameraControl } from './camera-control.js';
import type { FrameLoop, PendingFit } from './frame-loop.js';
import { FramePainter, type FrameContent } from './frame-painter.js';
import type { Steps } from './slices.js';
import type { GraphBinding } from './graph-binding.js';
import type { GraphInteraction } from './interaction.js';
import type { MinimapLoader } from './minimap-loader.js';
import type { MotionCache } from './motion-cache.js';
import { readPalette } from './palette.js';
import type { ZoomCamera } from './zoom-camera.js';

/**
 * Milliseconds of work per frame or task on building the display model or painting a large
 * scene. More is spread over several. The rest of a 50 ms task is left for garbage collection,
 * which at 50,000 entities can pause a task for 20 ms and more.
 */
const BUILD_SLICE_MS = 12;

/** While a layout moves more visible nodes than this, they are drawn as dots (see `SceneState.coarse`). */
const COARSE_LAYOUT_MIN_NODES = 2000;

/** The element members that a frame reads. The palette is read from the host's computed style. */
export interface FrameDrawerHost extends HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** The `minimap` attribute. */
  readonly minimap: boolean;
  readonly surface: { readonly width: number; readonly height: number; readonly pixelRatio: number; applySize(): void };
  readonly zoomCamera: ZoomCamera;
  scheduleFrame(): void;
}

/** The element's helpers that a frame drives. */
export interface FrameParts {
  readonly binding: GraphBinding;
  readonly camera: CameraControl;
  readonly interaction: GraphInteraction;
  readonly minimapView: MinimapLoader;
  readonly frames: FrameLoop;
  /** Renders again when the empty message is out of date. */
  syncEmptyMessage(): void;
}

export class FrameDrawer {
  private readonly host: FrameDrawerHost;
  private readonly parts: FrameParts;
  private readonly painter: FramePainter;
  private canvas: HTMLCanvasElement | undefined;
  /** True when the last frame built a model and left its painting to this one. */
  private paintDue = false;
  /** The paint under way over several tasks, what it paints and the fits waiting for it. */
  private painting: { steps: Steps<void>; content: FrameContent; fits: PendingFit[] } | undefined;
  /** Fits applied for a paint that was dropped, waiting for the one that replaces it. */
  private fits: PendingFit[] = [];

  constructor(host: FrameDrawerHost, parts: FrameParts) {
    this.host = host;
    this.parts = parts;
    this.painter = new FramePainter(() => host.scheduleFrame());
  }

  /** The pictures kept for pan and zoom. */
  get motion(): MotionCache {
    return this.painter.motion;
  }

  /** Sets the canvas that frames are painted on, once the element has rendered it. */
  attach(canvas: HTMLCanvasElement | undefined): void {
    this.canvas = canvas;
  }

  /** Stops the pending refine of a moved picture, for an element leaving the page. */
  dispose(): void {
    this.painter.dispose();
    // The fits of a paint cut short wait for the paint after the element comes back.
    if (this.painting) this.fits.push(...this.painting.fits);
    this.painting = undefined;
  }

  /**
   * Draws one frame. Returns true to get another one, when the display model has work left or
   * a large scene is still being painted.
   */
  draw(): boolean {
    const { binding, camera, frames } = this.parts;

    // A paint under way goes on while what it paints stays the same, and starts again when not.
    if (this.painting) {
      const content = this.contentNow();
      if (content && sameContent(content, this.painting.content)) return this.continuePaint(performance.now() + BUILD_SLICE_MS);
      this.fits.push(...this.painting.fits);
      this.painting = undefined;
    }

    // A large model is built over several frames, and drawn in the frame after the one that
    // finished it when that one has little time left, so no frame runs much past the budget.
    // That frame paints the model before it processes anything newer.
    const started = performance.now();
    if (!this.paintDue) {
      const state = binding.processUntil(started + BUILD_SLICE_MS);
      if (state === 'pending') return true;
      this.parts.syncEmptyMessage();
      if (state === 'rebuilt' && performance.now() - started > BUILD_SLICE_MS / 2) {
        this.paintDue = true;
        return true;
      }
    }
    this.paintDue = false;

    const context = this.canvas?.getContext('2d');
    const { width, height } = this.host.surface;
    if (!context || width === 0 || height === 0) return false;
    this.host.surface.applySize();
    camera.applyLimits();

    camera.autoFit(binding.layoutRunner);
    const fits = [...this.fits, ...frames.takeFits()];
    this.fits = [];
    for (const fit of fits) camera.fitRequested(fit.options);

    const content = this.contentNow(fits.length > 0)!;
    const steps = this.painter.paintSteps(this.canvas!, context, content, this.parts.minimapView, () => this.host.renderRoot.querySelector('canvas.minimap'));
    this.painting = { steps, content, fits };
    return this.continuePaint(started + BUILD_SLICE_MS);
  }

  /**
   * Paints slices until `deadline`, at least one. When the paint is done, resolves the fits
   * that waited for it and reports the first frame. Returns true to get another frame.
   */
  private continuePaint(deadline: number): boolean {
    const painting = this.painting!;
    for (;;) {
      if (painting.steps.next().done) break;
      if (performance.now() >= deadline) return true;
    }
    this.painting = undefined;

    const { binding, minimapView, frames } = this.parts;
    for (const fit of painting.fits) fit.resolve();
    // A minimap that shows counts as part of the graph's first frame, once its code is loaded.
    if (binding.graph && !binding.layoutRunner.busy && minimapView.ready(this.host.minimap)) frames.markRendered();
    // A large model's first frame leaves the last passes of its build for the frames after.
    // A fit requested during a paint in several tasks needs a frame of its own, because the
    // request found a task posted and scheduled none.
    return binding.stale || frames.hasPendingFits;
  }

  /** Returns what a frame would paint now, or undefined while the canvas has no size. */
  private contentNow(exact = false): FrameContent | undefined {
    const { binding, interaction } = this.parts;
    const { width, height, pixelRatio } = this.host.surface;
    if (width === 0 || height === 0) return undefined;
    return {
      width,
      height,
      pixelRatio,
      camera: this.host.zoomCamera.camera,
      palette: readPalette(this.host),
      display: binding.display,
      hoveredId: interaction.hoveredId,
      activeId: interaction.activeId,
      showActive: interaction.showsActive,
      searchMatches: binding.searchMatchIds,
      coarse: binding.layoutRunner.livePositions !== undefined && binding.display.nodes.length > COARSE_LAYOUT_MIN_NODES,
      exact,
    };
  }
}

/** True when two frames paint the same picture. */
function sameContent(a: FrameContent, b: FrameContent): boolean {
  return (
    a.width === b.width &&
    a.height === b.height &&
    a.pixelRatio === b.pixelRatio &&
    a.camera.x === b.camera.x &&
    a.camera.y === b.camera.y &&
    a.camera.k === b.camera.k &&
    a.display === b.display &&
    a.hoveredId === b.hoveredId &&
    a.activeId === b.activeId &&
    a.showActive === b.showActive &&
    a.searchMatches === b.searchMatches &&
    a.coarse === b.coarse &&
    JSON.stringify(a.palette) === JSON.stringify(b.palette)
  );
}
