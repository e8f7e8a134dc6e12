/**
 * The data side of `il-incident-graph`: the graph it follows and that graph's listeners, the
 * layout run on it, its groups, and the display model built from them with the session's time
 * cursor, the selection, the filters and the search.
 */

import type { IncidentGraph } from '../../model/graph-types.js';
import type { LayoutKind } from '../../layout/index.js';
import type { IncidentFilters } from '../../session/filters.js';
import type { IncidentSession, Selection } from '../../session/session.js';
import type { LocaleFormat } from '../shared/locale-controller.js';
import type { DisplayModel, NodeView } from './display-model.js';
import { DisplayState } from './display-state.js';
import { LayoutEndEvent, LayoutProgressEvent } from './events.js';
import type { Point } from './geometry.js';
import { GraphSource } from './graph-source.js';
import { GroupingState } from './grouping-state.js';
import { LayoutRunner, type LivePositions } from './layout-runner.js';

/** A new graph of more nodes than this starts building its display model in a task at once. */
const BUILD_AT_ONCE_MIN_NODES = 2000;

/** The element members that the binding reads. Layout events are dispatched on the host. */
export interface GraphBindingHost extends EventTarget {
  readonly localName: string;
  readonly layout: LayoutKind;
  readonly workerUrl: string | undefined;
  readonly groupThreshold: number;
  readonly search: string | undefined;
  readonly filters: IncidentFilters | undefined;
  scheduleFrame(): void;
  /** Starts the next frame in a task now rather than at the next animation frame. */
  startFrameSoon(): void;
}

/** The element state that the binding reads, and the element's reactions to its changes. */
export interface GraphBindingHooks {
  /** The session the element follows, if any. */
  session(): IncidentSession | undefined;
  /** The selection in effect. */
  selection(): Selection;
  /** Formats of the element's locale, for group labels and counts. */
  readonly format: LocaleFormat;
  /** A different graph is followed. Called before the new graph's layout is requested. */
  graphReplaced(): void;
  /** Nodes or edges were added to or dropped from the graph. */
  structureChanged(): void;
  /** No layout is pending or running any more. */
  layoutSettled(): void;
  /** The display model was built again. */
  displayRebuilt(): void;
}

export class GraphBinding {
  readonly grouping = new GroupingState();
  readonly layoutRunner: LayoutRunner;

  private readonly host: GraphBindingHost;
  private readonly hooks: GraphBindingHooks;
  private readonly displayState = new DisplayState();
  private readonly source: GraphSource;

  constructor(host: GraphBindingHost, hooks: GraphBindingHooks) {
    this.host = host;
    this.hooks = hooks;
    this.layoutRunner = new LayoutRunner({
      onProgress: (detail, final) => {
        // The final report moves nothing: the end writes the same positions into the graph.
        if (!final) this.showLivePositions();
        host.dispatchEvent(new LayoutProgressEvent(detail));
      },
      onPositions: () => this.showLivePositions(),
      onEnd: (detail) => host.dispatchEvent(new LayoutEndEvent(detail)),
      onSettled: () => {
        host.scheduleFrame();
        hooks.layoutSettled();
      },
      settings: () => ({ layout: host.layout === 'tree' ? 'tree' : 'force', workerUrl: host.workerUrl || undefined }),
      onWorkerFailure: (reason) =>
        console.warn(`${host.localName}: the layout worker could not start (${reason}), so the layout runs on the main thread in slices.`),
      onEngineFailure: (reason) =>
        console.warn(`${host.localName}: the layout code failed to load (${reason}), so nodes without a saved position are not drawn. Check that the page can load the package's chunks.`, host),
    });
    this.source = new GraphSource({
      onStructure: () => {
        this.grouping.invalidate();
        // Until the user moves the camera, the view keeps the whole graph in sight as it grows,
        // as with live updates.
        hooks.structureChanged();
        this.layoutRunner.request(this.graph);
        this.invalidate();
      },
      onAttributes: (movedNode) => {
        // The end of a run the display already follows writes only positions, and so does a
        // drag of a node already drawn: both only move nodes.
        const writingRun = this.layoutRunner.writingRun;
        if (this.displayState.follows(writingRun)) this.invalidatePositions(writingRun);
        else if (movedNode !== undefined && this.displayState.hasNode(movedNode)) this.invalidatePositions();
        else this.invalidate();
      },
    });
  }

  /** The graph followed, if any. */
  get graph(): IncidentGraph | undefined {
    return this.source.graph;
  }

  /** The display model of the last build. */
  get display(): DisplayModel {
    return this.displayState.display;
  }

  /** Ids of the nodes the search matches, or undefined without a search. */
  get searchMatchIds(): ReadonlySet<string> | undefined {
    return this.displayState.searchMatchIds;
  }

  /** True when the display model has work left for the next frame. */
  get stale(): boolean {
    return this.displayState.stale;
  }

  /** True when a graph is bound, has no node to draw and no layout is pending or running. */
  get isEmpty(): boolean {
    return this.graph !== undefined && this.display.nodes.length === 0 && !this.layoutRunner.busy;
  }

  /** Follows `next`, rebinding listeners and requesting its layout when it changes. */
  follow(next: IncidentGraph | undefined): void {
    const change = this.source.follow(next);
    if (change === 'unchanged') return;

    if (change === 'replaced') {
      this.hooks.graphReplaced();
      this.grouping.reset();
    }
    this.layoutRunner.request(this.graph);
    this.displayState.invalidate();
    // The model of a large graph takes several frames to build, so it starts at once rather
    // than at the next animation frame. A small one is built and drawn in that frame, in step
    // with the rest of the page.
    if ((this.graph?.order ?? 0) > BUILD_AT_ONCE_MIN_NODES) this.host.startFrameSoon();
    else this.host.scheduleFrame();
  }

  /** Removes the graph's listeners and stops its layout, for an element leaving the page. */
  release(): void {
    this.source.release();
    this.layoutRunner.stop();
  }

  /** Lays out every node again from scratch, ignoring saved positions, and resolves when done. */
  relayout(): Promise<void> {
    this.layoutRunner.request(this.graph, { rerun: true });
    return this.layoutRunner.settled;
  }

  /**
   * Marks the display model stale and schedules a frame. `view` keeps the base model of the
   * graph's content, for a change of time, selection, filters, search or grouping.
   */
  invalidate(scope: 'all' | 'view' = 'all'): void {
    this.displayState.invalidate(scope);
    this.host.scheduleFrame();
  }

  /** Draws the run's live positions: by moving the nodes when the display follows the run, else by a rebuild. */
  private showLivePositions(): void {
    if (this.displayState.follows(this.layoutRunner.livePositions)) this.invalidatePositions();
    else this.invalidate();
  }

  /** Marks the node positions stale, keeping the display model, and schedules a frame. See `DisplayState.invalidatePositions`. */
  invalidatePositions(endedRun?: LivePositions): void {
    this.displayState.invalidatePositions(endedRun);
    this.host.scheduleFrame();
  }

  /** Brings the display model up to date at once. */
  processIfDirty(): void {
    this.processUntil(Infinity);
  }

  /** Brings the display model up to date, building it in slices until `deadline` for a frame. */
  processUntil(deadline: number): 'unchanged' | 'rebuilt' | 'pending' {
    const session = this.hooks.session();
    const state = this.displayState.processUntil(
      {
        graph: this.graph,
        session: session !== undefined && session.graph === this.graph ? session : undefined,
        selection: this.hooks.selection(),
        grouping: this.grouping,
        groupThreshold: this.host.groupThreshold,
        search: this.host.search,
        livePositions: this.layoutRunner.livePositions,
        filters: this.host.filters ?? session?.filters,
        format: this.hooks.format,
      },
      deadline,
    );
    if (state === 'rebuilt') this.hooks.displayRebuilt();
    return state;
  }

  /** Returns the visible node at a world point. Call `processIfDirty` first. */
  nodeAt(point: Point): NodeView | undefined {
    return this.displayState.nodeAt(point);
  }
}
