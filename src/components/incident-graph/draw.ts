/**
 * The draw phase: paints a display model on the canvas for one camera. Pure with respect to its
 * inputs; the element decides when to call it (one animation frame at most per frame).
 */

import type { DisplayModel, EdgeView } from './display-model.js';
import { drawHaloRing, drawNode, RING_GAP } from './draw-nodes.js';
import { middleEllipsis, type Camera, type Point } from './geometry.js';
import type { Palette } from './palette.js';
import { relationLabel } from './strings.js';

/** Node labels show from this zoom on, edge type labels from `EDGE_LABEL_MIN_ZOOM` on. */
export const LABEL_MIN_ZOOM = 0.6;
export const EDGE_LABEL_MIN_ZOOM = 1.5;

const DIMMED_ALPHA = 0.18;
const ARROW_LENGTH = 7;
const LABEL_MAX_CHARACTERS = 24;

export interface SceneState {
  /** Viewport size in CSS pixels and the backing store's pixels per CSS pixel. */
  width: number;
  height: number;
  pixelRatio: number;
  camera: Camera;
  palette: Palette;
  display: DisplayModel;
  hoveredId: string | undefined;
  /** The keyboard's active node, drawn with a dashed ring when `showActive` is set. */
  activeId: string | undefined;
  showActive: boolean;
}

export function drawScene(ctx: CanvasRenderingContext2D, state: SceneState): void {
  const { camera, palette, display, pixelRatio } = state;

  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  ctx.fillStyle = palette.background;
  ctx.fillRect(0, 0, state.width, state.height);

  ctx.setTransform(
    pixelRatio * camera.k,
    0,
    0,
    pixelRatio * camera.k,
    pixelRatio * camera.x,
    pixelRatio * camera.y,
  );

  // Dimmed things first, so what the selection emphasises is drawn on top of them.
  const edges = [...display.edges].sort((a, b) => Number(b.dimmed) - Number(a.dimmed));
  for (const edge of edges) drawEdge(ctx, edge, palette, camera.k);

  const nodes = [...display.nodes].sort(
    (a, b) => Number(b.dimmed) - Number(a.dimmed) || Number(a.selected) - Number(b.selected),
  );
  for (const node of nodes) {
    ctx.globalAlpha = node.dimmed ? DIMMED_ALPHA : 1;
    drawNode(ctx, node, palette);
  }
  ctx.globalAlpha = 1;

  for (const node of display.nodes) {
    if (node.selected) {
      drawHaloRing(ctx, node, { color: palette.selection, gap: RING_GAP + 5, screenWidth: 3, zoom: camera.k });
    } else if (node.id === state.hoveredId) {
      drawHaloRing(ctx, node, { color: palette.nodeBorder, gap: RING_GAP + 5, screenWidth: 2, zoom: camera.k });
    }
  }
  const active = state.activeId === undefined ? undefined : display.byId.get(state.activeId);
  if (active && state.showActive) {
    drawHaloRing(ctx, active, { color: palette.focus, gap: RING_GAP + 10, screenWidth: 2, dash: [4, 3], zoom: camera.k });
  }

  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  if (camera.k >= EDGE_LABEL_MIN_ZOOM) drawEdgeLabels(ctx, state);
  if (camera.k >= LABEL_MIN_ZOOM) drawNodeLabels(ctx, state);
}

/** Returns the quadratic curve of an edge from the source's rim to the target's rim. */
function edgeCurve(edge: EdgeView): { start: Point; control: Point; end: Point } {
  const { source, target } = edge;
  const dx = target.x - source.x;
  const dy = target.y - source.y;
  const length = Math.hypot(dx, dy) || 1;

  // A quadratic curve's apex lies halfway to its control point, so the control point sits at
  // twice the wanted offset.
  const control = {
    x: (source.x + target.x) / 2 - (dy / length) * edge.curve * 2,
    y: (source.y + target.y) / 2 + (dx / length) * edge.curve * 2,
  };
  return {
    start: towards(source, control, source.radius),
    control,
    end: towards(target, control, target.radius + RING_GAP + 1),
  };
}

function drawEdge(ctx: CanvasRenderingContext2D, edge: EdgeView, palette: Palette, zoom: number): void {
  ctx.save();
  ctx.globalAlpha = edge.dimmed ? DIMMED_ALPHA : 1;
  ctx.strokeStyle = palette.edge;
  ctx.fillStyle = palette.edge;
  ctx.lineWidth = Math.max(edge.evidence ? 1 : 1.6, 0.75 / zoom);
  ctx.setLineDash(edge.evidence ? [4, 3] : []);

  let tip: Point;
  let from: Point;
  if (edge.source === edge.target) {
    ({ tip, from } = traceSelfLoop(ctx, edge));
  } else {
    const curve = edgeCurve(edge);
    ctx.beginPath();
    ctx.moveTo(curve.start.x, curve.start.y);
    ctx.quadraticCurveTo(curve.control.x, curve.control.y, curve.end.x, curve.end.y);
    tip = curve.end;
    from = curve.control;
  }
  ctx.stroke();
  ctx.setLineDash([]);
  drawArrowhead(ctx, from, tip);
  ctx.restore();
}

/** Traces a self-loop as a circle above the node; later loops of the same node grow larger. */
function traceSelfLoop(ctx: CanvasRenderingContext2D, edge: EdgeView): { tip: Point; from: Point } {
  const node = edge.source;
  const loopRadius = node.radius * 0.7 + edge.loopIndex * 6;
  const centre = { x: node.x, y: node.y - node.radius - loopRadius * 0.6 };
  ctx.beginPath();
  ctx.arc(centre.x, centre.y, loopRadius, 0, Math.PI * 2);

  const tip = { x: node.x + node.radius * 0.5, y: node.y - node.radius * 0.9 };
  return { tip, from: { x: tip.x + loopRadius, y: tip.y - loopRadius } };
}

function drawArrowhead(ctx: CanvasRenderingContext2D, from: Point, tip: Point): void {
  const angle = Math.atan2(tip.y - from.y, tip.x - from.x);
  ctx.beginPath();
  ctx.moveTo(tip.x, tip.y);
  ctx.lineTo(tip.x - ARROW_LENGTH * Math.cos(angle - 0.4), tip.y - ARROW_LENGTH * Math.sin(angle - 0.4));
  ctx.lineTo(tip.x - ARROW_LENGTH * Math.cos(angle + 0.4), tip.y - ARROW_LENGTH * Math.sin(angle + 0.4));
  ctx.closePath();
  ctx.fill();
}

function drawNodeLabels(ctx: CanvasRenderingContext2D, state: SceneState): void {
  const { camera, palette } = state;
  ctx.font = `12px ${palette.fontFamily}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.lineJoin = 'round';
  ctx.lineWidth = 3;
  ctx.strokeStyle = palette.background;
  ctx.fillStyle = palette.label;

  for (const node of state.display.nodes) {
    const x = node.x * camera.k + camera.x;
    const y = (node.y + node.radius + RING_GAP + 2) * camera.k + camera.y + 2;
    if (x < -200 || x > state.width + 200 || y < -20 || y > state.height + 20) continue;

    const text = middleEllipsis(node.label, LABEL_MAX_CHARACTERS);
    ctx.globalAlpha = node.dimmed ? DIMMED_ALPHA * 2 : 1;
    ctx.strokeText(text, x, y);
    ctx.fillText(text, x, y);
  }
  ctx.globalAlpha = 1;
}

function drawEdgeLabels(ctx: CanvasRenderingContext2D, state: SceneState): void {
  const { camera, palette } = state;
  ctx.font = `10px ${palette.fontFamily}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineWidth = 3;
  ctx.strokeStyle = palette.background;
  ctx.fillStyle = palette.labelMuted;

  for (const edge of state.display.edges) {
    if (edge.evidence || edge.source === edge.target) continue;
    const curve = edgeCurve(edge);
    // The apex of the quadratic curve, at t = 0.5.
    const apexX = (curve.start.x + 2 * curve.control.x + curve.end.x) / 4;
    const apexY = (curve.start.y + 2 * curve.control.y + curve.end.y) / 4;
    const x = apexX * camera.k + camera.x;
    const y = apexY * camera.k + camera.y;
    if (x < -100 || x > state.width + 100 || y < -20 || y > state.height + 20) continue;

    const text = relationLabel(edge.type);
    ctx.globalAlpha = edge.dimmed ? DIMMED_ALPHA * 2 : 1;
    ctx.strokeText(text, x, y);
    ctx.fillText(text, x, y);
  }
  ctx.globalAlpha = 1;
}

/** Returns the point at `distance` from `from` towards `to`. */
function towards(from: Point, to: Point, distance: number): Point {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy) || 1;
  return { x: from.x + (dx / length) * distance, y: from.y + (dy / length) * distance };
}
