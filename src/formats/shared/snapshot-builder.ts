/**
 * Assembly of one incident snapshot while a mapper reads its payload: entities merged by id,
 * evidence listed once per entity and alert, and relations without repeats. The Sentinel, OCSF,
 * Defender and advanced hunting mappers build their snapshots with it.
 */

import { earliestTime, mergeEntities, mostUrgentRemediation, strongestVerdict } from '../../model/merge.js';
import { severityRank } from '../../model/severity.js';
import type {
  Alert,
  AlertEvidence,
  DataIssue,
  Entity,
  Incident,
  IncidentSnapshot,
  Relation,
  RelationType,
  Severity,
} from '../../model/types.js';
import { validateSnapshot } from '../../model/validate.js';

export class SnapshotBuilder {
  readonly alerts: Alert[] = [];
  readonly entities = new Map<string, Entity>();
  readonly issues: DataIssue[];
  private readonly relations = new Map<string, Relation>();

  constructor(issues: DataIssue[] = []) {
    this.issues = issues;
  }

  /** Adds an entity, merged by the shared merge rule into an entity with the same id. */
  addEntity(entity: Entity): string {
    const existing = this.entities.get(entity.id);
    this.entities.set(entity.id, existing === undefined ? entity : mergeEntities(existing, entity));
    return entity.id;
  }

  /**
   * Adds `evidence` to the alert. A second entry for the same entity joins the first: the union
   * of roles, the strongest verdict and the most urgent remediation status.
   */
  addEvidence(alert: Alert, evidence: AlertEvidence): void {
    const existing = alert.evidence.find((item) => item.entityId === evidence.entityId);
    if (existing === undefined) {
      alert.evidence.push(evidence);
      return;
    }

    existing.roles = [...new Set([...existing.roles, ...evidence.roles])];
    const verdict = strongestVerdict(existing.verdict, evidence.verdict);
    if (verdict !== undefined) existing.verdict = verdict;
    const status = mostUrgentRemediation(existing.remediationStatus, evidence.remediationStatus);
    if (status !== undefined) existing.remediationStatus = status;
  }

  /** Records a relation once. A relation from an entity to itself is dropped. */
  relate(source: string | undefined, target: string | undefined, type: RelationType): void {
    if (source === undefined || target === undefined || source === target) return;
    const key = `${source}\u0000${type}\u0000${target}`;
    if (!this.relations.has(key)) this.relations.set(key, { source, target, type });
  }

  /**
   * Returns the validated snapshot. Relations to an entity that was never added are left out
   * here without an issue, because the mappers report the reference that failed to resolve.
   */
  build(incident: Incident): IncidentSnapshot {
    const relations = [...this.relations.values()].filter(
      (relation) => this.entities.has(relation.source) && this.entities.has(relation.target),
    );
    return validateSnapshot({
      incident,
      alerts: this.alerts,
      entities: [...this.entities.values()],
      relations,
      issues: this.issues,
    });
  }
}

/**
 * Builds the incident of alerts that arrived without one: the given id and title, the highest
 * alert severity, the status `resolved` when every alert is resolved (else `active`), and the
 * earliest alert creation time.
 */
export function incidentOfAlerts(id: string, title: string, alerts: readonly Alert[]): Incident {
  const severity = alerts.reduce<Severity>(
    (highest, alert) => (severityRank(alert.severity) < severityRank(highest) ? alert.severity : highest),
    'unknown',
  );
  const incident: Incident = {
    id,
    title,
    severity,
    status: alerts.length > 0 && alerts.every((alert) => alert.status === 'resolved') ? 'resolved' : 'active',
    tags: [],
  };
  const created = alerts.map((alert) => alert.createdTime).filter((time): time is number => time !== undefined);
  if (created.length > 0) incident.createdTime = Math.min(...created);
  return incident;
}

/** Sets each entity's first seen to the earliest first activity of the alerts that involve it. */
export function applyAlertFirstSeen(alerts: readonly Alert[], entities: ReadonlyMap<string, Entity>): void {
  for (const alert of alerts) {
    for (const { entityId } of alert.evidence) {
      const entity = entities.get(entityId)!;
      const firstSeen = earliestTime(entity.firstSeen, alert.firstActivityTime);
      if (firstSeen !== undefined) entity.firstSeen = firstSeen;
    }
  }
}
