/**
 * Drawing of what marks a group node, in world coordinates: a second rim behind its circle, so
 * it reads as a stack, and a count badge at its top right. The circle, kind icon and verdict ring
 * are drawn like any entity's.
 */

import type { NodeView } from './display-model.js';
import { RING_GAP } from './draw-nodes.js';
import type { Palette } from './palette.js';

const BADGE_HEIGHT = 13;
const BADGE_FONT_SIZE = 9;
const DIMMED_ALPHA = 0.18;

/** Draws the count badge of every group node among `nodes`. */
export function drawGroupBadges(ctx: CanvasRenderingContext2D, nodes: readonly NodeView[], palette: Palette): void {
  const groups = nodes.filter((node) => node.group !== undefined);
  if (groups.length === 0) return;

  ctx.save();
  ctx.font = `600 ${BADGE_FONT_SIZE}px ${palette.fontFamily}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const node of groups) {
    ctx.globalAlpha = node.dimmed ? DIMMED_ALPHA : 1;
    drawStackRim(ctx, node, palette);
    drawCountBadge(ctx, node, node.group!.countLabel, palette);
  }
  ctx.restore();
}

/** Draws an arc below the node's left side, like the edge of a second disc behind it. */
function drawStackRim(ctx: CanvasRenderingContext2D, node: NodeView, palette: Palette): void {
  ctx.beginPath();
  ctx.arc(node.x - 3, node.y + 3, node.radius + RING_GAP + 3, Math.PI * 0.55, Math.PI * 1.05);
  ctx.strokeStyle = palette.nodeBorder;
  ctx.lineWidth = 1.5;
  ctx.stroke();
}

function drawCountBadge(ctx: CanvasRenderingContext2D, node: NodeView, text: string, palette: Palette): void {
  const width = Math.max(BADGE_HEIGHT, ctx.measureText(text).width + 8);
  const distance = node.radius + RING_GAP;
  const x = node.x + distance * Math.SQRT1_2;
  const y = node.y - distance * Math.SQRT1_2;

  ctx.beginPath();
  ctx.roundRect(x - width / 2, y - BADGE_HEIGHT / 2, width, BADGE_HEIGHT, BADGE_HEIGHT / 2);
  ctx.fillStyle = palette.label;
  ctx.fill();
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = palette.background;
  ctx.stroke();

  ctx.fillStyle = palette.background;
  ctx.fillText(text, x, y + 0.5);
}
