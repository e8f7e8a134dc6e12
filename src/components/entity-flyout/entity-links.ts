/**
 * The alerts that involve an entity and the entities related to it, read from a snapshot for
 * the flyout's "Alerts" and "Related entities" sections.
 */

import type { Alert, AlertEvidence, Entity, IncidentSnapshot, Relation } from '../../model/types.js';
import { msg } from '../shared/strings.js';
import { severityRank } from '../../model/severity.js';

/** An alert that involves the entity, with how it does. */
export interface EntityAlert {
  alert: Alert;
  evidence: AlertEvidence;
}

/**
 * Returns the alerts whose evidence names `entityId`, most severe first and, within a
 * severity, earliest first activity first. An alert that lists the entity twice appears once,
 * with its roles combined.
 */
export function alertsOfEntity(snapshot: IncidentSnapshot, entityId: string): EntityAlert[] {
  const result: EntityAlert[] = [];
  for (const alert of snapshot.alerts) {
    const matches = alert.evidence.filter((evidence) => evidence.entityId === entityId);
    if (matches.length === 0) continue;

    const [first, ...rest] = matches as [AlertEvidence, ...AlertEvidence[]];
    const roles = [...new Set([first, ...rest].flatMap((evidence) => evidence.roles ?? []))];
    result.push({ alert, evidence: { ...first, roles } });
  }

  return result.sort(
    (a, b) =>
      severityRank(a.alert.severity) - severityRank(b.alert.severity) ||
      (a.alert.firstActivityTime ?? Infinity) - (b.alert.firstActivityTime ?? Infinity),
  );
}

/** One relation seen from the entity: which way it points and the entity at the other end. */
export interface RelatedEntity {
  relation: Relation;
  /** `outgoing` when the entity is the relation's source. */
  direction: 'outgoing' | 'incoming';
  other: Entity;
  /** Role of the other entity relative to this one, for example "Parent process". */
  label: string;
}

/**
 * Returns the entities connected to `entityId` by a relation, sorted by label, then name. A
 * relation whose other end is not in the snapshot is left out; a self-relation is kept once.
 */
export function relatedEntities(snapshot: IncidentSnapshot, entityId: string): RelatedEntity[] {
  const byId = new Map(snapshot.entities.map((entity) => [entity.id, entity]));
  const result: RelatedEntity[] = [];

  for (const relation of snapshot.relations) {
    let direction: RelatedEntity['direction'];
    let otherId: string;
    if (relation.source === entityId) {
      direction = 'outgoing';
      otherId = relation.target;
    } else if (relation.target === entityId) {
      direction = 'incoming';
      otherId = relation.source;
    } else {
      continue;
    }

    const other = byId.get(otherId);
    if (!other) continue;
    result.push({ relation, direction, other, label: relationLabel(relation.type, direction) });
  }

  return result.sort(
    (a, b) => a.label.localeCompare(b.label) || a.other.displayName.localeCompare(b.other.displayName),
  );
}

/**
 * Returns the role of the entity at the other end of a relation, from this entity's side. For
 * `process --parentProcess--> parent`, the process shows "Parent process" and the parent shows
 * "Child process". A type without a registered label is shown as the type with an arrow.
 */
export function relationLabel(type: string, direction: 'outgoing' | 'incoming'): string {
  const key = `flyout.relation.${type}.${direction === 'outgoing' ? 'out' : 'in'}`;
  const label = msg(key);
  if (label !== key) return label;
  return direction === 'outgoing' ? `${type} →` : `← ${type}`;
}
