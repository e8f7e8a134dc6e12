/**
 * Runs the force layout for the element's graph: on the main thread, synchronously for small
 * graphs and in time slices for larger ones. Requests made in one task are coalesced into one
 * run. The graph's positions are written only when a run ends; while it runs, `livePositions`
 * holds the current ones for drawing.
 *
 * TODO: run large layouts in a Web Worker. The engine already takes and returns plain data, so
 * the worker replaces `runSliced` and keeps this class's interface.
 */

import {
  ForceLayout,
  isGraphPositioned,
  layoutInputFromGraph,
  writePositions,
  type LayoutPositions,
} from '../../layout/index.js';
import type { IncidentGraph } from '../../model/graph-types.js';
import type { LayoutEndDetail } from './events.js';

/** Graphs up to this many nodes are laid out synchronously, in one task. */
export const SYNC_LAYOUT_MAX_NODES = 400;

export interface LayoutRunnerCallbacks {
  /** Positions changed while a sliced run goes on. */
  onProgress: () => void;
  /** A run ended and wrote its positions into the graph. */
  onEnd: (detail: LayoutEndDetail) => void;
  /** No run is pending or running any more. */
  onSettled: () => void;
}

export class LayoutRunner {
  /** Positions of the run under way, by node id; undefined when none runs. */
  livePositions: Map<string, { x: number; y: number }> | undefined;

  private readonly callbacks: LayoutRunnerCallbacks;
  private graph: IncidentGraph | undefined;
  private engine: ForceLayout | undefined;
  private scheduled = false;
  private rerun = false;
  private settledPromise: Promise<void> = Promise.resolve();
  private resolveSettled: (() => void) | undefined;

  constructor(callbacks: LayoutRunnerCallbacks) {
    this.callbacks = callbacks;
  }

  /** Resolves when no layout is pending or running. */
  get settled(): Promise<void> {
    return this.settledPromise;
  }

  /** True while a run is scheduled or under way. */
  get busy(): boolean {
    return this.scheduled || this.engine !== undefined;
  }

  /**
   * Schedules a run for `graph` in a microtask. Nodes with saved positions are held, unless
   * `rerun` asks to lay out every node again.
   */
  request(graph: IncidentGraph | undefined, options: { rerun?: boolean } = {}): void {
    if (graph !== this.graph) this.stop();
    this.graph = graph;
    this.rerun ||= options.rerun === true;
    if (!this.resolveSettled) {
      this.settledPromise = new Promise((resolve) => (this.resolveSettled = resolve));
    }
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => this.run());
  }

  /** Stops any run under way without writing its positions. */
  stop(): void {
    this.engine?.stop();
    this.engine = undefined;
    this.livePositions = undefined;
  }

  private run(): void {
    this.scheduled = false;
    const graph = this.graph;
    const rerun = this.rerun;
    this.rerun = false;
    this.stop();

    if (!graph || (!rerun && isGraphPositioned(graph))) {
      this.settle();
      return;
    }

    const input = layoutInputFromGraph(graph, { rerun });
    const engine = new ForceLayout(input);
    this.engine = engine;

    if (input.nodes.length <= SYNC_LAYOUT_MAX_NODES) {
      this.finish(graph, engine, engine.runToCompletion());
      return;
    }

    engine.on('tick', () => {
      if (this.engine !== engine) return;
      this.livePositions = toMap(engine.positions());
      this.callbacks.onProgress();
    });
    engine.on('end', () => {
      if (this.engine === engine) this.finish(graph, engine, engine.positions());
    });
    engine.start();
  }

  private finish(graph: IncidentGraph, engine: ForceLayout, positions: LayoutPositions): void {
    this.engine = undefined;
    this.livePositions = undefined;
    writePositions(graph, positions);
    this.callbacks.onEnd({ nodeCount: engine.nodeCount, ticks: engine.ticks });
    if (!this.scheduled) this.settle();
  }

  private settle(): void {
    const resolve = this.resolveSettled;
    this.resolveSettled = undefined;
    resolve?.();
    this.callbacks.onSettled();
  }
}

function toMap(positions: LayoutPositions): Map<string, { x: number; y: number }> {
  const map = new Map<string, { x: number; y: number }>();
  positions.ids.forEach((id, index) => {
    map.set(id, { x: positions.coordinates[index * 2]!, y: positions.coordinates[index * 2 + 1]! });
  });
  return map;
}
