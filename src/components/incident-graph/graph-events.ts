/** Subscription to the mutation events of a graphology graph, as one unbind function. */

import type { IncidentGraph } from '../../model/graph-types.js';

export interface GraphListeners {
  /** Nodes or edges were added, dropped or cleared. */
  onStructure: () => void;
  /**
   * Attributes of the graph, of nodes or of edges changed. `movedNode` names the node when the
   * change was one node's position or pin (`x`, `y`, `fixed`) and nothing else.
   */
  onAttributes: (movedNode?: string) => void;
}

const POSITION_ATTRIBUTES: ReadonlySet<string> = new Set(['x', 'y', 'fixed']);

/** The payload graphology sends with `nodeAttributesUpdated`. */
interface NodeAttributesPayload {
  key: string;
  type: 'set' | 'remove' | 'replace' | 'merge' | 'update';
  name?: string;
  data?: Record<string, unknown>;
}

/** Returns the node whose position or pin alone changed, or undefined for any other change. */
function movedNodeOf(payload: NodeAttributesPayload): string | undefined {
  if (payload.type === 'set' && payload.name !== undefined && POSITION_ATTRIBUTES.has(payload.name)) return payload.key;
  if (payload.type === 'merge' && payload.data && Object.keys(payload.data).every((name) => POSITION_ATTRIBUTES.has(name))) {
    return payload.key;
  }
  return undefined;
}

const STRUCTURE_EVENTS = ['nodeAdded', 'edgeAdded', 'nodeDropped', 'edgeDropped', 'cleared', 'edgesCleared'] as const;

const ATTRIBUTE_EVENTS = [
  'attributesUpdated',
  'edgeAttributesUpdated',
  'eachNodeAttributesUpdated',
  'eachEdgeAttributesUpdated',
] as const;

/** Adds the listeners to `graph`; returns a function that removes them all. */
export function listenToGraph(graph: IncidentGraph, listeners: GraphListeners): () => void {
  const onStructure = (): void => listeners.onStructure();
  const onAttributes = (): void => listeners.onAttributes();
  const onNodeAttributes = (payload: unknown): void => listeners.onAttributes(movedNodeOf(payload as NodeAttributesPayload));
  for (const event of STRUCTURE_EVENTS) graph.on(event, onStructure);
  for (const event of ATTRIBUTE_EVENTS) graph.on(event, onAttributes);
  graph.on('nodeAttributesUpdated', onNodeAttributes);

  return () => {
    for (const event of STRUCTURE_EVENTS) graph.off(event, onStructure);
    for (const event of ATTRIBUTE_EVENTS) graph.off(event, onAttributes);
    graph.off('nodeAttributesUpdated', onNodeAttributes);
  };
}
