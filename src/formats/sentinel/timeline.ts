/**
 * Reads the response of Sentinel's entity timeline (`entities/{entityId}/getTimeline`): the
 * alerts, anomalies and activity buckets of one entity over time. The response does not name
 * the entity (only the request does), so the items become alerts without evidence.
 */

import { parseTimeField } from '../../model/time.js';
import type { Alert, DataIssue } from '../../model/types.js';
import {
  isRecord,
  readRecordArray,
  readSeverity,
  readString,
  readStringArray,
  type JsonRecord,
} from '../shared/json-readers.js';

const TIMELINE_KINDS = ['SecurityAlert', 'Anomaly', 'Activity'];

/** True for a timeline response: `value` items with a timeline `kind` and no `properties`. */
export function isTimelineBody(value: unknown): boolean {
  if (!isRecord(value) || !Array.isArray(value.value) || value.value.length === 0) return false;
  return value.value.every(
    (item) => isRecord(item) && item.properties === undefined && TIMELINE_KINDS.includes(readString(item.kind) ?? ''),
  );
}

type AlertTime = 'firstActivityTime' | 'lastActivityTime' | 'createdTime';

function setTime(alert: Alert, key: AlertTime, item: JsonRecord, field: string, issues: DataIssue[]): void {
  const time = parseTimeField(item[field], issues, alert.id, field);
  if (time !== undefined) alert[key] = time;
}

/**
 * Maps each timeline item to an alert. A SecurityAlert or an Anomaly keeps its display name,
 * severity, intent (as the category), techniques, product and activity window. An Activity
 * bucket (a count of one kind of activity in a time bucket) becomes an informational alert
 * titled by the activity, so it still appears on the timeline. Each query error the response
 * lists in `metaData.errors` is reported, because the items of that query are missing.
 */
export function mapTimeline(body: JsonRecord, path: string, issues: DataIssue[]): Alert[] {
  const prefix = path === '' ? '' : `${path}.`;
  const alerts = readRecordArray(body.value).map((item, index) => {
    // `isTimelineBody` accepted only the kinds in TIMELINE_KINDS.
    const kind = readString(item.kind)!;
    return kind === 'Activity' ? mapActivity(item, index, issues) : mapTimelineAlert(item, kind, index, issues);
  });

  const metaData = isRecord(body.metaData) ? body.metaData : {};
  readRecordArray(metaData.errors).forEach((error, index) => {
    issues.push({
      id: 'payload',
      field: `${prefix}metaData.errors[${index}]`,
      problem:
        `the ${readString(error.kind) ?? 'timeline'} query failed (${readString(error.errorMessage) ?? 'no message'}); ` +
        'its items are missing',
    });
  });
  return alerts;
}

function mapTimelineAlert(item: JsonRecord, kind: string, index: number, issues: DataIssue[]): Alert {
  const id = readString(item.azureResourceId) ?? `${kind.toLowerCase()}-${index + 1}`;
  if (readString(item.azureResourceId) === undefined) {
    issues.push({ id, field: 'azureResourceId', problem: `${kind} without azureResourceId; an id was generated` });
  }

  // Anomalies have no severity, so an absent one is unknown rather than an error.
  const alert: Alert = {
    id,
    title: readString(item.displayName) ?? `${kind} ${id}`,
    severity: readSeverity(item.severity, { id, field: 'severity', issues }),
    status: 'unknown',
    mitreTechniques: readStringArray(item.techniques),
    relatedAlertIds: [],
    evidence: [],
    detectionSource: kind,
  };

  // The published example spells the field `Intent` on alerts and `intent` on anomalies.
  const intent = readString(item.intent) ?? readString(item.Intent);
  if (intent !== undefined) alert.category = intent;
  const product = readString(item.productName) ?? readString(item.vendor);
  if (product !== undefined) alert.serviceSource = product;
  const reasons = readStringArray(item.reasons);
  const description = [readString(item.description), ...reasons.map((reason) => `Reason: ${reason}`)].filter(Boolean);
  if (description.length > 0) alert.description = description.join('\n');

  setTime(alert, 'firstActivityTime', item, 'startTimeUtc', issues);
  setTime(alert, 'lastActivityTime', item, 'endTimeUtc', issues);
  setTime(alert, 'createdTime', item, 'timeGenerated', issues);
  return alert;
}

function mapActivity(item: JsonRecord, index: number, issues: DataIssue[]): Alert {
  const queryId = readString(item.queryId) ?? `${index + 1}`;
  const bucket = readString(item.bucketStartTimeUTC) ?? `${index + 1}`;
  const id = `activity:${queryId}:${bucket}`;
  const alert: Alert = {
    id,
    title: readString(item.title) ?? 'Activity',
    severity: 'informational',
    status: 'unknown',
    mitreTechniques: [],
    relatedAlertIds: [],
    evidence: [],
    detectionSource: 'Activity',
  };
  const content = readString(item.content);
  if (content !== undefined) alert.description = content;

  setTime(alert, 'firstActivityTime', item, 'firstActivityTimeUTC', issues);
  setTime(alert, 'lastActivityTime', item, 'lastActivityTimeUTC', issues);
  setTime(alert, 'createdTime', item, 'bucketStartTimeUTC', issues);
  return alert;
}
