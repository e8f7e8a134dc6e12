/**
 * Maps Sentinel incidents and alerts to the model. The REST API and the Log Analytics tables
 * name the same facts differently (`alertDisplayName` in REST, `AlertName` in a `SecurityAlert`
 * row). So each record is read through a `SourceFields` view, which gives a fact's value and
 * the source's name for it that data issues quote.
 */

import { parseTimeField } from '../../model/time.js';
import type { Alert, DataIssue, Incident } from '../../model/types.js';
import { readKnownEnum } from '../shared/enum-field.js';
import { parseJsonField } from '../shared/payload-text.js';
import {
  asRecord,
  isRecord,
  readRecordArray,
  readSeverity,
  readString,
  readStringArray,
  readWebUrl,
  type JsonRecord,
} from '../shared/json-readers.js';

/** The facts the mapper reads, by their REST names. */
type IncidentFact =
  | 'title'
  | 'description'
  | 'severity'
  | 'status'
  | 'owner'
  | 'labels'
  | 'classification'
  | 'classificationReason'
  | 'classificationComment'
  | 'createdTimeUtc'
  | 'lastModifiedTimeUtc'
  | 'incidentUrl';

type AlertFact =
  | 'alertDisplayName'
  | 'description'
  | 'severity'
  | 'status'
  | 'tactics'
  | 'techniques'
  | 'productName'
  | 'productComponentName'
  | 'startTimeUtc'
  | 'endTimeUtc'
  | 'timeGenerated'
  | 'alertLink'
  | 'remediationSteps';

/** A record read by fact: the fact's value, and the path of the field that contains it. */
export interface SourceFields<Fact extends string> {
  value(fact: Fact): unknown;
  field(fact: Fact): string;
}

/** Reads a REST resource, whose facts are in `properties` under their own names. */
export function restFields<Fact extends string>(resource: JsonRecord): SourceFields<Fact> {
  const properties = asRecord(resource.properties) ?? {};
  return { value: (fact) => properties[fact], field: (fact) => `properties.${fact}` };
}

/** Reads a Log Analytics row: each fact from the first of its `columns[fact]` that is present. */
export function rowFields<Fact extends string>(
  row: JsonRecord,
  columns: Readonly<Record<Fact, readonly string[]>>,
): SourceFields<Fact> {
  const column = (fact: Fact): string =>
    columns[fact].find((name) => row[name] !== undefined && row[name] !== null) ?? columns[fact][0]!;
  return { value: (fact) => row[column(fact)], field: column };
}

/** Columns of a `SecurityIncident` row. */
export const INCIDENT_COLUMNS: Readonly<Record<IncidentFact, readonly string[]>> = {
  title: ['Title'],
  description: ['Description'],
  severity: ['Severity'],
  status: ['Status'],
  owner: ['Owner'],
  labels: ['Labels'],
  classification: ['Classification'],
  classificationReason: ['ClassificationReason'],
  classificationComment: ['ClassificationComment'],
  createdTimeUtc: ['CreatedTime'],
  lastModifiedTimeUtc: ['LastModifiedTime'],
  incidentUrl: ['IncidentUrl'],
};

/** Columns of a `SecurityAlert` row. */
export const ALERT_COLUMNS: Readonly<Record<AlertFact, readonly string[]>> = {
  alertDisplayName: ['AlertName', 'DisplayName'],
  description: ['Description'],
  severity: ['AlertSeverity'],
  status: ['Status'],
  tactics: ['Tactics'],
  techniques: ['Techniques'],
  productName: ['ProductName'],
  productComponentName: ['ProductComponentName', 'ProviderName'],
  startTimeUtc: ['StartTime'],
  endTimeUtc: ['EndTime'],
  timeGenerated: ['TimeGenerated'],
  alertLink: ['AlertLink'],
  remediationSteps: ['RemediationSteps'],
};

const INCIDENT_STATUSES = ['new', 'active', 'closed'];
const ALERT_STATUSES = ['new', 'inProgress', 'resolved', 'dismissed', 'unknown'];
const CLASSIFICATIONS = ['undetermined', 'truePositive', 'benignPositive', 'falsePositive'];
const CLASSIFICATION_REASONS = ['suspiciousActivity', 'suspiciousButExpected', 'incorrectAlertLogic', 'inaccurateData'];

function setTime<T extends object>(target: T, key: keyof T, value: unknown, issues: DataIssue[], id: string, field: string): void {
  const time = parseTimeField(value, issues, id, field);
  if (time !== undefined) (target as Record<keyof T, unknown>)[key] = time;
}

function setText<T extends object>(target: T, key: keyof T, value: unknown): void {
  const text = readString(value);
  if (text !== undefined) (target as Record<keyof T, unknown>)[key] = text;
}

/**
 * Maps a Sentinel incident. Sentinel has no determination, so the classification reason fills
 * it, and the classification comment becomes a comment.
 */
export function mapIncident(source: SourceFields<IncidentFact>, id: string, issues: DataIssue[]): Incident {
  const at = (fact: IncidentFact) => ({ id, field: source.field(fact), issues });
  const incident: Incident = {
    id,
    title: readString(source.value('title')) ?? `Incident ${id}`,
    severity: readSeverity(source.value('severity'), at('severity')),
    status: readKnownEnum(source.value('status'), INCIDENT_STATUSES, 'incident status', at('status')) ?? 'unknown',
    tags: readLabels(parseJsonField(source.value('labels'), at('labels'))),
  };

  const owner = asRecord(parseJsonField(source.value('owner'), at('owner')));
  setText(incident, 'assignedTo', owner?.assignedTo ?? owner?.email ?? owner?.userPrincipalName);
  const classification = readKnownEnum(source.value('classification'), CLASSIFICATIONS, 'classification', at('classification'));
  if (classification !== undefined) incident.classification = classification;
  const reason = readKnownEnum(
    source.value('classificationReason'),
    CLASSIFICATION_REASONS,
    'classification reason',
    at('classificationReason'),
  );
  if (reason !== undefined) incident.determination = reason;
  setText(incident, 'description', source.value('description'));
  setTime(incident, 'createdTime', source.value('createdTimeUtc'), issues, id, source.field('createdTimeUtc'));
  setTime(incident, 'updatedTime', source.value('lastModifiedTimeUtc'), issues, id, source.field('lastModifiedTimeUtc'));
  const webUrl = readWebUrl(source.value('incidentUrl'), at('incidentUrl'));
  if (webUrl !== undefined) incident.webUrl = webUrl;

  const comment = readString(source.value('classificationComment'));
  if (comment !== undefined) incident.comments = [{ comment }];
  return incident;
}

/** Reads the label names of REST `labels` (`[{ labelName }]`), which the table also writes as JSON text. */
function readLabels(value: unknown): string[] {
  const names = readRecordArray(value).map((label) => readString(label.labelName));
  return [...new Set([...names.filter((name): name is string => name !== undefined), ...readStringArray(value)])];
}

/**
 * Reads a list that comes as an array, as JSON text of an array, or as other text: split at
 * commas when `commaSeparated` (the table's `Tactics` and `Techniques`), else one item.
 * `Unknown`, which the table writes for no tactic, is left out of comma-separated lists.
 */
export function readList(
  value: unknown,
  at: { id: string; field: string; issues: DataIssue[] },
  commaSeparated: boolean,
): string[] {
  if (typeof value !== 'string') return readStringArray(value);
  if (value.trim().startsWith('[')) return readStringArray(parseJsonField(value, at));
  if (!commaSeparated) return readStringArray([value]);
  return readStringArray(value.split(',').map((item) => item.trim())).filter((item) => item.toLowerCase() !== 'unknown');
}

/**
 * Maps a Sentinel alert's own fields. Its entities are mapped separately. The category is the
 * alert's tactics joined by commas, because the model has one category and Sentinel lists
 * several.
 */
export function mapAlert(source: SourceFields<AlertFact>, id: string, issues: DataIssue[]): Alert {
  const at = (fact: AlertFact) => ({ id, field: source.field(fact), issues });
  const tactics = readList(source.value('tactics'), at('tactics'), true);
  const alert: Alert = {
    id,
    title: readString(source.value('alertDisplayName')) ?? `Alert ${id}`,
    severity: readSeverity(source.value('severity'), at('severity')),
    status: readKnownEnum(source.value('status'), ALERT_STATUSES, 'alert status', at('status')) ?? 'unknown',
    mitreTechniques: readList(source.value('techniques'), at('techniques'), true),
    relatedAlertIds: [],
    evidence: [],
  };
  if (tactics.length > 0) alert.category = tactics.join(', ');
  setText(alert, 'description', source.value('description'));
  setText(alert, 'serviceSource', source.value('productName'));
  setText(alert, 'detectionSource', source.value('productComponentName'));
  setTime(alert, 'firstActivityTime', source.value('startTimeUtc'), issues, id, source.field('startTimeUtc'));
  setTime(alert, 'lastActivityTime', source.value('endTimeUtc'), issues, id, source.field('endTimeUtc'));
  setTime(alert, 'createdTime', source.value('timeGenerated'), issues, id, source.field('timeGenerated'));
  const webUrl = readWebUrl(source.value('alertLink'), at('alertLink'));
  if (webUrl !== undefined) alert.webUrl = webUrl;

  const steps = readList(source.value('remediationSteps'), at('remediationSteps'), false);
  if (steps.length > 0) alert.recommendedActions = steps.join('\n');
  return alert;
}

/** True for a record that names a value in one of `fields`, so callers can tell shapes apart. */
export function hasAny(record: unknown, fields: readonly string[]): boolean {
  return isRecord(record) && fields.some((field) => record[field] !== undefined && record[field] !== null);
}
