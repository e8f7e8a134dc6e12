/**
 * Builds the incident graph from a snapshot: one node per alert and per entity, an `evidence`
 * edge from each alert to each entity it involves, and one edge per relation.
 */

import Graph from 'graphology';
import { existsAt } from './time.js';
import { alertNodeKey } from './graph-keys.js';
import type {
  IncidentEdgeAttributes,
  IncidentGraph,
  IncidentGraphAttributes,
  IncidentNodeAttributes,
} from './graph-types.js';
import type { IncidentSnapshot } from './types.js';

/** Options of every incident graph: parallel edges, direction, and self-loops are all allowed. */
export const INCIDENT_GRAPH_OPTIONS = { multi: true, type: 'directed', allowSelfLoops: true } as const;

export { ALERT_KEY_PREFIX, alertNodeKey } from './graph-keys.js';

/**
 * Builds the graphology graph of one incident. Validate the snapshot first
 * (`validateSnapshot`): this function skips what it cannot draw but reports nothing.
 *
 * Node keys are the entity and alert ids as they are, so a host can look up `graph.hasNode(id)`
 * with the ids of the snapshot. Alerts and entities share that key space: when an alert id is
 * also an entity id, the entity keeps the plain id and the alert is keyed `alert:<id>`
 * (`validateSnapshot` reports the clash). `alertNodeKey` returns the key for an alert id.
 *
 * Times: an alert node and its evidence edges first exist at the alert's first activity. A
 * relation edge first exists at the latest of its own first seen and its endpoints' first seen,
 * so no edge appears before its nodes.
 */
export function buildIncidentGraph(snapshot: IncidentSnapshot): IncidentGraph {
  const graph: IncidentGraph = new Graph<
    IncidentNodeAttributes,
    IncidentEdgeAttributes,
    IncidentGraphAttributes
  >(INCIDENT_GRAPH_OPTIONS);
  graph.replaceAttributes({ incidentId: snapshot.incident.id, title: snapshot.incident.title });

  for (const entity of snapshot.entities) {
    if (graph.hasNode(entity.id)) continue;
    const attributes: IncidentNodeAttributes = { kind: entity.kind, label: entity.displayName };
    if (entity.verdict !== undefined) attributes.verdict = entity.verdict;
    if (entity.remediationStatus !== undefined) attributes.remediationStatus = entity.remediationStatus;
    if (entity.firstSeen !== undefined) attributes.firstSeen = entity.firstSeen;
    if (entity.ghost === true) attributes.ghost = true;
    graph.addNode(entity.id, attributes);
  }

  const entityIds = new Set(snapshot.entities.map((entity) => entity.id));

  for (const alert of snapshot.alerts) {
    const key = alertNodeKey(alert.id, entityIds);
    if (graph.hasNode(key)) continue;

    const attributes: IncidentNodeAttributes = {
      kind: 'alert',
      label: alert.title,
      severity: alert.severity,
    };
    if (alert.firstActivityTime !== undefined) attributes.firstSeen = alert.firstActivityTime;
    graph.addNode(key, attributes);

    for (const evidence of alert.evidence) {
      if (!graph.hasNode(evidence.entityId)) continue;
      const edge: IncidentEdgeAttributes = { type: 'evidence', roles: [...evidence.roles] };
      if (alert.firstActivityTime !== undefined) edge.firstSeen = alert.firstActivityTime;
      graph.addDirectedEdge(key, evidence.entityId, edge);
    }
  }

  for (const relation of snapshot.relations) {
    if (!entityIds.has(relation.source) || !entityIds.has(relation.target)) continue;
    const edge: IncidentEdgeAttributes = { type: relation.type, roles: [] };
    const firstSeen = latestTime([
      relation.firstSeen,
      graph.getNodeAttribute(relation.source, 'firstSeen'),
      graph.getNodeAttribute(relation.target, 'firstSeen'),
    ]);
    if (firstSeen !== undefined) edge.firstSeen = firstSeen;
    graph.addDirectedEdge(relation.source, relation.target, edge);
  }

  return graph;
}

function latestTime(times: Array<number | undefined>): number | undefined {
  const present = times.filter((time): time is number => time !== undefined);
  return present.length === 0 ? undefined : Math.max(...present);
}

/** True when the node exists at `time`; see `existsAt`. */
export function nodeExistsAt(graph: IncidentGraph, node: string, time: number | undefined): boolean {
  return existsAt(graph.getNodeAttribute(node, 'firstSeen'), time);
}

/** True when the edge and both its ends exist at `time`. */
export function edgeExistsAt(graph: IncidentGraph, edge: string, time: number | undefined): boolean {
  if (!existsAt(graph.getEdgeAttribute(edge, 'firstSeen'), time)) return false;
  return nodeExistsAt(graph, graph.source(edge), time) && nodeExistsAt(graph, graph.target(edge), time);
}
