/** Subscription to the mutation events of a graphology graph, as one unbind function. */

import type { IncidentGraph } from '../../model/graph-types.js';

export interface GraphListeners {
  /** Nodes or edges were added, dropped or cleared. */
  onStructure: () => void;
  /** Attributes of the graph, of nodes or of edges changed. */
  onAttributes: () => void;
}

const STRUCTURE_EVENTS = ['nodeAdded', 'edgeAdded', 'nodeDropped', 'edgeDropped', 'cleared', 'edgesCleared'] as const;

const ATTRIBUTE_EVENTS = [
  'attributesUpdated',
  'nodeAttributesUpdated',
  'edgeAttributesUpdated',
  'eachNodeAttributesUpdated',
  'eachEdgeAttributesUpdated',
] as const;

/** Adds the listeners to `graph`; returns a function that removes them all. */
export function listenToGraph(graph: IncidentGraph, listeners: GraphListeners): () => void {
  const onStructure = (): void => listeners.onStructure();
  const onAttributes = (): void => listeners.onAttributes();
  for (const event of STRUCTURE_EVENTS) graph.on(event, onStructure);
  for (const event of ATTRIBUTE_EVENTS) graph.on(event, onAttributes);

  return () => {
    for (const event of STRUCTURE_EVENTS) graph.off(event, onStructure);
    for (const event of ATTRIBUTE_EVENTS) graph.off(event, onAttributes);
  };
}
