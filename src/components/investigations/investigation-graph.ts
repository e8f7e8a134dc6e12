/**
 * The graph of one automated investigation: its alerts and the entities they touch, cut out of
 * the incident graph with their attributes, evidence edges and relations. Positions are left
 * out, so the investigation graph gets a layout of its own. Importing this module touches no
 * browser global.
 */

import Graph from 'graphology';
import { alertNodeKey, INCIDENT_GRAPH_OPTIONS } from '../../model/build-graph.js';
import type { IncidentEdgeAttributes, IncidentGraph, IncidentGraphAttributes, IncidentNodeAttributes } from '../../model/graph-types.js';
import type { Investigation, IncidentSnapshot } from '../../model/types.js';

/**
 * Builds the investigation's graph. Its nodes are the investigation's alerts and entities. An
 * investigation that names no alert gets the alerts that involve its entities, and one that
 * names no entity gets the entities of its alerts.
 */
export function buildInvestigationGraph(
  incident: IncidentGraph,
  snapshot: IncidentSnapshot,
  investigation: Investigation,
  title: string,
): IncidentGraph {
  const entityKeys = new Set(snapshot.entities.map((entity) => entity.id));
  const entities = new Set(investigation.entityIds.filter((id) => incident.hasNode(id)));
  const alerts = new Set(
    investigation.alertIds.map((id) => alertNodeKey(id, entityKeys)).filter((key) => incident.hasNode(key)),
  );

  if (alerts.size === 0) {
    for (const entity of entities) {
      incident.forEachInEdge(entity, (_edge, attributes, source) => {
        if (attributes.type === 'evidence') alerts.add(source);
      });
    }
  }
  if (entities.size === 0) {
    for (const alert of alerts) {
      incident.forEachOutEdge(alert, (_edge, attributes, _source, target) => {
        if (attributes.type === 'evidence') entities.add(target);
      });
    }
  }

  const graph: IncidentGraph = new Graph<IncidentNodeAttributes, IncidentEdgeAttributes, IncidentGraphAttributes>(
    INCIDENT_GRAPH_OPTIONS,
  );
  graph.replaceAttributes({ incidentId: incident.getAttribute('incidentId'), title });

  for (const key of [...alerts, ...entities]) {
    const { x: _x, y: _y, fixed: _fixed, ...attributes } = incident.getNodeAttributes(key);
    graph.addNode(key, attributes);
  }
  incident.forEachEdge((edge, attributes, source, target) => {
    if (graph.hasNode(source) && graph.hasNode(target)) {
      graph.addEdgeWithKey(edge, source, target, { ...attributes, roles: [...attributes.roles] });
    }
  });
  return graph;
}
