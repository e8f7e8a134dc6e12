/**
 * The display model of `il-incident-graph` and when to make it again. A change of structure or
 * state (graph mutation, time cursor, selection, grouping, search) rebuilds the model. A layout
 * step, or the end of a run that the model already follows, only moves its nodes in place. The
 * hit index is built on the first hit test after the model changes. DOM-free.
 */

import type { IncidentGraph } from '../../model/graph-types.js';
import type { IncidentSession, Selection } from '../../session/session.js';
import { filtersAreEmpty, nodePassesFilters, type IncidentFilters } from '../../session/filters.js';
import { baseModelSteps, EMPTY_DISPLAY, finishBaseSteps, moveNodes, setNodeBounds, viewOfBaseSteps, type BaseModel, type DisplayModel, type NodeView } from './display-model.js';
import { boundsOfCoordinates, type Point } from './geometry.js';
import { GROUP_RADIUS } from './group-placement.js';
import { ALERT_RADIUS, ENTITY_RADIUS } from '../../layout/graph-layout.js';
import { HitIndex } from './hit-index.js';
import { positionInGraph } from './grouping.js';
import { hasGroupNodes, type GroupingState } from './grouping-state.js';
import type { LocaleFormat } from '../shared/locale-controller.js';
import type { LivePositions } from './layout-runner.js';
import { applySearch } from './search.js';
import { runToEnd, type Steps } from './slices.js';

/** The largest radius of a node, an entity's, an alert's or a group's, in world units. */
const MAX_NODE_RADIUS = Math.max(ENTITY_RADIUS, ALERT_RADIUS, GROUP_RADIUS);

/** Inputs of the display model, read at each rebuild. */
export interface DisplaySources {
  graph: IncidentGraph | undefined;
  /** The session whose time cursor applies, when its graph is the one drawn. */
  session: IncidentSession | undefined;
  selection: Selection;
  grouping: GroupingState;
  groupThreshold: number;
  search: string | undefined;
  livePositions: LivePositions | undefined;
  /** Noise controls: the element's own, else the session's. */
  filters: IncidentFilters | undefined;
  /** Formats of the element's locale, for group labels and counts. */
  format: LocaleFormat;
}

/**
 * A base model of more nodes than this is drawn once before its last passes run (see
 * `finishBaseSteps`). Such a graph fits the view only at dot detail, where neither pass shows.
 */
const FINISH_LATER_MIN_NODES = 20_000;

export class DisplayState {
  display: DisplayModel = EMPTY_DISPLAY;
  /** Ids of the nodes that match the search, or undefined without a search. */
  searchMatchIds: Set<string> | undefined;

  private dirty = true;
  /** The base model the display is a view of. Undefined when the graph's content changed. */
  private base: BaseModel | undefined;
  /** Slots of the base's nodes in a run's coordinates, in graph order. See `moveToLivePositions`. */
  private liveSlots: { base: BaseModel; live: LivePositions; slots: Int32Array } | undefined;
  /** The build in slices under way, if any. */
  private build: Steps<void> | undefined;
  /** True when only positions changed since the model was built: a layout step or its end. */
  private positionsDirty = false;
  /** The run whose end moved the nodes, if that is what `positionsDirty` is for. */
  private endedRun: LivePositions | undefined;
  /** The layout run whose live positions the model was built from, if any. */
  private run: LivePositions | undefined;
  /**
   * The search for the group nodes' places after a layout run ended, in slices. Until it ends
   * the group nodes stay at their members' centroids, where the run's frames put them.
   */
  private groupPlacement: Steps<DisplayModel> | undefined;
  private hitIndex = new HitIndex<NodeView>([]);
  /** The model `hitIndex` was built from. */
  private hitIndexDisplay: DisplayModel | undefined;

  /**
   * Marks the model stale: the next `process` rebuilds it, dropping a build under way. `view`
   * means that only the time cursor, the filters, the selection, the search or the grouping
   * changed, so the base model of the graph's content can stay.
   */
  invalidate(scope: 'all' | 'view' = 'all'): void {
    this.dirty = true;
    this.build = undefined;
    this.groupPlacement = undefined;
    if (scope === 'all') this.base = undefined;
  }

  /** True while a build in slices is under way. */
  get building(): boolean {
    return this.build !== undefined;
  }

  /** True when a build for a frame has work to do: the model is stale or its base unfinished. */
  get stale(): boolean {
    return this.dirty || this.base?.finished === false || this.groupPlacement !== undefined;
  }

  /**
   * Marks the positions stale: the next `process` moves the nodes, unless it rebuilds anyway.
   * `endedRun` is a layout run that ended and whose final coordinates are being written into
   * the graph, so the nodes move to that run's coordinates with no read of the graph.
   */
  invalidatePositions(endedRun?: LivePositions): void {
    this.positionsDirty = true;
    this.endedRun = endedRun;
  }

  /**
   * True when the base model has a view of this node, so a change of its position alone only
   * moves it. A node that had no position is not in the base and needs a rebuild to appear.
   */
  hasNode(id: string): boolean {
    return this.base?.byId.has(id) === true;
  }

  /** True when the model was built from the live positions of `run`, so a step of it only moves nodes. */
  follows(run: LivePositions | undefined): boolean {
    return run !== undefined && run === this.run;
  }

  /** Brings the model up to date at once. Returns true when it was rebuilt, which the listbox shows. */
  process(sources: DisplaySources): boolean {
    return this.processUntil(sources, Infinity) === 'rebuilt';
  }

  /**
   * Brings the model up to date, building a large one in slices until `deadline` (a
   * `performance.now()` time). Returns `pending` when the build must go on in a later call, in
   * which case `display` is still the previous model. A build goes on from where it stopped, or
   * starts again when the model was marked stale meanwhile.
   */
  processUntil(sources: DisplaySources, deadline: number): 'unchanged' | 'rebuilt' | 'pending' {
    // A build for a frame finishes a base that the last one left unfinished. A call without a
    // deadline, which wants a valid model at once, takes the current one as it is.
    if (!this.dirty && deadline !== Infinity && this.base?.finished === false) this.dirty = true;
    if (!this.dirty) {
      // A changed pin changes the listbox's text, so it counts as a rebuild.
      if (this.positionsDirty) return this.moveToCurrentPositions(sources) ? 'rebuilt' : 'unchanged';
      if (this.groupPlacement) return this.placeGroupNodesUntil(deadline);
      return 'unchanged';
    }

    if (!this.build) {
      // From here on, a step of the run the build reads only moves nodes, after the build.
      this.run = sources.livePositions;
      this.positionsDirty = false;
      this.build = this.buildSteps(sources, deadline !== Infinity);
    }
    for (;;) {
      const next = this.build.next();
      if (next.done) break;
      if (performance.now() >= deadline) return 'pending';
    }
    this.build = undefined;
    this.dirty = false;
    if (this.positionsDirty) {
      this.moveToCurrentPositions(sources);
    } else if (sources.livePositions) {
      // A model built during a run takes the run's bounds, like the run's later frames.
      this.boundByRun(sources.livePositions);
    }
    return 'rebuilt';
  }

  /**
   * Goes on with the search for the group nodes' places until `deadline`. Once found, the
   * group nodes move there, as a layout step moves nodes, without a rebuild.
   */
  private placeGroupNodesUntil(deadline: number): 'unchanged' | 'pending' {
    for (;;) {
      const next = this.groupPlacement!.next();
      if (next.done) {
        this.groupPlacement = undefined;
        this.display = next.value;
        return 'unchanged';
      }
      if (performance.now() >= deadline) return 'pending';
    }
  }

  /** Builds the model. With `finishLater`, a large base is left unfinished for the next build. */
  private *buildSteps(sources: DisplaySources, finishLater: boolean): Steps<void> {
    const { graph, session } = sources;
    const live = sources.livePositions;
    if (!graph) {
      this.base = undefined;
      this.display = EMPTY_DISPLAY;
      this.searchMatchIds = undefined;
      return;
    }
    if (this.base?.graph !== graph) {
      this.base = yield* baseModelSteps(graph, live, { finishLater: finishLater && graph.order > FINISH_LATER_MIN_NODES });
    } else if (!this.base.finished) {
      yield* finishBaseSteps(this.base);
    }

    const model = yield* viewOfBaseSteps(this.base, {
      graph,
      // Without a time cursor or a range everything exists, and with no step nothing is new.
      existsNow: session && (session.time !== undefined || session.range) ? (firstSeen) => session.existsNow(firstSeen) : undefined,
      isNewNow: session?.stepStart !== undefined ? (firstSeen) => session.isNewNow(firstSeen) : undefined,
      selection: sources.selection,
      passes: filtersAreEmpty(sources.filters) ? undefined : (id, attributes) => nodePassesFilters(sources.filters, graph, id, attributes),
    });
    yield;
    // The base's node views have the positions of the layout or the graph, and finding one
    // costs a single lookup, where the graph needs two and a new object.
    const baseById = this.base.byId;
    const positionOf = (id: string): { x: number; y: number } | undefined => baseById.get(id) ?? live?.get(id) ?? positionInGraph(graph, id);
    const display = yield* sources.grouping.applySteps(model, graph, sources.groupThreshold, positionOf, sources.format, this.base);
    const labelOf = (id: string): string | undefined => (graph.hasNode(id) ? graph.getNodeAttribute(id, 'label') : undefined);

    this.display = display;
    // With a session, a search also finds entities by their property values, as the lists do.
    const valuesMatch = session ? (id: string, query: string): boolean => session.entityMatchesSearch(id, query) : undefined;
    this.searchMatchIds = applySearch(display, sources.search, labelOf, valuesMatch);
  }

  /**
   * Moves every node of the base to the run's current coordinates, through the slots of the
   * run's coordinate array, found once per base and run. At tens of thousands of nodes, a
   * lookup by id per node and step would cost a large part of each layout frame. A base built
   * from this run's positions found them while it was built.
   */
  private moveToLivePositions(base: BaseModel, live: LivePositions): void {
    const nodes = base.graphOrder;
    let slots = base.liveSlots?.positions === live ? base.liveSlots.slots : undefined;
    if (!slots && this.liveSlots?.base === base && this.liveSlots.live === live) slots = this.liveSlots.slots;
    if (!slots) {
      slots = new Int32Array(nodes.length);
      for (let index = 0; index < nodes.length; index++) slots[index] = live.slotOf(nodes[index]!.id, index);
      this.liveSlots = { base, live, slots };
    }

    const coordinates = live.coordinatesNow;
    for (let index = 0; index < nodes.length; index++) {
      const slot = slots[index]!;
      if (slot < 0) continue;
      const x = coordinates[slot * 2]!;
      const y = coordinates[slot * 2 + 1]!;
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      nodes[index]!.x = x;
      nodes[index]!.y = y;
    }
  }

  /**
   * Sets the bounds of the display model to those of every coordinate of a running layout,
   * which contain the nodes shown, without a pass over the node views.
   */
  private boundByRun(live: LivePositions): void {
    setNodeBounds(this.display, boundsOfCoordinates(live.coordinatesNow, MAX_NODE_RADIUS));
  }

  /** Returns the node under a point in world units. */
  nodeAt(point: Point): NodeView | undefined {
    if (this.hitIndexDisplay !== this.display) {
      this.hitIndex = new HitIndex(this.display.nodes);
      this.hitIndexDisplay = this.display;
    }
    return this.hitIndex.find(point);
  }

  /**
   * Moves the nodes of the model to the layout's or the graph's current positions and reads
   * their pins again. Returns true when a pin changed.
   */
  private moveToCurrentPositions(sources: DisplaySources): boolean {
    this.positionsDirty = false;
    this.groupPlacement = undefined;
    const { graph } = sources;
    const live = sources.livePositions ?? this.endedRun;
    const ended = this.endedRun !== undefined && sources.livePositions === undefined;
    this.endedRun = undefined;
    if (live !== this.run) this.run = undefined;
    const positionOf = (id: string): { x: number; y: number } | undefined => live?.get(id) ?? positionInGraph(graph, id);
    // The base's nodes hidden now move too, so they show in the right place when they appear.
    // The display's other nodes are the base's, so only its group nodes are left to move, to
    // their places among the base's nodes (see `placeGroupNodes`).
    if (this.base) {
      if (live) this.moveToLivePositions(this.base, live);
      else moveNodes({ ...EMPTY_DISPLAY, nodes: this.base.nodes }, positionOf);
      const byId = this.base.byId;
      const positionInBase = (id: string): { x: number; y: number } | undefined => byId.get(id) ?? positionOf(id);
      const running = sources.livePositions !== undefined;
      const { grouping, groupThreshold } = sources;
      const { edges, graphOrder } = this.base;
      this.display = runToEnd(
        grouping.moveGroupNodesSteps(this.display, graph, groupThreshold, this.base.nodes, positionInBase, { edges, graphOrder, layoutRunning: running || ended }),
      );
      // At a run's end, the group nodes leave their centroids for their places in the frames
      // after, since at 10,000 entities the search took 12 to 20 ms (see `processUntil`).
      if (ended && hasGroupNodes(this.display)) {
        this.groupPlacement = grouping.moveGroupNodesSteps(this.display, graph, groupThreshold, this.base.nodes, positionInBase, { edges, graphOrder });
      }
      // Every frame of a running layout fits the view to the nodes. The bounds of all the run's
      // coordinates contain the nodes shown, and at 50,000 entities a pass over the node views
      // instead cost each frame about 8 ms. A group node sits at its members' centroid then.
      if (running) this.boundByRun(sources.livePositions!);
    } else {
      this.display = moveNodes(this.display, positionOf);
      this.display = runToEnd(
        sources.grouping.moveGroupNodesSteps(this.display, graph, sources.groupThreshold, this.display.nodes, positionOf, { edges: this.display.edges }),
      );
    }
    // A layout step and a run's end change no pin, and reading every pin costs a lookup per node.
    if (live) return false;
    let pinsChanged = false;
    for (const node of graph ? (this.base?.nodes ?? []) : []) {
      const pinned = graph!.getNodeAttribute(node.id, 'fixed') === true;
      if (node.pinned === pinned) continue;
      node.pinned = pinned;
      pinsChanged = true;
    }
    return pinsChanged;
  }
}
