/**
 * Maps the fields of an OCSF finding or event to an alert, and an Incident Finding (class 2005)
 * to an incident. OCSF 1.0 keeps the finding's details in `finding`, 1.1 and later in
 * `finding_info`. Both are read.
 */

import { parseTimeField } from '../../model/time.js';
import type { Alert, DataIssue, Incident, RemediationStatus, Severity } from '../../model/types.js';
import { readEnumId } from '../shared/enum-field.js';
import {
  asRecord,
  readRecordArray,
  readRemediationStatus,
  readStringArray,
  readWebUrl,
  type JsonRecord,
} from '../shared/json-readers.js';
import { DISPOSITION_IDS, FINDING_STATUS_IDS, INCIDENT_STATUS_IDS, SEVERITY_IDS, SEVERITY_NAMES } from './enums.js';
import { text } from './objects.js';

export const SECURITY_FINDING = 2001;
export const INCIDENT_FINDING = 2005;

/** True for a class of the Findings category (2001 to 2099), whose records are alerts. */
export function isFindingClass(classUid: number): boolean {
  return classUid >= 2000 && classUid < 3000;
}

/** Returns the finding details, `finding_info` (OCSF 1.1+) else `finding` (1.0), with the field name. */
export function findingInfo(event: JsonRecord): { info: JsonRecord; field: string } {
  const info = asRecord(event.finding_info);
  if (info !== undefined) return { info, field: 'finding_info' };
  return { info: asRecord(event.finding) ?? {}, field: 'finding' };
}

/** Reads the first present time among `fields` of `record` (at `path`), reporting one it cannot parse. */
function readTime(record: JsonRecord, fields: string[], path: string, id: string, issues: DataIssue[]): number | undefined {
  const field = fields.find((name) => record[name] !== undefined && record[name] !== null);
  return field === undefined ? undefined : parseTimeField(record[field], issues, id, path === '' ? field : `${path}.${field}`);
}

function readOcsfSeverity(record: JsonRecord, id: string, issues: DataIssue[]): Severity {
  if (record.severity_id !== undefined && record.severity_id !== null) {
    const severity = readEnumId(record.severity_id, SEVERITY_IDS, 'severity_id', { id, field: 'severity_id', issues });
    if (severity !== undefined) return severity;
  }
  const caption = text(record.severity);
  if (caption === undefined) return 'unknown';
  const severity = SEVERITY_NAMES.get(caption.trim().toLowerCase());
  if (severity === undefined) issues.push({ id, field: 'severity', problem: `unknown severity "${caption}"; shown as unknown` });
  return severity ?? 'unknown';
}

/**
 * Reads a status by its id, else by its caption (`In Progress` gives `inProgress`). An id of
 * Other (99), or a caption the table lacks, gives the caption as written.
 */
function readStatus(
  record: JsonRecord,
  fields: { id: string; caption: string },
  table: ReadonlyMap<number, string>,
  id: string,
  issues: DataIssue[],
): string {
  const idField = fields.id;
  const captionField = fields.caption;
  const status = readEnumId(record[idField], table, idField, { id, field: idField, issues });
  const caption = text(record[captionField]);
  if (status !== undefined && status !== 'other') return status;
  if (caption === undefined) return status ?? 'unknown';
  const compact = caption.replace(/\s+/g, '').toLowerCase();
  return [...table.values()].find((value) => value !== 'other' && value.toLowerCase() === compact) ?? caption;
}

/** Reads the MITRE ATT&CK technique and sub-technique ids of `attacks[]`, with the tactic names. */
function readAttacks(records: JsonRecord[]): { techniques: string[]; tactics: string[] } {
  const techniques = new Set<string>();
  const tactics = new Set<string>();
  for (const attack of records) {
    const technique = text(asRecord(attack.technique)?.uid);
    const subTechnique = text(asRecord(attack.sub_technique)?.uid);
    if (technique !== undefined) techniques.add(technique);
    if (subTechnique !== undefined) techniques.add(subTechnique);
    const tacticList = [attack.tactic, ...(Array.isArray(attack.tactics) ? attack.tactics : [])];
    for (const tactic of tacticList) {
      const name = text(asRecord(tactic)?.name);
      if (name !== undefined) tactics.add(name);
    }
  }
  return { techniques: [...techniques], tactics: [...tactics] };
}

/** Returns `remediation.desc` and its knowledge-base articles, one a line. */
function readRemediation(remediation: JsonRecord | undefined): string | undefined {
  if (remediation === undefined) return undefined;
  const articles = [
    ...readStringArray(remediation.kb_articles),
    ...readRecordArray(remediation.kb_article_list).map((article) => text(article.src_url) ?? text(article.title)),
  ];
  const lines = [text(remediation.desc), ...articles].filter((line): line is string => line !== undefined);
  return lines.length === 0 ? undefined : lines.join('\n');
}

/**
 * Maps a finding or an event to an alert. A finding's status is its workflow status
 * (`state_id` in the 1.0 Security Finding, `status_id` later). An event's is its outcome caption.
 */
export function mapAlert(event: JsonRecord, classUid: number, id: string, issues: DataIssue[]): Alert {
  const { info, field } = findingInfo(event);
  const metadata = asRecord(event.metadata);
  const product = asRecord(metadata?.product);
  const attacks = readAttacks([...readRecordArray(info.attacks), ...readRecordArray(event.attacks)]);
  const title = text(info.title) ?? text(event.message) ?? text(event.type_name) ?? `Alert ${id}`;

  const alert: Alert = {
    id,
    title,
    severity: readOcsfSeverity(event, id, issues),
    status: !isFindingClass(classUid)
      ? (text(event.status) ?? 'unknown')
      : classUid === SECURITY_FINDING
        ? readStatus(event, { id: 'state_id', caption: 'state' }, FINDING_STATUS_IDS, id, issues)
        : readStatus(event, { id: 'status_id', caption: 'status' }, FINDING_STATUS_IDS, id, issues),
    mitreTechniques: attacks.techniques,
    relatedAlertIds: [],
    evidence: [],
  };

  const category =
    attacks.tactics.length > 0
      ? attacks.tactics.join(', ')
      : (readStringArray(info.types)[0] ?? (isFindingClass(classUid) ? undefined : text(event.class_name)));
  if (category !== undefined) alert.category = category;
  const serviceSource = text(product?.name) ?? text(product?.vendor_name);
  if (serviceSource !== undefined) alert.serviceSource = serviceSource;
  const detectionSource = text(asRecord(product?.feature)?.name) ?? text(asRecord(info.analytic)?.name);
  if (detectionSource !== undefined) alert.detectionSource = detectionSource;
  const description = text(info.desc) ?? (text(event.message) === title ? undefined : text(event.message));
  if (description !== undefined) alert.description = description;
  const webUrl = readWebUrl(info.src_url, { id, field: `${field}.src_url`, issues });
  if (webUrl !== undefined) alert.webUrl = webUrl;
  const recommendedActions = readRemediation(asRecord(event.remediation) ?? asRecord(info.remediation));
  if (recommendedActions !== undefined) alert.recommendedActions = recommendedActions;
  const malware = readRecordArray(event.malware).map((item) => text(item.name)).filter((name): name is string => name !== undefined);
  if (malware.length > 0) alert.threatFamilyName = [...new Set(malware)].join(', ');

  const first =
    readTime(info, ['first_seen_time_dt', 'first_seen_time'], field, id, issues) ??
    readTime(event, ['start_time_dt', 'start_time', 'time_dt', 'time'], '', id, issues);
  if (first !== undefined) alert.firstActivityTime = first;
  const last =
    readTime(info, ['last_seen_time_dt', 'last_seen_time'], field, id, issues) ??
    readTime(event, ['end_time_dt', 'end_time'], '', id, issues);
  if (last !== undefined) alert.lastActivityTime = last;
  const created =
    readTime(info, ['created_time_dt', 'created_time'], field, id, issues) ??
    readTime(event, ['time_dt', 'time'], '', id, issues);
  if (created !== undefined) alert.createdTime = created;
  return alert;
}

/**
 * Returns the finding's `disposition_id` as a remediation status. Unknown (0), Custom Action
 * (7), Delayed (14), Other (99) and an id outside the table give the `disposition` caption as
 * written. Without an id the caption is read.
 */
export function readDisposition(event: JsonRecord, id: string, issues: DataIssue[]): RemediationStatus | undefined {
  const caption = text(event.disposition);
  if (event.disposition_id === undefined || event.disposition_id === null) return readRemediationStatus(caption);
  const status = readEnumId(event.disposition_id, DISPOSITION_IDS, 'disposition_id', { id, field: 'disposition_id', issues });
  return status ?? caption;
}

/** Maps an Incident Finding. OCSF's incident verdict (`verdict`) becomes the classification. */
export function mapIncident(event: JsonRecord, id: string, issues: DataIssue[]): Incident {
  const { info, field } = findingInfo(event);
  const assignee = asRecord(event.assignee);
  const incident: Incident = {
    id,
    title: text(info.title) ?? text(event.message) ?? `Incident ${id}`,
    severity: readOcsfSeverity(event, id, issues),
    status: readStatus(event, { id: 'status_id', caption: 'status' }, INCIDENT_STATUS_IDS, id, issues),
    tags: readStringArray(info.types),
  };
  const assignedTo = text(assignee?.name) ?? text(assignee?.email_addr) ?? text(asRecord(event.assignee_group)?.name);
  if (assignedTo !== undefined) incident.assignedTo = assignedTo;
  const classification = text(event.verdict);
  if (classification !== undefined) incident.classification = classification;
  const description = text(info.desc) ?? text(event.desc);
  if (description !== undefined) incident.description = description;
  const webUrl = readWebUrl(info.src_url ?? event.src_url, { id, field: `${field}.src_url`, issues });
  if (webUrl !== undefined) incident.webUrl = webUrl;
  const created =
    readTime(info, ['created_time_dt', 'created_time'], field, id, issues) ??
    readTime(event, ['time_dt', 'time'], '', id, issues);
  if (created !== undefined) incident.createdTime = created;
  const updated = readTime(info, ['modified_time_dt', 'modified_time'], field, id, issues);
  if (updated !== undefined) incident.updatedTime = updated;
  return incident;
}
