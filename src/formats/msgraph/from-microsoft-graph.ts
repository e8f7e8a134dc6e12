/**
 * `fromMicrosoftGraph`: Microsoft Graph security incidents and alerts (`/security/incidents`,
 * `/security/alerts_v2`) to incident snapshots.
 */

import { earliestTime, mergeEntities } from '../../model/merge.js';
import type { Alert, DataIssue, Entity, IncidentSnapshot } from '../../model/types.js';
import { validateSnapshot } from '../../model/validate.js';
import { incidentFromAlerts, mapAlert, mapIncident } from './alert.js';
import { mapEvidence } from './evidence.js';
import { deviceKey } from './keys.js';
import { deriveRelations, type AlertEvidenceItem } from './relations.js';
import { isRecord, odataTypeName, readRecordArray, readString, type JsonRecord } from './read.js';

/** The alerts of one incident, and the incident record when the payload has it. */
interface IncidentGroup {
  id: string;
  incident: JsonRecord | undefined;
  alerts: JsonRecord[];
  /** True when the id was generated for an alert that names no incident. */
  generated: boolean;
  issues: DataIssue[];
}

/**
 * Maps a Microsoft Graph payload to one snapshot per incident.
 *
 * Accepts an incident (with `alerts` when it was requested with `$expand=alerts`), an alert, or
 * a `{ value: [...] }` list (or a bare array) of either. Alerts are grouped by the incident that
 * contains them, else by their `incidentId`, else each gets an incident of its own with the id
 * `alert-<alertId>`. Enumerations are read ignoring case, evidence of the same entity in several
 * alerts becomes one entity, relations are derived from the evidence, and the result is
 * validated, so every problem found is in the snapshot's `issues`.
 *
 * Throws a `TypeError` when the payload has none of these shapes.
 */
export function fromMicrosoftGraph(payload: unknown): IncidentSnapshot[] {
  const items = payloadItems(payload);
  const groups = new Map<string, IncidentGroup>();
  const looseAlerts: JsonRecord[] = [];

  items.forEach((item, index) => {
    if (isIncidentRecord(item)) {
      const id = readString(item.id) ?? `incident-${index + 1}`;
      const group = groupFor(groups, id, false);
      if (readString(item.id) === undefined) {
        group.issues.push({ id, field: 'id', problem: 'incident without an id; an id was generated' });
      }
      group.incident = item;
      for (const alert of readRecordArray(item.alerts)) {
        group.alerts.push(alert);
        reportIncidentMismatch(alert, id, group.issues);
      }
    } else if (isAlertRecord(item)) {
      looseAlerts.push(item);
    }
  });

  // Loose alerts join an incident of the payload when they name it, so an incident listed
  // before or after its alerts gets them either way.
  for (const alert of looseAlerts) {
    const incidentId = readString(alert.incidentId);
    const alertId = readString(alert.id) ?? readString(alert.providerAlertId);
    if (incidentId !== undefined) groupFor(groups, incidentId, false).alerts.push(alert);
    else groupFor(groups, `alert-${alertId ?? groups.size + 1}`, true).alerts.push(alert);
  }

  return [...groups.values()].map(mapGroup);
}

function payloadItems(payload: unknown): JsonRecord[] {
  if (Array.isArray(payload)) return payload.filter(isRecord);
  if (isRecord(payload)) {
    if (Array.isArray(payload.value)) return payload.value.filter(isRecord);
    if (isIncidentRecord(payload) || isAlertRecord(payload)) return [payload];
  }
  const got = payload === null ? 'null' : Array.isArray(payload) ? 'array' : typeof payload;
  throw new TypeError(
    `fromMicrosoftGraph: expected a Graph incident, an alert or a { value: [...] } list (got ${got}). ` +
      'Pass the parsed JSON body of a /security/incidents or /security/alerts_v2 response.',
  );
}

function isIncidentRecord(record: JsonRecord): boolean {
  const type = odataTypeName(record);
  if (type !== undefined) return type === 'incident';
  return Array.isArray(record.alerts) || (record.displayName !== undefined && record.evidence === undefined);
}

function isAlertRecord(record: JsonRecord): boolean {
  const type = odataTypeName(record);
  if (type !== undefined) return type === 'alert';
  return Array.isArray(record.evidence) || record.title !== undefined;
}

function groupFor(groups: Map<string, IncidentGroup>, id: string, generated: boolean): IncidentGroup {
  let group = groups.get(id);
  if (group === undefined) {
    group = { id, incident: undefined, alerts: [], generated, issues: [] };
    groups.set(id, group);
  }
  return group;
}

/** Reports an alert whose `incidentId` differs from the incident that contains it. */
function reportIncidentMismatch(alert: JsonRecord, incidentId: string, issues: DataIssue[]): void {
  const named = readString(alert.incidentId);
  if (named === undefined || named === incidentId) return;
  issues.push({
    id: readString(alert.id) ?? incidentId,
    field: 'incidentId',
    problem: `alert names incident ${named} but is listed in incident ${incidentId}; it is kept in ${incidentId}`,
  });
}

function mapGroup(group: IncidentGroup): IncidentSnapshot {
  const issues = [...group.issues];
  const alerts: Alert[] = [];
  const entities = new Map<string, Entity>();
  const items: AlertEvidenceItem[] = [];

  group.alerts.forEach((raw, alertIndex) => {
    const id = readString(raw.id) ?? readString(raw.providerAlertId) ?? `${group.id}-alert-${alertIndex + 1}`;
    if (readString(raw.id) === undefined) {
      issues.push({ id, field: 'id', problem: 'alert without an id; an id was generated' });
    }
    const alert = mapAlert(raw, id, issues);
    const evidence = readRecordArray(raw.evidence);
    const alertDeviceEntityId = onlyDevice(evidence);
    const alertDeviceId = alertDeviceEntityId?.replace(/^device:/, '');

    evidence.forEach((item, evidenceIndex) => {
      const mapped = mapEvidence(item, { alertId: id, path: `evidence[${evidenceIndex}]`, issues, alertDeviceId });
      const existing = entities.get(mapped.entity.id);
      entities.set(mapped.entity.id, existing === undefined ? mapped.entity : mergeEntities(existing, mapped.entity));
      alert.evidence.push(mapped.evidence);
      items.push({ mapped, alertDeviceEntityId });
    });

    alerts.push(alert);
  });

  // Ghost parents take their first seen from their children, so children need theirs first.
  for (const alert of alerts) {
    for (const { entityId } of alert.evidence) {
      const entity = entities.get(entityId)!;
      const firstSeen = earliestTime(entity.firstSeen, alert.firstActivityTime);
      if (firstSeen !== undefined) entity.firstSeen = firstSeen;
    }
  }

  const relations = deriveRelations(items, entities);
  const incident = group.incident
    ? mapIncident(group.incident, group.id, issues)
    : incidentFromAlerts(group.id, group.alerts, alerts, group.generated, issues);

  return validateSnapshot({ incident, alerts, entities: [...entities.values()], relations, issues });
}

/** Entity id of the alert's device when the alert has exactly one distinct device. */
function onlyDevice(evidence: JsonRecord[]): string | undefined {
  const devices = new Set(
    evidence
      .filter((item) => odataTypeName(item) === 'deviceEvidence')
      .map(deviceKey)
      .filter((key): key is string => key !== undefined),
  );
  return devices.size === 1 ? [...devices][0] : undefined;
}
