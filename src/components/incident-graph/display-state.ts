/**
 * The display model of `il-incident-graph` and when to make it again. A change of structure or
 * state (graph mutation, time cursor, selection, grouping, search) rebuilds the model. A layout
 * step, or the end of a run that the model already follows, only moves its nodes in place. The
 * hit index is built on the first hit test after the model changes. DOM-free.
 */

import type { IncidentGraph } from '../../model/graph-types.js';
import type { IncidentSession, Selection } from '../../session/session.js';
import { buildDisplayModel, EMPTY_DISPLAY, moveNodes, type DisplayModel, type NodeView } from './display-model.js';
import { HitIndex, type Point } from './geometry.js';
import { positionInGraph, type GroupingState } from './grouping.js';
import type { LivePositions } from './layout-runner.js';
import { applySearch } from './search.js';

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
}

export class DisplayState {
  display: DisplayModel = EMPTY_DISPLAY;
  /** Ids of the nodes that match the search, or undefined without a search. */
  searchMatchIds: Set<string> | undefined;

  private dirty = true;
  /** True when only positions changed since the model was built: a layout step or its end. */
  private positionsDirty = false;
  /** The layout run whose live positions the model was built from, if any. */
  private run: LivePositions | undefined;
  private hitIndex = new HitIndex<NodeView>([]);
  /** The model `hitIndex` was built from. */
  private hitIndexDisplay: DisplayModel | undefined;

  /** Marks the model stale: the next `process` rebuilds it. */
  invalidate(): void {
    this.dirty = true;
  }

  /** Marks the positions stale: the next `process` moves the nodes, unless it rebuilds anyway. */
  invalidatePositions(): void {
    this.positionsDirty = true;
  }

  /** True when the model was built from the live positions of `run`, so a step of it only moves nodes. */
  follows(run: LivePositions | undefined): boolean {
    return run !== undefined && run === this.run;
  }

  /** Brings the model up to date; returns true when it was rebuilt, which the listbox shows. */
  process(sources: DisplaySources): boolean {
    if (!this.dirty) {
      if (this.positionsDirty) this.moveToCurrentPositions(sources);
      return false;
    }
    this.dirty = false;
    this.positionsDirty = false;

    const { graph, session } = sources;
    const live = sources.livePositions;
    this.run = live;
    const model = buildDisplayModel({
      graph,
      existsNow: session ? (firstSeen) => session.existsNow(firstSeen) : () => true,
      selection: sources.selection,
      livePositions: live,
    });
    this.display = sources.grouping.apply(model, graph, sources.groupThreshold, (id) => live?.get(id) ?? positionInGraph(graph, id));
    const labelOf = (id: string): string | undefined => (graph?.hasNode(id) ? graph.getNodeAttribute(id, 'label') : undefined);
    this.searchMatchIds = applySearch(this.display, sources.search, labelOf);
    return true;
  }

  /** Returns the node under a point in world units. */
  nodeAt(point: Point): NodeView | undefined {
    if (this.hitIndexDisplay !== this.display) {
      this.hitIndex = new HitIndex(this.display.nodes);
      this.hitIndexDisplay = this.display;
    }
    return this.hitIndex.find(point);
  }

  /** Moves the nodes of the model to the layout's or the graph's current positions. */
  private moveToCurrentPositions(sources: DisplaySources): void {
    this.positionsDirty = false;
    const { graph } = sources;
    const live = sources.livePositions;
    if (live !== this.run) this.run = undefined;
    this.display = moveNodes(this.display, (id) => live?.get(id) ?? positionInGraph(graph, id));
  }
}
