/**
 * Drawing of node and edge labels: placed by priority where they overlap nothing placed
 * before, shortened in the middle, written in their own direction, with a halo.
 */

import { FOCUS_RING_GAP, ICON_MIN_ZOOM, RING_GAP, SELECTION_RING_GAP } from './draw-nodes.js';
import type { SceneState } from './draw.js';
import { curveControl, edgeCurve } from './draw-edges.js';
import { loopCirclesOf, loopGroupsOf, loopLabelPlacements, selfLoopShape } from './self-loops.js';
import type { DisplayModel, EdgeTable, EdgeView, NodeView } from './display-model.js';
import type { Camera, Circle, Point } from './geometry.js';
import {
  boxCentre,
  fitLabel,
  hubIds,
  LABEL_PADDING,
  LABEL_SPACING,
  LabelPlacer,
  NODE_LABEL_PLACEMENTS,
  sortByLabelPriority,
  TextMeasurer,
  textDirection,
  type PlacedLabel,
  type Placement,
} from './labels.js';
import { evidenceLabel, relationLabel } from './strings.js';

const DIMMED_ALPHA = 0.18;

/**
 * Opacity of the backing under a label. An edge under a label still shows, fainter, so it reads
 * as passing under the label rather than ending at it.
 */
export const LABEL_BACKING_ALPHA = 0.7;
const LABEL_MAX_GRAPHEMES = 24;
/** Widest node label, in CSS pixels. Longer text loses its middle. */
const LABEL_MAX_WIDTH = 180;
const NODE_FONT_SIZE = 12;
/** Height of a node label's box, in CSS pixels. */
export const NODE_LABEL_HEIGHT = NODE_FONT_SIZE + 2;
export const EDGE_FONT_SIZE = 10;
/** Height of an edge label's box, in CSS pixels at any zoom. */
export const EDGE_LABEL_HEIGHT = EDGE_FONT_SIZE + 2;
/**
 * Most user-perceived characters of an edge label. It allows more than a node label, since an
 * evidence edge lists several roles; the width limit of node labels applies as well.
 */
const EDGE_LABEL_MAX_GRAPHEMES = 40;
/** Nodes in view, highest priority first, that are tried for a label in one frame. */
const MAX_LABEL_CANDIDATES = 1500;

const measurer = new TextMeasurer();

/** Returns the canvas font of node labels in `fontFamily`. */
export function nodeLabelFont(fontFamily: string): string {
  return `${NODE_FONT_SIZE}px ${fontFamily}`;
}

/** Largest factor by which zooming in lengthens node labels (see `nodeLabelForms`). */
const LABEL_LENGTH_MAX_FACTOR = 2;

interface FittedLabel {
  text: string;
  size: { width: number; height: number };
}

/**
 * Shortens a node label as the graph draws it at zoom 1 and below, and returns the text with
 * its size in CSS pixels, measured in `ctx`, whose font must be `nodeLabelFont`. `factor`
 * lengthens the limits, for a view zoomed in.
 */
export function fitNodeLabel(ctx: CanvasRenderingContext2D, label: string, factor = 1): FittedLabel {
  const measure = (text: string): number => measurer.width(ctx, text);
  const text = fitLabel(label, Math.round(LABEL_MAX_GRAPHEMES * factor), LABEL_MAX_WIDTH * factor, measure);
  return { text, size: { width: measure(text), height: NODE_LABEL_HEIGHT } };
}

/**
 * Returns the forms of a node label to try, longest first. Zoomed in past 1, where nodes stand
 * further apart on screen, a label may be longer in step with the zoom, up to twice the usual
 * limits, and the usual form follows for when the longer one finds no room.
 */
function nodeLabelForms(ctx: CanvasRenderingContext2D, label: string, zoom: number): FittedLabel[] {
  const usual = fitNodeLabel(ctx, label);
  if (zoom <= 1 || usual.text === label) return [usual];
  const longer = fitNodeLabel(ctx, label, Math.min(zoom, LABEL_LENGTH_MAX_FACTOR));
  return longer.text === usual.text ? [usual] : [longer, usual];
}

/** Degrees and hubs of one display model, with its list lengths to notice lists changed in place. */
interface Connectedness {
  nodeCount: number;
  edgeCount: number;
  /** Number of visible edges at each node, self-loops left out. */
  degrees: Map<string, number>;
  hubs: Set<string>;
  /** The rows of the visible edges at each node, a self-loop once. Made on first use. */
  rowsAt?: Map<NodeView, number[]>;
}

/**
 * Degrees and hubs per edge list. A layout step moves the nodes of a model into a new model
 * object over the same lists, so keying by the list keeps a layout's frames from counting again.
 */
const connectednessCache = new WeakMap<EdgeTable, Connectedness>();

/**
 * Returns the degrees and hubs of the whole display model, not only of the nodes in view, so
 * panning does not change which nodes are hubs.
 */
function connectednessOf(display: DisplayModel): Connectedness {
  const cached = connectednessCache.get(display.edges);
  if (cached !== undefined && cached.nodeCount === display.nodes.length && cached.edgeCount === display.edges.length) return cached;

  const degrees = new Map<string, number>();
  const { edges } = display;
  for (let row = 0; row < edges.length; row++) {
    const source = edges.sourceOf(row).id;
    const target = edges.targetOf(row).id;
    if (source === target) continue;
    degrees.set(source, (degrees.get(source) ?? 0) + 1);
    degrees.set(target, (degrees.get(target) ?? 0) + 1);
  }
  const connectedness = { nodeCount: display.nodes.length, edgeCount: display.edges.length, degrees, hubs: hubIds(display.nodes, degrees) };
  connectednessCache.set(display.edges, connectedness);
  return connectedness;
}

/** Returns the rows of a node's visible edges, indexing the edges on the first call. */
function rowsAtNode(connectedness: Connectedness, edges: EdgeTable, node: NodeView): number[] | undefined {
  let rowsAt = connectedness.rowsAt;
  if (!rowsAt) {
    const index = new Map<NodeView, number[]>();
    const add = (at: NodeView, row: number): void => {
      const list = index.get(at);
      if (list) list.push(row);
      else index.set(at, [row]);
    };
    for (let row = 0; row < edges.length; row++) {
      const source = edges.sourceOf(row);
      const target = edges.targetOf(row);
      add(source, row);
      if (target !== source) add(target, row);
    }
    connectedness.rowsAt = rowsAt = index;
  }
  return rowsAt.get(node);
}

/**
 * Returns, in world units, the point that an edge heads for as it leaves `node`. That is the
 * other end of a straight edge, a point a third along a curved one, where its arrowhead may be,
 * or the top of a self-loop. A label that the line from the node to this point crosses would
 * cover the edge near the node.
 */
function edgeHeading(edges: EdgeTable, row: number, node: NodeView): Point {
  const source = edges.sourceOf(row);
  const target = edges.targetOf(row);
  if (source === target) return selfLoopShape(node, edges.loopIndexes[row]!, edges.loopSides[row]).outer;
  const other = source === node ? target : source;
  const curve = edges.curves[row]!;
  if (curve === 0) return other;

  const control = curveControl(source, target, curve);
  // The quadratic curve at a third of the way from `node`.
  const t = 1 / 3;
  const [a, b] = [(1 - t) ** 2, 2 * t * (1 - t)];
  return {
    x: a * node.x + b * control.x + t * t * other.x,
    y: a * node.y + b * control.y + t * t * other.y,
  };
}

/**
 * Places node labels in priority order and draws those that fit. Hovered and active nodes
 * always get their label, even over another label. A selected node's label may cover a node
 * circle but not another label, so many selected nodes close together do not pile up their
 * labels. Hubs (see `hubIds`) come next, and the label of a hub that is not dimmed may cover
 * the rim of a neighbour's circle but not its icon.
 */
export function drawNodeLabels(
  ctx: CanvasRenderingContext2D,
  state: SceneState,
  nodes: readonly NodeView[],
  placer: LabelPlacer,
  options: LabelOptions = {},
): PlacedLabel[] {
  const { placed, dimmed } = placeNodeLabels(ctx, state, nodes, placer, options);
  paintLabels(ctx, placed, dimmed, state.palette.label, state.palette.background);
  return placed;
}

/** Options of `drawNodeLabels` and `placeNodeLabels`. */
export interface LabelOptions {
  /**
   * True for the few labels of a picture too small for the others (see `LABEL_MIN_ZOOM`). They
   * skip the degrees, hubs and edges of the whole model, which at 50,000 entities would cost a
   * pass over every edge for one hovered node.
   */
  few?: boolean;
}

const NO_DEGREES: ReadonlyMap<string, number> = new Map();
const NO_HUBS: ReadonlySet<string> = new Set();

/**
 * Places node labels as `drawNodeLabels` does, measured in `ctx`, without drawing them, and
 * returns them with the set of those whose node is dimmed. The SVG export writes them as text.
 */
export function placeNodeLabels(
  ctx: CanvasRenderingContext2D,
  state: SceneState,
  nodes: readonly NodeView[],
  placer: LabelPlacer,
  options: LabelOptions = {},
): { placed: PlacedLabel[]; dimmed: Set<PlacedLabel> } {
  const { camera, palette } = state;
  ctx.font = nodeLabelFont(palette.fontFamily);
  const activeId = state.showActive ? state.activeId : undefined;

  const connectedness = options.few ? undefined : connectednessOf(state.display);
  const degrees = connectedness?.degrees ?? NO_DEGREES;
  const hubs = connectedness?.hubs ?? NO_HUBS;

  const placed: PlacedLabel[] = [];
  const dimmed = new Set<PlacedLabel>();
  const iconsShown = camera.k >= ICON_MIN_ZOOM;
  // Candidates past the cap would rarely find room, and measuring them costs time per frame.
  for (const node of sortByLabelPriority(nodes, state.hoveredId, activeId, degrees, hubs).slice(0, MAX_LABEL_CANDIDATES)) {
    const hub = hubs.has(node.id) && !node.dimmed;
    const candidate = {
      anchor: { ...toScreen(node, camera), radius: labelClearance(node, state) },
      ownerId: node.id,
      placements: NODE_LABEL_PLACEMENTS,
      edgeEnds: connectedness && rowsAtNode(connectedness, state.display.edges, node)?.map((row) => toScreen(edgeHeading(state.display.edges, row, node), camera)),
      // Below the icon zoom no core shows an icon, so a hub's label may cover its neighbours'
      // circles there, rather than go missing from the middle of a crowded story.
      coversNodes: node.selected || (hub && !iconsShown),
      coversRims: hub,
      coversLoops: true,
    };
    const forced = node.id === state.hoveredId || node.id === activeId;
    const forms = nodeLabelForms(ctx, node.label, camera.k);
    let label: PlacedLabel | undefined;
    // Only the last form may be forced, so a longer form never covers what the usual one would not.
    for (let index = 0; index < forms.length && !label; index++) {
      const { text, size } = forms[index]!;
      label = placer.place({ ...candidate, text, forced: forced && index === forms.length - 1 }, size, textDirection(text));
    }
    if (!label) continue;
    placed.push(label);
    if (node.dimmed) dimmed.add(label);
  }
  return { placed, dimmed };
}

/**
 * Places and draws edge labels at their curve's apex, after node labels: a relation's type, and
 * an evidence edge's roles other than contextual.
 */
export function drawEdgeLabels(ctx: CanvasRenderingContext2D, state: SceneState, edges: EdgeTable, placer: LabelPlacer): PlacedLabel[] {
  const { placed, dimmed } = placeEdgeLabels(ctx, state, edges, placer);
  paintLabels(ctx, placed, dimmed, state.palette.labelMuted, state.palette.background);
  return placed;
}

/**
 * Places edge labels as `drawEdgeLabels` does, measured in `ctx`, without drawing them, and
 * returns them with the set of those whose edge is dimmed. The SVG export writes them as text.
 * The labels of self-loops come first, since they sit close to their node, where the labels of
 * the edges passing by would otherwise take their room.
 */
export function placeEdgeLabels(
  ctx: CanvasRenderingContext2D,
  state: Pick<SceneState, 'camera' | 'palette'>,
  edges: EdgeTable,
  placer: LabelPlacer,
): { placed: PlacedLabel[]; dimmed: Set<PlacedLabel> } {
  const { camera, palette } = state;
  ctx.font = edgeLabelFont(palette.fontFamily);

  const placed: PlacedLabel[] = [];
  const dimmed = new Set<PlacedLabel>();
  const spots = edgeLabelSpots(edges);
  const rank = (spot: EdgeLabelSpot): number => (spot.lines.every((line) => line.dimmed) ? 2 : 0) + (spot.loops ? 0 : 1);
  for (const spot of spots.sort((a, b) => rank(a) - rank(b))) {
    const { x, y } = toScreen(spot.anchor, camera);
    const anchor = { x, y, radius: spot.anchor.radius * camera.k };
    const lines = placeLines(ctx, placer, spot, anchor);
    for (const [index, label] of lines.entries()) {
      placed.push(label);
      if (spot.lines[index]!.dimmed) dimmed.add(label);
    }
  }
  return { placed, dimmed };
}

/**
 * Places the lines of a spot as one block at `anchor`, in CSS pixels, and returns a label per
 * line. A stack that finds no room drops its outermost lines, one at a time, until it fits.
 */
function placeLines(ctx: CanvasRenderingContext2D, placer: LabelPlacer, spot: EdgeLabelSpot, anchor: Circle): PlacedLabel[] {
  const fitted = spot.lines.map((line) => fitEdgeLabel(ctx, line.text));
  for (let count = fitted.length; count > 0; count--) {
    const stacked = fitted.slice(0, count);
    const width = Math.max(...stacked.map((line) => line.size.width));
    const text = stacked.map((line) => line.text).join('\n');
    const block = placer.place(
      { text, anchor, ownerId: undefined, placements: spot.placements },
      { width, height: stackHeight(count) },
      textDirection(stacked[0]!.text),
    );
    if (block) return splitBlock(block, stacked);
  }
  return [];
}

/** Distance between the lines of a stack, in CSS pixels: a line's box and the gap between labels. */
const LINE_PITCH = EDGE_LABEL_HEIGHT + 2 * LABEL_PADDING + LABEL_SPACING;

/** Returns the height of the text of a stack of `lines` edge labels, in CSS pixels, without its box's padding. */
export function stackHeight(lines: number): number {
  return lines * LINE_PITCH - LABEL_SPACING - 2 * LABEL_PADDING;
}

/**
 * Splits a placed block into a label per line. Above the anchor the first line comes last, next
 * to the loop; beside it the lines keep to the side that faces the loop.
 */
function splitBlock(block: PlacedLabel, lines: ReadonlyArray<{ text: string; size: { width: number } }>): PlacedLabel[] {
  const ordered = block.placement === 'above' ? [...lines].reverse() : lines;
  const labels = ordered.map((line, index) => {
    const width = line.size.width + 2 * LABEL_PADDING;
    let x = block.box.x + (block.box.width - width) / 2;
    if (block.placement === 'left') x = block.box.x + block.box.width - width;
    if (block.placement === 'right') x = block.box.x;
    const box = { x, y: block.box.y + index * LINE_PITCH, width, height: EDGE_LABEL_HEIGHT + 2 * LABEL_PADDING };
    return { text: line.text, box, direction: textDirection(line.text), placement: block.placement, ownerId: undefined };
  });
  return block.placement === 'above' ? labels.reverse() : labels;
}

/** A label for one edge, or the lines for the self-loops of one node, before it is placed. */
export interface EdgeLabelSpot {
  /** One line for an edge; one per relation type for a node's loops, from the innermost loop out. */
  lines: Array<{ text: string; dimmed: boolean }>;
  /** In world units: the point of a curve's apex (radius 0), or the outermost loop's circle. */
  anchor: Circle;
  placements: readonly Placement[];
  /** True for the labels of a node's loops. */
  loops: boolean;
}

const CURVE_LABEL_PLACEMENTS: readonly Placement[] = ['center'];

/**
 * Returns the labels of a table's edges that have one. An edge's label centres on its curve's
 * apex. The self-loops of a node are labelled beyond the outermost loop on their side, so that
 * no label lies inside a wider loop, with a line per relation type.
 */
export function edgeLabelSpots(edges: EdgeTable): EdgeLabelSpot[] {
  const spots: EdgeLabelSpot[] = [];
  for (let row = 0; row < edges.length; row++) {
    if (edges.sources[row] === edges.targets[row]) continue;
    const edge = edges.view(row);
    const text = edgeLabelText(edge);
    if (text === '') continue;
    spots.push({ lines: [{ text, dimmed: edge.dimmed }], anchor: { ...curveApex(edge), radius: 0 }, placements: CURVE_LABEL_PLACEMENTS, loops: false });
  }

  for (const group of loopGroupsOf(edges)) {
    const loops = group.rows.map((row) => edges.view(row)).sort((a, b) => a.loopIndex - b.loopIndex);
    const dimmedByText = new Map<string, boolean>();
    for (const loop of loops) {
      const text = edgeLabelText(loop);
      if (text !== '') dimmedByText.set(text, (dimmedByText.get(text) ?? true) && loop.dimmed);
    }
    if (dimmedByText.size === 0) continue;
    const { centre, radius } = group.outermost;
    spots.push({
      lines: [...dimmedByText].map(([text, dimmed]) => ({ text, dimmed })),
      anchor: { ...centre, radius: radius + LOOP_LABEL_CLEARANCE },
      placements: loopLabelPlacements(group.side),
      loops: true,
    });
  }
  return spots;
}

/** World units between a self-loop's circle and its label, for the loop's line. */
const LOOP_LABEL_CLEARANCE = 1;

/**
 * Adds the circle of every self-loop of `edges` to `placer`, in CSS pixels. No edge label
 * covers a loop, and a node label only where no other place is free, so the node keeps its name.
 */
export function addLoopCircles(placer: LabelPlacer, edges: EdgeTable, camera: Camera): void {
  for (const circle of loopCirclesOf(edges)) placer.addLoop({ ...toScreen(circle, camera), radius: circle.radius * camera.k });
}

/** Returns the text of an edge's label: its relation's type, or its evidence roles; empty for none. */
export function edgeLabelText(edge: EdgeView): string {
  return edge.evidence ? evidenceLabel(edge.roles) : relationLabel(edge.type);
}

/**
 * Shortens an edge label with a middle ellipsis, as a custom relation type may be long, and
 * returns the text with its size in CSS pixels, measured in `ctx`, whose font must be
 * `edgeLabelFont`.
 */
export function fitEdgeLabel(ctx: CanvasRenderingContext2D, label: string): FittedLabel {
  const measure = (text: string): number => measurer.width(ctx, text);
  const text = fitLabel(label, EDGE_LABEL_MAX_GRAPHEMES, LABEL_MAX_WIDTH, measure);
  return { text, size: { width: measure(text), height: EDGE_LABEL_HEIGHT } };
}

/** Returns the canvas font of edge labels. */
export function edgeLabelFont(fontFamily: string): string {
  return `${EDGE_FONT_SIZE}px ${fontFamily}`;
}

/** Returns the apex of an edge's quadratic curve, at t = 0.5, in world units. */
function curveApex(edge: EdgeView): Point {
  const curve = edgeCurve(edge);
  return {
    x: (curve.start.x + 2 * curve.control.x + curve.end.x) / 4,
    y: (curve.start.y + 2 * curve.control.y + curve.end.y) / 4,
  };
}

/**
 * Draws placed labels centred in their boxes, each on a backing and with a halo in the
 * background colour, so that an edge passing under a label does not cross its text.
 */
function paintLabels(
  ctx: CanvasRenderingContext2D,
  labels: readonly PlacedLabel[],
  dimmed: ReadonlySet<PlacedLabel>,
  color: string,
  halo: string,
): void {
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  ctx.lineWidth = 3;
  ctx.strokeStyle = halo;
  for (const label of labels) {
    const { box } = label;
    const centre = boxCentre(box);
    const alpha = dimmed.has(label) ? DIMMED_ALPHA * 2 : 1;
    ctx.globalAlpha = alpha * LABEL_BACKING_ALPHA;
    ctx.fillStyle = halo;
    ctx.fillRect(box.x, box.y, box.width, box.height);

    ctx.globalAlpha = alpha;
    ctx.fillStyle = color;
    ctx.direction = label.direction;
    ctx.strokeText(label.text, centre.x, centre.y);
    ctx.fillText(label.text, centre.x, centre.y);
  }
  ctx.direction = 'ltr';
  ctx.globalAlpha = 1;
}

/**
 * Returns the distance from a node's centre, in CSS pixels, that labels keep clear of: its
 * circle and verdict ring, or the outer edge of the focus, selection or hover ring around it,
 * with a pixel to spare.
 */
export function labelClearance(node: NodeView, state: Pick<SceneState, 'camera' | 'hoveredId' | 'activeId' | 'showActive'>): number {
  const { k } = state.camera;
  if (state.showActive && node.id === state.activeId) return (node.radius + FOCUS_RING_GAP) * k + 2;
  // The selection ring is 3 pixels wide, the hover ring 2.
  if (node.selected) return (node.radius + SELECTION_RING_GAP) * k + 2.5;
  if (node.id === state.hoveredId) return (node.radius + SELECTION_RING_GAP) * k + 2;
  return (node.radius + RING_GAP + 1) * k;
}

/** Converts a world point to CSS pixels of the element. */
export function toScreen(point: Point, camera: Camera): Point {
  return { x: point.x * camera.k + camera.x, y: point.y * camera.k + camera.y };
}
