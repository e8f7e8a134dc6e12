/** Maps Graph incidents and alerts (`microsoft.graph.security.incident` and `.alert`) to the model. */

import type { Alert, DataIssue, Incident } from '../../model/types.js';
import {
  ALERT_STATUSES,
  CLASSIFICATIONS,
  DETERMINATIONS,
  highestSeverity,
  INCIDENT_STATUSES,
  readComments,
  setString,
  setTime,
} from '../shared/incident-fields.js';
import {
  normalizeEnum,
  readSeverity,
  readString,
  readStringArray,
  readWebUrl,
  type JsonRecord,
} from './read.js';

/** Returns custom tags first, then the older `tags` spelling, then system tags, without repeats. */
export function readTags(record: JsonRecord): string[] {
  return [
    ...new Set([
      ...readStringArray(record.customTags),
      ...readStringArray(record.tags),
      ...readStringArray(record.systemTags),
    ]),
  ];
}

export function mapIncident(raw: JsonRecord, id: string, issues: DataIssue[]): Incident {
  const incident: Incident = {
    id,
    title: readString(raw.displayName) ?? `Incident ${id}`,
    severity: readSeverity(raw.severity, { id, field: 'severity', issues }),
    status: normalizeEnum(raw.status, INCIDENT_STATUSES) ?? 'unknown',
    tags: readTags(raw),
  };
  setString(incident, 'assignedTo', raw.assignedTo);
  setString(incident, 'classification', raw.classification, CLASSIFICATIONS);
  setString(incident, 'determination', raw.determination, DETERMINATIONS);
  setString(incident, 'description', raw.description);
  const webUrl = readWebUrl(raw.incidentWebUrl, { id, field: 'incidentWebUrl', issues });
  if (webUrl !== undefined) incident.webUrl = webUrl;
  setString(incident, 'redirectIncidentId', raw.redirectIncidentId);
  setTime(incident, 'createdTime', raw.createdDateTime, issues, id, 'createdDateTime');
  setTime(incident, 'updatedTime', raw.lastUpdateDateTime, issues, id, 'lastUpdateDateTime');

  const comments = readComments(raw.comments, issues, id);
  if (comments.length > 0) incident.comments = comments;
  return incident;
}

/**
 * Builds the incident of alerts that arrived without it. Its id is the alerts' `incidentId` (or
 * the generated one), and its severity the highest alert severity. Its status is `resolved` when
 * every alert is resolved, else `active`. Its web URL is the first http or https
 * `incidentWebUrl` of the alerts, and any other `incidentWebUrl` is reported on its alert.
 */
export function incidentFromAlerts(
  id: string,
  rawAlerts: JsonRecord[],
  alerts: Alert[],
  ownTitle: boolean,
  issues: DataIssue[],
): Incident {
  const severity = highestSeverity(alerts);
  const incident: Incident = {
    id,
    title: ownTitle && alerts[0] ? alerts[0].title : `Incident ${id}`,
    severity,
    status: alerts.length > 0 && alerts.every((alert) => alert.status === 'resolved') ? 'resolved' : 'active',
    tags: [...new Set(rawAlerts.flatMap(readTags))],
  };
  const webUrls = rawAlerts.map((raw, index) =>
    readWebUrl(raw.incidentWebUrl, { id: alerts[index]?.id ?? id, field: 'incidentWebUrl', issues }),
  );
  const webUrl = webUrls.find((url) => url !== undefined);
  if (webUrl !== undefined) incident.webUrl = webUrl;
  const created = alerts.map((alert) => alert.createdTime).filter((time): time is number => time !== undefined);
  if (created.length > 0) incident.createdTime = Math.min(...created);
  return incident;
}

/** Maps an alert's own fields; its evidence is mapped separately. */
export function mapAlert(raw: JsonRecord, id: string, issues: DataIssue[]): Alert {
  const alert: Alert = {
    id,
    title: readString(raw.title) ?? `Alert ${id}`,
    severity: readSeverity(raw.severity, { id, field: 'severity', issues }),
    status: normalizeEnum(raw.status, ALERT_STATUSES) ?? 'unknown',
    mitreTechniques: readStringArray(raw.mitreTechniques),
    relatedAlertIds: [],
    evidence: [],
  };
  setString(alert, 'category', raw.category);
  setString(alert, 'serviceSource', raw.serviceSource);
  setString(alert, 'detectionSource', raw.detectionSource);
  setString(alert, 'description', raw.description);
  setString(alert, 'recommendedActions', raw.recommendedActions);
  const webUrl = readWebUrl(raw.alertWebUrl, { id, field: 'alertWebUrl', issues });
  if (webUrl !== undefined) alert.webUrl = webUrl;
  setString(alert, 'threatDisplayName', raw.threatDisplayName);
  setString(alert, 'threatFamilyName', raw.threatFamilyName);
  setString(alert, 'actorDisplayName', raw.actorDisplayName);
  setString(alert, 'assignedTo', raw.assignedTo);
  setString(alert, 'classification', raw.classification, CLASSIFICATIONS);
  setString(alert, 'determination', raw.determination, DETERMINATIONS);
  setTime(alert, 'firstActivityTime', raw.firstActivityDateTime, issues, id, 'firstActivityDateTime');
  setTime(alert, 'lastActivityTime', raw.lastActivityDateTime, issues, id, 'lastActivityDateTime');
  setTime(alert, 'createdTime', raw.createdDateTime, issues, id, 'createdDateTime');
  return alert;
}
