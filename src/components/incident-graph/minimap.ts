/**
 * The minimap of `il-incident-graph`: a small canvas in a corner that shows the whole graph as
 * dots and the main view as a rectangle. A click or a drag in it centres the main view on that
 * point. It is drawn for pointer users only. Keyboard users move the view with the active node.
 */

import { nodeBoundsOf, type DisplayModel } from './display-model.js';
import type { Camera, Point } from './geometry.js';
import type { Palette } from './palette.js';
import { packColor } from './dot-raster.js';
import { dotColor } from './draw-nodes.js';

/** Size of the minimap in CSS pixels. */
export const MINIMAP_WIDTH = 160;
export const MINIMAP_HEIGHT = 120;
const MINIMAP_PADDING = 6;

/** Maps world units to minimap CSS pixels: minimap = world × scale + offset. */
export interface MinimapTransform {
  scale: number;
  x: number;
  y: number;
}

export interface MinimapHost {
  readonly display: DisplayModel;
  readonly surface: { width: number; height: number };
  readonly zoomCamera: { camera: Camera; panBy(dx: number, dy: number): void };
  scheduleFrame(): void;
  /** Draws the minimap alone on `canvas`, leaving the main canvas as it is. */
  drawMinimap(canvas: HTMLCanvasElement): void;
}

/**
 * Returns the transform that fits every node into the minimap, centred. The bounds are the
 * model's own (see `nodeBoundsOf`), which the fit of the main view has mostly found already.
 */
export function minimapTransform(display: DisplayModel): MinimapTransform | undefined {
  if (display.nodes.length === 0) return undefined;
  const { minX: left, minY: top, maxX: right, maxY: bottom } = nodeBoundsOf(display, 0);
  const innerWidth = MINIMAP_WIDTH - 2 * MINIMAP_PADDING;
  const innerHeight = MINIMAP_HEIGHT - 2 * MINIMAP_PADDING;
  const scale = Math.min(innerWidth / (right - left), innerHeight / (bottom - top));
  return {
    scale,
    x: MINIMAP_WIDTH / 2 - ((left + right) / 2) * scale,
    y: MINIMAP_HEIGHT / 2 - ((top + bottom) / 2) * scale,
  };
}

/** The minimap's background and node dots for one display model, kept between frames. */
interface MinimapLayer {
  display: DisplayModel;
  /** Palette colours and pixel ratio the dots were drawn with. */
  key: string;
  canvas: HTMLCanvasElement;
  transform: MinimapTransform | undefined;
}

/** Display models of more nodes than this get their minimap dots in a task after the frame. */
export const DEFERRED_LAYER_MIN_NODES = 2000;

export class Minimap {
  private readonly host: MinimapHost;
  private canvas: HTMLCanvasElement | undefined;
  private transform: MinimapTransform | undefined;
  private dragPointer: number | undefined;
  private layer: MinimapLayer | undefined;
  private laterTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: MinimapHost) {
    this.host = host;
  }

  /**
   * Draws the whole graph and the main view's rectangle into the minimap canvas, if shown. The
   * dots of a display model of more than `DEFERRED_LAYER_MIN_NODES` nodes are drawn in a task of
   * their own after the frame, so they never delay the main picture, and until then the minimap
   * shows the dots it had.
   */
  draw(canvas: HTMLCanvasElement | null, palette: Palette, pixelRatio: number, options: { reuse?: boolean; now?: boolean } = {}): void {
    this.canvas = canvas ?? undefined;
    if (!canvas) return;
    const backingWidth = Math.round(MINIMAP_WIDTH * pixelRatio);
    const backingHeight = Math.round(MINIMAP_HEIGHT * pixelRatio);
    if (canvas.width !== backingWidth || canvas.height !== backingHeight) {
      canvas.width = backingWidth;
      canvas.height = backingHeight;
    }
    const ctx = canvas.getContext('2d');
    if (!ctx) return;

    const display = this.host.display;
    let reuse = options.reuse === true;
    // Without a layer yet there are no dots to reuse, so a large model waits for its task too.
    const stale = this.layer === undefined || (!reuse && this.layer.display !== display);
    if (stale && !options.now && display.nodes.length > DEFERRED_LAYER_MIN_NODES) {
      this.drawLater(palette, pixelRatio);
      if (!this.layer) {
        ctx.setTransform(1, 0, 0, 1, 0, 0);
        ctx.fillStyle = palette.background;
        ctx.fillRect(0, 0, canvas.width, canvas.height);
        this.transform = undefined;
        return;
      }
      reuse = true;
    }
    const layer = this.nodeLayer(display, palette, pixelRatio, reuse);
    const transform = layer.transform;
    this.transform = transform;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(layer.canvas, 0, 0);
    if (!transform) return;

    ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
    const { camera } = this.host.zoomCamera;
    const { width, height } = this.host.surface;
    const view = {
      x: (-camera.x / camera.k) * transform.scale + transform.x,
      y: (-camera.y / camera.k) * transform.scale + transform.y,
      width: (width / camera.k) * transform.scale,
      height: (height / camera.k) * transform.scale,
    };
    ctx.strokeStyle = palette.selection;
    ctx.lineWidth = 1.5;
    ctx.strokeRect(view.x, view.y, view.width, view.height);
  }

  /** Draws the minimap again with fresh dots in a task of its own, once. */
  private drawLater(palette: Palette, pixelRatio: number): void {
    if (this.laterTimer !== undefined) return;
    this.laterTimer = setTimeout(() => {
      this.laterTimer = undefined;
      if (this.canvas?.isConnected) this.draw(this.canvas, palette, pixelRatio, { now: true });
    }, 0);
  }

  /**
   * Returns the background and the node dots with their transform, drawn once per display model
   * and palette and kept, so a camera move redraws only the view's rectangle over them. With
   * `reuse`, as while a large layout runs, the dots of an earlier model stay.
   */
  private nodeLayer(display: DisplayModel, palette: Palette, pixelRatio: number, reuse: boolean): MinimapLayer {
    const key = JSON.stringify([palette.background, palette.severity, palette.verdict, pixelRatio]);
    const previous = this.layer;
    if (previous && (previous.display === display || reuse) && previous.key === key) return previous;

    const canvas = previous?.canvas ?? document.createElement('canvas');
    const backingWidth = Math.round(MINIMAP_WIDTH * pixelRatio);
    const backingHeight = Math.round(MINIMAP_HEIGHT * pixelRatio);
    // Assigning a size clears and reallocates the canvas, so it happens only when it changed.
    if (canvas.width !== backingWidth) canvas.width = backingWidth;
    if (canvas.height !== backingHeight) canvas.height = backingHeight;
    const ctx = canvas.getContext('2d')!;
    ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
    ctx.fillStyle = palette.background;
    ctx.fillRect(0, 0, MINIMAP_WIDTH, MINIMAP_HEIGHT);

    const transform = minimapTransform(display);
    if (transform) writeDots(ctx, display, palette, pixelRatio, transform);
    this.layer = { display, key, canvas, transform };
    return this.layer;
  }

  /** Returns the world point under a point of the minimap, in its CSS pixels. */
  toWorld(point: Point): Point | undefined {
    const transform = this.transform;
    if (!transform) return undefined;
    return { x: (point.x - transform.x) / transform.scale, y: (point.y - transform.y) / transform.scale };
  }

  /** Pans the main view, as a user step, so the world point under the minimap point is in its centre. */
  private centreOn(event: PointerEvent): void {
    const rect = this.canvas?.getBoundingClientRect();
    if (!rect) return;
    const world = this.toWorld({ x: event.clientX - rect.left, y: event.clientY - rect.top });
    if (!world) return;
    const { camera } = this.host.zoomCamera;
    const { width, height } = this.host.surface;
    this.host.zoomCamera.panBy(width / 2 - (world.x * camera.k + camera.x), height / 2 - (world.y * camera.k + camera.y));
  }

  /** Handlers of the minimap canvas's pointer events, which the loader's template binds. */
  readonly handlePointerDown = (event: PointerEvent): void => {
    if (event.button !== 0 || !this.canvas) return;
    event.preventDefault();
    this.dragPointer = event.pointerId;
    this.canvas.setPointerCapture(event.pointerId);
    this.centreOn(event);
  };

  readonly handlePointerMove = (event: PointerEvent): void => {
    if (event.pointerId === this.dragPointer) this.centreOn(event);
  };

  readonly handlePointerUp = (event: PointerEvent): void => {
    if (event.pointerId === this.dragPointer) this.dragPointer = undefined;
  };
}

/**
 * Writes each node as a square of about 3 CSS pixels in its verdict or severity colour, straight
 * into the canvas's pixels. For tens of thousands of nodes, that is many times faster than
 * filling rectangles on a software canvas.
 */
function writeDots(
  ctx: CanvasRenderingContext2D,
  display: DisplayModel,
  palette: Palette,
  pixelRatio: number,
  transform: MinimapTransform,
): void {
  const { width, height } = ctx.canvas;
  const image = new ImageData(width, height);
  const pixels = new Uint32Array(image.data.buffer);
  pixels.fill(packColor(palette.background, 1));
  const size = Math.max(2, Math.round(3 * pixelRatio));
  const packed = new Map<string, number>();

  for (let index = 0; index < display.nodes.length; index++) {
    const node = display.nodes[index]!;
    const color = dotColor(node, palette);
    let value = packed.get(color);
    if (value === undefined) packed.set(color, (value = packColor(color, 1)));
    const left = Math.round((node.x * transform.scale + transform.x) * pixelRatio - size / 2);
    const top = Math.round((node.y * transform.scale + transform.y) * pixelRatio - size / 2);
    for (let y = Math.max(0, top); y < Math.min(height, top + size); y++) {
      for (let x = Math.max(0, left); x < Math.min(width, left + size); x++) pixels[y * width + x] = value;
    }
  }
  ctx.putImageData(image, 0, 0);
}
