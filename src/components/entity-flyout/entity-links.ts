/**
 * The alerts that involve an entity and the entities related to it, read from a snapshot for
 * the flyout's "Alerts" and "Related entities" sections.
 */

import { compareByTime, type TimeOrderKey } from '../../model/time.js';
import type { Alert, AlertEvidence, Entity, EpochMs, IncidentSnapshot, PendingAction, Relation } from '../../model/types.js';
import type { TimeRange } from '../../session/session.js';
import { msg } from '../shared/strings.js';
import { isUndecided } from './render-actions.js';

/** An alert that involves the entity, with how it does. */
export interface EntityAlert {
  alert: Alert;
  evidence: AlertEvidence;
}

/**
 * Returns the alerts whose evidence names `entityId`, in `compareByTime` order: earliest first
 * activity first, then severity (high first), then id, and alerts without a time last. Alerts
 * of one instant so come in the order of the timeline's stack and the graph's node list. An
 * alert that lists the entity twice appears once, with its roles combined.
 *
 * With a `range`, alerts first active outside it are left out, as the graph leaves out records
 * first seen outside the session's range. An alert without a time is kept, because it cannot
 * be placed outside a window (the graph keeps records without a time too).
 *
 * The evidence keeps the verdict and remediation status the alert gave the entity, with one
 * exception: see `followDecidedActions`.
 */
export function alertsOfEntity(
  snapshot: IncidentSnapshot,
  entityId: string,
  range?: TimeRange | null,
): EntityAlert[] {
  const entity = snapshot.entities.find((candidate) => candidate.id === entityId);
  const pendingActions = (snapshot.pendingActions ?? []).filter((action) => action.entityId === entityId);
  const result: EntityAlert[] = [];
  for (const alert of snapshot.alerts) {
    if (range && !inRange(alert.firstActivityTime, range)) continue;
    const matches = alert.evidence.filter((evidence) => evidence.entityId === entityId);
    if (matches.length === 0) continue;

    const [first, ...rest] = matches as [AlertEvidence, ...AlertEvidence[]];
    const roles = [...new Set([first, ...rest].flatMap((evidence) => evidence.roles ?? []))];
    result.push({ alert, evidence: followDecidedActions({ ...first, roles }, entity, pendingActions) });
  }

  return result.sort((a, b) => compareByTime(alertOrderKey(a.alert), alertOrderKey(b.alert)));
}

/**
 * Returns the evidence with the entity's own remediation status when the alert still records a
 * wait for approval that is over. The wait is over when the entity has pending actions, every
 * one of them is decided, and the entity's status has changed from `pendingApproval`. A
 * decision updates the entity and the pending action but not the alert's record, which would
 * otherwise keep showing the wait. The status details are dropped too, because they describe
 * the wait.
 */
export function followDecidedActions(
  evidence: AlertEvidence,
  entity: Entity | undefined,
  pendingActions: readonly PendingAction[],
): AlertEvidence {
  if (evidence.remediationStatus !== 'pendingApproval' || !entity) return evidence;
  if (entity.remediationStatus === undefined || entity.remediationStatus === 'pendingApproval') return evidence;
  if (pendingActions.length === 0 || pendingActions.some(isUndecided)) return evidence;

  const followed: AlertEvidence = { ...evidence, remediationStatus: entity.remediationStatus };
  delete followed.remediationStatusDetails;
  return followed;
}

function alertOrderKey(alert: Alert): TimeOrderKey {
  return { time: alert.firstActivityTime, severity: alert.severity, id: alert.id };
}

/** True when `time` lies in the closed window, or is not a usable time. */
function inRange(time: EpochMs | undefined, range: TimeRange): boolean {
  if (time === undefined || !Number.isFinite(time)) return true;
  return time >= range.start && time <= range.end;
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
