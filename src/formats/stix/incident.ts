/**
 * The incident of a snapshot: an `incident` object and its Incident Core Extension, else the
 * bundle's only `report`, else one built from the bundle's alerts. The extension's activity
 * (attacker and defender activities, observables) becomes one alert of the incident.
 */

import { parseTimeField } from '../../model/time.js';
import type { Alert, AlertStory, AlertStoryEvent, Incident } from '../../model/types.js';
import { readKnownEnum } from '../shared/enum-field.js';
import { highestSeverity, setString, setTime } from '../shared/incident-fields.js';
import { isRecord, readRecordArray, readString, readStringArray, type JsonRecord } from '../shared/json-readers.js';
import { incidentOfAlerts } from '../shared/snapshot-builder.js';
import { activityEvent, addRefEvidence, confidenceSeverity } from './alerts.js';
import type { StixObject } from './bundle.js';
import { externalUrl } from './entities.js';
import type { StixScope } from './scope.js';

/** Id of the extension definition of the DC3 Incident Core Extension (version 0.4.0). */
export const INCIDENT_CORE_EXTENSION = 'extension-definition--ef765651-680c-498d-9894-99799f2fa126';

const DETERMINATIONS = ['confirmed', 'suspected'];
const INVESTIGATION_STATUSES = ['new', 'open', 'closed'];

/** Extension fields that are mapped to named incident or alert fields, not to evidence. */
const EXTENSION_FIELDS: ReadonlySet<string> = new Set([
  'extension_type',
  'determination',
  'investigation_status',
  'detection_methods',
  'incident_types',
  'attacker_activities',
  'defender_activities',
]);

/** Returns the Incident Core Extension of an incident object, or `undefined`. */
export function incidentCore(raw: JsonRecord): JsonRecord | undefined {
  const extensions = isRecord(raw.extensions) ? raw.extensions : {};
  const extension = extensions[INCIDENT_CORE_EXTENSION];
  return isRecord(extension) ? extension : undefined;
}

/** Maps an `incident` object, with the fields of its Incident Core Extension when it has one. */
export function mapIncidentObject(scope: StixScope, object: StixObject): Incident {
  const { raw, id } = object;
  const issues = scope.builder.issues;
  const core = incidentCore(raw);
  const at = (field: string) => ({ id, field: `extensions.${INCIDENT_CORE_EXTENSION}.${field}`, issues });

  const incident: Incident = {
    id,
    title: readString(raw.name) ?? `Incident ${id}`,
    severity: highestSeverity(scope.builder.alerts),
    status: readKnownEnum(core?.investigation_status, INVESTIGATION_STATUSES, 'investigation status', at('investigation_status')) ?? 'unknown',
    tags: [...new Set([...readStringArray(raw.labels), ...readStringArray(core?.incident_types)])],
  };
  const determination = readKnownEnum(core?.determination, DETERMINATIONS, 'determination', at('determination'));
  if (determination !== undefined) incident.determination = determination;
  setString(incident, 'description', raw.description);
  setTime(incident, 'createdTime', raw.created, issues, id, 'created');
  setTime(incident, 'updatedTime', raw.modified, issues, id, 'modified');
  const webUrl = externalUrl(raw);
  if (webUrl !== undefined) incident.webUrl = webUrl;
  return incident;
}

/** Maps a `report` to the incident of the bundle it summarises. */
export function mapReport(scope: StixScope, object: StixObject): Incident {
  const { raw, id } = object;
  const issues = scope.builder.issues;
  const incident: Incident = {
    id,
    title: readString(raw.name) ?? `Report ${id}`,
    severity: highestSeverity(scope.builder.alerts),
    status: 'unknown',
    tags: [...new Set([...readStringArray(raw.labels), ...readStringArray(raw.report_types)])],
  };
  setString(incident, 'description', raw.description);
  const created = parseTimeField(raw.published, issues, id, 'published') ?? parseTimeField(raw.created, issues, id, 'created');
  if (created !== undefined) incident.createdTime = created;
  setTime(incident, 'updatedTime', raw.modified, issues, id, 'modified');
  const webUrl = externalUrl(raw);
  if (webUrl !== undefined) incident.webUrl = webUrl;
  return incident;
}

/**
 * Builds the incident of a bundle that has neither an incident nor a single report. Its title is
 * that of its only sighting, else of its only alert, else the bundle id.
 */
export function bundleIncident(bundleId: string, alerts: readonly Alert[], sightingIds: readonly string[]): Incident {
  const sightings = alerts.filter((alert) => sightingIds.includes(alert.id));
  let title = `STIX bundle ${bundleId}`;
  if (sightings.length === 1) title = sightings[0]!.title;
  else if (alerts.length === 1) title = alerts[0]!.title;
  return incidentOfAlerts(bundleId, title, alerts);
}

/**
 * Adds the alert of an incident object: the incident as its own detection. Its evidence is what
 * the Incident Core Extension references (`observable_refs` with role `observable`, and any
 * other `*_refs` with the field's name as role) and the attack patterns of the attacker
 * activities (role `attackPattern`). Its story lists the attacker and defender activities, its
 * activity spans their times, and its detection source is `detection_methods`.
 */
export function addIncidentAlert(scope: StixScope, object: StixObject): Alert {
  const { raw, id } = object;
  const issues = scope.builder.issues;
  const core = incidentCore(raw) ?? {};
  const prefix = `extensions.${INCIDENT_CORE_EXTENSION}.`;
  const alert: Alert = {
    id: `${id}/activity`,
    title: readString(raw.name) ?? `Incident ${id}`,
    severity: confidenceSeverity(raw, id, issues),
    status: readString(core.investigation_status) ?? 'unknown',
    mitreTechniques: [],
    relatedAlertIds: [],
    evidence: [],
  };
  setString(alert, 'description', raw.description);
  setString(alert, 'detectionSource', readStringArray(core.detection_methods).join(', '));
  setTime(alert, 'createdTime', raw.created, issues, id, 'created');
  scope.builder.alerts.push(alert);
  scope.alerts.set(id, alert);

  const events: AlertStoryEvent[] = [];
  const times: number[] = [];
  readRecordArray(core.attacker_activities).forEach((activity, index) => {
    const field = `${prefix}attacker_activities[${index}]`;
    const before = alert.evidence.length;
    addRefEvidence(scope, alert, { id, field: `${field}.pattern_ref` }, activity.pattern_ref, 'attackPattern', undefined);
    const entityIds = alert.evidence.slice(before).map((item) => item.entityId);
    events.push(activityEvent(scope, activity, 'Attacker activity', { id, field }, entityIds));
    times.push(...activityTimes(activity));
  });
  const actions: string[] = [];
  readRecordArray(core.defender_activities).forEach((activity, index) => {
    events.push(activityEvent(scope, activity, 'Defender activity', { id, field: `${prefix}defender_activities[${index}]` }, []));
    times.push(...activityTimes(activity));
    const description = readString(activity.description);
    if (description !== undefined) actions.push(description);
  });

  for (const [field, value] of Object.entries(core)) {
    if (EXTENSION_FIELDS.has(field) || !field.endsWith('_refs')) continue;
    const role = field === 'observable_refs' ? 'observable' : field.replace(/_refs$/, '');
    addRefEvidence(scope, alert, { id, field: `${prefix}${field}` }, value, role, undefined);
  }

  if (times.length > 0) {
    alert.firstActivityTime = Math.min(...times);
    alert.lastActivityTime = Math.max(...times);
  }
  events.sort((a, b) => (a.time ?? Infinity) - (b.time ?? Infinity));
  const story: AlertStory = {};
  if (alert.description !== undefined) story.whatHappened = alert.description;
  if (actions.length > 0) story.actionsTaken = actions;
  if (events.length > 0) story.relatedEvents = events;
  if (Object.keys(story).length > 0) alert.story = story;
  return alert;
}

/** Returns the valid times of an activity. Invalid ones are reported by `activityEvent`. */
function activityTimes(activity: JsonRecord): number[] {
  return [activity.time, activity.start_time, activity.end_time]
    .map((value) => parseTimeField(value, [], '', ''))
    .filter((time): time is number => time !== undefined);
}
