/**
 * Label placement for the graph's canvas, in screen (CSS pixel) coordinates: label priority,
 * middle ellipsis by grapheme clusters, text direction, cached text widths, and a placer that
 * keeps labels off each other and off node circles. DOM-free except for `measureText`.
 */

import type { Circle, Point } from './geometry.js';
import type { NodeView } from './display-model.js';
import { clipRange } from './dot-raster.js';

export type TextDirection = 'ltr' | 'rtl';

/** Label position relative to its anchor. `center` centres the label on the anchor point. */
export type Placement = 'below' | 'right' | 'left' | 'above' | 'center';

/** Axis-aligned box in CSS pixels: left, top, width and height. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LabelCandidate {
  /** Text to draw, already shortened. */
  text: string;
  /** The node circle the label belongs to, or the point an edge label centres on (radius 0). */
  anchor: Circle;
  /** Id of the anchor node, so its own circle does not block its label. */
  ownerId?: string | undefined;
  /** Positions to try, in order. */
  placements: readonly Placement[];
  /**
   * Far ends of the anchor's edges, in the units of `anchor`. Of the free positions, the first
   * that none of these edges crosses is taken, so an edge does not run through its own node's
   * label. A label that every free position puts across an edge goes at the first of them.
   */
  edgeEnds?: readonly Point[];
  /**
   * Draws the label at its first position when none is free. Such labels still avoid every
   * label placed before them when they can, but may overlap each other.
   */
  forced?: boolean;
  /**
   * Lets the label cover other node circles when no position is clear of them, but never
   * another label. With `coversRims` too, a position that covers rims only comes first. Meant
   * for selected nodes, which may be many and close together, and for hubs where no icon shows.
   */
  coversNodes?: boolean;
  /**
   * Lets the label cover the rim of other node circles when no position is clear of them, but
   * never a circle's core (the inner `CORE_RATIO` of its radius, where its icon is). Meant for
   * hubs, whose neighbours often surround them on every side.
   */
  coversRims?: boolean;
  /**
   * Lets the label cover self-loops (see `LabelPlacer.addLoop`) when no position is clear of
   * them, before any other fallback. Meant for node labels, so a node whose loops fill the free
   * side of it still shows its name.
   */
  coversLoops?: boolean;
}

export interface PlacedLabel {
  text: string;
  box: Box;
  direction: TextDirection;
  placement: Placement;
  ownerId: string | undefined;
}

/** Space kept between two placed labels, in CSS pixels. */
export const LABEL_SPACING = 3;

/** Node label positions in the order they are tried. */
export const NODE_LABEL_PLACEMENTS: readonly Placement[] = ['below', 'right', 'left', 'above'];

/** Share of a node circle's radius that a `coversRims` label never covers. */
export const CORE_RATIO = 0.6;

/** Space between a node's circle and its label, and padding around the text, in CSS pixels. */
const LABEL_GAP = 2;
export const LABEL_PADDING = 1.5;

const RTL_SCRIPT = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}]/u;
const STRONG_CHARACTER = /[\p{L}\p{Nl}]/u;

/**
 * Returns the direction of the first strong character of `text`, as `dir="auto"` does. Hebrew,
 * Arabic and the other right-to-left scripts give `rtl`. Any other letter, or no letter, gives `ltr`.
 */
export function textDirection(text: string): TextDirection {
  for (const character of text) {
    if (RTL_SCRIPT.test(character)) return 'rtl';
    if (STRONG_CHARACTER.test(character)) return 'ltr';
  }
  return 'ltr';
}

const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl
  ? new Intl.Segmenter(undefined, { granularity: 'grapheme' })
  : undefined;

/** Splits text into grapheme clusters, so an emoji sequence or a letter with its marks stays whole. */
export function graphemes(text: string): string[] {
  if (!segmenter) return [...text];
  const clusters: string[] = [];
  for (const { segment } of segmenter.segment(text)) clusters.push(segment);
  return clusters;
}

/** Shortens text to `max` grapheme clusters by replacing its middle with an ellipsis. */
export function middleEllipsis(text: string, max: number): string {
  // Fewer code points than `max` means fewer clusters too, which skips segmenting short labels.
  if (text.length <= max) return text;
  const clusters = graphemes(text);
  if (clusters.length <= max) return text;
  return joinEllipsis(clusters, Math.max(1, max));
}

/** Line and paragraph breaks and tabs, which a label of one line shows as one space each. */
const LINE_SPACE = /\r\n|[\t\n\v\f\r\u2028\u2029]/g;

/**
 * Characters a label shows as U+FFFD: the other C0 and C1 control characters, the
 * noncharacters U+FFFE and U+FFFF, and unpaired surrogates. XML allows none of the C0 ones nor
 * those unpaired, so the SVG export writes the same text that the canvas measured, and a C1
 * control, which draws as nothing, still shows that something is there.
 *
 * The bidirectional embeddings, overrides and isolates (U+202A to U+202E, U+2066 to U+2069)
 * show as U+FFFD too. A file name such as `invoice\u202Efdp.exe` would otherwise read
 * "invoiceexe.pdf", a known way to disguise a program as a document.
 */
// eslint-disable-next-line no-control-regex
const UNSHOWN = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Returns text as a label shows it: breaks and tabs as spaces, other control characters as U+FFFD, bidirectional controls included. */
export function shownText(text: string): string {
  return text.replace(LINE_SPACE, ' ').replace(UNSHOWN, '\uFFFD');
}

/**
 * Shortens text, as `shownText` shows it, to at most `maxGraphemes` clusters and then, while it
 * measures wider than `maxWidth`, to fewer, always cutting the middle at cluster boundaries.
 */
export function fitLabel(label: string, maxGraphemes: number, maxWidth: number, measure: (text: string) => number): string {
  const text = shownText(label);
  const short = middleEllipsis(text, maxGraphemes);
  if (measure(short) <= maxWidth) return short;

  const clusters = graphemes(text);
  let low = 1;
  let high = Math.min(clusters.length, maxGraphemes) - 1;
  let best = joinEllipsis(clusters, 1);
  while (low <= high) {
    const middle = (low + high) >> 1;
    const candidate = joinEllipsis(clusters, middle);
    if (measure(candidate) <= maxWidth) {
      best = candidate;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return best;
}

/** Keeps `max` clusters in all: the head, an ellipsis, the tail. */
function joinEllipsis(clusters: readonly string[], max: number): string {
  if (clusters.length <= max) return clusters.join('');
  const head = Math.ceil((max - 1) / 2);
  const tail = max - 1 - head;
  return `${clusters.slice(0, head).join('')}…${tail > 0 ? clusters.slice(clusters.length - tail).join('') : ''}`;
}

/**
 * Caches `measureText` widths by font and text, because measuring is the costliest step of
 * labelling a large graph. The cache is cleared whole once it contains `maxEntries` widths.
 */
export class TextMeasurer {
  private readonly widths = new Map<string, number>();
  private readonly maxEntries: number;

  constructor(maxEntries = 20_000) {
    this.maxEntries = maxEntries;
  }

  /** Returns the width of `text` in the context's current font, in CSS pixels. */
  width(ctx: CanvasRenderingContext2D, text: string): number {
    const key = `${ctx.font}\u0000${text}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      if (this.widths.size >= this.maxEntries) this.widths.clear();
      width = ctx.measureText(text).width;
      this.widths.set(key, width);
    }
    return width;
  }
}

/** Minimum number of edges of a hub, whatever the graph's mean degree. */
const HUB_MIN_DEGREE = 6;

/**
 * Returns the ids of the hubs among `nodes`: nodes with at least `HUB_MIN_DEGREE` edges and at
 * least twice the mean degree. `degrees` maps node ids to their number of edges, and a node
 * missing from it has none. The thresholds are a heuristic: in the demo's phishing sample they
 * pick the device and the user that most alerts share (22 and 11 edges, mean 4.6), and no process.
 */
export function hubIds(nodes: readonly NodeView[], degrees: ReadonlyMap<string, number>): Set<string> {
  const hubs = new Set<string>();
  if (nodes.length === 0) return hubs;

  let total = 0;
  for (const node of nodes) total += degrees.get(node.id) ?? 0;
  const threshold = Math.max(HUB_MIN_DEGREE, (2 * total) / nodes.length);
  for (const node of nodes) {
    if ((degrees.get(node.id) ?? 0) >= threshold) hubs.add(node.id);
  }
  return hubs;
}

/**
 * Returns the label priority of a node, where a lower rank is placed first. A hub ranks right
 * after the selected, hovered and active nodes, because it is what the rest of the story hangs off.
 */
export function labelRank(node: NodeView, hoveredId: string | undefined, activeId: string | undefined, hub = false): number {
  if (node.selected) return 0;
  if (node.id === hoveredId || node.id === activeId) return 1;
  if (hub) return 2;
  if (node.verdict === 'malicious') return 3;
  if (node.verdict === 'suspicious') return 4;
  if (node.alert) {
    return 5 + { high: 0, medium: 1, low: 2, informational: 3, unknown: 4 }[node.severity ?? 'unknown'];
  }
  return 10;
}

/** Added to the rank of a dimmed node: more than any rank of `labelRank`. */
const DIMMED_RANK_OFFSET = 100;

/**
 * Returns the nodes in label order: selected, hovered or active, hubs, malicious, suspicious,
 * alerts by severity, then the rest. Dimmed nodes, which a selection or a search leaves out,
 * come after every node that is not dimmed, in the same order among themselves. Within a rank,
 * nodes with more edges in `degrees` come first, and ties keep their order. Without `degrees`,
 * no node is a hub.
 */
export function sortByLabelPriority(
  nodes: readonly NodeView[],
  hoveredId: string | undefined,
  activeId: string | undefined,
  degrees: ReadonlyMap<string, number> = new Map(),
  hubs: ReadonlySet<string> = hubIds(nodes, degrees),
): NodeView[] {
  const keyed = nodes.map((node, index) => ({
    node,
    index,
    rank: labelRank(node, hoveredId, activeId, hubs.has(node.id)) + (node.dimmed ? DIMMED_RANK_OFFSET : 0),
    degree: degrees.get(node.id) ?? 0,
  }));
  keyed.sort((a, b) => a.rank - b.rank || b.degree - a.degree || a.index - b.index);
  return keyed.map((entry) => entry.node);
}

/** Cell size of the placer's grid, in CSS pixels. */
const CELL_SIZE = 48;

interface Obstacle {
  box: Box;
  circle: Circle | undefined;
  ownerId: string | undefined;
  /** True for a self-loop, which a `coversLoops` label may cover. */
  loop?: boolean;
  /** Last query that visited this obstacle, so an obstacle in several cells is tested once. */
  visit: number;
}

/**
 * Places labels one at a time in priority order, each at its first position that overlaps no
 * placed label and no node circle. Lookups go through a uniform grid, so placing n labels
 * among m nodes costs about n + m, not n × m.
 */
export class LabelPlacer {
  readonly placed: PlacedLabel[] = [];
  private readonly cells = new Map<number, Obstacle[]>();
  private readonly labelBoxes = new Map<number, Obstacle[]>();
  private readonly bounds: Box;
  private visit = 0;

  /**
   * `bounds` is the viewport. A label goes only where it lies wholly inside, so a label near an
   * edge moves inward, or is left out rather than cut. A forced label is cut where no position
   * inside is free.
   */
  constructor(bounds: Box) {
    this.bounds = bounds;
  }

  /** Adds a node circle that labels must not cover. */
  addCircle(circle: Circle, ownerId: string | undefined): void {
    insert(this.cells, { box: circleBox(circle), circle, ownerId, visit: 0 });
  }

  /** Adds the circle of a self-loop, which labels cover only as `coversLoops` allows. */
  addLoop(circle: Circle): void {
    insert(this.cells, { box: circleBox(circle), circle, ownerId: undefined, loop: true, visit: 0 });
  }

  /** Places a label of the given text size, or returns undefined when no position is free. */
  place(candidate: LabelCandidate, size: { width: number; height: number }, direction: TextDirection): PlacedLabel | undefined {
    if (!candidate.coversLoops) return this.placeOnce(candidate, size, direction, false);
    return this.placeOnce(candidate, size, direction, false, false) ?? this.placeOnce(candidate, size, direction, true);
  }

  /**
   * Places a label, over self-loops when `overLoops` is set, and falls back to covering nodes
   * or being forced as the candidate allows, unless `fallBack` is false.
   */
  private placeOnce(
    candidate: LabelCandidate,
    size: { width: number; height: number },
    direction: TextDirection,
    overLoops: boolean,
    fallBack = true,
  ): PlacedLabel | undefined {
    let firstInView: { box: Box; placement: Placement } | undefined;
    let firstClearOfLabels: { box: Box; placement: Placement } | undefined;
    let firstClearOfCores: { box: Box; placement: Placement } | undefined;
    for (const wholly of candidate.forced ? [true, false] : [true]) {
      let firstAcrossEdge: { box: Box; placement: Placement } | undefined;
      for (const placement of candidate.placements) {
        const box = slideIntoView(this.bounds, boxAt(candidate.anchor, placement, size), candidate.anchor, placement);
        if (!intersects(box, this.bounds) || contains(this.bounds, box) !== wholly) continue;
        firstInView ??= { box, placement };
        if (this.collides(this.labelBoxes, box, undefined)) continue;

        if (!this.collides(this.cells, box, candidate.ownerId, 1, overLoops)) {
          if (!crossesEdge(candidate.anchor, candidate.edgeEnds, box)) return this.accept(candidate, box, placement, direction);
          firstAcrossEdge ??= { box, placement };
          continue;
        }
        firstClearOfLabels ??= { box, placement };
        if (candidate.coversRims && firstClearOfCores === undefined && !this.collides(this.cells, box, candidate.ownerId, CORE_RATIO, overLoops)) {
          firstClearOfCores = { box, placement };
        }
      }
      if (firstAcrossEdge) return this.accept(candidate, firstAcrossEdge.box, firstAcrossEdge.placement, direction);
    }
    if (!fallBack) return undefined;

    let fallback = firstClearOfCores;
    if (candidate.coversNodes) fallback = firstClearOfCores ?? firstClearOfLabels;
    if (candidate.forced) fallback = firstClearOfCores ?? firstClearOfLabels ?? firstInView;
    return fallback ? this.accept(candidate, fallback.box, fallback.placement, direction) : undefined;
  }

  private accept(candidate: LabelCandidate, box: Box, placement: Placement, direction: TextDirection): PlacedLabel {
    const label = { text: candidate.text, box, direction, placement, ownerId: candidate.ownerId };
    this.placed.push(label);
    // Other labels keep a gap from this one, so two labels one above the other do not read as
    // one label of two lines.
    const spacing = LABEL_SPACING;
    const spaced = { x: box.x - spacing, y: box.y - spacing, width: box.width + 2 * spacing, height: box.height + 2 * spacing };
    insert(this.labelBoxes, { box: spaced, circle: undefined, ownerId: candidate.ownerId, visit: 0 });
    return label;
  }

  /**
   * Returns true when `box` overlaps an obstacle of `grid`, testing circles at `circleScale` of
   * their radius, and self-loops only without `overLoops`.
   */
  private collides(grid: Map<number, Obstacle[]>, box: Box, ownerId: string | undefined, circleScale = 1, overLoops = false): boolean {
    this.visit += 1;
    for (const key of cellKeys(box)) {
      const obstacles = grid.get(key);
      if (!obstacles) continue;
      for (const obstacle of obstacles) {
        if (obstacle.visit === this.visit) continue;
        obstacle.visit = this.visit;
        if (ownerId !== undefined && obstacle.ownerId === ownerId) continue;
        if (overLoops && obstacle.loop) continue;
        if (!intersects(box, obstacle.box)) continue;
        if (!obstacle.circle || circleIntersectsBox(obstacle.circle, box, circleScale)) return true;
      }
    }
    return false;
  }
}

/** Returns the box around a circle. */
function circleBox(circle: Circle): Box {
  return { x: circle.x - circle.radius, y: circle.y - circle.radius, width: circle.radius * 2, height: circle.radius * 2 };
}

/**
 * Returns a label box above or below its anchor slid sideways into `bounds`, as far as the box
 * still spans the anchor's centre, so the label of a node near the side of the view shows
 * whole. Any other box comes back as it is.
 */
function slideIntoView(bounds: Box, box: Box, anchor: Point, placement: Placement): Box {
  if (placement !== 'below' && placement !== 'above') return box;
  let x = Math.max(box.x, bounds.x);
  x = Math.min(x, bounds.x + bounds.width - box.width);
  if (x === box.x || anchor.x < x || anchor.x > x + box.width) return box;
  return { ...box, x };
}

/** Returns true when one of the edges from the centre of `anchor` to `ends` crosses `box`. */
function crossesEdge(anchor: Point, ends: readonly Point[] | undefined, box: Box): boolean {
  if (!ends) return false;
  for (const end of ends) {
    const range = clipRange(end.x - anchor.x, end.y - anchor.y, anchor.x, anchor.y, box.x, box.y, box.x + box.width, box.y + box.height);
    if (range) return true;
  }
  return false;
}

/** Returns the box of a label at a placement around its anchor. */
export function boxAt(anchor: Circle, placement: Placement, size: { width: number; height: number }): Box {
  const width = size.width + LABEL_PADDING * 2;
  const height = size.height + LABEL_PADDING * 2;
  const reach = anchor.radius + LABEL_GAP;
  switch (placement) {
    case 'below':
      return { x: anchor.x - width / 2, y: anchor.y + reach, width, height };
    case 'above':
      return { x: anchor.x - width / 2, y: anchor.y - reach - height, width, height };
    case 'right':
      return { x: anchor.x + reach, y: anchor.y - height / 2, width, height };
    case 'left':
      return { x: anchor.x - reach - width, y: anchor.y - height / 2, width, height };
    case 'center':
      return { x: anchor.x - width / 2, y: anchor.y - height / 2, width, height };
  }
}

/** Returns the centre of a box, where its label's text is drawn with centred alignment. */
export function boxCentre(box: Box): Point {
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** True when two boxes overlap by more than a touching edge. */
/** Returns true when box `inner` lies wholly inside box `outer`. */
function contains(outer: Box, inner: Box): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

export function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function circleIntersectsBox(circle: Circle, box: Box, scale: number): boolean {
  const nearestX = Math.max(box.x, Math.min(circle.x, box.x + box.width));
  const nearestY = Math.max(box.y, Math.min(circle.y, box.y + box.height));
  return (circle.x - nearestX) ** 2 + (circle.y - nearestY) ** 2 < (circle.radius * scale) ** 2;
}

function insert(grid: Map<number, Obstacle[]>, obstacle: Obstacle): void {
  for (const key of cellKeys(obstacle.box)) {
    const list = grid.get(key);
    if (list) list.push(obstacle);
    else grid.set(key, [obstacle]);
  }
}

/** Keys of the grid cells a box covers. Columns and rows are packed into one number. */
function* cellKeys(box: Box): Generator<number> {
  const column0 = Math.floor(box.x / CELL_SIZE);
  const column1 = Math.floor((box.x + box.width) / CELL_SIZE);
  const row0 = Math.floor(box.y / CELL_SIZE);
  const row1 = Math.floor((box.y + box.height) / CELL_SIZE);
  for (let row = row0; row <= row1; row++) {
    for (let column = column0; column <= column1; column++) yield (row + 32_768) * 65_536 + (column + 32_768);
  }
}
