/**
 * Drawing of one node on the canvas, in world coordinates: entity circles with a kind icon, a
 * verdict ring and a remediation badge; alerts as rounded squares filled by severity. Each
 * verdict has its own ring style, so the verdict never rests on colour alone.
 */

import { ICON_FILL_RULE, ICON_VIEW_BOX_SIZE, iconPath2D } from '../shared/entity-icons.js';
import type { RemediationStatus, Verdict } from '../../model/types.js';
import type { NodeView } from './display-model.js';
import type { Palette } from './palette.js';

/** Gap between a node's edge and its verdict ring, in world units. */
export const RING_GAP = 3.5;

interface RingStyle {
  width: number;
  dash: number[];
}

/** Ring style per verdict: solid thick, dashed, thin, dotted; no ring when not provided. */
const RING_STYLES: Record<Verdict, RingStyle> = {
  malicious: { width: 3.5, dash: [] },
  suspicious: { width: 2.5, dash: [5, 3] },
  clean: { width: 1.25, dash: [] },
  unknown: { width: 2, dash: [0.1, 4] },
};

type BadgeKind = 'done' | 'pending' | 'attention';

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

export function drawNode(ctx: CanvasRenderingContext2D, node: NodeView, palette: Palette): void {
  ctx.save();
  if (node.ghost) ctx.globalAlpha *= 0.55;
  if (node.alert) drawAlertShape(ctx, node, palette);
  else drawEntityShape(ctx, node, palette);
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

function drawEntityShape(ctx: CanvasRenderingContext2D, node: NodeView, palette: Palette): void {
  ctx.beginPath();
  ctx.arc(node.x, node.y, node.radius, 0, Math.PI * 2);
  ctx.fillStyle = palette.nodeFill;
  ctx.fill();
  ctx.lineWidth = 1;
  ctx.strokeStyle = palette.nodeBorder;
  if (node.ghost) ctx.setLineDash([3, 2.5]);
  ctx.stroke();
  ctx.setLineDash([]);

  drawIcon(ctx, node, node.radius * 1.15, palette.icon);

  if (node.verdict) {
    const style = RING_STYLES[node.verdict];
    ctx.beginPath();
    ctx.arc(node.x, node.y, node.radius + RING_GAP, 0, Math.PI * 2);
    ctx.strokeStyle = palette.verdict[node.verdict];
    ctx.lineWidth = style.width;
    ctx.lineCap = 'round';
    ctx.setLineDash(style.dash);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.lineCap = 'butt';
  }

  const badge = node.remediationStatus === undefined ? undefined : BADGES[node.remediationStatus];
  if (badge) drawBadge(ctx, node, badge, palette);
}

function drawAlertShape(ctx: CanvasRenderingContext2D, node: NodeView, palette: Palette): void {
  const side = node.radius * 1.7;
  ctx.beginPath();
  ctx.roundRect(node.x - side / 2, node.y - side / 2, side, side, side * 0.22);
  ctx.fillStyle = palette.severity[node.severity ?? 'unknown'];
  ctx.fill();
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = palette.background;
  ctx.stroke();
  drawIcon(ctx, node, side * 0.68, palette.alertIcon);
}

function drawIcon(ctx: CanvasRenderingContext2D, node: NodeView, size: number, color: string): void {
  ctx.save();
  ctx.translate(node.x - size / 2, node.y - size / 2);
  ctx.scale(size / ICON_VIEW_BOX_SIZE, size / ICON_VIEW_BOX_SIZE);
  ctx.fillStyle = color;
  ctx.fill(iconPath2D(node.kind), ICON_FILL_RULE);
  ctx.restore();
}

/** Draws the remediation badge at the node's top right: a check, a clock or an exclamation mark. */
function drawBadge(ctx: CanvasRenderingContext2D, node: NodeView, badge: BadgeKind, palette: Palette): void {
  const radius = 6.5;
  const distance = node.radius + RING_GAP;
  const x = node.x + distance * Math.SQRT1_2;
  const y = node.y - distance * Math.SQRT1_2;

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
