/**
 * Drawing of the graph's edges: one stroke per evidence-role style, arrowheads in one fill,
 * curves for parallel edges, loops for self-loops, and straight edges clipped to the view so
 * dashing stays cheap.
 */

import { clipRange } from './dot-raster.js';
import type { EdgeTable, EdgeView } from './edge-table.js';
import { paintInChunks, RING_GAP, strokeChunk } from './draw-nodes.js';
import { EDGE_STYLE_ORDER, EDGE_STYLES, edgeStyleOf, type EdgeStyleName } from './edge-styles.js';
import type { Point } from './geometry.js';
import type { Palette } from './palette.js';
import { selfLoopShape } from './self-loops.js';

const ARROW_LENGTH = 7;
/** Thinnest edge on screen, in CSS pixels. */
const MIN_EDGE_SCREEN_WIDTH = 0.75;

/** A rectangle in world units. */
export interface WorldRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface EdgeLayerOptions {
  zoom: number;
  pixelRatio: number;
  alpha: number;
  /** Draws plain lines between centres, without arrowheads. */
  dots: boolean;
  /** Draws each evidence role's dash pattern and width. Otherwise every edge is a hairline. */
  styled: boolean;
  view: WorldRect;
}

/**
 * Draws edges with one stroke per style, in chunks for wide strokes, and one fill for all
 * arrowheads. Unstyled edges are one-device-pixel solid lines, because the software rasterizer
 * strokes hairlines many times faster than wider or dashed lines, and dash patterns no longer
 * show at that size.
 */
export function drawEdgeLayer(ctx: CanvasRenderingContext2D, edges: EdgeTable, palette: Palette, options: EdgeLayerOptions): void {
  if (edges.length === 0) return;
  const { zoom, view } = options;
  ctx.save();
  ctx.globalAlpha = options.alpha;
  ctx.strokeStyle = palette.edge;
  ctx.fillStyle = palette.edge;
  const hairline = 1 / (zoom * options.pixelRatio);

  if (options.dots) {
    ctx.beginPath();
    for (let row = 0; row < edges.length; row++) {
      const source = edges.sourceOf(row);
      const target = edges.targetOf(row);
      if (source !== target) traceSegment(ctx, source, target, view);
    }
    ctx.lineWidth = hairline;
    ctx.stroke();
    ctx.restore();
    return;
  }

  const byStyle = new Map<EdgeStyleName, EdgeView[]>();
  for (let row = 0; row < edges.length; row++) {
    const edge = edges.view(row);
    const name = options.styled ? edgeStyleOf(edge).name : 'relation';
    const list = byStyle.get(name);
    if (list) list.push(edge);
    else byStyle.set(name, [edge]);
  }

  const arrowheads = new Path2D();
  for (const name of EDGE_STYLE_ORDER) {
    const styled = byStyle.get(name);
    if (!styled) continue;
    const style = EDGE_STYLES[name];
    const width = options.styled ? Math.max(style.width, MIN_EDGE_SCREEN_WIDTH / zoom) : hairline;
    ctx.lineWidth = width;
    ctx.lineCap = options.styled ? style.cap : 'butt';
    ctx.setLineDash(options.styled ? (style.dash as number[]) : []);

    const trace = (edge: EdgeView): void => {
      const { tip, from } = edge.source === edge.target ? traceSelfLoop(ctx, edge) : traceCurve(ctx, edge, view);
      if (pointInRect(tip, view)) traceArrowhead(arrowheads, from, tip);
    };
    paintInChunks(ctx, styled, strokeChunk(width, zoom * options.pixelRatio), trace, () => ctx.stroke());
  }
  ctx.setLineDash([]);
  ctx.fill(arrowheads);
  ctx.restore();
}

/**
 * Relation types whose arrow is drawn from the edge's target to its source. `parentProcess`
 * runs from a child process to its parent in the data, and an arrow drawn that way reads as
 * "the child started its parent". So the arrow points from the parent to the processes it
 * created. Only the drawing turns round. The edge, its curve, hit testing and the layout keep
 * the data's direction.
 */
const REVERSED_RELATIONS: ReadonlySet<string> = new Set(['parentProcess']);

/** Returns true when an edge's arrow points at its source rather than its target. */
export function drawnReversed(edge: EdgeView): boolean {
  return REVERSED_RELATIONS.has(edge.type);
}

/**
 * Returns the quadratic curve of an edge from the rim of the node its arrow leaves to the rim of
 * the node its arrow points at: source to target, or target to source for a reversed relation
 * (see `drawnReversed`). Either way the curve bends to the same side, so only the arrowhead moves.
 */
export function edgeCurve(edge: EdgeView): { start: Point; control: Point; end: Point } {
  const { source, target } = edge;
  const control = curveControl(source, target, edge.curve);
  const [tail, head] = drawnReversed(edge) ? [target, source] : [source, target];
  return {
    start: towards(tail, control, tail.radius),
    control,
    end: towards(head, control, head.radius + RING_GAP + 1),
  };
}

/**
 * Returns the control point of the quadratic curve from `source` to `target` whose apex lies
 * `curve` world units off the straight line, on the side that the sign of `curve` gives.
 */
export function curveControl(source: Point, target: Point, curve: number): Point {
  const dx = target.x - source.x;
  const dy = target.y - source.y;
  const length = Math.hypot(dx, dy) || 1;

  // A quadratic curve's apex lies halfway to its control point, so the control point sits at
  // twice the intended offset.
  return {
    x: (source.x + target.x) / 2 - (dy / length) * curve * 2,
    y: (source.y + target.y) / 2 + (dx / length) * curve * 2,
  };
}

/** Traces an edge's curve. A straight edge is clipped to the view first, so dashing stays cheap. */
function traceCurve(ctx: CanvasRenderingContext2D, edge: EdgeView, view: WorldRect): { tip: Point; from: Point } {
  const curve = edgeCurve(edge);
  if (edge.curve === 0) {
    traceSegment(ctx, curve.start, curve.end, view);
  } else {
    ctx.moveTo(curve.start.x, curve.start.y);
    ctx.quadraticCurveTo(curve.control.x, curve.control.y, curve.end.x, curve.end.y);
  }
  return { tip: curve.end, from: curve.control };
}

/** Traces the part of a segment inside a rectangle, if any. */
function traceSegment(ctx: CanvasRenderingContext2D, start: Point, end: Point, view: WorldRect): void {
  const dx = end.x - start.x;
  const dy = end.y - start.y;
  const range = clipRange(dx, dy, start.x, start.y, view.left, view.top, view.right, view.bottom);
  if (!range) return;
  const [t0, t1] = range;
  ctx.moveTo(start.x + dx * t0, start.y + dy * t0);
  ctx.lineTo(start.x + dx * t1, start.y + dy * t1);
}

function pointInRect(point: Point, rect: WorldRect): boolean {
  return point.x >= rect.left && point.x <= rect.right && point.y >= rect.top && point.y <= rect.bottom;
}

/** Traces a self-loop (see `selfLoopShape`). */
function traceSelfLoop(ctx: CanvasRenderingContext2D, edge: EdgeView): { tip: Point; from: Point } {
  const { centre, radius, tip, from } = selfLoopShape(edge.source, edge.loopIndex, edge.loopSide);
  ctx.moveTo(centre.x + radius, centre.y);
  ctx.arc(centre.x, centre.y, radius, 0, Math.PI * 2);
  return { tip, from };
}

function traceArrowhead(path: Path2D, from: Point, tip: Point): void {
  const [left, right] = arrowheadCorners(from, tip);
  path.moveTo(tip.x, tip.y);
  path.lineTo(left.x, left.y);
  path.lineTo(right.x, right.y);
  path.closePath();
}

/** Returns the two back corners of the arrowhead at `tip` that points away from `from`. */
export function arrowheadCorners(from: Point, tip: Point): [Point, Point] {
  const angle = Math.atan2(tip.y - from.y, tip.x - from.x);
  return [
    { x: tip.x - ARROW_LENGTH * Math.cos(angle - 0.4), y: tip.y - ARROW_LENGTH * Math.sin(angle - 0.4) },
    { x: tip.x - ARROW_LENGTH * Math.cos(angle + 0.4), y: tip.y - ARROW_LENGTH * Math.sin(angle + 0.4) },
  ];
}

/** Returns the point at `distance` from `from` towards `to`. */
function towards(from: Point, to: Point, distance: number): Point {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy) || 1;
  return { x: from.x + (dx / length) * distance, y: from.y + (dy / length) * distance };
}
