/**
 * The process phase of the graph: turns the graph, the time cursor, the selection and any live
 * layout positions into a display model that the draw phase, hit testing and the accessible
 * list read. Display state lives here and is never written back into the graph. DOM-free.
 */

import { ALERT_KEY_PREFIX } from '../../model/graph-keys.js';
import { forEachEdgeSteps, type EdgeVisitor } from '../../model/graph-steps.js';
import type { IncidentEdgeAttributes, IncidentGraph, IncidentNodeAttributes, NodeKind } from '../../model/graph-types.js';
import type { EpochMs, RemediationStatus, Severity, Verdict } from '../../model/types.js';
import type { Selection } from '../../session/session.js';
import { ALERT_RADIUS, ENTITY_RADIUS } from '../../layout/graph-layout.js';
import { runToEnd, SLICE_ITEMS, type Steps } from './slices.js';
import { centroid } from './group-placement.js';
import { boundsOfCircles, type Bounds } from './geometry.js';
import { orderTiesSteps, sortByTimeSteps } from './node-order.js';
import { spreadParallelEdges } from './parallel-edges.js';
import { EDGE_DIMMED, EDGE_FRESH, EdgeTable, evidenceFlag } from './edge-table.js';
import { NodeIndex, ShownNodes } from './node-maps.js';
import { selfLoopCircles } from './self-loops.js';

export { compareNodes } from './node-order.js';
export { EdgeTable, edgeTableOf, type EdgeView } from './edge-table.js';

export interface NodeView {
  id: string;
  kind: NodeKind;
  label: string;
  alert: boolean;
  verdict: Verdict | undefined;
  remediationStatus: RemediationStatus | undefined;
  severity: Severity | undefined;
  ghost: boolean;
  /** True for a node a user pinned by dragging (`fixed` in the graph). The layout keeps it in place. */
  pinned?: boolean;
  firstSeen: EpochMs | undefined;
  /** World position and radius. */
  x: number;
  y: number;
  radius: number;
  selected: boolean;
  /** True while something is selected and this node is not part of it or next to it. */
  dimmed: boolean;
  /** Set on a collapsed group node, which stands for several entities (see grouping.ts). */
  group?: NodeGroup;
  /** True for a node first seen at the current playback step. It is drawn with a dotted ring. */
  fresh?: boolean;
  /** @internal Place of the node in the graph's own order, for per-node typed arrays; -1 for a group node. */
  graphIndex?: number;
  /** @internal Number of the last collapse that put this node in a group. */
  collapsedIn?: number;
}

/** The entities a collapsed group node stands for. */
export interface NodeGroup {
  /** Graph key of the alert the members hang off. */
  alertKey: string;
  /** Every member, whether or not it exists at the time cursor. */
  memberIds: readonly string[];
  /** The members that exist at the time cursor, in list order. Never empty. */
  visibleIds: readonly string[];
  /** The number of `visibleIds`, formatted in the element's locale for the count badge. */
  countLabel: string;
}

export interface DisplayModel {
  /** Visible nodes: alerts first, then entities, each by first seen, label and id. */
  nodes: NodeView[];
  edges: EdgeTable;
  byId: ReadonlyMap<string, NodeView>;
  alertCount: number;
  entityCount: number;
}

export interface DisplayInput {
  graph: IncidentGraph | undefined;
  /**
   * True when something first seen at this time exists at the time cursor. Without it,
   * everything exists, and the build spares a call per node and edge.
   */
  existsNow?: (firstSeen: EpochMs | undefined) => boolean;
  /** True when something first seen at this time is new at the current playback step. */
  isNewNow?: (firstSeen: EpochMs | undefined) => boolean;
  selection: Selection;
  /** True for a node that the noise controls let through. Every node passes without it. */
  passes?: (id: string, attributes: IncidentNodeAttributes) => boolean;
  /** Positions of a layout still running, which win over the graph's attributes. */
  livePositions?: PositionSource | undefined;
}

/** Positions of a running layout: a slot per node in an array of coordinates. */
export interface PositionSource {
  /** Returns the node's slot, or -1 for a node outside the run. `hint`, its place in the graph's order, is tried first. */
  slotOf(id: string, hint?: number): number;
  /** The coordinates, x then y for each slot. */
  readonly coordinatesNow: ArrayLike<number>;
}

export const EMPTY_DISPLAY: DisplayModel = {
  nodes: [],
  edges: EdgeTable.empty(),
  byId: new Map(),
  alertCount: 0,
  entityCount: 0,
};

/** Builds the display model. Nodes without a finite position are left out until laid out. */
export function buildDisplayModel(input: DisplayInput): DisplayModel {
  return runToEnd(displayModelSteps(input));
}

/** Builds the display model in slices, yielding between them (see slices.ts). */
export function* displayModelSteps(input: DisplayInput): Steps<DisplayModel> {
  const { graph } = input;
  if (!graph) return EMPTY_DISPLAY;
  const base = yield* baseModelSteps(graph, input.livePositions);
  return viewOfBase(base, input);
}

/**
 * Every node with a position and every edge between two of them, sorted and with parallel edges
 * spread, before the time cursor, filters and selection apply. Views of one base share its node
 * and edge objects, so moving the time cursor only picks from it instead of building again.
 */
export interface BaseModel {
  graph: IncidentGraph;
  /** Every node view by id, in the graph's order: a node's `graphIndex` is its place here. */
  byId: NodeIndex;
  /** Every node view in the graph's order, as in `byId`. */
  graphOrder: readonly NodeView[];
  /**
   * The live positions the base was built from, if any, and each node's slot in their
   * coordinates, in the order of `graphOrder`.
   */
  liveSlots: { positions: PositionSource; slots: Int32Array } | undefined;
  /** In list order: alerts first, then entities, each by first seen, label and id. */
  nodes: NodeView[];
  edges: EdgeTable;
  /**
   * When each of `edges` first appears, by its row there, or NaN for an edge that exists from
   * the start. Kept apart from the table, since only the base needs it.
   */
  edgeFirstSeen: Float64Array;
  /**
   * False until `finishBaseSteps` has run. Until then entities first seen at the same time are
   * not yet in label order, and parallel edges are drawn on top of each other.
   */
  finished: boolean;
}

/**
 * Builds the base model of a graph in slices. With `finishLater`, the base is returned before
 * its last two passes (see `finishBaseSteps`), which the caller runs after drawing it once.
 */
export function* baseModelSteps(
  graph: IncidentGraph,
  livePositions: PositionSource | undefined,
  options: { finishLater?: boolean } = {},
): Steps<BaseModel> {
  const graphOrder: NodeView[] = [];
  const byId = new NodeIndex(graphOrder);

  // The keys and attributes are gathered in one pass first. graphology's entry iterators, which
  // could stop between slices, took two to four times as long (see graph-steps.ts), and the
  // first frame of 50,000 entities came about 25 ms later with them.
  const nodeIds = new Array<string>(graph.order);
  const nodeAttributes = new Array<IncidentNodeAttributes>(graph.order);
  let gathered = 0;
  graph.forEachNode((id, attributes) => {
    nodeIds[gathered] = id;
    nodeAttributes[gathered++] = attributes;
  });
  yield;

  // The slots found here spare each later layout step a lookup per node (see `liveSlots`).
  const liveSlots = livePositions ? { positions: livePositions, slots: new Int32Array(nodeIds.length) } : undefined;
  let count = 0;
  for (let index = 0; index < nodeIds.length; index++) {
    if (++count % SLICE_ITEMS === 0) yield;
    const id = nodeIds[index]!;
    const attributes = nodeAttributes[index]!;
    let x = attributes.x;
    let y = attributes.y;
    const slot = livePositions ? livePositions.slotOf(id, index) : -1;
    if (slot >= 0) {
      x = livePositions!.coordinatesNow[slot * 2];
      y = livePositions!.coordinatesNow[slot * 2 + 1];
    }
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;

    const alert = attributes.kind === 'alert';
    // Every node view is made with the same fields in the same order (see `groupNode` too), so
    // the loops that draw and hit test tens of thousands of them see one object shape.
    const view: NodeView = {
      id,
      kind: attributes.kind,
      label: attributes.label ?? id,
      alert,
      verdict: attributes.verdict,
      remediationStatus: attributes.remediationStatus,
      severity: attributes.severity,
      ghost: attributes.ghost === true,
      pinned: attributes.fixed === true,
      firstSeen: attributes.firstSeen,
      x: x!,
      y: y!,
      radius: alert ? ALERT_RADIUS : ENTITY_RADIUS,
      selected: false,
      dimmed: false,
      group: undefined,
      fresh: false,
      graphIndex: graphOrder.length,
      collapsedIn: 0,
    };
    if (liveSlots) liveSlots.slots[graphOrder.length] = slot;
    byId.add(id, graphOrder.length);
    graphOrder.push(view);
  }

  // Before a layout's first positions no node has a view, so no edge has one either.
  const edgeCount = graphOrder.length > 0 ? graph.size : 0;
  const edgeIds = new Array<string>(edgeCount);
  const edgeAttributes = new Array<IncidentEdgeAttributes>(edgeCount);
  const edgeEnds = new Array<string>(edgeCount * 2);
  gathered = 0;
  const gather: EdgeVisitor = (id, attributes, sourceId, targetId) => {
    edgeIds[gathered] = id;
    edgeAttributes[gathered] = attributes;
    edgeEnds[gathered * 2] = sourceId;
    edgeEnds[gathered++ * 2 + 1] = targetId;
  };
  // While a layout runs, its frames keep their tasks short, and the edges are gathered in
  // slices. At 125,000 edges the pass in one slice took 20 to 30 ms of a layout frame.
  if (edgeCount > 0 && livePositions) yield* forEachEdgeSteps(graph, gather);
  else if (edgeCount > 0) graph.forEachEdge(gather);
  yield;

  const edges = new EdgeTable(edgeIds.length, { nodes: graphOrder, ids: edgeIds, attributes: edgeAttributes });
  const edgeFirstSeen = new Float64Array(edgeIds.length);
  for (let from = 0; from < edgeIds.length; from += SLICE_ITEMS) {
    addBaseEdges(edgeEnds, from, Math.min(edgeIds.length, from + SLICE_ITEMS), byId, edges, edgeFirstSeen);
    yield;
  }

  // A copy, not a spread of the map's values: in a generator, the spread allocates an
  // iterator result per node.
  const nodes = yield* sortByTimeSteps(graphOrder.slice());
  const base: BaseModel = { graph, byId, graphOrder, liveSlots, nodes, edges, edgeFirstSeen, finished: false };
  if (!options.finishLater) yield* finishBaseSteps(base);
  return base;
}

/**
 * Adds the graph's edges `from` to `to` (not included), whose end ids are in `ends`, when both
 * ends have a view. A plain function rather than a loop in the generator, which V8 runs
 * slower.
 */
function addBaseEdges(
  ends: readonly string[],
  from: number,
  to: number,
  byId: NodeIndex,
  edges: EdgeTable,
  edgeFirstSeen: Float64Array,
): void {
  const { attributes } = edges.data;
  // Edges added one after the other often share their source, such as an alert's evidence, and
  // the last source found spares a lookup in a map of every node.
  let lastSourceId: string | undefined;
  let lastSource: number | undefined;
  for (let index = from; index < to; index++) {
    const sourceId = ends[index * 2]!;
    if (sourceId !== lastSourceId) {
      lastSourceId = sourceId;
      lastSource = byId.indexOf(sourceId);
    }
    const source = lastSource;
    const target = byId.indexOf(ends[index * 2 + 1]!);
    if (source === undefined || target === undefined) continue;
    const edge = attributes[index] as IncidentEdgeAttributes;
    edgeFirstSeen[edges.length] = edge.firstSeen ?? Number.NaN;
    edges.add(source, target, index, evidenceFlag(edge.type));
  }
}

/**
 * Runs the passes of a base model that its first frame of dots can do without: the label order
 * of entities first seen at the same time, and the spread of parallel edges. In the graph
 * bench at 50,000 entities they took about 35 of the build's 190 ms. The nodes are sorted in
 * place, so the base keeps its arrays.
 */
export function* finishBaseSteps(base: BaseModel): Steps<void> {
  if (base.finished) return;

  // Spreading every parallel edge of the whole graph, not only those visible now, keeps each
  // edge's curve the same while the time cursor moves.
  yield* spreadParallelEdges(base.edges);
  yield* orderTiesSteps(base.nodes);
  base.finished = true;
}

/**
 * Returns the display model of a base for the time cursor, the filters and the selection: the
 * nodes and edges that exist now and pass, with their selected, dimmed and fresh flags set.
 * The flags are written on the base's shared objects, so only the latest view is valid.
 */
export function viewOfBase(base: BaseModel, input: DisplayInput): DisplayModel {
  return runToEnd(viewOfBaseSteps(base, input));
}

/** Returns the display model of a base like `viewOfBase`, in slices. */
export function* viewOfBaseSteps(base: BaseModel, input: DisplayInput): Steps<DisplayModel> {
  const { graph } = base;
  const selectedKeys = selectedNodeKeys(graph, input.selection);
  // Nodes shown are marked by their place in the graph's order, which is their node index in
  // the base's edge table, so an edge tests its ends without a lookup.
  const shownByIndex = new Uint8Array(base.graphOrder.length);
  const nodes: NodeView[] = [];
  let alertCount = 0;

  let count = 0;
  // Indexed loops: `for...of` inside a generator allocates an iterator result per item.
  for (let index = 0; index < base.nodes.length; index++) {
    if (++count % SLICE_ITEMS === 0) yield;
    const node = base.nodes[index]!;
    if (input.existsNow && !input.existsNow(node.firstSeen)) continue;
    if (input.passes && !input.passes(node.id, graph.getNodeAttributes(node.id))) continue;
    node.selected = selectedKeys.has(node.id);
    node.dimmed = false;
    node.fresh = input.isNewNow?.(node.firstSeen) === true;
    shownByIndex[node.graphIndex!] = 1;
    nodes.push(node);
    if (node.alert) alertCount += 1;
  }

  const edges = new EdgeTable(base.edges.length, base.edges.data);
  if (nodes.length === base.nodes.length && !input.existsNow && !input.isNewNow) {
    // Every edge of the base is shown, as on a first frame without a time cursor or filters.
    edges.copyAll(base.edges, EDGE_DIMMED | EDGE_FRESH);
  } else {
    for (let from = 0; from < base.edges.length; from += SLICE_ITEMS) {
      copyShownEdges(base, from, Math.min(base.edges.length, from + SLICE_ITEMS), shownByIndex, input, edges);
      yield;
    }
  }

  const byId = new ShownNodes(base.byId, base.nodes, shownByIndex, nodes.length);
  if (selectedKeys.size > 0) dimUnrelated(graph, byId, edges, selectedKeys);
  return { nodes, edges, byId, alertCount, entityCount: nodes.length - alertCount };
}

/**
 * Copies the rows `from` to `to` (not included) of the base's edges that exist now and join two
 * nodes marked in `shownByIndex` into `edges`, with their flags for the view.
 */
function copyShownEdges(base: BaseModel, from: number, to: number, shownByIndex: Uint8Array, input: DisplayInput, edges: EdgeTable): void {
  const all = base.edges;
  const { existsNow, isNewNow } = input;
  for (let row = from; row < to; row++) {
    if (shownByIndex[all.sources[row]!] === 0 || shownByIndex[all.targets[row]!] === 0) continue;
    let fresh = 0;
    if (existsNow || isNewNow) {
      const seen = base.edgeFirstSeen[row]!;
      const firstSeen = Number.isNaN(seen) ? undefined : seen;
      if (existsNow && !existsNow(firstSeen)) continue;
      if (isNewNow?.(firstSeen) === true) fresh = EDGE_FRESH;
    }
    edges.copy(all, row, (all.flags[row]! & ~(EDGE_DIMMED | EDGE_FRESH)) | fresh);
  }
}

/**
 * Moves the nodes of a display model to new positions in place, for a layout step that changes
 * no node, edge or state. Each node takes `positionOf(id)`, or keeps its place when that is
 * undefined, and a group node goes to the centroid of its members, from where
 * `GroupingState.moveGroupNodesSteps` finds it a clear place. The edges reference the node
 * views, so they follow. Returns a new model object over the same nodes and edges, so caches
 * keyed by the model (the scene bounds, the hit index) detect that the positions changed.
 */
export function moveNodes(
  display: DisplayModel,
  positionOf: (id: string) => { x: number; y: number } | undefined,
): DisplayModel {
  for (let index = 0; index < display.nodes.length; index++) {
    const node = display.nodes[index]!;
    const position = node.group ? centroid(node.group.memberIds, positionOf) : positionOf(node.id);
    if (!position || !Number.isFinite(position.x) || !Number.isFinite(position.y)) continue;
    node.x = position.x;
    node.y = position.y;
  }
  return { ...display };
}

const nodeBoundsByModel = new WeakMap<DisplayModel, Bounds>();

/**
 * Returns the bounds of a display model's node circles and self-loops grown by `margin`. The
 * bounds are computed once per model: the zoom limits, the fit and the draw read them in the
 * same frame, which at 50,000 nodes would be a pass over every node each. A model's positions
 * do not change once it is drawn, since moving nodes makes a new model (see `moveNodes`).
 */
export function nodeBoundsOf(display: DisplayModel, margin: number): Bounds {
  let bounds = nodeBoundsByModel.get(display);
  if (!bounds) {
    bounds = boundsOfNodes(display.nodes);
    const loops = selfLoopCircles(display);
    if (loops.length > 0) {
      const around = boundsOfCircles(loops);
      bounds = {
        minX: Math.min(bounds.minX, around.minX),
        minY: Math.min(bounds.minY, around.minY),
        maxX: Math.max(bounds.maxX, around.maxX),
        maxY: Math.max(bounds.maxY, around.maxY),
      };
    }
    nodeBoundsByModel.set(display, bounds);
  }
  return { minX: bounds.minX - margin, minY: bounds.minY - margin, maxX: bounds.maxX + margin, maxY: bounds.maxY + margin };
}

/**
 * Returns the bounds of the nodes' circles, like `boundsOfCircles` but in a loop over node views
 * only, where `boundsOfCircles` reads circles of many shapes. At 50,000 nodes in the graph
 * bench's profiles, `boundsOfCircles` took about 16 ms and this loop 6 to 11 ms.
 */
function boundsOfNodes(nodes: readonly NodeView[]): Bounds {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let index = 0; index < nodes.length; index++) {
    const { x, y, radius } = nodes[index]!;
    if (x - radius < minX) minX = x - radius;
    if (y - radius < minY) minY = y - radius;
    if (x + radius > maxX) maxX = x + radius;
    if (y + radius > maxY) maxY = y + radius;
  }
  return { minX, minY, maxX, maxY };
}

/**
 * Sets the node bounds of a display model (see `nodeBoundsOf`), found without reading its
 * nodes, as for the frames of a running layout.
 */
export function setNodeBounds(display: DisplayModel, bounds: Bounds): void {
  nodeBoundsByModel.set(display, bounds);
}

/** Returns the graph keys of the selected nodes; an alert whose id clashes with an entity is keyed with a prefix. */
export function selectedNodeKeys(graph: IncidentGraph, selection: Selection): Set<string> {
  const keys = new Set<string>();
  for (const id of selection.entityIds) {
    if (graph.hasNode(id) && graph.getNodeAttribute(id, 'kind') !== 'alert') keys.add(id);
  }
  for (const id of selection.alertIds) {
    const key = alertNodeKeyIn(graph, id);
    if (key !== undefined) keys.add(key);
  }
  return keys;
}

/** Returns the selection that a node key stands for: its alert id or its entity id. */
export function selectionRefOf(graph: IncidentGraph, key: string): { alert: boolean; id: string } {
  if (graph.getNodeAttribute(key, 'kind') !== 'alert') return { alert: false, id: key };
  const unprefixed = key.startsWith(ALERT_KEY_PREFIX) ? key.slice(ALERT_KEY_PREFIX.length) : undefined;
  const clashes = unprefixed !== undefined && graph.hasNode(unprefixed) && graph.getNodeAttribute(unprefixed, 'kind') !== 'alert';
  return { alert: true, id: clashes ? unprefixed : key };
}

function alertNodeKeyIn(graph: IncidentGraph, alertId: string): string | undefined {
  if (graph.hasNode(alertId) && graph.getNodeAttribute(alertId, 'kind') === 'alert') return alertId;
  const prefixed = `${ALERT_KEY_PREFIX}${alertId}`;
  return graph.hasNode(prefixed) ? prefixed : undefined;
}

/**
 * Dims what the selection does not touch. A selected alert keeps its entities and the relations
 * among them; a selected entity keeps its alerts and its neighbours, and the edges to them.
 */
function dimUnrelated(
  graph: IncidentGraph,
  byId: ReadonlyMap<string, NodeView>,
  edges: EdgeTable,
  selectedKeys: ReadonlySet<string>,
): void {
  const keptNodes = new Set(selectedKeys);
  const alertGroups: Array<Set<string>> = [];

  for (const key of selectedKeys) {
    if (!graph.hasNode(key)) continue;
    if (graph.getNodeAttribute(key, 'kind') === 'alert') {
      const group = new Set([key, ...graph.outNeighbors(key)]);
      alertGroups.push(group);
      for (const id of group) keptNodes.add(id);
    } else {
      for (const id of graph.neighbors(key)) keptNodes.add(id);
    }
  }

  // While the time cursor is before the selection and everything it touches, dimming would
  // leave nothing in view to stand out, so nothing is dimmed until one of them appears.
  let anyKeptShown = false;
  for (const id of keptNodes) {
    if (!byId.has(id)) continue;
    anyKeptShown = true;
    break;
  }
  if (!anyKeptShown) return;

  for (const node of byId.values()) node.dimmed = !keptNodes.has(node.id);
  for (let row = 0; row < edges.length; row++) {
    const source = edges.sourceOf(row).id;
    const target = edges.targetOf(row).id;
    const touchesSelection = selectedKeys.has(source) || selectedKeys.has(target);
    const insideAlertGroup = alertGroups.some((group) => group.has(source) && group.has(target));
    edges.setDimmed(row, !touchesSelection && !insideAlertGroup);
  }
}
