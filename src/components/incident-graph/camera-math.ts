/**
 * Camera math of the pan and zoom gestures, DOM-free: the wheel's zoom factor, zooming around
 * a point and the two-finger pinch. The camera is a d3-zoom transform, screen = world × k +
 * (x, y), and every point is in CSS pixels of the element. The formulas follow d3-zoom 3.0.
 */

import type { Camera, Point } from './geometry.js';

/** The smallest and largest zoom factor a gesture may reach. */
export interface ScaleLimits {
  minZoom: number;
  maxZoom: number;
}

/** The fields of a `WheelEvent` that the zoom factor depends on. */
export interface WheelDelta {
  deltaY: number;
  /** `WheelEvent.deltaMode`: 0 for pixels, 1 for lines, 2 for pages. */
  deltaMode: number;
  /** Set by browsers for a trackpad pinch, which arrives as a wheel event. */
  ctrlKey: boolean;
}

const DOM_DELTA_PIXEL = 0;
const DOM_DELTA_LINE = 1;

/**
 * Largest pixel delta of a wheel event with Ctrl that counts as a trackpad pinch. A pinch sends
 * many small deltas, where a mouse wheel turned with Ctrl sends about 100 pixels a notch.
 */
export const PINCH_MAX_DELTA = 50;

/**
 * Returns the factor by which a wheel event zooms: 2 to the power of -deltaY times 0.002 per
 * pixel, 0.05 per line or 1 per page, times 10 for a trackpad pinch. These are d3-zoom's
 * defaults, so a delta of 100 pixels zooms by a factor of about 0.87 or 1.15. d3-zoom takes
 * every wheel event with Ctrl for a pinch, which made a notch of a mouse wheel with Ctrl zoom
 * by 4. Here only pixel deltas below `PINCH_MAX_DELTA` do.
 */
export function wheelZoomFactor(wheel: WheelDelta): number {
  let unit = 1;
  if (wheel.deltaMode === DOM_DELTA_PIXEL) unit = 0.002;
  else if (wheel.deltaMode === DOM_DELTA_LINE) unit = 0.05;
  const pinch = wheel.ctrlKey && wheel.deltaMode === DOM_DELTA_PIXEL && Math.abs(wheel.deltaY) < PINCH_MAX_DELTA;
  return 2 ** (-wheel.deltaY * unit * (pinch ? 10 : 1));
}

/** Returns `k` clamped to the limits. */
export function clampScale(k: number, limits: ScaleLimits): number {
  return Math.min(limits.maxZoom, Math.max(limits.minZoom, k));
}

/** Returns the world point drawn at a point of the element. */
export function worldAt(camera: Camera, point: Point): Point {
  return { x: (point.x - camera.x) / camera.k, y: (point.y - camera.y) / camera.k };
}

/** Returns the camera of scale `k` that draws the world point `world` at the element's `point`. */
export function cameraHolding(world: Point, point: Point, k: number): Camera {
  return { x: point.x - world.x * k, y: point.y - world.y * k, k };
}

/**
 * Returns the camera zoomed by `factor` around `point`: the world point under it stays there.
 * The scale is clamped to the limits, so at a limit the camera comes back unchanged.
 */
export function zoomAround(camera: Camera, factor: number, point: Point, limits: ScaleLimits): Camera {
  const k = clampScale(camera.k * factor, limits);
  if (k === camera.k) return camera;
  return cameraHolding(worldAt(camera, point), point, k);
}

/**
 * Returns the camera of a two-finger pinch: `loci` are the world points the fingers pressed,
 * `points` where the fingers are now. The scale is the fingers' distance over the loci's
 * distance, clamped to the limits, and the loci's midpoint is drawn at the fingers' midpoint.
 * Loci or fingers at one point give no scale, so the camera then keeps `camera.k`.
 */
export function pinchCamera(
  camera: Camera,
  loci: readonly [Point, Point],
  points: readonly [Point, Point],
  limits: ScaleLimits,
): Camera {
  const worldDistance = Math.hypot(loci[1].x - loci[0].x, loci[1].y - loci[0].y);
  const screenDistance = Math.hypot(points[1].x - points[0].x, points[1].y - points[0].y);
  const k = clampScale(worldDistance > 0 && screenDistance > 0 ? screenDistance / worldDistance : camera.k, limits);
  return cameraHolding(midpoint(loci[0], loci[1]), midpoint(points[0], points[1]), k);
}

function midpoint(a: Point, b: Point): Point {
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}
