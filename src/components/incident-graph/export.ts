/**
 * Export of `il-incident-graph`: the whole graph, not only the viewport, as a PNG drawn by the
 * canvas draw phase at a chosen scale, or as an SVG document built from the display model and
 * its positions. The SVG holds only shapes, paths and text: no script, no event handler
 * attribute, no external reference and no foreignObject. Data text is escaped into text
 * content, and colours pass through a canvas, which accepts colours only.
 */

import { ICON_FILL_RULE, ICON_VIEW_BOX_SIZE, iconPathData } from '../shared/entity-icons.js';
import type { Verdict } from '../../model/types.js';
import type { DisplayModel, EdgeView, NodeView } from './display-model.js';
import { drawScene } from './draw.js';
import { edgeCurve } from './draw-edges.js';
import { selfLoopCircles, selfLoopShape } from './self-loops.js';
import {
  addLoopCircles,
  EDGE_FONT_SIZE,
  edgeLabelFont,
  edgeLabelSpots,
  edgeLabelText,
  fitEdgeLabel,
  fitNodeLabel,
  LABEL_BACKING_ALPHA,
  nodeLabelFont,
  placeEdgeLabels,
  placeNodeLabels,
  stackHeight,
} from './draw-labels.js';
import { alertIconColor, BADGE_RADIUS, badgeCentre, PIN_RADIUS, pinCentre, remediationBadgeOf, RING_GAP, type BadgeKind } from './draw-nodes.js';
import type { Point } from './geometry.js';
import { boxAt, boxCentre, LabelPlacer, NODE_LABEL_PLACEMENTS, type Box, type PlacedLabel } from './labels.js';
import type { Palette } from './palette.js';

export interface PngOptions {
  /** Pixels per world unit (and per CSS pixel at zoom 1). 1 by default. */
  scale?: number;
  /** Any CSS colour, `transparent` included. The graph's background by default. */
  background?: string;
}

export interface ExportBounds {
  /** World coordinates of the top left corner. */
  x: number;
  y: number;
  /** Size in world units, a whole number. */
  width: number;
  height: number;
}

/** Largest side of an exported PNG, in pixels. Chromium's canvas limit is 32,767. */
export const MAX_PNG_SIDE = 16_384;

/** World units kept around each node for its verdict ring, badge and halo. */
const NODE_REACH = RING_GAP + 16;
/** Height of a label in world units, kept below every node. */
const LABEL_ROOM_BELOW = 24;
const MARGIN = 16;
/** Half the widest edge line, which a self-loop's circle is drawn with at most. */
const LOOP_LINE_REACH = 1.5;
const DIMMED_OPACITY = 0.18;
const ARROW_LENGTH = 7;

const RING_STYLES: Record<Verdict, { width: number; dash: string }> = {
  malicious: { width: 3.5, dash: '' },
  suspicious: { width: 2.5, dash: '5 3' },
  clean: { width: 1.25, dash: '' },
  unknown: { width: 2, dash: '0.1 4' },
};

/**
 * Returns the world rectangle that contains every visible node with its rings and its label,
 * and every edge label, measured in `fontFamily`. The PNG and the SVG draw a label below, right
 * of, left of or above its node. They take the first of these places where it overlaps nothing
 * and lies wholly inside, so the rectangle has room for each label at all four places, and for
 * each edge label at each of its places.
 */
export function exportBounds(display: DisplayModel, fontFamily: string): ExportBounds {
  if (display.nodes.length === 0) return { x: 0, y: 0, width: 2 * MARGIN, height: 2 * MARGIN };
  const context = measuringContext();
  context.font = nodeLabelFont(fontFamily);

  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  const grow = (box: Box): void => {
    left = Math.min(left, box.x);
    right = Math.max(right, box.x + box.width);
    top = Math.min(top, box.y);
    bottom = Math.max(bottom, box.y + box.height);
  };

  for (const node of display.nodes) {
    const reach = node.radius + NODE_REACH;
    grow({ x: node.x - reach, y: node.y - reach, width: 2 * reach, height: reach + node.radius + RING_GAP + LABEL_ROOM_BELOW });

    // The same anchor and size as the canvas label of the node at zoom 1.
    const anchor = { x: node.x, y: node.y, radius: node.radius + RING_GAP + 1 };
    const { size } = fitNodeLabel(context, node.label);
    for (const placement of NODE_LABEL_PLACEMENTS) grow(boxAt(anchor, placement, size));
  }

  // Self-loops stand beside their node, the later ones of a node beyond its reach.
  for (const { x, y, radius } of selfLoopCircles(display)) {
    const reach = radius + LOOP_LINE_REACH;
    grow({ x: x - reach, y: y - reach, width: 2 * reach, height: 2 * reach });
  }

  // An edge label centres on its curve's apex, and the labels of a node's loops go around its
  // outermost loop.
  context.font = edgeLabelFont(fontFamily);
  for (const spot of edgeLabelSpots(display.edges)) {
    const widths = spot.lines.map((line) => fitEdgeLabel(context, line.text).size.width);
    const size = { width: Math.max(...widths), height: stackHeight(widths.length) };
    for (const placement of spot.placements) grow(boxAt(spot.anchor, placement, size));
  }

  const x = Math.floor(left - MARGIN);
  const y = Math.floor(top - MARGIN);
  return { x, y, width: Math.ceil(right + MARGIN) - x, height: Math.ceil(bottom + MARGIN) - y };
}

let labelContext: CanvasRenderingContext2D | undefined;

/** Returns a 2D context of a canvas that is never shown, for measuring label text. */
function measuringContext(): CanvasRenderingContext2D {
  labelContext ??= document.createElement('canvas').getContext('2d') ?? undefined;
  if (!labelContext) throw new Error('Graph export failed: the browser returned no 2D canvas context to measure labels.');
  return labelContext;
}

/** Draws the whole graph into an offscreen canvas at `scale` and encodes it as PNG. */
export async function exportPng(display: DisplayModel, palette: Palette, options: PngOptions = {}): Promise<Blob> {
  const scale = options.scale ?? 1;
  if (!Number.isFinite(scale) || scale <= 0) {
    throw new RangeError(`Invalid PNG scale ${scale}: pass a finite number greater than 0.`);
  }
  const bounds = exportBounds(display, palette.fontFamily);
  const width = Math.round(bounds.width * scale);
  const height = Math.round(bounds.height * scale);
  if (width > MAX_PNG_SIDE || height > MAX_PNG_SIDE) {
    throw new RangeError(
      `PNG of ${width} × ${height} pixels exceeds ${MAX_PNG_SIDE} pixels per side: pass a smaller scale.`,
    );
  }

  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('PNG export failed: the browser returned no 2D canvas context.');

  const background = options.background === undefined ? palette.background : options.background;
  context.clearRect(0, 0, width, height);
  drawScene(context, {
    width: bounds.width,
    height: bounds.height,
    pixelRatio: scale,
    camera: { x: -bounds.x, y: -bounds.y, k: 1 },
    palette: { ...palette, background },
    display,
    hoveredId: undefined,
    activeId: undefined,
    showActive: false,
    edgeLabels: true,
  });

  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (blob) resolve(blob);
      else reject(new Error(`PNG export failed: the browser could not encode ${width} × ${height} pixels.`));
    }, 'image/png');
  });
}

/** Builds an SVG document of the whole graph from the display model. */
export function exportSvg(display: DisplayModel, palette: Palette, title?: string): string {
  const colors = new ColorNormalizer();
  const color = (value: string): string => colors.normalize(value);
  const bounds = exportBounds(display, palette.fontFamily);
  const parts: string[] = [];

  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${bounds.width}" height="${bounds.height}" ` +
      `viewBox="${bounds.x} ${bounds.y} ${bounds.width} ${bounds.height}">`,
  );
  if (title) parts.push(`<title>${escapeXml(title)}</title>`);
  parts.push(
    `<rect x="${bounds.x}" y="${bounds.y}" width="${bounds.width}" height="${bounds.height}" fill="${color(palette.background)}"/>`,
  );

  parts.push(`<g fill="none" stroke="${color(palette.edge)}">`);
  for (const edge of display.edges.views()) parts.push(edgeSvg(edge, color(palette.edge)));
  parts.push('</g>');

  parts.push('<g>');
  for (const node of display.nodes) parts.push(nodeSvg(node, palette, color));
  parts.push('</g>');

  // Backings first, as on the canvas, so an edge under a label does not cross its text.
  const { nodeLabels, edgeLabels } = svgLabels(display, palette, bounds);
  parts.push(`<g fill="${color(palette.background)}">`);
  for (const { label, dimmed } of [...nodeLabels, ...edgeLabels]) {
    const { x, y, width, height } = label.box;
    const opacity = LABEL_BACKING_ALPHA * (dimmed ? DIMMED_OPACITY * 2 : 1);
    parts.push(`<rect x="${round(x)}" y="${round(y)}" width="${round(width)}" height="${round(height)}" opacity="${round(opacity)}"/>`);
  }
  parts.push('</g>');

  parts.push(labelTextsSvg(nodeLabels, 12, color(palette.label), palette, color));
  if (edgeLabels.length > 0) parts.push(labelTextsSvg(edgeLabels, EDGE_FONT_SIZE, color(palette.labelMuted), palette, color));

  parts.push('</svg>');
  return parts.join('\n');
}

interface SvgLabel {
  label: PlacedLabel;
  dimmed: boolean;
}

/**
 * Places labels as the PNG draws them at zoom 1, in world units. Node labels come first, by
 * priority, each shortened like the canvas's and put below, right of, left of or above its node
 * where it overlaps no other label or node. Edge labels follow where they overlap nothing.
 */
function svgLabels(display: DisplayModel, palette: Palette, bounds: ExportBounds): { nodeLabels: SvgLabel[]; edgeLabels: SvgLabel[] } {
  const camera = { x: -bounds.x, y: -bounds.y, k: 1 };
  const placer = new LabelPlacer({ x: 0, y: 0, width: bounds.width, height: bounds.height });
  for (const node of display.nodes) placer.addCircle({ x: node.x + camera.x, y: node.y + camera.y, radius: node.radius + RING_GAP + 1 }, node.id);
  addLoopCircles(placer, display.edges, camera);
  const state = { width: bounds.width, height: bounds.height, pixelRatio: 1, camera, palette, display, hoveredId: undefined, activeId: undefined, showActive: false };
  const context = measuringContext();
  const toWorld = ({ placed, dimmed }: { placed: PlacedLabel[]; dimmed: Set<PlacedLabel> }): SvgLabel[] =>
    placed.map((label) => ({
      label: { ...label, box: { ...label.box, x: label.box.x - camera.x, y: label.box.y - camera.y } },
      dimmed: dimmed.has(label),
    }));
  const nodeLabels = toWorld(placeNodeLabels(context, state, display.nodes, placer));
  const edgeLabels = toWorld(placeEdgeLabels(context, state, display.edges, placer));
  return { nodeLabels, edgeLabels };
}

/** Returns a group of label texts in one size and colour, each centred in its box. */
function labelTextsSvg(labels: readonly SvgLabel[], fontSize: number, fill: string, palette: Palette, color: (value: string) => string): string {
  const texts = labels.map(({ label, dimmed }) => {
    const centre = boxCentre(label.box);
    const opacity = dimmed ? ` opacity="${DIMMED_OPACITY * 2}"` : '';
    const direction = label.direction === 'rtl' ? ' direction="rtl"' : '';
    return `<text x="${round(centre.x)}" y="${round(centre.y)}"${direction}${opacity}>${escapeXml(label.text)}</text>`;
  });
  return (
    `<g font-family="${escapeXml(palette.fontFamily)}" font-size="${fontSize}" text-anchor="middle" dominant-baseline="central" ` +
    `fill="${fill}" stroke="${color(palette.background)}" stroke-width="3" stroke-linejoin="round" paint-order="stroke">\n` +
    `${texts.join('\n')}\n</g>`
  );
}

function nodeSvg(node: NodeView, palette: Palette, color: (value: string) => string): string {
  const shapes: string[] = [];
  const cx = round(node.x);
  const cy = round(node.y);

  if (node.alert) {
    const side = node.radius * 1.7;
    shapes.push(
      `<rect x="${round(node.x - side / 2)}" y="${round(node.y - side / 2)}" width="${round(side)}" ` +
        `height="${round(side)}" rx="${round(side * 0.22)}" fill="${color(palette.severity[node.severity ?? 'unknown'])}" ` +
        `stroke="${color(palette.background)}" stroke-width="1.5"/>`,
    );
    shapes.push(iconSvg(node, side * 0.68, color(alertIconColor(node, palette))));
  } else {
    const dash = node.ghost ? ' stroke-dasharray="3 2.5"' : '';
    shapes.push(
      `<circle cx="${cx}" cy="${cy}" r="${node.radius}" fill="${color(palette.nodeFill)}" ` +
        `stroke="${color(palette.nodeBorder)}" stroke-width="1"${dash}/>`,
    );
    shapes.push(iconSvg(node, node.radius * 1.15, color(palette.icon)));
    if (node.verdict) {
      const style = RING_STYLES[node.verdict];
      const ringDash = style.dash ? ` stroke-dasharray="${style.dash}"` : '';
      shapes.push(
        `<circle cx="${cx}" cy="${cy}" r="${node.radius + RING_GAP}" fill="none" ` +
          `stroke="${color(palette.verdict[node.verdict])}" stroke-width="${style.width}" stroke-linecap="round"${ringDash}/>`,
      );
    }
  }
  const badge = node.alert ? undefined : remediationBadgeOf(node);
  if (badge) shapes.push(badgeSvg(node, badge, palette, color));
  if (node.pinned) shapes.push(pinSvg(node, color(palette.icon), color(palette.background)));
  if (node.selected) {
    shapes.push(
      `<circle cx="${cx}" cy="${cy}" r="${node.radius + RING_GAP + 5}" fill="none" stroke="${color(palette.selection)}" stroke-width="3"/>`,
    );
  }
  if (node.group) shapes.push(groupBadgeSvg(node, palette, color));

  let opacity = node.dimmed ? DIMMED_OPACITY : 1;
  if (node.ghost) opacity *= 0.55;
  const group = opacity < 1 ? `<g opacity="${round(opacity)}">` : '<g>';
  // The full label, which the drawn text may shorten, as the node's tooltip and accessible name.
  return `${group}<title>${escapeXml(node.label)}</title>${shapes.join('')}</g>`;
}

/** Returns the remediation badge at a node's top right, like the canvas draws it. */
function badgeSvg(node: NodeView, badge: BadgeKind, palette: Palette, color: (value: string) => string): string {
  const { x, y } = badgeCentre(node);
  const fill = { done: palette.remediated, pending: palette.pending, attention: palette.attention }[badge];
  const at = (dx: number, dy: number): string => `${round(x + dx)} ${round(y + dy)}`;
  let glyph: string;
  if (badge === 'done') glyph = `<path d="M${at(-3, 0.2)}L${at(-0.8, 2.4)}L${at(3.2, -2.2)}"/>`;
  else if (badge === 'pending') glyph = `<circle cx="${round(x)}" cy="${round(y)}" r="3.6"/><path d="M${at(0, -2.2)}L${at(0, 0)}L${at(1.8, 1)}"/>`;
  else glyph = `<path d="M${at(0, -3.4)}L${at(0, 0.8)}M${at(0, 3.2)}L${at(0, 3.3)}"/>`;
  return (
    `<circle cx="${round(x)}" cy="${round(y)}" r="${BADGE_RADIUS}" fill="${color(fill)}" stroke="${color(palette.background)}" stroke-width="1.5"/>` +
    `<g fill="none" stroke="${color(palette.alertIcon)}" stroke-width="1.6" stroke-linecap="round">${glyph}</g>`
  );
}

/** Returns the pushpin at a pinned node's top left, like the canvas draws it. */
function pinSvg(node: NodeView, fill: string, background: string): string {
  const centre = pinCentre(node);
  const x = round(centre.x);
  const y = round(centre.y);
  return (
    `<path d="M${x} ${y}L${round(x + 4.5)} ${round(y + 4.5)}" stroke="${fill}" stroke-width="1.8" stroke-linecap="round"/>` +
    `<circle cx="${x}" cy="${y}" r="${PIN_RADIUS}" fill="${fill}" stroke="${background}" stroke-width="1.5"/>`
  );
}

/** Returns a group node's count badge at its top right, like the canvas draws it. */
function groupBadgeSvg(node: NodeView, palette: Palette, color: (value: string) => string): string {
  const text = node.group!.countLabel;
  const height = 13;
  const width = Math.max(height, text.length * 6 + 8);
  const distance = node.radius + RING_GAP;
  const x = node.x + distance * Math.SQRT1_2;
  const y = node.y - distance * Math.SQRT1_2;
  return (
    `<rect x="${round(x - width / 2)}" y="${round(y - height / 2)}" width="${round(width)}" height="${height}" ` +
    `rx="${height / 2}" fill="${color(palette.label)}" stroke="${color(palette.background)}" stroke-width="1.5"/>` +
    `<text x="${round(x)}" y="${round(y)}" font-family="${escapeXml(palette.fontFamily)}" font-size="9" font-weight="600" ` +
    `text-anchor="middle" dominant-baseline="central" fill="${color(palette.background)}">${escapeXml(text)}</text>`
  );
}

function iconSvg(node: NodeView, size: number, fill: string): string {
  const scale = size / ICON_VIEW_BOX_SIZE;
  return (
    `<path d="${escapeXml(iconPathData(node.kind))}" fill="${fill}" fill-rule="${ICON_FILL_RULE}" ` +
    `transform="translate(${round(node.x - size / 2)} ${round(node.y - size / 2)}) scale(${round(scale)})"/>`
  );
}

function edgeSvg(edge: EdgeView, fill: string): string {
  const attributes = [`stroke-width="${edge.evidence ? 1 : 1.6}"`];
  if (edge.evidence) attributes.push('stroke-dasharray="4 3"');
  if (edge.dimmed) attributes.push(`opacity="${DIMMED_OPACITY}"`);

  let line: string;
  let tip: Point;
  let from: Point;
  if (edge.source === edge.target) {
    const loop = selfLoopShape(edge.source, edge.loopIndex, edge.loopSide);
    line = `<circle cx="${round(loop.centre.x)}" cy="${round(loop.centre.y)}" r="${round(loop.radius)}"/>`;
    tip = loop.tip;
    from = loop.from;
  } else {
    const { start, control, end } = edgeCurve(edge);
    line = `<path d="M${round(start.x)} ${round(start.y)}Q${round(control.x)} ${round(control.y)} ${round(end.x)} ${round(end.y)}"/>`;
    tip = end;
    from = control;
  }

  const angle = Math.atan2(tip.y - from.y, tip.x - from.x);
  const wing = (offset: number): string =>
    `${round(tip.x - ARROW_LENGTH * Math.cos(angle + offset))} ${round(tip.y - ARROW_LENGTH * Math.sin(angle + offset))}`;
  const arrow = `<path d="M${round(tip.x)} ${round(tip.y)}L${wing(-0.4)}L${wing(0.4)}Z" fill="${fill}" stroke="none"/>`;
  // The full label, which the drawn text may shorten or share with other loops, as the edge's tooltip.
  const text = edgeLabelText(edge);
  const title = text === '' ? '' : `<title>${escapeXml(text)}</title>`;
  return `<g ${attributes.join(' ')}>${title}${line}${arrow}</g>`;
}


function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Characters XML 1.0 does not allow, and unpaired surrogates. They become U+FFFD. */
const INVALID_XML_CHARACTERS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Escapes text for XML text content and quoted attribute values. */
export function escapeXml(text: string): string {
  return text.replace(INVALID_XML_CHARACTERS, '\uFFFD').replace(/[&<>"']/g, (character) => XML_ENTITIES[character]!);
}

/**
 * Turns CSS colour strings into the canvas's serialisation (`#rrggbb` or `rgba(…)`). A value
 * the canvas rejects as a colour, such as `url(…)`, becomes black, so no reference or markup
 * reaches the SVG through a colour.
 */
class ColorNormalizer {
  private readonly context = document.createElement('canvas').getContext('2d');
  private readonly cache = new Map<string, string>();

  normalize(value: string): string {
    let normalized = this.cache.get(value);
    if (normalized !== undefined) return normalized;
    normalized = '#000000';
    if (this.context) {
      this.context.fillStyle = '#000000';
      this.context.fillStyle = value;
      normalized = escapeXml(String(this.context.fillStyle));
    }
    this.cache.set(value, normalized);
    return normalized;
  }
}
