/**
 * The minimap of `il-incident-graph`: a small canvas in a corner that shows the whole graph as
 * dots and the main view as a rectangle. A click or a drag in it centres the main view on that
 * point. It is drawn for pointer users only. Keyboard users move the view with the active node.
 */

import { nodeBoundsOf, type DisplayModel, type NodeView } from './display-model.js';
import type { Camera, Point } from './geometry.js';
import type { Palette } from './palette.js';
import { packColor } from './dot-raster.js';
import { dotColor } from './draw-nodes.js';
import { runToEnd, type Steps } from './slices.js';

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

/** Display models of more nodes than this get their minimap dots in tasks after the frame. */
export const DEFERRED_LAYER_MIN_NODES = 2000;
/** Dots written between two yields of `nodeLayerSteps`. */
const DOTS_SLICE_NODES = 4096;
/**
 * Milliseconds of dot writing per task. At 50,000 entities the dots in one task took 30 to
 * 45 ms in the graph bench's traces, and a garbage collection in that task took it past 50 ms.
 */
const DOTS_TASK_MS = 8;

export class Minimap {
  private readonly host: MinimapHost;
  private canvas: HTMLCanvasElement | undefined;
  private transform: MinimapTransform | undefined;
  private dragPointer: number | undefined;
  private layer: MinimapLayer | undefined;
  private laterTimer: ReturnType<typeof setTimeout> | undefined;
  /** The display model whose dots the tasks after the frame are writing. */
  private laterDisplay: DisplayModel | undefined;

  constructor(host: MinimapHost) {
    this.host = host;
  }

  /**
   * Draws the whole graph and the main view's rectangle into the minimap canvas, if shown. The
   * dots of a display model of more than `DEFERRED_LAYER_MIN_NODES` nodes are drawn in tasks of
   * their own after the frame, so they never delay the main picture, and until then the minimap
   * shows the dots it had.
   */
  draw(canvas: HTMLCanvasElement | null, palette: Palette, pixelRatio: number, options: { reuse?: boolean } = {}): void {
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
    // Without a layer yet there are no dots to reuse, so a large model waits for its tasks too.
    const stale = this.layer === undefined || (!reuse && this.layer.display !== display);
    if (stale && display.nodes.length > DEFERRED_LAYER_MIN_NODES) {
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

  /**
   * Writes the current model's dots in tasks after the frame, `DOTS_TASK_MS` each, and then
   * draws the minimap with them. Tasks still writing an earlier model's dots stop.
   */
  private drawLater(palette: Palette, pixelRatio: number): void {
    const display = this.host.display;
    if (this.laterTimer !== undefined) {
      if (this.laterDisplay === display) return;
      clearTimeout(this.laterTimer);
    }
    this.laterDisplay = display;
    const steps = this.nodeLayerSteps(display, palette, pixelRatio);
    const step = (): void => {
      this.laterTimer = undefined;
      if (!this.canvas?.isConnected) return;
      const deadline = performance.now() + DOTS_TASK_MS;
      for (;;) {
        const next = steps.next();
        if (next.done) {
          this.layer = next.value;
          this.draw(this.canvas, palette, pixelRatio, { reuse: true });
          return;
        }
        if (performance.now() >= deadline) break;
      }
      this.laterTimer = setTimeout(step, 0);
    };
    this.laterTimer = setTimeout(step, 0);
  }

  /**
   * Returns the background and the node dots with their transform, drawn once per display model
   * and palette and kept, so a camera move redraws only the view's rectangle over them. With
   * `reuse`, as while a large layout runs, the dots of an earlier model stay.
   */
  private nodeLayer(display: DisplayModel, palette: Palette, pixelRatio: number, reuse: boolean): MinimapLayer {
    const previous = this.layer;
    if (previous && (previous.display === display || reuse) && previous.key === layerKey(palette, pixelRatio)) return previous;
    this.layer = runToEnd(this.nodeLayerSteps(display, palette, pixelRatio));
    return this.layer;
  }

  /**
   * Writes the layer of a display model, yielding between slices of its dots. The pixels go
   * onto the layer's canvas at the end, so until then it keeps showing the dots it had.
   */
  private *nodeLayerSteps(display: DisplayModel, palette: Palette, pixelRatio: number): Steps<MinimapLayer> {
    const width = Math.round(MINIMAP_WIDTH * pixelRatio);
    const height = Math.round(MINIMAP_HEIGHT * pixelRatio);
    const image = new ImageData(width, height);
    const pixels = new Uint32Array(image.data.buffer);
    pixels.fill(packColor(palette.background, 1));

    const transform = minimapTransform(display);
    if (transform) {
      const dots = { pixels, width, height, size: Math.max(2, Math.round(3 * pixelRatio)), packed: new Map<string, number>() };
      for (let from = 0; from < display.nodes.length; from += DOTS_SLICE_NODES) {
        writeDots(dots, display.nodes, from, Math.min(display.nodes.length, from + DOTS_SLICE_NODES), palette, pixelRatio, transform);
        yield;
      }
    }

    const canvas = this.layer?.canvas ?? document.createElement('canvas');
    // Assigning a size clears and reallocates the canvas, so it happens only when it changed.
    if (canvas.width !== width) canvas.width = width;
    if (canvas.height !== height) canvas.height = height;
    canvas.getContext('2d')!.putImageData(image, 0, 0);
    return { display, key: layerKey(palette, pixelRatio), canvas, transform };
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

/** Identifies the palette colours and pixel ratio that a layer's dots were drawn with. */
function layerKey(palette: Palette, pixelRatio: number): string {
  return JSON.stringify([palette.background, palette.severity, palette.verdict, pixelRatio]);
}

/** The pixels that `writeDots` writes into, and the colours it has packed so far. */
interface DotPixels {
  pixels: Uint32Array;
  width: number;
  height: number;
  /** Side of a dot in device pixels. */
  size: number;
  packed: Map<string, number>;
}

/**
 * Writes `nodes[from..to)` each as a square of about 3 CSS pixels in its verdict or severity
 * colour, straight into the pixels. For tens of thousands of nodes, that is many times faster
 * than filling rectangles on a software canvas.
 */
function writeDots(
  dots: DotPixels,
  nodes: readonly NodeView[],
  from: number,
  to: number,
  palette: Palette,
  pixelRatio: number,
  transform: MinimapTransform,
): void {
  const { pixels, width, height, size, packed } = dots;
  for (let index = from; index < to; index++) {
    const node = nodes[index]!;
    const color = dotColor(node, palette);
    let value = packed.get(color);
    if (value === undefined) packed.set(color, (value = packColor(color, 1)));
    const left = Math.round((node.x * transform.scale + transform.x) * pixelRatio - size / 2);
    const top = Math.round((node.y * transform.scale + transform.y) * pixelRatio - size / 2);
    for (let y = Math.max(0, top); y < Math.min(height, top + size); y++) {
      for (let x = Math.max(0, left); x < Math.min(width, left + size); x++) pixels[y * width + x] = value;
    }
  }
}
