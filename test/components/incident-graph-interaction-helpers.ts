/** A small graph with saved positions, so the interaction tests know where each node sits. */

import Graph from 'graphology';
import type {
  IncidentEdgeAttributes,
  IncidentGraph,
  IncidentGraphAttributes,
  IncidentNodeAttributes,
} from '../../src/model/graph-types.js';

/**
 * Returns four entities and one alert laid out on a grid, each with a saved position, so no
 * layout runs: `device` at (0, 0), `user` at (200, 0), `file` at (0, 150), `ip` at (200, 150)
 * and the alert `alert-1` at (100, 75), with evidence edges from the alert to each entity.
 */
export function createPositionedGraph(): IncidentGraph {
  const graph: IncidentGraph = new Graph<IncidentNodeAttributes, IncidentEdgeAttributes, IncidentGraphAttributes>({
    multi: true,
    type: 'directed',
  });
  graph.addNode('device', { kind: 'device', label: 'WS-01', verdict: 'malicious', x: 0, y: 0 });
  graph.addNode('user', { kind: 'user', label: 'jdoe', verdict: 'suspicious', x: 200, y: 0 });
  graph.addNode('file', { kind: 'file', label: 'invoice.docm', verdict: 'clean', x: 0, y: 150 });
  graph.addNode('ip', { kind: 'ip', label: '203.0.113.7', x: 200, y: 150 });
  graph.addNode('alert-1', { kind: 'alert', label: 'Macro started PowerShell', severity: 'high', x: 100, y: 75 });
  for (const target of ['device', 'user', 'file', 'ip']) {
    graph.addEdge('alert-1', target, { type: 'evidence', roles: [] });
  }
  return graph;
}
