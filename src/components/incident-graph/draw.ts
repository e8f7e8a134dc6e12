/**
 * The draw phase: paints a display model on the canvas for one camera. Pure with respect to its
 * inputs; the element decides when to call it (one animation frame at most per frame).
 *
 * Cost stays close to what is on screen: nodes and edges outside the viewport are skipped,
 * edges and nodes go to the canvas in one path per style, and detail drops with zoom. Below
 * `EDGE_STYLE_MIN_ZOOM` edges become thin solid lines, written as pixels when there are many
 * (see `writeRasterLayers`), and below `LABEL_MIN_ZOOM` labels are left out. Below
 * `ICON_MIN_ZOOM` kind icons and remediation badges are left out too. Below `DOT_ZOOM` nodes
 * become plain dots without rings, and edges lose their arrowheads. Edges are drawn in
 * draw-edges.ts, node shapes in draw-nodes.ts and labels in draw-labels.ts.
 */

import { ENTITY_RADIUS } from '../../layout/graph-layout.js';
import { nodeBoundsOf, type DisplayModel, type NodeView } from './display-model.js';
import { EDGE_DIMMED, EdgeTable } from './edge-table.js';
import { canRasterDots, isOpaque, packColor, packColorOver, PixelWriter, toPixel } from './dot-raster.js';
import { drawEdgeLayer, type WorldRect } from './draw-edges.js';
import { addLoopCircles, drawNodeLabels, drawEdgeLabels, labelClearance, toScreen } from './draw-labels.js';
import { dotColor, drawNodeLayer, FOCUS_RING_GAP, ICON_MIN_ZOOM, RING_GAP, SELECTION_RING_GAP } from './draw-nodes.js';
import { drawGroupBadges } from './draw-groups.js';
import type { Camera } from './geometry.js';
import { LabelPlacer, type PlacedLabel } from './labels.js';
import { runToEnd, type Steps } from './slices.js';
import type { Palette } from './palette.js';
import { placeSelfLoops } from './self-loops.js';

/** Nodes smaller than this on screen, in CSS pixels of radius, are drawn as dots. */
export const DOT_SCREEN_RADIUS = 4;
/** The zoom below which entity nodes are smaller than `DOT_SCREEN_RADIUS`: 0.25. */
export const DOT_ZOOM = DOT_SCREEN_RADIUS / ENTITY_RADIUS;

/**
 * Node labels show from this zoom on, where nodes stop being dots, and edge labels from
 * `EDGE_LABEL_MIN_ZOOM` on. Labels are drawn at a fixed screen size and placed only where they
 * overlap nothing, so they stay readable when a small incident is fitted at a low zoom, as in
 * a graph a few hundred pixels tall.
 */
export const LABEL_MIN_ZOOM = DOT_ZOOM;
export const EDGE_LABEL_MIN_ZOOM = 1.5;

/** Edges show their evidence role's dash pattern and width from this zoom on, thin solid lines below. */
export const EDGE_STYLE_MIN_ZOOM = 0.6;

export { ICON_MIN_ZOOM };

/** Selected nodes that keep their labels below the label zoom, at most. */
const NAMED_SELECTED_MAX = 12;

const DIMMED_ALPHA = 0.18;
/** CSS pixels around the viewport in which things are still drawn, for strokes and halos. */
const CULL_MARGIN = 16;
/** World units a node's drawing reaches beyond its radius: verdict ring, badge, halos. */
const NODE_REACH = RING_GAP + 16;
/** Smallest dot on screen, in CSS pixels of radius. */
const MIN_DOT_SCREEN_RADIUS = 1.5;
/** A coarse frame (see `SceneState.coarse`) of more edges than this draws the nodes alone. */
export const COARSE_MAX_EDGES = 60_000;

/**
 * From this many visible edges on, unstyled edges are written as pixels instead of stroked.
 * At dot detail visible nodes count too, and the dots are written as pixels as well.
 */
const RASTER_MIN_COUNT = 2000;

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
  /**
   * Draws at dot detail whatever the zoom, as the element does for a large graph while its
   * layout moves the nodes: shapes, icons and labels of tens of thousands of moving nodes
   * would cost several frames each.
   */
  coarse?: boolean;
  /** Draws edge labels whatever the zoom, as the PNG export does at its zoom of 1. */
  edgeLabels?: boolean;
}

/** Counts and label boxes of one drawn frame, for tests and diagnostics. */
export interface DrawStats {
  nodesDrawn: number;
  edgesDrawn: number;
  /** True when nodes were drawn as dots. */
  dots: boolean;
  /** True when edges, and at dot detail the nodes too, were written as pixels. */
  raster: boolean;
  /** Node labels in CSS pixels, in the order they were placed. */
  labels: PlacedLabel[];
  edgeLabels: PlacedLabel[];
  /** Id of the node drawn with the keyboard's active ring, if any. */
  activeRing: string | undefined;
}

const statsByContext = new WeakMap<CanvasRenderingContext2D, DrawStats>();

/** @internal Returns what the last `drawScene` call on this context drew. */
export function lastDrawStats(ctx: CanvasRenderingContext2D): DrawStats | undefined {
  return statsByContext.get(ctx);
}

/** Draws the scene and returns what it drew. */
export function drawScene(ctx: CanvasRenderingContext2D, state: SceneState): DrawStats {
  return runToEnd(drawSceneSteps(ctx, state));
}

/**
 * Draws the scene like `drawScene`, yielding between slices of the pixels it writes for a large
 * graph (see `writeRasterLayers`). Nothing reaches the canvas before the last slice, so until
 * then the canvas keeps showing the last frame.
 */
export function* drawSceneSteps(ctx: CanvasRenderingContext2D, state: SceneState): Steps<DrawStats> {
  const { camera, palette, display, pixelRatio } = state;
  const dots = camera.k < DOT_ZOOM || state.coarse === true;
  placeSelfLoops(display);

  const view = visibleWorldRect(state);
  // When everything is in view, as after a fit, testing each node and edge is skipped. A coarse
  // frame skips the tests too, since writing pixels clips to the canvas anyway.
  const whole = state.coarse === true || rectContains(view, sceneBounds(display));
  // A coarse frame of very many edges leaves them out: while a layout moves the nodes, the
  // edges would cost most of each frame and show only as a haze.
  const edgesLeftOut = state.coarse === true && display.edges.length > COARSE_MAX_EDGES;
  let edges = display.edges;
  if (edgesLeftOut) edges = NO_EDGES;
  else if (!whole) edges = display.edges.filter((row) => edgeInView(display.edges, row, view));
  const nodes = whole ? display.nodes : display.nodes.filter((node) => nodeInView(node, view));

  const layers = nodeLayers(nodes);
  const styled = camera.k >= EDGE_STYLE_MIN_ZOOM && !dots;
  const rasterCount = dots ? nodes.length + edges.length : edges.length;
  const rastered = !styled && rasterCount >= RASTER_MIN_COUNT && canRasterDots();
  const edgeOptions = { zoom: camera.k, pixelRatio, dots, styled, view };
  // Self-loops have no straight line to write, so the raster pass hands them back to be stroked.
  const loops: number[] = [];
  const pixels = rastered ? yield* writeRasterLayers(ctx, state, edges, dots ? layers : [], loops) : undefined;

  // Cleared first, so a see-through background does not keep the last frame's drawing.
  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  ctx.clearRect(0, 0, state.width, state.height);
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

  if (rastered) {
    pixels?.end();
    // Only the self-loops are left to stroke, so the pass reads their rows, not every edge.
    const loopEdges = edges.subset(loops);
    drawEdgeLayer(ctx, loopEdges.filter((row) => loopEdges.dimmed(row)), palette, { ...edgeOptions, alpha: DIMMED_ALPHA });
    drawEdgeLayer(ctx, loopEdges.filter((row) => !loopEdges.dimmed(row)), palette, { ...edgeOptions, alpha: 1 });
  } else {
    drawEdgeLayer(ctx, edges.filter((row) => edges.dimmed(row)), palette, { ...edgeOptions, alpha: DIMMED_ALPHA });
    drawEdgeLayer(ctx, edges.filter((row) => !edges.dimmed(row)), palette, { ...edgeOptions, alpha: 1 });
  }

  if (!rastered || !dots) {
    const detail = {
      dots,
      icons: camera.k >= ICON_MIN_ZOOM,
      minDotRadius: MIN_DOT_SCREEN_RADIUS / camera.k,
      pixelsPerUnit: camera.k * pixelRatio,
    };
    layers.forEach((layer, index) => {
      ctx.globalAlpha = index === 0 ? DIMMED_ALPHA : 1;
      drawNodeLayer(ctx, layer, palette, detail);
    });
    ctx.globalAlpha = 1;
  }
  drawHalos(ctx, state, nodes);
  if (!dots) drawGroupBadges(ctx, nodes, palette);

  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  const activeRing = state.showActive && state.activeId !== undefined && state.display.byId.has(state.activeId) ? state.activeId : undefined;
  const stats: DrawStats = { nodesDrawn: nodes.length, edgesDrawn: edges.length, dots, raster: rastered, labels: [], edgeLabels: [], activeRing };
  if (!dots && camera.k >= LABEL_MIN_ZOOM) {
    const placer = new LabelPlacer({ x: 0, y: 0, width: state.width, height: state.height });
    for (const node of nodes) {
      const centre = toScreen(node, camera);
      placer.addCircle({ ...centre, radius: labelClearance(node, state) }, node.id);
    }
    addLoopCircles(placer, edges, camera);
    stats.labels = drawNodeLabels(ctx, state, nodes, placer);
    if (camera.k >= EDGE_LABEL_MIN_ZOOM || state.edgeLabels) stats.edgeLabels = drawEdgeLabels(ctx, state, edges, placer);
  } else {
    // Below the label zoom, the node under the pointer, the keyboard's active node and a few
    // selected nodes still get their labels, since a user is looking at them. No other label
    // is placed to keep clear of.
    const named = namedNodes(state, nodes);
    const placer = new LabelPlacer({ x: 0, y: 0, width: state.width, height: state.height });
    if (named.length > 0) stats.labels = drawNodeLabels(ctx, state, named, placer, { few: true });
  }

  statsByContext.set(ctx, stats);
  return stats;
}

const NO_EDGES = EdgeTable.empty();

/**
 * Returns the nodes among `nodes` that keep their labels below the label zoom, each once: the
 * hovered node, the shown active node, and the selected nodes when there are no more than
 * `NAMED_SELECTED_MAX` of them.
 */
function namedNodes(state: SceneState, nodes: readonly NodeView[]): NodeView[] {
  const named = new Set<NodeView>();
  for (const id of [state.hoveredId, state.showActive ? state.activeId : undefined]) {
    const node = id === undefined ? undefined : state.display.byId.get(id);
    if (node) named.add(node);
  }
  const selected = nodes.filter((node) => node.selected);
  if (selected.length <= NAMED_SELECTED_MAX) for (const node of selected) named.add(node);
  return [...named].filter((node) => nodes.includes(node));
}

/** Lines and dots written between two yields of `writeRasterLayers`. */
const RASTER_SLICE_ITEMS = 8192;

/**
 * Writes edges as one-pixel lines between node centres and then the dot layers, if any, as
 * discs: dimmed dots first, selected dots last. Lines lose their arrowheads. Returns the writer,
 * whose `end` puts the pixels on the canvas, or undefined for a canvas without pixels.
 */
function* writeRasterLayers(
  ctx: CanvasRenderingContext2D,
  state: SceneState,
  edges: EdgeTable,
  layers: ReadonlyArray<readonly NodeView[]>,
  loops: number[],
): Steps<PixelWriter | undefined> {
  const { camera, palette, pixelRatio } = state;
  const scale = camera.k * pixelRatio;
  const offsetX = camera.x * pixelRatio;
  const offsetY = camera.y * pixelRatio;

  // Over an opaque background, which the canvas has unless a host made it see-through, the
  // colours are laid over it here and the pixels go straight onto the canvas.
  const direct = isOpaque(palette.background);
  const pack = (color: string, alpha: number): number =>
    direct ? packColorOver(color, alpha, palette.background) : packColor(color, alpha);
  const radius = Math.max(ENTITY_RADIUS * camera.k, MIN_DOT_SCREEN_RADIUS) * pixelRatio;
  const writer = new PixelWriter();
  if (!writer.begin(ctx, radius, direct ? packColorOver(palette.background, 1, palette.background) : undefined)) return undefined;

  // Dimmed edges go first, in a pass of their own only when there are any. The loops run in
  // plain functions, chunk by chunk, because a loop in a generator body runs slower.
  const place = { scale, offsetX, offsetY };
  const dimmedEdge = pack(palette.edge, DIMMED_ALPHA);
  const edgeColor = pack(palette.edge, 1);
  const anyDimmed = edges.anyDimmed();
  const ends = edges.length > 0 ? placeEdgeEnds(edges, place) : undefined;
  for (const dimmed of anyDimmed ? [true, false] : [undefined]) {
    const color = dimmed === true ? dimmedEdge : edgeColor;
    for (let from = 0; from < edges.length; from += RASTER_SLICE_ITEMS) {
      writeEdgeLines(writer, edges, ends!, from, Math.min(edges.length, from + RASTER_SLICE_ITEMS), color, dimmed, loops);
      yield;
    }
  }

  // Packs each colour once per layer: the palette's strings are the keys.
  for (let index = 0; index < layers.length; index++) {
    const layer = layers[index]!;
    const alpha = index === 0 ? DIMMED_ALPHA : 1;
    const packed = new Map<string, number>();
    const colorOf = (node: NodeView): number => {
      const color = dotColor(node, palette);
      let value = packed.get(color);
      if (value === undefined) packed.set(color, (value = pack(color, alpha)));
      return value;
    };
    for (let from = 0; from < layer.length; from += RASTER_SLICE_ITEMS) {
      writeNodeDots(writer, layer, from, Math.min(layer.length, from + RASTER_SLICE_ITEMS), place, colorOf);
      yield;
    }
  }
  return writer;
}

/** Scale and offset from world units to device pixels of the canvas. */
interface PixelPlacement {
  scale: number;
  offsetX: number;
  offsetY: number;
}

/**
 * Device pixels of the nodes that a table's node indexes point to, x then y, rounded with
 * `toPixel`: `data` for the indexes from 0 up, `extras` for the negative ones (see
 * `EdgeTable.sources`).
 */
interface EdgeEnds {
  data: Int32Array;
  extras: Int32Array;
}

/**
 * Places every node of a table's data and extras in device pixels. One pass over the node
 * views in the order they were made reads memory more cheaply than two node views per edge,
 * of which a large incident has a hundred thousand.
 */
function placeEdgeEnds(edges: EdgeTable, place: PixelPlacement): EdgeEnds {
  const placed = (nodes: readonly NodeView[]): Int32Array => {
    const { scale, offsetX, offsetY } = place;
    const positions = new Int32Array(nodes.length * 2);
    for (let index = 0; index < nodes.length; index++) {
      const node = nodes[index]!;
      positions[index * 2] = toPixel(node.x * scale + offsetX);
      positions[index * 2 + 1] = toPixel(node.y * scale + offsetY);
    }
    return positions;
  };
  return { data: placed(edges.data.nodes), extras: placed(edges.extras.nodes) };
}

/**
 * Writes rows `from` to `to` (not included) of `edges` as lines, leaving out the edges whose
 * dimmed flag differs from `dimmed` when it is given. The rows of self-loops go to `loops`
 * instead.
 */
function writeEdgeLines(
  writer: PixelWriter,
  edges: EdgeTable,
  ends: EdgeEnds,
  from: number,
  to: number,
  color: number,
  dimmed: boolean | undefined,
  loops: number[],
): void {
  const { sources, targets, flags } = edges;
  const dimmedBits = dimmed === true ? EDGE_DIMMED : 0;
  for (let row = from; row < to; row++) {
    if (dimmed !== undefined && (flags[row]! & EDGE_DIMMED) !== dimmedBits) continue;
    const source = sources[row]!;
    const target = targets[row]!;
    if (source === target) {
      loops.push(row);
      continue;
    }
    const start = source >= 0 ? ends.data : ends.extras;
    const startAt = (source >= 0 ? source : ~source) * 2;
    const end = target >= 0 ? ends.data : ends.extras;
    const endAt = (target >= 0 ? target : ~target) * 2;
    writer.line(start[startAt]!, start[startAt + 1]!, end[endAt]!, end[endAt + 1]!, color);
  }
}

/** Writes `nodes[from..to)` as dots. */
function writeNodeDots(
  writer: PixelWriter,
  nodes: readonly NodeView[],
  from: number,
  to: number,
  place: PixelPlacement,
  colorOf: (node: NodeView) => number,
): void {
  const { scale, offsetX, offsetY } = place;
  for (let index = from; index < to; index++) {
    const node = nodes[index]!;
    writer.dot(node.x * scale + offsetX, node.y * scale + offsetY, colorOf(node));
  }
}

/**
 * Splits nodes into layers drawn one over the other: dimmed, plain, selected, so what the
 * selection emphasises is drawn on top. Without a selection every node is plain, and the list
 * is used as it is rather than copied, which at 50,000 nodes saves a pass over them per frame.
 */
function nodeLayers(nodes: readonly NodeView[]): Array<readonly NodeView[]> {
  const dimmed: NodeView[] = [];
  const plain: NodeView[] = [];
  const selected: NodeView[] = [];
  // Plain nodes are gathered from the first dimmed or selected one on.
  let first = -1;
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]!;
    if (node.dimmed || node.selected) {
      if (first < 0) first = index;
      (node.dimmed ? dimmed : selected).push(node);
    } else if (first >= 0) {
      plain.push(node);
    }
  }
  if (first < 0) return [dimmed, nodes, selected];
  return [dimmed, nodes.slice(0, first).concat(plain), selected];
}

/** Returns the world rectangle the viewport shows, grown by the cull margin. */
function visibleWorldRect(state: SceneState): WorldRect {
  const { camera } = state;
  const margin = CULL_MARGIN / camera.k;
  return {
    left: -camera.x / camera.k - margin,
    top: -camera.y / camera.k - margin,
    right: (state.width - camera.x) / camera.k + margin,
    bottom: (state.height - camera.y) / camera.k + margin,
  };
}

/** Returns the world rectangle every node and edge of a display model lies in. */
function sceneBounds(display: DisplayModel): WorldRect {
  const { minX, minY, maxX, maxY } = nodeBoundsOf(display, NODE_REACH + edgeReachOfAll(display.edges));
  return { left: minX, top: minY, right: maxX, bottom: maxY };
}

/**
 * Edge reach per edge list. Bends and loops do not change when nodes move, and a layout step
 * gives the display a new model over the same list, so its frames skip a pass over every edge.
 */
const edgeReachByList = new WeakMap<EdgeTable, number>();

/** Returns the largest reach of any edge of a table (see `edgeReachOf`). */
function edgeReachOfAll(edges: EdgeTable): number {
  let reach = edgeReachByList.get(edges);
  if (reach !== undefined) return reach;
  reach = 0;
  for (let row = 0; row < edges.length; row++) reach = Math.max(reach, edgeReachOf(edges, row));
  edgeReachByList.set(edges, reach);
  return reach;
}

function rectContains(outer: WorldRect, inner: WorldRect): boolean {
  return inner.left >= outer.left && inner.right <= outer.right && inner.top >= outer.top && inner.bottom <= outer.bottom;
}

function nodeInView(node: NodeView, view: WorldRect): boolean {
  const reach = node.radius + NODE_REACH;
  return node.x + reach >= view.left && node.x - reach <= view.right && node.y + reach >= view.top && node.y - reach <= view.bottom;
}

/** Returns how far an edge's drawing reaches beyond the box of its end points: its bend or loop size. */
function edgeReachOf(edges: EdgeTable, row: number): number {
  // Only a loop reads its node, so a pass over a table without loops reads typed arrays only.
  if (edges.sources[row] !== edges.targets[row]) return Math.abs(edges.curves[row]!) * 2;
  return edges.sourceOf(row).radius * 2.5 + edges.loopIndexes[row]! * 12;
}

/** Tests the box around an edge's end points, grown by its bend or loop size. */
function edgeInView(edges: EdgeTable, row: number, view: WorldRect): boolean {
  const source = edges.sourceOf(row);
  const target = edges.targetOf(row);
  const reach = edgeReachOf(edges, row);
  return (
    Math.max(source.x, target.x) + reach >= view.left &&
    Math.min(source.x, target.x) - reach <= view.right &&
    Math.max(source.y, target.y) + reach >= view.top &&
    Math.min(source.y, target.y) - reach <= view.bottom
  );
}

/** Draws the selection halos in one stroke, then the hover and keyboard-focus halos. */
function drawHalos(ctx: CanvasRenderingContext2D, state: SceneState, nodes: readonly NodeView[]): void {
  const { camera, palette } = state;
  const gap = SELECTION_RING_GAP;

  ctx.beginPath();
  let anySelected = false;
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]!;
    if (!node.selected) continue;
    anySelected = true;
    ctx.moveTo(node.x + node.radius + gap, node.y);
    ctx.arc(node.x, node.y, node.radius + gap, 0, Math.PI * 2);
  }
  if (anySelected) {
    ctx.strokeStyle = palette.selection;
    ctx.lineWidth = 3 / camera.k;
    ctx.stroke();
  }

  const hovered = state.hoveredId === undefined ? undefined : state.display.byId.get(state.hoveredId);
  if (hovered && !hovered.selected) strokeHalo(ctx, hovered, gap, palette.nodeBorder, 2 / camera.k, []);

  const active = state.activeId === undefined ? undefined : state.display.byId.get(state.activeId);
  if (active && state.showActive) {
    strokeHalo(ctx, active, FOCUS_RING_GAP, palette.focus, 2 / camera.k, [4 / camera.k, 3 / camera.k]);
  }
}

function strokeHalo(ctx: CanvasRenderingContext2D, node: NodeView, gap: number, color: string, width: number, dash: number[]): void {
  ctx.beginPath();
  ctx.arc(node.x, node.y, node.radius + gap, 0, Math.PI * 2);
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.setLineDash(dash);
  ctx.stroke();
  ctx.setLineDash([]);
}

