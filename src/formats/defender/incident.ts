/**
 * Maps Defender incidents and alerts, and the devices an alert names, to the model. Enumerations
 * are normalised to the Graph security API's spellings (`Active` to `active`, `TruePositive` to
 * `truePositive`), so a view reads the same values whichever Microsoft API they came from.
 */

import { parseTimeField } from '../../model/time.js';
import type { Alert, DataIssue, Entity, Incident } from '../../model/types.js';
import { deviceKey } from '../shared/entity-keys.js';
import { entityFromRecord, type EvidenceLocation } from '../shared/entity-record.js';
import {
  ALERT_STATUSES,
  CLASSIFICATIONS,
  DETERMINATIONS,
  INCIDENT_STATUSES,
  readComments,
  readDefenderSeverity,
  setString,
  setTime,
} from '../shared/incident-fields.js';
import { normalizeEnum, readString, readStringArray, type JsonRecord } from '../shared/json-readers.js';

/** Defender writes `NotAvailable` where Graph writes no determination. */
const DEFENDER_DETERMINATIONS = [...DETERMINATIONS, 'notAvailable'];

/** Maps an incident of the Defender XDR incidents API (`api/incidents`). */
export function mapDefenderIncident(raw: JsonRecord, id: string, issues: DataIssue[]): Incident {
  const incident: Incident = {
    id,
    title: readString(raw.incidentName) ?? `Incident ${id}`,
    severity: readDefenderSeverity(raw.severity, { id, field: 'severity', issues }),
    status: normalizeEnum(raw.status, INCIDENT_STATUSES) ?? 'unknown',
    tags: [...new Set(readStringArray(raw.tags))],
  };
  setString(incident, 'assignedTo', raw.assignedTo);
  setString(incident, 'classification', raw.classification, CLASSIFICATIONS);
  setString(incident, 'determination', raw.determination, DEFENDER_DETERMINATIONS);
  setString(incident, 'redirectIncidentId', raw.redirectIncidentId);
  setTime(incident, 'createdTime', raw.createdTime, issues, id, 'createdTime');
  setTime(incident, 'updatedTime', raw.lastUpdateTime, issues, id, 'lastUpdateTime');

  const comments = readComments(raw.comments, issues, id);
  if (comments.length > 0) incident.comments = comments;
  return incident;
}

/** Maps the fields both alert shapes share under the same names. */
function mapCommonAlertFields(raw: JsonRecord, id: string, issues: DataIssue[]): Alert {
  const alert: Alert = {
    id,
    title: readString(raw.title) ?? `Alert ${id}`,
    severity: readDefenderSeverity(raw.severity, { id, field: 'severity', issues }),
    status: normalizeEnum(raw.status, ALERT_STATUSES) ?? 'unknown',
    mitreTechniques: readStringArray(raw.mitreTechniques),
    relatedAlertIds: [],
    evidence: [],
  };
  setString(alert, 'category', raw.category);
  setString(alert, 'detectionSource', raw.detectionSource);
  setString(alert, 'description', raw.description);
  setString(alert, 'threatFamilyName', raw.threatFamilyName);
  setString(alert, 'assignedTo', raw.assignedTo);
  setString(alert, 'classification', raw.classification, CLASSIFICATIONS);
  setString(alert, 'determination', raw.determination, DEFENDER_DETERMINATIONS);
  return alert;
}

/** Maps an alert of a Defender XDR incident (`incident.alerts[]`). Its entities are mapped separately. */
export function mapXdrAlert(raw: JsonRecord, id: string, issues: DataIssue[]): Alert {
  const alert = mapCommonAlertFields(raw, id, issues);
  setString(alert, 'serviceSource', raw.serviceSource);
  setString(alert, 'actorDisplayName', raw.actorName);
  setTime(alert, 'firstActivityTime', raw.firstActivity, issues, id, 'firstActivity');
  setTime(alert, 'lastActivityTime', raw.lastActivity, issues, id, 'lastActivity');
  setTime(alert, 'createdTime', raw.creationTime, issues, id, 'creationTime');
  return alert;
}

/** Maps an alert of the Defender for Endpoint alerts API (`api/alerts`). Its evidence is mapped separately. */
export function mapMdeAlert(raw: JsonRecord, id: string, issues: DataIssue[]): Alert {
  const alert = mapCommonAlertFields(raw, id, issues);
  setString(alert, 'threatDisplayName', raw.threatName);
  setTime(alert, 'firstActivityTime', raw.firstEventTime, issues, id, 'firstEventTime');
  setTime(alert, 'lastActivityTime', raw.lastEventTime, issues, id, 'lastEventTime');
  setTime(alert, 'createdTime', raw.alertCreationTime, issues, id, 'alertCreationTime');
  return alert;
}

/**
 * Maps a device of a Defender XDR alert (`alert.devices[]`). Its `firstSeen` is when the
 * service first saw the device, often long before the incident, so it is kept as the
 * `deviceFirstSeen` property and not as the entity's first seen. Returns `undefined` for a
 * device without any identifier, which the caller reports.
 */
export function mapXdrDevice(raw: JsonRecord, at: EvidenceLocation): Entity | undefined {
  const record = {
    mdeDeviceId: readString(raw.mdatpDeviceId),
    azureAdDeviceId: readString(raw.aadDeviceId),
    deviceDnsName: readString(raw.deviceDnsName),
  };
  const id = deviceKey(record);
  if (id === undefined) return undefined;
  return entityFromRecord(
    id,
    'device',
    record.deviceDnsName ?? record.mdeDeviceId ?? record.azureAdDeviceId!,
    raw,
    {
      ...record,
      osPlatform: readString(raw.osPlatform),
      osVersion: readString(raw.version),
      osBuild: readString(raw.osBuild),
      healthStatus: readString(raw.healthStatus),
      riskScore: readString(raw.riskScore),
      rbacGroupName: readString(raw.rbacGroupName),
      deviceFirstSeen: parseTimeField(raw.firstSeen, at.issues, at.alertId, `${at.path}.firstSeen`),
    },
    new Set(['mdatpDeviceId', 'aadDeviceId', 'version', 'firstSeen']),
  );
}

/**
 * Maps the device of a Defender for Endpoint alert, which the alert names with `machineId` and
 * `computerDnsName`. Returns `undefined` when the alert names no device.
 */
export function mapMdeDevice(raw: JsonRecord): Entity | undefined {
  const record = { mdeDeviceId: readString(raw.machineId), deviceDnsName: readString(raw.computerDnsName) };
  const id = deviceKey(record);
  if (id === undefined) return undefined;
  const known = { ...record, rbacGroupName: readString(raw.rbacGroupName) };
  return entityFromRecord(id, 'device', record.deviceDnsName ?? record.mdeDeviceId!, {}, known, new Set());
}
