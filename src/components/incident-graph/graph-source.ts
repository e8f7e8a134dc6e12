/** The graph `il-incident-graph` follows, with its mutation listeners bound while it is followed. */

import type { IncidentGraph } from '../../model/graph-types.js';
import { listenToGraph, type GraphListeners } from './graph-events.js';

export class GraphSource {
  /** The graph followed, if any. */
  graph: IncidentGraph | undefined;

  private readonly listeners: GraphListeners;
  private unbind: (() => void) | undefined;

  constructor(listeners: GraphListeners) {
    this.listeners = listeners;
  }

  /**
   * Follows `next`, binding its listeners. Returns `unchanged` when it is already followed and
   * bound, `replaced` when it differs from the graph followed before, and `rebound` when the
   * same graph was bound again after `release`.
   */
  follow(next: IncidentGraph | undefined): 'unchanged' | 'rebound' | 'replaced' {
    if (next === this.graph && (this.unbind !== undefined || next === undefined)) return 'unchanged';

    const replaced = next !== this.graph;
    this.release();
    this.graph = next;
    if (next) this.unbind = listenToGraph(next, this.listeners);
    return replaced ? 'replaced' : 'rebound';
  }

  /** Removes the listeners. The graph stays the one followed, to bind again on `follow`. */
  release(): void {
    this.unbind?.();
    this.unbind = undefined;
  }
}
