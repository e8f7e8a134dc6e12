/**
 * Live updates: applying an `IncidentPatch` to a snapshot, and bringing an incident graph in
 * line with the patched snapshot in place, so its listeners see only what changed and every
 * node keeps its position.
 */

import type { IncidentEdgeAttributes, IncidentGraph, IncidentNodeAttributes } from './graph-types.js';
import type { IncidentPatch, IncidentSnapshot, Relation } from './types.js';
import { relationId } from './validate.js';

/**
 * Returns a new snapshot with the patch applied. `snapshot` is not changed. Records of the
 * patch replace the records with the same id (relations: the same source, type and target) or
 * are added after the others. Removed alerts and entities are left out, and so are the
 * relations and evidence items that name a removed entity. Incident fields are merged, except
 * the id, which stays. Issues are appended.
 *
 * The result is not validated: pass it to `validateSnapshot` before building a graph from it.
 */
export function applyIncidentPatch(snapshot: IncidentSnapshot, patch: IncidentPatch): IncidentSnapshot {
  const removedAlerts = new Set(patch.removedAlertIds ?? []);
  const removedEntities = new Set(patch.removedEntityIds ?? []);

  const alerts = upsertById(snapshot.alerts, patch.alerts)
    .filter((alert) => !removedAlerts.has(alert.id))
    .map((alert) => {
      if (!alert.evidence.some((item) => removedEntities.has(item.entityId))) return alert;
      return { ...alert, evidence: alert.evidence.filter((item) => !removedEntities.has(item.entityId)) };
    });

  const entities = upsertById(snapshot.entities, patch.entities).filter((entity) => !removedEntities.has(entity.id));

  const relations = upsertBy(snapshot.relations, patch.relations, (relation: Relation) => relationId(relation, 0)).filter(
    (relation) => !removedEntities.has(relation.source) && !removedEntities.has(relation.target),
  );

  const next: IncidentSnapshot = {
    ...snapshot,
    incident: { ...snapshot.incident, ...patch.incident, id: snapshot.incident.id },
    alerts,
    entities,
    relations,
    issues: [...snapshot.issues, ...(patch.issues ?? [])],
  };
  if (patch.investigations !== undefined) next.investigations = upsertById(snapshot.investigations ?? [], patch.investigations);
  if (patch.pendingActions !== undefined) next.pendingActions = upsertById(snapshot.pendingActions ?? [], patch.pendingActions);
  return next;
}

function upsertById<T extends { id: string }>(records: readonly T[], changes: readonly T[] | undefined): T[] {
  return upsertBy(records, changes, (record) => record.id);
}

/** Replaces each record whose key a change has, in place, and adds the other changes at the end. */
function upsertBy<T>(records: readonly T[], changes: readonly T[] | undefined, keyOf: (record: T) => string): T[] {
  if (changes === undefined || changes.length === 0) return [...records];
  const byKey = new Map(changes.map((change) => [keyOf(change), change]));
  const result = records.map((record) => {
    const key = keyOf(record);
    const change = byKey.get(key);
    if (change === undefined) return record;
    byKey.delete(key);
    return change;
  });
  result.push(...byKey.values());
  return result;
}

/** Node attributes that the layout and the user own, which a patch never changes. */
const POSITION_ATTRIBUTES = ['x', 'y', 'fixed'] as const;

/**
 * Changes `graph` in place to have the nodes, edges and attributes of `target`, typically a
 * graph that `buildIncidentGraph` built from a patched snapshot. Nodes present in both keep
 * their position and pin (`x`, `y`, `fixed`). New nodes are added without a position, so the
 * layout places them beside their neighbours and keeps every node that has one in place. Only what
 * differs is written, so an unchanged patch fires no graph event.
 */
export function syncIncidentGraph(graph: IncidentGraph, target: IncidentGraph): void {
  for (const name of ['incidentId', 'title'] as const) {
    const value = target.getAttribute(name);
    if (graph.getAttribute(name) !== value) graph.setAttribute(name, value);
  }

  target.forEachNode((key, attributes) => {
    if (graph.hasNode(key)) syncNodeAttributes(graph, key, attributes);
    else graph.addNode(key, withoutPosition(attributes));
  });

  syncEdges(graph, target);

  const stale = graph.filterNodes((key) => !target.hasNode(key));
  for (const key of stale) graph.dropNode(key);
}

function withoutPosition(attributes: IncidentNodeAttributes): IncidentNodeAttributes {
  const copy = { ...attributes };
  for (const name of POSITION_ATTRIBUTES) delete copy[name];
  return copy;
}

function syncNodeAttributes(graph: IncidentGraph, key: string, wanted: IncidentNodeAttributes): void {
  const current = graph.getNodeAttributes(key);
  const next = withoutPosition(wanted);
  const names = new Set([...Object.keys(withoutPosition(current)), ...Object.keys(next)]) as Set<keyof IncidentNodeAttributes>;

  for (const name of names) {
    if (sameValue(current[name], next[name])) continue;
    if (next[name] === undefined) graph.removeNodeAttribute(key, name);
    else graph.setNodeAttribute(key, name, next[name]!);
  }
}

/**
 * Matches the edges of both graphs by source, target and type, which a multigraph may repeat,
 * so the n-th such edge of `graph` is kept for the n-th of `target`, its attributes updated.
 */
function syncEdges(graph: IncidentGraph, target: IncidentGraph): void {
  const existing = new Map<string, string[]>();
  graph.forEachEdge((edge, attributes, source, targetNode) => {
    const signature = edgeSignature(source, targetNode, attributes);
    const list = existing.get(signature);
    if (list === undefined) existing.set(signature, [edge]);
    else list.push(edge);
  });

  target.forEachEdge((_edge, attributes, source, targetNode) => {
    const edge = existing.get(edgeSignature(source, targetNode, attributes))?.shift();
    if (edge === undefined) {
      graph.addDirectedEdge(source, targetNode, { ...attributes, roles: [...attributes.roles] });
      return;
    }
    const current = graph.getEdgeAttributes(edge);
    if (!sameValue(current.roles, attributes.roles)) graph.setEdgeAttribute(edge, 'roles', [...attributes.roles]);
    if (current.firstSeen !== attributes.firstSeen) {
      if (attributes.firstSeen === undefined) graph.removeEdgeAttribute(edge, 'firstSeen');
      else graph.setEdgeAttribute(edge, 'firstSeen', attributes.firstSeen);
    }
  });

  for (const edges of existing.values()) {
    for (const edge of edges) graph.dropEdge(edge);
  }
}

function edgeSignature(source: string, target: string, attributes: IncidentEdgeAttributes): string {
  return `${source}\u0000${target}\u0000${attributes.type}`;
}

/** Compares attribute values: scalars by identity, arrays item by item. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => Object.is(item, b[index]));
  return Object.is(a, b);
}
