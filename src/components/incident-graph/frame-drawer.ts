/**
 * One animation frame of `il-incident-graph`. It brings the display model up to date within the
 * frame's budget, applies the automatic fit and the `fit()` calls waiting for the frame, and
 * paints the graph and its minimap. The `rendered` promise resolves once both show.
 */

import type { CameraControl } from './camera-control.js';
import type { FrameLoop } from './frame-loop.js';
import { FramePainter } from './frame-painter.js';
import type { GraphBinding } from './graph-binding.js';
import type { GraphInteraction } from './interaction.js';
import type { MinimapLoader } from './minimap-loader.js';
import type { MotionCache } from './motion-cache.js';
import { readPalette } from './palette.js';
import type { ZoomCamera } from './zoom-camera.js';

/** Milliseconds of display model building per frame. A larger model is built over several frames. */
const BUILD_SLICE_MS = 20;

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
  }

  /** Draws one frame. Returns true to get another one, when the display model has work left. */
  draw(): boolean {
    const { binding, camera, interaction, minimapView, frames } = this.parts;

    // A large model is built over several frames, and drawn in the frame after the one that
    // finished it when that one has little time left, so no frame runs much past the budget.
    // That frame paints the model before it processes anything newer.
    if (!this.paintDue) {
      const started = performance.now();
      const state = binding.processUntil(started + BUILD_SLICE_MS);
      if (state === 'pending') return true;
      this.parts.syncEmptyMessage();
      if (state === 'rebuilt' && performance.now() - started > BUILD_SLICE_MS / 2) {
        this.paintDue = true;
        return true;
      }
    }
    this.paintDue = false;

    const { width, height, pixelRatio } = this.host.surface;
    const context = this.canvas?.getContext('2d');
    if (!context || width === 0 || height === 0) return false;
    this.host.surface.applySize();
    camera.applyLimits();

    camera.autoFit(binding.layoutRunner);
    const fits = frames.takeFits();
    for (const fit of fits) camera.fit(fit.options);

    this.painter.paint(
      this.canvas!,
      context,
      {
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
        exact: fits.length > 0,
      },
      minimapView,
      this.host.renderRoot.querySelector('canvas.minimap'),
    );

    for (const fit of fits) fit.resolve();
    // A minimap that shows counts as part of the graph's first frame, once its code is loaded.
    if (binding.graph && !binding.layoutRunner.busy && minimapView.ready(this.host.minimap)) frames.markRendered();
    // A large model's first frame leaves the last passes of its build for the frames after.
    return binding.stale;
  }
}
