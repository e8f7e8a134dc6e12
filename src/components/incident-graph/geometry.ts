/**
 * Camera, bounds and keyboard-navigation math of the graph, in world and CSS pixel units.
 * DOM-free. The camera is a d3-zoom transform: screen = world × k + (x, y).
 */

export interface Camera {
  x: number;
  y: number;
  k: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface Circle extends Point {
  radius: number;
}

export type Direction = 'up' | 'down' | 'left' | 'right';

/** Returns the camera with `k` clamped to the zoom limits and non-finite values replaced. */
export function clampCamera(camera: Partial<Camera>, minZoom: number, maxZoom: number): Camera {
  const k = Number.isFinite(camera.k) && camera.k! > 0 ? camera.k! : 1;
  return {
    x: Number.isFinite(camera.x) ? camera.x! : 0,
    y: Number.isFinite(camera.y) ? camera.y! : 0,
    k: Math.min(maxZoom, Math.max(minZoom, k)),
  };
}

export interface FitOptions {
  /** Space kept free around the nodes, in CSS pixels; 32 by default. */
  padding?: number;
  /** Nodes to fit; every visible node when omitted. */
  nodeIds?: readonly string[];
  /**
   * Fit the selected visible nodes instead of `nodeIds`. Every visible node when none of them
   * is selected.
   */
  selection?: boolean;
}

/**
 * Parts of a graph element that something of the page covers, in CSS pixels from each side,
 * such as a sheet over its bottom. Absent sides are 0.
 */
export interface ViewInsets {
  top?: number;
  right?: number;
  bottom?: number;
  left?: number;
}

/** World bounds of a set of circles. */
export interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** Returns the bounds of circles, each grown by `margin`; empty bounds are infinite. */
export function boundsOfCircles(circles: Iterable<Circle>, margin = 0): Bounds {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const circle of circles) {
    const reach = circle.radius + margin;
    if (circle.x - reach < minX) minX = circle.x - reach;
    if (circle.y - reach < minY) minY = circle.y - reach;
    if (circle.x + reach > maxX) maxX = circle.x + reach;
    if (circle.y + reach > maxY) maxY = circle.y + reach;
  }
  return { minX, minY, maxX, maxY };
}

/**
 * Returns the bounds of circles of one `radius` around points given as x then y in
 * `coordinates`, skipping points that are not finite. A pass over a typed array of positions
 * reads memory far more cheaply than one over as many objects.
 */
export function boundsOfCoordinates(coordinates: ArrayLike<number>, radius: number): Bounds {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let index = 0; index + 1 < coordinates.length; index += 2) {
    const x = coordinates[index]!;
    const y = coordinates[index + 1]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  return { minX: minX - radius, minY: minY - radius, maxX: maxX + radius, maxY: maxY + radius };
}

/**
 * Returns the camera that shows `bounds` inside a viewport of `width` × `height` CSS pixels with
 * `padding` around them, centred, or undefined when either is empty. The scale is clamped to
 * the zoom limits and to `maxFitZoom`, so fitting one node does not blow it up to the maximum zoom.
 */
export function fitBounds(
  { minX, minY, maxX, maxY }: Bounds,
  viewport: { width: number; height: number },
  limits: { minZoom: number; maxZoom: number; maxFitZoom: number },
  padding: number,
): Camera | undefined {
  if (!(minX <= maxX && minY <= maxY) || viewport.width <= 0 || viewport.height <= 0) return undefined;

  const availableWidth = Math.max(1, viewport.width - 2 * padding);
  const availableHeight = Math.max(1, viewport.height - 2 * padding);
  const fitting = Math.min(availableWidth / (maxX - minX), availableHeight / (maxY - minY));
  const upper = Math.min(limits.maxZoom, limits.maxFitZoom);
  const k = Math.max(limits.minZoom, Math.min(upper, fitting));

  return {
    k,
    x: viewport.width / 2 - ((minX + maxX) / 2) * k,
    y: viewport.height / 2 - ((minY + maxY) / 2) * k,
  };
}

/**
 * Returns the candidate nearest to `from` in a direction: among those inside the 90° cone
 * around it, the one with the smallest distance, where sideways offset counts double so the
 * node straight ahead wins over a closer one off to the side. Undefined when the cone is empty.
 * With `anyAhead`, the cone widens to the whole half-plane ahead.
 */
export function nearestInDirection<T extends Point>(
  from: Point,
  candidates: Iterable<T>,
  direction: Direction,
  options: { anyAhead?: boolean } = {},
): T | undefined {
  const [dx, dy] = { up: [0, -1], down: [0, 1], left: [-1, 0], right: [1, 0] }[direction];
  let best: T | undefined;
  let bestScore = Infinity;

  for (const candidate of candidates) {
    const along = (candidate.x - from.x) * dx + (candidate.y - from.y) * dy;
    const across = Math.abs((candidate.x - from.x) * dy - (candidate.y - from.y) * dx);
    if (along <= 0 || (across > along && !options.anyAhead)) continue;
    const score = along + 2 * across;
    if (score < bestScore) {
      bestScore = score;
      best = candidate;
    }
  }
  return best;
}
