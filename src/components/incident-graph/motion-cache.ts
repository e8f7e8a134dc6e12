/**
 * The picture of the last full redraw, kept to be moved and scaled while the camera moves.
 *
 * A full redraw of tens of thousands of nodes takes longer than one frame on a software
 * rasterizer. While the user pans or zooms such a graph, each frame copies the last full
 * picture instead, shifted and scaled to the new camera, which costs one `drawImage`. When the
 * camera has rested for `REFINE_DELAY_MS`, or the copy would cover too little of the view, the
 * element redraws in full again. Graphs that redraw within `CHEAP_DRAW_MS` always redraw in
 * full, so small incidents stay sharp at every frame.
 */

import type { Camera } from './geometry.js';

/** A full redraw that took no longer than this, in ms, is cheap enough to repeat every frame. */
export const CHEAP_DRAW_MS = 8;

/** The camera must rest this long, in ms, before a full redraw replaces the moved copy. */
export const REFINE_DELAY_MS = 150;

/** Copies scaled beyond this factor either way look too coarse or too small: redraw instead. */
const MAX_SCALE_CHANGE = 2;

/** Copies that leave more than this share of the view's width or height uncovered: redraw instead. */
const MAX_UNCOVERED_SHARE = 0.35;

/** The scene a picture shows, apart from the camera. A frame reuses the picture only for an equal key. */
export interface SceneKey {
  display: object;
  width: number;
  height: number;
  pixelRatio: number;
  /** Anything else that changes the picture: hover, keyboard focus, search, palette. */
  state: string;
}

export class MotionCache {
  /** Duration of the last full redraw, in ms. */
  lastFullDrawMs = 0;
  /** Frames painted from the kept picture so far, for tests and diagnostics. */
  reusedFrames = 0;
  /** Maximum duration of a full redraw, in ms, that is still repeated every frame. Tests set it below 0 to force reuse. */
  cheapDrawMs = CHEAP_DRAW_MS;

  private picture: HTMLCanvasElement | OffscreenCanvas | undefined;
  /**
   * The canvas that still shows the last full redraw, until the first frame that reuses it
   * copies it into `picture`. Copying only then saves a full-canvas copy on every redraw that
   * no motion follows, such as each step of a running layout.
   */
  private uncopied: HTMLCanvasElement | undefined;
  private camera: Camera | undefined;
  private key: SceneKey | undefined;
  private lastMoveAt = -Infinity;
  private previousMoveAt = -Infinity;

  /**
   * Notes that the user or the host moved the camera now. A second move within
   * `REFINE_DELAY_MS` makes a motion. A single jump redraws in full at once.
   */
  noteCameraMove(now: number): void {
    this.previousMoveAt = this.lastMoveAt;
    this.lastMoveAt = now;
  }

  /** Forgets the picture, for a canvas that changed size or a scene that changed. */
  clear(): void {
    this.camera = undefined;
    this.key = undefined;
    this.uncopied = undefined;
  }

  /** Returns the ms left until the camera counts as resting, or 0 once it rests. */
  restIn(now: number): number {
    return Math.max(0, this.lastMoveAt + REFINE_DELAY_MS - now);
  }

  /**
   * True when this frame may move the kept picture instead of redrawing: the camera is moving,
   * a full redraw is expensive, the scene is the one pictured, and the copy covers enough of
   * the view.
   */
  canReuse(key: SceneKey, camera: Camera, now: number): boolean {
    if (!this.camera || !this.key || this.lastFullDrawMs <= this.cheapDrawMs) return false;
    if (this.restIn(now) === 0 || this.lastMoveAt - this.previousMoveAt >= REFINE_DELAY_MS) return false;
    if (!sameKey(this.key, key)) return false;

    const scale = camera.k / this.camera.k;
    if (scale > MAX_SCALE_CHANGE || scale < 1 / MAX_SCALE_CHANGE) return false;
    const { left, top } = this.offsetFor(camera);
    const uncoveredX = Math.max(left, 0) + Math.max(0, key.width - (left + key.width * scale));
    const uncoveredY = Math.max(top, 0) + Math.max(0, key.height - (top + key.height * scale));
    return uncoveredX <= key.width * MAX_UNCOVERED_SHARE && uncoveredY <= key.height * MAX_UNCOVERED_SHARE;
  }

  /**
   * Keeps the canvas as drawn for `camera`, with the time the full redraw took. The canvas is
   * copied by the first frame that moves the picture, since nothing else draws on it before.
   */
  keep(canvas: HTMLCanvasElement, key: SceneKey, camera: Camera, drawMs: number): void {
    this.lastFullDrawMs = drawMs;
    if (drawMs <= this.cheapDrawMs) {
      this.clear();
      return;
    }
    this.uncopied = canvas;
    this.camera = { ...camera };
    this.key = key;
  }

  /** Copies the canvas of the last full redraw into the picture, before a frame paints over it. */
  private copyPicture(): boolean {
    const canvas = this.uncopied;
    if (!canvas) return this.picture !== undefined;
    this.uncopied = undefined;
    if (!this.picture || this.picture.width !== canvas.width || this.picture.height !== canvas.height) {
      this.picture = createPicture(canvas.width, canvas.height);
    }
    const context = this.picture.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
    if (!context) return false;
    context.clearRect(0, 0, canvas.width, canvas.height);
    context.drawImage(canvas, 0, 0);
    return true;
  }

  /** Paints the kept picture moved and scaled to `camera`, over the background colour. */
  paint(ctx: CanvasRenderingContext2D, camera: Camera, key: SceneKey, background: string): void {
    if (!this.camera || !this.copyPicture()) return;
    const { pixelRatio, width, height } = key;
    const scale = camera.k / this.camera.k;
    const { left, top } = this.offsetFor(camera);
    this.reusedFrames += 1;

    ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    ctx.fillStyle = background;
    ctx.fillRect(0, 0, width, height);
    ctx.imageSmoothingEnabled = scale < 1;
    ctx.drawImage(this.picture!, left, top, width * scale, height * scale);
    ctx.imageSmoothingEnabled = true;
  }

  /**
   * Returns where the kept picture's top left corner lands for `camera`, in CSS pixels. A point
   * drawn at `p` for the kept camera lands at `p × s + (t − t₀ × s)` with `s = k / k₀`.
   */
  private offsetFor(camera: Camera): { left: number; top: number } {
    const kept = this.camera!;
    const scale = camera.k / kept.k;
    return { left: camera.x - kept.x * scale, top: camera.y - kept.y * scale };
  }
}

function sameKey(a: SceneKey, b: SceneKey): boolean {
  return a.display === b.display && a.width === b.width && a.height === b.height && a.pixelRatio === b.pixelRatio && a.state === b.state;
}

function createPicture(width: number, height: number): HTMLCanvasElement | OffscreenCanvas {
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(width, height);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas;
}
