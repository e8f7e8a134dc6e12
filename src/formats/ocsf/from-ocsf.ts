/**
 * `fromOcsf`: Open Cybersecurity Schema Framework (OCSF 1.x) findings and events to incident
 * snapshots. The field-by-field mapping is in README.md beside this file.
 */

import type { DataIssue, IncidentSnapshot } from '../../model/types.js';
import { asRecord, isRecord, readNumber, readRecordArray, readString, type JsonRecord } from '../shared/json-readers.js';
import { parsePayloadText } from '../shared/payload-text.js';
import { incidentOfAlerts, SnapshotBuilder } from '../shared/snapshot-builder.js';
import { addEvidenceObjects } from './evidence.js';
import { findingInfo, INCIDENT_FINDING, isFindingClass, mapAlert, mapIncident, readDisposition } from './finding.js';
import { FindingScope } from './finding-scope.js';
import { addObservables } from './observables.js';
import { text } from './objects.js';
import { addMalware, addResource } from './resources.js';

interface OcsfRecord {
  event: JsonRecord;
  classUid: number;
  /** The finding's or incident's uid, else the event's `metadata.uid`, else a generated id. */
  id: string;
  issues: DataIssue[];
}

interface IncidentGroup {
  id: string;
  incident: OcsfRecord | undefined;
  alerts: OcsfRecord[];
}

/**
 * Maps OCSF records to one snapshot per incident.
 *
 * Accepts one record, an array, or NDJSON text of records, each recognised by its `class_uid`.
 * Findings (class 2001 to 2099, such as Security Finding 2001 and Detection Finding 2004) and
 * events of other classes (such as Process Activity 1007) each become an alert with the
 * entities of their evidence, resources, observables and own objects. An Incident Finding
 * (2005) becomes the incident of the findings its `finding_info_list` names. Any other finding
 * gets an incident of its own with the id `alert-<uid>`. OCSF has no per-entity remediation
 * status: the finding's disposition stands for it on the evidence entities, and an
 * observable's reputation gives the verdict. Without those, none is set.
 *
 * Throws a `TypeError` when the payload contains no OCSF record.
 */
export function fromOcsf(payload: unknown): IncidentSnapshot[] {
  const payloadIssues: DataIssue[] = [];
  const values = typeof payload === 'string' ? readText(payload, payloadIssues) : Array.isArray(payload) ? payload : [payload];

  const records: OcsfRecord[] = [];
  values.forEach((value, index) => {
    const classUid = isRecord(value) ? readNumber(value.class_uid) : undefined;
    const path = Array.isArray(payload) || typeof payload === 'string' ? `[${index}]` : '(payload)';
    if (classUid === undefined) {
      payloadIssues.push({ id: 'payload', field: path, problem: 'not an OCSF record (no class_uid); it is left out' });
      return;
    }
    records.push(readRecord(value as JsonRecord, classUid, index));
  });

  if (records.length === 0) {
    const got = payload === null ? 'null' : Array.isArray(payload) ? `an array of ${payload.length} items` : typeof payload;
    throw new TypeError(
      `fromOcsf: expected OCSF findings or events, each with a class_uid (found ${got} without one). ` +
        'Pass a parsed OCSF record, an array of them, or NDJSON text.',
    );
  }

  const groups = groupRecords(records);
  groups[0]!.alerts[0]?.issues.unshift(...payloadIssues);
  if (groups[0]!.alerts.length === 0) groups[0]!.incident?.issues.unshift(...payloadIssues);
  return groups.map(mapGroup);
}

function readText(payload: string, issues: DataIssue[]): unknown[] {
  const parsed = parsePayloadText(payload);
  issues.push(...parsed.issues);
  return parsed.records;
}

/**
 * Reads a record's id and checks its version. The mapper reads OCSF 1.x (1.0 release
 * candidates included). A record without `metadata.version`, or of another major version, is
 * reported and read as 1.x.
 */
function readRecord(event: JsonRecord, classUid: number, index: number): OcsfRecord {
  const issues: DataIssue[] = [];
  const metadata = asRecord(event.metadata);
  const uid = text(findingInfo(event).info.uid) ?? text(metadata?.uid);
  const id = uid ?? `${isFindingClass(classUid) ? 'finding' : 'event'}-${index + 1}`;
  if (uid === undefined) issues.push({ id, field: 'finding_info.uid', problem: 'record without a uid; an id was generated' });

  const version = readString(metadata?.version);
  if (version === undefined) {
    issues.push({ id, field: 'metadata.version', problem: 'missing OCSF version; read as OCSF 1.x' });
  } else if (!/^1\.\d+/.test(version)) {
    issues.push({
      id,
      field: 'metadata.version',
      problem: `OCSF version "${version}" is not 1.x, the versions this mapper reads; read as 1.x`,
    });
  }
  return { event, classUid, id, issues };
}

function groupRecords(records: OcsfRecord[]): IncidentGroup[] {
  const groups = new Map<string, IncidentGroup>();
  const owners = new Map<string, string>();
  for (const record of records) {
    if (record.classUid !== INCIDENT_FINDING) continue;
    groups.set(record.id, { id: record.id, incident: record, alerts: [] });
    for (const member of readRecordArray(record.event.finding_info_list)) {
      const memberId = text(member.uid);
      if (memberId !== undefined) owners.set(memberId, record.id);
    }
  }

  for (const record of records) {
    if (record.classUid === INCIDENT_FINDING) continue;
    const groupId = owners.get(record.id) ?? `alert-${record.id}`;
    let group = groups.get(groupId);
    if (group === undefined) {
      group = { id: groupId, incident: undefined, alerts: [] };
      groups.set(groupId, group);
    }
    group.alerts.push(record);
  }
  return [...groups.values()];
}

function mapGroup(group: IncidentGroup): IncidentSnapshot {
  const builder = new SnapshotBuilder([...(group.incident?.issues ?? []), ...group.alerts.flatMap((record) => record.issues)]);
  for (const record of group.alerts) addRecord(builder, record);

  const incident =
    group.incident === undefined
      ? incidentOfAlerts(group.id, builder.alerts[0]?.title ?? `Incident ${group.id}`, builder.alerts)
      : mapIncident(group.incident.event, group.id, builder.issues);
  return builder.build(incident);
}

/**
 * Maps one finding or event to an alert and its entities: first the record's own objects
 * (its device, actor, process …), then each evidence item, resource and malware, and last the
 * observables, which point at what came before.
 */
function addRecord(builder: SnapshotBuilder, record: OcsfRecord): void {
  const { event, classUid, id } = record;
  const alert = mapAlert(event, classUid, id, builder.issues);
  builder.alerts.push(alert);
  const scope = new FindingScope(builder, alert);

  const device = addEvidenceObjects(scope, event, '', { device: undefined, remediationStatus: undefined, reportUnknown: false });
  const remediationStatus = isFindingClass(classUid) ? readDisposition(event, id, builder.issues) : undefined;
  readRecordArray(event.evidences).forEach((item, index) => {
    addEvidenceObjects(scope, item, `evidences[${index}]`, { device, remediationStatus, reportUnknown: true });
  });
  readRecordArray(event.resources).forEach((resource, index) => addResource(scope, resource, `resources[${index}]`));
  readRecordArray(event.malware).forEach((malware, index) => addMalware(scope, malware, `malware[${index}]`));
  addObservables(scope, readRecordArray(event.observables));
}
