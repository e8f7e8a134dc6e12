/**
 * `fromSentinel`: Microsoft Sentinel incidents, alerts and entities (the
 * `Microsoft.SecurityInsights` REST API and the `SecurityAlert` and `SecurityIncident` Log
 * Analytics tables) to incident snapshots. The field-by-field mapping is in README.md beside
 * this file.
 */

import { parseTime } from '../../model/time.js';
import type { Alert, DataIssue, Incident, IncidentSnapshot } from '../../model/types.js';
import { isRecord, readRecordArray, readString, readStringArray, type JsonRecord } from '../shared/json-readers.js';
import { parseJsonField, parsePayloadText } from '../shared/payload-text.js';
import { incidentOfAlerts, SnapshotBuilder } from '../shared/snapshot-builder.js';
import { addAddressLinks, addEntityRecords } from './entity-links.js';
import { alertEntityRecords, normalizedType, restEntityRecord, stringOf } from './entity-records.js';
import { hostDnsName } from './entity-kinds.js';
import { isTimelineBody, mapTimeline } from './timeline.js';
import { ALERT_COLUMNS, hasAny, INCIDENT_COLUMNS, mapAlert, mapIncident, restFields, rowFields } from './records.js';

type RecordShape = 'restIncident' | 'restAlert' | 'restEntity' | 'alertRow' | 'incidentRow' | 'timeline';

interface PayloadRecord {
  shape: RecordShape;
  raw: JsonRecord;
  /** Position in the payload, for data issues: `[3]`, or `[0].value[2]` inside a list. */
  path: string;
}

/** The records of one incident: its own record when the payload has it, and what belongs to it. */
interface IncidentGroup {
  id: string;
  incident: PayloadRecord | undefined;
  /** `SecurityAlert` rows by alert id, which is generated for a row without `SystemAlertId`. */
  alertRows: Array<{ id: string; row: JsonRecord }>;
  restAlerts: JsonRecord[];
  restEntities: PayloadRecord[];
  timelines: PayloadRecord[];
  issues: DataIssue[];
}

/**
 * Maps a Sentinel payload to one snapshot per incident.
 *
 * Accepts these shapes, alone or together in an array. REST: an incident, a `{ value: [...] }`
 * list of incidents, incident alerts or entities, and the incident entities response
 * (`{ entities: [...] }`). Log Analytics: `SecurityAlert` and `SecurityIncident` rows as
 * objects, an array, an Event Hub `{ records: [...] }` envelope, or NDJSON text. The entity
 * timeline response, whose items become alerts of an incident of their own. An example file
 * of the Azure REST API specification is read from its `responses["200"].body`. Each record is
 * recognised by its own fields.
 *
 * Table rows join the `SecurityIncident` whose `AlertIds` lists them, else each alert gets an
 * incident of its own with the id `alert-<SystemAlertId>`. REST alerts and entities carry no
 * incident id, so they join the payload's only incident, else one generated incident. Entities
 * of a `SecurityAlert` row are its evidence. REST entities belong to the incident but to no
 * alert. Sentinel gives no verdict and no remediation status, so none is set.
 *
 * Throws a `TypeError` when the payload contains no Sentinel record.
 */
export function fromSentinel(payload: unknown): IncidentSnapshot[] {
  const issues: DataIssue[] = [];
  const records: PayloadRecord[] = [];
  for (const { value, path } of payloadValues(payload, issues)) {
    const shape = recordShape(value);
    if (shape !== undefined) records.push({ shape, raw: value as JsonRecord, path });
    else issues.push({ id: 'payload', field: path, problem: 'not a Sentinel incident, alert, entity or table row; it is left out' });
  }

  if (records.length === 0) {
    throw new TypeError(
      'fromSentinel: expected Sentinel incidents, alerts or entities (REST API responses) or SecurityAlert rows ' +
        `(found ${describePayload(payload)}). Pass the parsed JSON body of a Microsoft.SecurityInsights response, ` +
        'or Log Analytics rows as an array or NDJSON text.',
    );
  }

  const groups = groupRecords(records, issues);
  return groups.map(mapGroup);
}

function describePayload(payload: unknown): string {
  if (payload === null) return 'null';
  if (Array.isArray(payload)) return `an array of ${payload.length} items`;
  if (isRecord(payload)) return `an object with the fields ${Object.keys(payload).slice(0, 5).join(', ') || 'none'}`;
  return typeof payload;
}

/** Returns every record of the payload with its path, unwrapped from lists, envelopes and text. */
function payloadValues(payload: unknown, issues: DataIssue[], path = ''): Array<{ value: unknown; path: string }> {
  const child = (key: string): string => (path === '' ? key : `${path}.${key}`);
  if (typeof payload === 'string') {
    const text = parsePayloadText(payload);
    issues.push(...text.issues);
    return text.records.flatMap((value, index) => payloadValues(value, issues, `${path}[${index}]`));
  }
  if (Array.isArray(payload)) {
    return payload.flatMap((value, index) => payloadValues(value, issues, `${path}[${index}]`));
  }
  if (isRecord(payload) && !isTimelineBody(payload)) {
    const body = isRecord(payload.responses) && isRecord(payload.responses['200']) ? payload.responses['200'].body : undefined;
    if (body !== undefined) return payloadValues(body, issues, child('responses.200.body'));
    for (const list of ['value', 'entities', 'records']) {
      if (Array.isArray(payload[list])) return payloadValues(payload[list], issues, child(list));
    }
  }
  return [{ value: payload, path: path === '' ? '(payload)' : path }];
}

function recordShape(value: unknown): RecordShape | undefined {
  if (!isRecord(value)) return undefined;
  if (isTimelineBody(value)) return 'timeline';
  const tableType = readString(value.Type)?.toLowerCase();
  if (tableType === 'securityalert' || hasAny(value, ['SystemAlertId'])) return 'alertRow';
  if (tableType === 'securityincident' || hasAny(value, ['IncidentNumber', 'IncidentName'])) return 'incidentRow';
  if (!isRecord(value.properties)) return undefined;

  const resourceType = readString(value.type)?.toLowerCase() ?? '';
  if (resourceType.endsWith('/incidents') || hasAny(value.properties, ['incidentNumber'])) return 'restIncident';
  const kind = readString(value.kind);
  if (kind === undefined) return undefined;
  return normalizedType(kind) === 'securityalert' ? 'restAlert' : 'restEntity';
}

/**
 * Groups the records by incident. A `SecurityIncident` row is versioned, so the latest row of
 * each incident is kept, and so is the latest row of each alert.
 */
function groupRecords(records: PayloadRecord[], issues: DataIssue[]): IncidentGroup[] {
  const groups = new Map<string, IncidentGroup>();
  const groupFor = (id: string): IncidentGroup => {
    let group = groups.get(id);
    if (group === undefined) {
      group = { id, incident: undefined, alertRows: [], restAlerts: [], restEntities: [], timelines: [], issues: [] };
      groups.set(id, group);
    }
    return group;
  };

  const alertOwners = new Map<string, string>();
  for (const record of records) {
    if (record.shape === 'restIncident') {
      const id = readString(record.raw.name) ?? `incident${record.path}`;
      const group = groupFor(id);
      if (readString(record.raw.name) === undefined) {
        group.issues.push({ id, field: 'name', problem: 'incident without a name; an id was generated' });
      }
      group.incident = record;
    } else if (record.shape === 'incidentRow') {
      const id = readString(record.raw.IncidentName) ?? readString(record.raw.IncidentNumber)!;
      const group = groupFor(id);
      if (group.incident === undefined || rowTime(record.raw) >= rowTime(group.incident.raw)) group.incident = record;
      const alertIds = parseJsonField(record.raw.AlertIds, { id, field: 'AlertIds', issues: group.issues });
      for (const alertId of readStringArray(alertIds)) alertOwners.set(alertId, id);
    }
  }

  const incidentCount = groups.size;
  const onlyIncident = incidentCount === 1 ? [...groups.values()][0] : undefined;

  const latestRows = new Map<string, JsonRecord>();
  for (const record of records) {
    if (record.shape !== 'alertRow') continue;
    const id = readString(record.raw.SystemAlertId) ?? `alert${record.path}`;
    const previous = latestRows.get(id);
    if (previous === undefined || rowTime(record.raw) >= rowTime(previous)) latestRows.set(id, record.raw);
  }
  for (const [id, row] of latestRows) {
    const group = groupFor(alertOwners.get(id) ?? `alert-${id}`);
    group.alertRows.push({ id, row });
    if (readString(row.SystemAlertId) === undefined) {
      group.issues.push({ id, field: 'SystemAlertId', problem: 'SecurityAlert row without SystemAlertId; an id was generated' });
    }
  }

  const restAlerts = records.filter((record) => record.shape === 'restAlert');
  const restEntities = records.filter((record) => record.shape === 'restEntity');
  if (restAlerts.length > 0 || restEntities.length > 0) {
    const firstId = readString(restAlerts[0]?.raw.name) ?? readString(restEntities[0]?.raw.name) ?? '1';
    const group = onlyIncident ?? groupFor(restAlerts.length > 0 ? `alert-${firstId}` : `entities-${firstId}`);
    if (incidentCount > 1) {
      group.issues.push({
        id: group.id,
        field: 'id',
        problem:
          `${restAlerts.length} REST alerts and ${restEntities.length} entities name no incident, and the payload ` +
          `has ${incidentCount}; they are shown in this generated incident`,
      });
    }
    group.restAlerts.push(...restAlerts.map((record) => record.raw));
    group.restEntities.push(...restEntities);
  }

  // A timeline is about one entity, not an incident, so each gets an incident of its own.
  for (const record of records) {
    if (record.shape !== 'timeline') continue;
    const [first] = readRecordArray(record.raw.value);
    const firstId = readString(first?.azureResourceId) ?? readString(first?.queryId) ?? record.path;
    groupFor(`timeline-${firstId}`).timelines.push(record);
  }

  const list = [...groups.values()];
  list[0]?.issues.unshift(...issues);
  return list;
}

/** Returns the time of a table row's version: `LastModifiedTime`, else `TimeGenerated`, else 0. */
function rowTime(row: JsonRecord): number {
  return parseTime(row.LastModifiedTime) ?? parseTime(row.TimeGenerated) ?? 0;
}

function mapGroup(group: IncidentGroup): IncidentSnapshot {
  const builder = new SnapshotBuilder([...group.issues]);
  const { issues } = builder;

  addEntityRecords(
    group.restEntities.map((record) => restEntityRecord(record.raw, record.path, issues)),
    builder,
  );

  group.restAlerts.forEach((raw, index) => {
    const ownId = readString(asProperties(raw).systemAlertId) ?? readString(raw.name);
    const id = ownId ?? `${group.id}-alert-${index + 1}`;
    if (ownId === undefined) {
      issues.push({ id, field: 'properties.systemAlertId', problem: 'alert without systemAlertId or name; an id was generated' });
    }
    builder.alerts.push(mapAlert(restFields(raw), id, issues));
  });

  for (const record of group.timelines) {
    const path = record.path === '(payload)' ? '' : record.path;
    builder.alerts.push(...mapTimeline(record.raw, path, issues));
  }

  for (const { id, row } of group.alertRows) {
    const alert = mapAlert(rowFields(row, ALERT_COLUMNS), id, issues);
    const parsed = parseJsonField(row.Entities, { id, field: 'Entities', issues });
    const records = alertEntityRecords(parsed, id, 'Entities', issues);
    const entityIds = addEntityRecords(records, builder);
    const compromised = readString(row.CompromisedEntity)?.toLowerCase();

    for (const entityId of new Set(entityIds.values())) {
      const roles = compromised !== undefined && entityNames(builder, entityId).includes(compromised) ? ['compromised'] : [];
      builder.addEvidence(alert, { entityId, roles });
    }
    builder.alerts.push(alert);
  }

  addAddressLinks(builder);
  return builder.build(incidentOf(group, builder.alerts, issues));
}

function asProperties(raw: JsonRecord): JsonRecord {
  return isRecord(raw.properties) ? raw.properties : {};
}

/** Names an alert's `CompromisedEntity` may use for an entity, lowercased. */
function entityNames(builder: SnapshotBuilder, entityId: string): string[] {
  const entity = builder.entities.get(entityId);
  if (entity === undefined) return [];
  const names = [entity.displayName, stringOf(entity.properties, 'hostName'), hostDnsName(entity.properties)];
  return names.filter((name): name is string => name !== undefined).map((name) => name.toLowerCase());
}

function incidentOf(group: IncidentGroup, alerts: Alert[], issues: DataIssue[]): Incident {
  const record = group.incident;
  if (record?.shape === 'restIncident') return mapIncident(restFields(record.raw), group.id, issues);
  if (record?.shape === 'incidentRow') return mapIncident(rowFields(record.raw, INCIDENT_COLUMNS), group.id, issues);
  let title = `Incident ${group.id}`;
  if (group.id.startsWith('alert-') && alerts[0] !== undefined) title = alerts[0].title;
  if (group.id.startsWith('timeline-')) title = 'Entity timeline';
  return incidentOfAlerts(group.id, title, alerts);
}
