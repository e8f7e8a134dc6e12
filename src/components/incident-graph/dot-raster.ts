/**
 * Drawing of many small dots and thin lines by writing pixels. Chromium's software rasterizer
 * spends several microseconds on each filled arc or stroked line (measured on Debian's
 * Chromium with --disable-gpu). A zoomed-out graph of tens of thousands of nodes and edges is
 * therefore written straight into an ImageData, as discs and one-pixel lines, and composited
 * in one `drawImage`.
 */

interface Buffer {
  canvas: OffscreenCanvas;
  image: ImageData;
  pixels: Uint32Array;
}

const buffers = new WeakMap<CanvasRenderingContext2D, Buffer>();
const packedColors = new Map<string, number>();
let probe: OffscreenCanvasRenderingContext2D | null | undefined;

/** True where the browser can draw raster dots. Elsewhere callers draw arcs. */
export function canRasterDots(): boolean {
  return typeof OffscreenCanvas !== 'undefined';
}

/**
 * Returns a CSS colour with its alpha multiplied by `alpha`, packed as RGBA for a little-endian
 * `Uint32Array`. ImageData is not premultiplied, so `drawImage` blends such pixels like a fill
 * with `globalAlpha`.
 */
export function packColor(color: string, alpha: number): number {
  const key = `${color}\u0000${alpha}`;
  let packed = packedColors.get(key);
  if (packed !== undefined) return packed;

  const [r, g, b, a] = rgbaOf(color);
  packed = ((Math.round(a * alpha) << 24) | (b << 16) | (g << 8) | r) >>> 0;
  if (packedColors.size > 256) packedColors.clear();
  packedColors.set(key, packed);
  return packed;
}

/**
 * Returns a colour with its alpha multiplied by `alpha`, laid over an opaque `background` and
 * packed like `packColor`, opaque. Such colours let `drawRaster` put its pixels straight onto
 * the canvas.
 */
export function packColorOver(color: string, alpha: number, background: string): number {
  const key = `${color}\u0000${alpha}\u0000${background}`;
  let packed = packedColors.get(key);
  if (packed !== undefined) return packed;

  const [r, g, b, a] = rgbaOf(color);
  const [br, bg, bb] = rgbaOf(background);
  const weight = (a / 255) * alpha;
  const mix = (front: number, back: number): number => Math.round(front * weight + back * (1 - weight));
  packed = ((255 << 24) | (mix(b, bb) << 16) | (mix(g, bg) << 8) | mix(r, br)) >>> 0;
  if (packedColors.size > 256) packedColors.clear();
  packedColors.set(key, packed);
  return packed;
}

/** True for a CSS colour without transparency, over which `packColorOver` colours can be put. */
export function isOpaque(color: string): boolean {
  return rgbaOf(color)[3] === 255;
}

/** Far outside any canvas, and well inside the 32-bit range, so clipping still gets each line's direction. */
const PIXEL_LIMIT = 1 << 28;

/** Rounds a coordinate to a whole pixel, clamped to `PIXEL_LIMIT`. */
export function toPixel(value: number): number {
  const pixel = Math.round(value);
  if (pixel > PIXEL_LIMIT) return PIXEL_LIMIT;
  if (pixel < -PIXEL_LIMIT) return -PIXEL_LIMIT;
  return pixel;
}

/**
 * Writes one-pixel lines and discs of one radius straight into the pixels of a canvas, later
 * ones over earlier ones, and puts them on the canvas in `end`. Pixels are overwritten, not
 * blended with each other, and antialiasing is left out. Neither shows at the sizes this is
 * used for. Coordinates are in device pixels of the canvas at identity transform, and colours
 * are packed as in a little-endian `Uint32Array` (see `packColor`).
 *
 * The pixel buffers are kept per canvas context and reused frame after frame, so a frame of
 * a hundred thousand lines allocates no object per line.
 */
export class PixelWriter {
  private ctx: CanvasRenderingContext2D | undefined;
  private pixels: Uint32Array = new Uint32Array(0);
  private stride = 0;
  private width = 0;
  private height = 0;
  private offsets: Int16Array = new Int16Array(0);
  /** The buffer being written, or undefined when writing straight onto the canvas's image. */
  private buffer: Buffer | undefined;
  private image: ImageData | undefined;

  /**
   * Starts writing onto `ctx`. With `background`, an opaque colour packed like the others,
   * every pixel of the canvas is written (the colours written must then be opaque too, from
   * `packColorOver`), which saves a copy through an offscreen canvas. Without it, what is
   * written is laid over what the canvas shows. Returns false for a canvas without pixels,
   * in which case nothing is to be written.
   */
  begin(ctx: CanvasRenderingContext2D, radius: number, background?: number): boolean {
    const { width, height } = ctx.canvas;
    if (width === 0 || height === 0) return false;
    this.ctx = ctx;
    this.width = width;
    this.height = height;
    this.offsets = discOffsets(radius);

    if (background !== undefined) {
      let direct = directImages.get(ctx);
      if (!direct || direct.image.width !== width || direct.image.height !== height) {
        const image = new ImageData(width, height);
        direct = { image, pixels: new Uint32Array(image.data.buffer) };
        directImages.set(ctx, direct);
      }
      this.buffer = undefined;
      this.image = direct.image;
      this.pixels = direct.pixels;
      this.stride = width;
      this.pixels.fill(background);
      return true;
    }

    const buffer = bufferFor(ctx, width, height);
    this.buffer = buffer;
    this.image = buffer.image;
    this.pixels = buffer.pixels;
    this.stride = buffer.image.width;
    this.pixels.fill(0, 0, this.stride * height);
    return true;
  }

  /**
   * Writes a one-pixel line from (x0, y0) to (x1, y1), points rounded with `toPixel`. Whole
   * numbers pass to it without the boxing that fractional ones may need on each call.
   */
  line(x0: number, y0: number, x1: number, y1: number, color: number): void {
    writeLine(this.pixels, this.stride, this.width, this.height, x0, y0, x1, y1, color);
  }

  /** Writes a disc of the radius given to `begin`, centred on (x, y). */
  dot(x: number, y: number, color: number): void {
    const cx = toPixel(x);
    const cy = toPixel(y);
    const { offsets, pixels, stride, width, height } = this;
    for (let j = 0; j < offsets.length; j += 2) {
      const px = cx + offsets[j]!;
      const py = cy + offsets[j + 1]!;
      if (px >= 0 && py >= 0 && px < width && py < height) pixels[py * stride + px] = color;
    }
  }

  /** Puts what was written on the canvas. */
  end(): void {
    const { ctx, image, buffer, width, height } = this;
    if (!ctx || !image) return;
    this.ctx = undefined;
    this.image = undefined;
    if (!buffer) {
      ctx.putImageData(image, 0, 0);
      return;
    }

    const buffered = buffer.canvas.getContext('2d')!;
    buffered.putImageData(image, 0, 0, 0, 0, width, height);
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalAlpha = 1;
    ctx.drawImage(buffer.canvas, 0, 0, width, height, 0, 0, width, height);
    ctx.restore();
  }
}

const directImages = new WeakMap<CanvasRenderingContext2D, { image: ImageData; pixels: Uint32Array }>();

/** Writes a one-pixel line by stepping along its longer axis, clipped to the area. */
function writeLine(
  pixels: Uint32Array,
  stride: number,
  width: number,
  height: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  color: number,
): void {
  const dx = x1 - x0;
  const dy = y1 - y0;

  // Clips the line to the area first (Liang–Barsky), so a line crossing far outside costs
  // nothing there. Most lines lie wholly inside and skip the clipping.
  const right = width - 1;
  const bottom = height - 1;
  let t0 = 0;
  let t1 = 1;
  const inside = x0 >= 0 && x0 <= right && x1 >= 0 && x1 <= right && y0 >= 0 && y0 <= bottom && y1 >= 0 && y1 <= bottom;
  if (!inside) {
    if (!clipToArea(dx, dy, x0, y0, right, bottom)) return;
    t0 = clipStart;
    t1 = clipEnd;
  }

  // After clipping every point lies inside the area, so the loop needs no bounds checks, and
  // adding 0.5 and truncating rounds the non-negative coordinates. The loop steps in 16.16
  // fixed point, which costs less per pixel than converting a float. Each step is truncated
  // towards zero, so the line ends a little short of its end point, never past it.
  const steps = Math.max(1, Math.ceil(Math.max(Math.abs(dx), Math.abs(dy)) * (t1 - t0)));
  let x = ((x0 + dx * t0 + 0.5) * FIXED_ONE) | 0;
  let y = ((y0 + dy * t0 + 0.5) * FIXED_ONE) | 0;
  const stepX = (((dx * (t1 - t0)) / steps) * FIXED_ONE) | 0;
  const stepY = (((dy * (t1 - t0)) / steps) * FIXED_ONE) | 0;
  for (let i = 0; i <= steps; i++) {
    pixels[(y >> 16) * stride + (x >> 16)] = color;
    x += stepX;
    y += stepY;
  }
}

/** One pixel in the 16.16 fixed point of `writeLine`. It represents coordinates below 32,768, and Chromium and Firefox cap a canvas side at 32,767 pixels. */
const FIXED_ONE = 1 << 16;

/**
 * Returns the parameter range [t0, t1] of the segment from (x0, y0) along (dx, dy) that lies
 * inside a rectangle (Liang–Barsky clipping), or undefined when none does.
 */
export function clipRange(
  dx: number,
  dy: number,
  x0: number,
  y0: number,
  left: number,
  top: number,
  right: number,
  bottom: number,
): [number, number] | undefined {
  return clipToArea(dx, dy, x0 - left, y0 - top, right - left, bottom - top) ? [clipStart, clipEnd] : undefined;
}

let clipStart = 0;
let clipEnd = 1;

/**
 * Clips like `clipRange` to the rectangle from (0, 0) to (right, bottom) without allocating,
 * leaving the range in `clipStart` and `clipEnd`. Returns false when nothing is inside.
 */
function clipToArea(dx: number, dy: number, x0: number, y0: number, right: number, bottom: number): boolean {
  clipStart = 0;
  clipEnd = 1;
  return clipSide(-dx, x0) && clipSide(dx, right - x0) && clipSide(-dy, y0) && clipSide(dy, bottom - y0);
}

function clipSide(p: number, q: number): boolean {
  if (p === 0) return q >= 0;
  const t = q / p;
  if (p < 0) {
    if (t > clipStart) clipStart = t;
  } else if (t < clipEnd) {
    clipEnd = t;
  }
  return clipStart <= clipEnd;
}

/** Returns a buffer of at least the given size, reused across frames of the same canvas. */
function bufferFor(ctx: CanvasRenderingContext2D, width: number, height: number): Buffer {
  const current = buffers.get(ctx);
  if (current && current.image.width >= width && current.image.height >= height) return current;

  const canvasWidth = Math.max(width, current?.image.width ?? 0);
  const canvasHeight = Math.max(height, current?.image.height ?? 0);
  const canvas = new OffscreenCanvas(canvasWidth, canvasHeight);
  const image = new ImageData(canvasWidth, canvasHeight);
  const buffer = { canvas, image, pixels: new Uint32Array(image.data.buffer) };
  buffers.set(ctx, buffer);
  return buffer;
}

const discs = new Map<number, Int16Array>();

/** Returns the pixel offsets of a disc, as x, y pairs. */
function discOffsets(radius: number): Int16Array {
  const key = Math.round(radius * 4) / 4;
  let offsets = discs.get(key);
  if (offsets) return offsets;

  const values: number[] = [];
  const limit = Math.ceil(key);
  for (let dy = -limit; dy <= limit; dy++) {
    for (let dx = -limit; dx <= limit; dx++) {
      if (dx * dx + dy * dy <= (key + 0.25) ** 2) values.push(dx, dy);
    }
  }
  offsets = Int16Array.from(values);
  discs.set(key, offsets);
  return offsets;
}

const resolvedColors = new Map<string, readonly [number, number, number, number]>();

/**
 * Resolves a CSS colour to RGBA bytes through a one-pixel canvas. Results are cached, because
 * every frame reads the palette's colours and reading pixels back from a canvas is slow
 * (it showed as milliseconds per frame in a CPU profile of a layout with software rendering).
 */
function rgbaOf(color: string): readonly [number, number, number, number] {
  const cached = resolvedColors.get(color);
  if (cached) return cached;

  probe ??= canRasterDots() ? new OffscreenCanvas(1, 1).getContext('2d', { willReadFrequently: true }) : null;
  if (!probe) return [0, 0, 0, 255];
  probe.clearRect(0, 0, 1, 1);
  probe.fillStyle = '#000000';
  probe.fillStyle = color;
  probe.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = probe.getImageData(0, 0, 1, 1).data;
  const rgba = [r!, g!, b!, a!] as const;
  if (resolvedColors.size > 256) resolvedColors.clear();
  resolvedColors.set(color, rgba);
  return rgba;
}
