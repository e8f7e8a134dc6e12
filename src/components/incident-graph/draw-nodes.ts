/**
 * Drawing of nodes on the canvas, in world coordinates: entity circles with a kind icon, a
 * verdict ring and a remediation badge, and alerts as rounded squares filled by severity. Each
 * verdict has its own ring style, so the verdict never rests on colour alone. Nodes are drawn a
 * layer at a time, batched by style.
 */

import { ICON_FILL_RULE, ICON_VIEW_BOX_SIZE, iconPath2D } from '../shared/entity-icons.js';
import type { RemediationStatus, Severity, Verdict } from '../../model/types.js';
import { ENTITY_RADIUS } from '../../layout/graph-layout.js';
import type { NodeView } from './display-model.js';
import type { Palette } from './palette.js';
import type { Point } from './geometry.js';

/** Kind icons and remediation badges show from this zoom on, where entities are 8 CSS pixels in radius. */
export const ICON_MIN_ZOOM = 8 / ENTITY_RADIUS;

/** Gap between a node's edge and its verdict ring, in world units. */
export const RING_GAP = 3.5;

/** Gap between a node's edge and the selection or hover ring around it, in world units. */
export const SELECTION_RING_GAP = RING_GAP + 5;

/** Gap between a node's edge and the dashed ring of the keyboard's active node, in world units. */
export const FOCUS_RING_GAP = RING_GAP + 10;

interface RingStyle {
  width: number;
  dash: number[];
}

/**
 * Ring style per verdict: solid thick, dashed, thin, short dashes. No ring when not provided.
 * Caps are butt, because round-capped dots cost the software rasterizer several times as much.
 */
const RING_STYLES: Record<Verdict, RingStyle> = {
  malicious: { width: 3.5, dash: [] },
  suspicious: { width: 2.5, dash: [5, 3] },
  clean: { width: 1.25, dash: [] },
  unknown: { width: 2, dash: [1.5, 3] },
};

/** Level of detail at which a layer draws each node. */
export interface NodeDetail {
  /** Draws every node as a plain dot in its verdict or severity colour. */
  dots: boolean;
  /** Draws kind icons and remediation badges. */
  icons: boolean;
  /** Smallest dot radius, in world units. */
  minDotRadius: number;
  /** Device pixels per world unit: the zoom times the pixel ratio. */
  pixelsPerUnit: number;
}

/**
 * Subpaths per path for strokes wider than a device pixel. Chromium's software rasterizer
 * strokes one path of thousands of wide or dashed subpaths slower than many paths of a few
 * dozen (about 2.5 times for 2,500 lines 2 pixels wide, measured with --disable-gpu), so such
 * batches are cut into chunks. Hairlines are fastest in one path.
 */
export const WIDE_STROKE_CHUNK = 32;

/** Returns the chunk size for strokes of `width` world units. */
export function strokeChunk(width: number, pixelsPerUnit: number): number {
  return width * pixelsPerUnit <= 1 ? Infinity : WIDE_STROKE_CHUNK;
}

/** Traces items into paths of at most `chunk` items and paints each path. */
export function paintInChunks<T>(
  ctx: CanvasRenderingContext2D,
  items: readonly T[],
  chunk: number,
  trace: (item: T) => void,
  paint: () => void,
): void {
  for (let start = 0; start < items.length; start += chunk) {
    ctx.beginPath();
    const end = Math.min(items.length, start + chunk);
    for (let i = start; i < end; i++) trace(items[i]!);
    paint();
  }
}

export type BadgeKind = 'done' | 'pending' | 'attention';

/** Remediation statuses that get a badge; the others (none, not found, active, unknown values) get none. */
const BADGES: Partial<Record<RemediationStatus, BadgeKind>> = {
  remediated: 'done',
  prevented: 'done',
  blocked: 'done',
  pendingApproval: 'pending',
  running: 'pending',
  failed: 'attention',
  unremediated: 'attention',
  partiallyRemediated: 'attention',
  declined: 'attention',
};

/** Returns the remediation badge of a node: a check, a clock, an exclamation mark, or none. */
export function remediationBadgeOf(node: NodeView): BadgeKind | undefined {
  return node.remediationStatus === undefined ? undefined : BADGES[node.remediationStatus];
}

/**
 * Draws one layer of nodes with one path per style, not per node: all entity circles in one
 * fill and one stroke, one stroke per verdict ring style, one fill per alert severity. Paths
 * of strokes wider than a device pixel are cut into chunks (see `WIDE_STROKE_CHUNK`). Only
 * icons, remediation badges and ghost nodes are drawn node by node. In `dots` detail every node
 * is a plain dot in its verdict or severity colour, at least `minDotRadius` world units wide.
 */
export function drawNodeLayer(
  ctx: CanvasRenderingContext2D,
  nodes: readonly NodeView[],
  palette: Palette,
  detail: NodeDetail,
): void {
  if (nodes.length === 0) return;
  if (detail.dots) {
    drawDots(ctx, nodes, palette, detail.minDotRadius);
    return;
  }

  const entities: NodeView[] = [];
  const alertsBySeverity = new Map<string, NodeView[]>();
  const ringsByVerdict = new Map<Verdict, NodeView[]>();
  for (const node of nodes) {
    if (node.ghost) continue;
    if (node.alert) {
      pushTo(alertsBySeverity, node.severity ?? 'unknown', node);
      continue;
    }
    entities.push(node);
    if (node.verdict) pushTo(ringsByVerdict, node.verdict, node);
  }

  const ppu = detail.pixelsPerUnit;
  if (entities.length > 0) {
    ctx.fillStyle = palette.nodeFill;
    ctx.lineWidth = 1;
    ctx.strokeStyle = palette.nodeBorder;
    const trace = (node: NodeView): void => traceCircle(ctx, node.x, node.y, node.radius);
    paintInChunks(ctx, entities, strokeChunk(1, ppu), trace, () => {
      ctx.fill();
      ctx.stroke();
    });
    if (detail.icons) {
      for (const node of entities) drawIcon(ctx, node, node.radius * 1.15, palette.icon);
    }
  }

  for (const [verdict, ringed] of ringsByVerdict) {
    const style = RING_STYLES[verdict];
    ctx.strokeStyle = palette.verdict[verdict];
    ctx.lineWidth = style.width;
    ctx.setLineDash(style.dash);
    const trace = (node: NodeView): void => traceCircle(ctx, node.x, node.y, node.radius + RING_GAP);
    paintInChunks(ctx, ringed, strokeChunk(style.width, ppu), trace, () => ctx.stroke());
  }
  ctx.setLineDash([]);

  for (const [severity, alerts] of alertsBySeverity) {
    ctx.fillStyle = palette.severity[severity as Severity];
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = palette.background;
    const trace = (node: NodeView): void => {
      const side = node.radius * 1.7;
      ctx.roundRect(node.x - side / 2, node.y - side / 2, side, side, side * 0.22);
    };
    paintInChunks(ctx, alerts, strokeChunk(1.5, ppu), trace, () => {
      ctx.fill();
      ctx.stroke();
    });
    if (detail.icons) {
      for (const node of alerts) drawIcon(ctx, node, node.radius * 1.7 * 0.68, alertIconColor(node, palette));
    }
  }

  if (detail.icons) {
    for (const node of entities) {
      const badge = remediationBadgeOf(node);
      if (badge) drawBadge(ctx, node, badge, palette);
    }
    for (const node of nodes) {
      if (node.pinned) drawPin(ctx, node, palette);
    }
  }
  for (const node of nodes) {
    if (node.ghost) drawNode(ctx, node, palette, detail.icons);
  }

  const fresh = nodes.filter((node) => node.fresh === true);
  if (fresh.length > 0) {
    // A dotted ring outside the verdict ring marks what is new at the current playback step.
    ctx.strokeStyle = palette.selection;
    ctx.lineWidth = FRESH_RING_WIDTH;
    ctx.setLineDash([FRESH_RING_WIDTH, FRESH_RING_WIDTH * 1.5]);
    const trace = (node: NodeView): void => traceCircle(ctx, node.x, node.y, node.radius + RING_GAP + FRESH_RING_GAP);
    paintInChunks(ctx, fresh, strokeChunk(FRESH_RING_WIDTH, ppu), trace, () => ctx.stroke());
    ctx.setLineDash([]);
  }
}

/** Width of the ring around a node that is new at the current playback step, in world units. */
const FRESH_RING_WIDTH = 2;

/** Gap between the verdict ring and the ring of a new node, in world units. */
const FRESH_RING_GAP = 4;

/** Draws nodes as dots, one fill per colour. */
function drawDots(ctx: CanvasRenderingContext2D, nodes: readonly NodeView[], palette: Palette, minRadius: number): void {
  const byColor = new Map<string, NodeView[]>();
  for (const node of nodes) pushTo(byColor, dotColor(node, palette), node);
  for (const [color, dots] of byColor) {
    ctx.beginPath();
    for (const node of dots) traceCircle(ctx, node.x, node.y, Math.max(node.radius, minRadius));
    ctx.fillStyle = color;
    ctx.fill();
  }
}

/** Returns the colour of a node drawn as a dot: its severity for an alert, else its verdict. */
export function dotColor(node: NodeView, palette: Palette): string {
  return node.alert ? palette.severity[node.severity ?? 'unknown'] : palette.verdict[node.verdict ?? 'none'];
}

/** Adds a closed circle as its own subpath, so circles in one path are not joined by lines. */
function traceCircle(ctx: CanvasRenderingContext2D, x: number, y: number, radius: number): void {
  ctx.moveTo(x + radius, y);
  ctx.arc(x, y, radius, 0, Math.PI * 2);
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Draws one node on its own, with its ring and badge, and its icon unless `icons` is false. */
export function drawNode(ctx: CanvasRenderingContext2D, node: NodeView, palette: Palette, icons = true): void {
  ctx.save();
  if (node.ghost) ctx.globalAlpha *= 0.55;
  if (node.alert) drawAlertShape(ctx, node, palette, icons);
  else drawEntityShape(ctx, node, palette, icons);
  ctx.restore();
}

/** Draws a ring around a node at `gap` beyond its edge, with a line width in screen pixels. */
export function drawHaloRing(
  ctx: CanvasRenderingContext2D,
  node: NodeView,
  options: { color: string; gap: number; screenWidth: number; dash?: number[]; zoom: number },
): void {
  ctx.save();
  ctx.beginPath();
  ctx.arc(node.x, node.y, node.radius + options.gap, 0, Math.PI * 2);
  ctx.strokeStyle = options.color;
  ctx.lineWidth = options.screenWidth / options.zoom;
  ctx.setLineDash((options.dash ?? []).map((length) => length / options.zoom));
  ctx.stroke();
  ctx.restore();
}

function drawEntityShape(ctx: CanvasRenderingContext2D, node: NodeView, palette: Palette, icons: boolean): void {
  ctx.beginPath();
  ctx.arc(node.x, node.y, node.radius, 0, Math.PI * 2);
  ctx.fillStyle = palette.nodeFill;
  ctx.fill();
  ctx.lineWidth = 1;
  ctx.strokeStyle = palette.nodeBorder;
  if (node.ghost) ctx.setLineDash([3, 2.5]);
  ctx.stroke();
  ctx.setLineDash([]);

  if (icons) drawIcon(ctx, node, node.radius * 1.15, palette.icon);

  if (node.verdict) {
    const style = RING_STYLES[node.verdict];
    ctx.beginPath();
    ctx.arc(node.x, node.y, node.radius + RING_GAP, 0, Math.PI * 2);
    ctx.strokeStyle = palette.verdict[node.verdict];
    ctx.lineWidth = style.width;
    ctx.setLineDash(style.dash);
    ctx.stroke();
    ctx.setLineDash([]);
  }

  const badge = remediationBadgeOf(node);
  if (badge) drawBadge(ctx, node, badge, palette);
}

function drawAlertShape(ctx: CanvasRenderingContext2D, node: NodeView, palette: Palette, icons: boolean): void {
  const side = node.radius * 1.7;
  ctx.beginPath();
  ctx.roundRect(node.x - side / 2, node.y - side / 2, side, side, side * 0.22);
  ctx.fillStyle = palette.severity[node.severity ?? 'unknown'];
  ctx.fill();
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = palette.background;
  ctx.stroke();
  if (icons) drawIcon(ctx, node, side * 0.68, alertIconColor(node, palette));
}

/**
 * Returns the icon colour of an alert. A dimmed alert's faint fill is close to the background,
 * where the icon colour chosen for the full fill would vanish, so it gets the entity icon colour.
 */
export function alertIconColor(node: NodeView, palette: Palette): string {
  return node.dimmed ? palette.icon : palette.alertIcon;
}

function drawIcon(ctx: CanvasRenderingContext2D, node: NodeView, size: number, color: string): void {
  ctx.save();
  ctx.translate(node.x - size / 2, node.y - size / 2);
  ctx.scale(size / ICON_VIEW_BOX_SIZE, size / ICON_VIEW_BOX_SIZE);
  ctx.fillStyle = color;
  ctx.fill(iconPath2D(node.kind), ICON_FILL_RULE);
  ctx.restore();
}

/** Radius of a remediation badge, in world units. */
export const BADGE_RADIUS = 6.5;

/** Returns the centre of a node's remediation badge, on its verdict ring at the top right. */
export function badgeCentre(node: NodeView): Point {
  const distance = node.radius + RING_GAP;
  return { x: node.x + distance * Math.SQRT1_2, y: node.y - distance * Math.SQRT1_2 };
}

/** Draws the remediation badge at the node's top right: a check, a clock or an exclamation mark. */
function drawBadge(ctx: CanvasRenderingContext2D, node: NodeView, badge: BadgeKind, palette: Palette): void {
  const radius = BADGE_RADIUS;
  const { x, y } = badgeCentre(node);

  ctx.beginPath();
  ctx.arc(x, y, radius, 0, Math.PI * 2);
  ctx.fillStyle = { done: palette.remediated, pending: palette.pending, attention: palette.attention }[badge];
  ctx.fill();
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = palette.background;
  ctx.stroke();

  ctx.beginPath();
  ctx.strokeStyle = palette.alertIcon;
  ctx.lineWidth = 1.6;
  ctx.lineCap = 'round';
  if (badge === 'done') {
    ctx.moveTo(x - 3, y + 0.2);
    ctx.lineTo(x - 0.8, y + 2.4);
    ctx.lineTo(x + 3.2, y - 2.2);
  } else if (badge === 'pending') {
    ctx.arc(x, y, 3.6, 0, Math.PI * 2);
    ctx.moveTo(x, y - 2.2);
    ctx.lineTo(x, y);
    ctx.lineTo(x + 1.8, y + 1);
  } else {
    ctx.moveTo(x, y - 3.4);
    ctx.lineTo(x, y + 0.8);
    ctx.moveTo(x, y + 3.2);
    ctx.lineTo(x, y + 3.3);
  }
  ctx.stroke();
  ctx.lineCap = 'butt';
}

/** Radius of the head of a pinned node's pushpin, in world units. */
export const PIN_RADIUS = 4;

/** Returns the centre of the head of a pinned node's pushpin, on its verdict ring at the top left. */
export function pinCentre(node: NodeView): Point {
  const distance = node.radius + RING_GAP;
  return { x: node.x - distance * Math.SQRT1_2, y: node.y - distance * Math.SQRT1_2 };
}

/** Draws a pushpin at a pinned node's top left, opposite the remediation badge. */
function drawPin(ctx: CanvasRenderingContext2D, node: NodeView, palette: Palette): void {
  const { x, y } = pinCentre(node);

  ctx.beginPath();
  ctx.moveTo(x, y);
  ctx.lineTo(x + 4.5, y + 4.5);
  ctx.lineWidth = 1.8;
  ctx.lineCap = 'round';
  ctx.strokeStyle = palette.icon;
  ctx.stroke();

  ctx.beginPath();
  ctx.arc(x, y, PIN_RADIUS, 0, Math.PI * 2);
  ctx.fillStyle = palette.icon;
  ctx.fill();
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = palette.background;
  ctx.stroke();
}
