/**
 * Paints one frame of `il-incident-graph`: the whole scene, or while the camera moves over a
 * graph that is slow to draw, the last full picture moved and scaled (see motion-cache.ts),
 * followed by a full redraw once the camera rests. Search emphasis and the minimap come after
 * the scene.
 */

import { drawSceneSteps, type SceneState } from './draw.js';
import type { Minimap } from './minimap.js';
import { MotionCache, type SceneKey } from './motion-cache.js';
import { drawSearchMatches } from './search.js';
import type { Steps } from './slices.js';

/** The content of one frame: the scene `drawScene` draws, and what is painted over it. */
export interface FrameContent extends SceneState {
  /** Ids of the nodes the search matches, or undefined without a search. */
  searchMatches: ReadonlySet<string> | undefined;
  /** Draws nodes as dots whatever the zoom, as while a large layout runs. */
  coarse: boolean;
  /** True when this frame must show the scene itself, as for a `fit()` waiting on it. */
  exact: boolean;
}

export class FramePainter {
  readonly motion = new MotionCache();

  private readonly scheduleFrame: () => void;
  private refineTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(scheduleFrame: () => void) {
    this.scheduleFrame = scheduleFrame;
  }

  /**
   * Paints the frame on `canvas`, then the minimap, yielding between slices of a large scene's
   * pixels. The canvas shows the last frame until the final slice. Inputs that change meanwhile
   * are not followed, so the caller starts again when they do. The minimap's canvas is looked
   * up at the end, since it may be rendered while the slices run.
   */
  *paintSteps(
    canvas: HTMLCanvasElement,
    context: CanvasRenderingContext2D,
    content: FrameContent,
    minimap: Pick<Minimap, 'draw'>,
    minimapCanvas: () => HTMLCanvasElement | null,
  ): Steps<void> {
    const { width, height, pixelRatio, camera, palette, display } = content;
    const key: SceneKey = {
      display,
      width,
      height,
      pixelRatio,
      state: JSON.stringify([content.hoveredId, content.activeId, content.showActive, palette]),
    };
    const now = performance.now();
    if (!content.exact && this.motion.canReuse(key, camera, now)) {
      this.motion.paint(context, camera, key, palette.background);
      minimap.draw(minimapCanvas(), palette, pixelRatio);
      this.scheduleRefine(this.motion.restIn(now));
      return;
    }

    // The time spent between slices counts too, which only makes a large scene count as slow
    // to draw a little sooner.
    yield* drawSceneSteps(context, content);
    if (content.searchMatches) drawSearchMatches(context, { pixelRatio, camera, palette, display }, content.searchMatches);
    this.motion.keep(canvas, key, camera, performance.now() - now);
    minimap.draw(minimapCanvas(), palette, pixelRatio, { reuse: content.coarse });
  }

  /** Stops the pending refine, for an element leaving the page. */
  dispose(): void {
    clearTimeout(this.refineTimer);
    this.refineTimer = undefined;
  }

  /** Redraws in full once the camera has rested, after frames that moved the kept picture. */
  private scheduleRefine(delay: number): void {
    if (this.refineTimer !== undefined) return;
    this.refineTimer = setTimeout(() => {
      this.refineTimer = undefined;
      this.scheduleFrame();
    }, delay + 1);
  }
}
