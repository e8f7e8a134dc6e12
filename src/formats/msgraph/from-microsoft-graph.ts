/**
 * `fromMicrosoftGraph`: Microsoft Graph security incidents and alerts (`/security/incidents`,
 * `/security/alerts_v2`) to incident snapshots.
 */

import { mergeEntities } from '../../model/merge.js';
import type { Alert, Entity, IncidentSnapshot } from '../../model/types.js';
import { validateSnapshot } from '../../model/validate.js';
import { addLooseAlert, groupFor, reportIncidentMismatch, type IncidentGroup } from '../shared/incident-groups.js';
import { applyAlertFirstSeen } from '../shared/snapshot-builder.js';
import { incidentFromAlerts, mapAlert, mapIncident } from './alert.js';
import { mapEvidence } from './evidence.js';
import { deviceKey } from './keys.js';
import { deriveRelations, type AlertEvidenceItem } from './relations.js';
import { isRecord, odataTypeName, readRecordArray, readString, type JsonRecord } from './read.js';

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
  const groups = new Map<string, IncidentGroup<JsonRecord>>();
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
        reportIncidentMismatch(alert, readString(alert.id), id, group.issues);
      }
    } else if (isAlertRecord(item)) {
      looseAlerts.push(item);
    }
  });

  // Loose alerts join an incident of the payload when they name it, so an incident listed
  // before or after its alerts gets them either way.
  for (const alert of looseAlerts) {
    const alertId = readString(alert.id) ?? readString(alert.providerAlertId);
    addLooseAlert(groups, alert, readString(alert.incidentId), alertId);
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

function mapGroup(group: IncidentGroup<JsonRecord>): IncidentSnapshot {
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
  applyAlertFirstSeen(alerts, entities);

  const relations = deriveRelations(items, entities);
  const incident = group.incident
    ? mapIncident(group.incident, group.id, issues)
    : incidentFromAlerts(group.id, group.alerts, alerts, group.generated, issues);

  return validateSnapshot({ incident, alerts, entities: [...entities.values()], relations, issues });
}

/** Returns the entity id of the alert's device when the alert has exactly one distinct device. */
function onlyDevice(evidence: JsonRecord[]): string | undefined {
  const devices = new Set(
    evidence
      .filter((item) => odataTypeName(item) === 'deviceEvidence')
      .map(deviceKey)
      .filter((key): key is string => key !== undefined),
  );
  return devices.size === 1 ? [...devices][0] : undefined;
}
