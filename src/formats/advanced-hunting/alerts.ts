/**
 * Alerts from AlertInfo and AlertEvidence rows. AlertInfo has one row per alert, but the
 * streaming API sends the same row several times with different columns filled, so rows are
 * merged by `AlertId`. Neither table has an alert status or activity times: the first and last
 * activity are the earliest and latest `Timestamp` of the alert's AlertEvidence rows.
 */

import { parseTimeField } from '../../model/time.js';
import type { Alert, DataIssue } from '../../model/types.js';
import { readDefenderSeverity, setString } from '../shared/incident-fields.js';
import { isAbsent, readString, type JsonRecord } from '../shared/json-readers.js';
import { parseJsonColumn, type HuntingRow } from './rows.js';

/** The rows of one alert. */
export interface AlertRows {
  id: string;
  /** The AlertInfo columns, merged from every copy of the row. */
  info: JsonRecord | undefined;
  evidence: HuntingRow[];
}

/** AlertInfo columns, including those that Log Analytics adds when it stores the table. */
const ALERT_INFO_COLUMNS = new Set([
  'Timestamp',
  'AlertId',
  'Title',
  'Category',
  'Severity',
  'ServiceSource',
  'DetectionSource',
  'AttackTechniques',
  'MachineGroup',
  'IncidentId',
  'TimeGenerated',
  'TenantId',
  'SourceSystem',
  'Type',
]);

/** A MITRE ATT&CK technique id, with its sub-technique: `T1078` or `T1078.004`. */
const TECHNIQUE_ID = /\bT\d{4}(?:\.\d{3})?\b/g;

/**
 * Merges an AlertInfo row into the alert's columns: a present value replaces the one before,
 * and an empty one (`null`, `""`) leaves it, so a later copy with fewer columns loses nothing.
 * A column AlertInfo does not have is reported and left out.
 */
export function mergeAlertInfo(alert: AlertRows, row: HuntingRow, issues: DataIssue[]): void {
  const info = alert.info ?? {};
  for (const [column, value] of Object.entries(row.columns)) {
    if (!ALERT_INFO_COLUMNS.has(column)) {
      if (!isAbsent(value)) {
        const field = `${row.path}.${column}`;
        issues.push({ id: alert.id, field, problem: 'column that AlertInfo does not have; it is left out' });
      }
      continue;
    }
    if (!isAbsent(value) && !(Array.isArray(value) && value.length === 0)) info[column] = value;
  }
  alert.info = info;
}

/**
 * Returns the technique ids of an `AttackTechniques` value: a JSON array of names such as
 * `"Valid Accounts (T1078)"`, as text or parsed. Text that is not JSON is reported, and the ids
 * found in it are still read.
 */
export function readTechniques(value: unknown, alertId: string, field: string, issues: DataIssue[]): string[] {
  const parsed = parseJsonColumn(value, { id: alertId, field, issues });
  const texts = Array.isArray(parsed) ? parsed.map((item) => readString(item) ?? '') : [readString(value) ?? ''];
  return [...new Set(texts.flatMap((text) => text.match(TECHNIQUE_ID) ?? []))];
}

/** Returns the first category of a `Categories` value, a JSON array as text or parsed. */
function firstCategory(value: unknown, alertId: string, field: string, issues: DataIssue[]): string | undefined {
  const parsed = parseJsonColumn(value, { id: alertId, field, issues });
  if (Array.isArray(parsed)) return readString(parsed[0]);
  return readString(parsed);
}

/**
 * Maps an alert. The AlertInfo columns come first. An alert without an AlertInfo row takes its
 * title, severity, category and sources from its AlertEvidence rows, which repeat them in the
 * Defender schema. The missing row is reported, because the streaming API often leaves those
 * columns out of AlertEvidence.
 */
export function mapHuntingAlert(rows: AlertRows, issues: DataIssue[]): Alert {
  const { id } = rows;
  const info = rows.info ?? {};
  const evidence = rows.evidence.map((row) => row.columns);
  const fromEvidence = (column: string): unknown => evidence.find((columns) => !isAbsent(columns[column]))?.[column];
  const column = (name: string): unknown => (isAbsent(info[name]) ? fromEvidence(name) : info[name]);

  if (rows.info === undefined) {
    issues.push({
      id,
      field: 'AlertInfo',
      problem:
        'no AlertInfo row for this alert; ' +
        'its title, severity and category come from its AlertEvidence rows, if they have them',
    });
  }

  const alert: Alert = {
    id,
    title: readString(column('Title')) ?? `Alert ${id}`,
    severity: readDefenderSeverity(column('Severity'), { id, field: 'Severity', issues }),
    status: 'unknown',
    mitreTechniques: alertTechniques(rows, issues),
    relatedAlertIds: [],
    evidence: [],
  };

  const category =
    readString(info.Category) ??
    rows.evidence
      .map((row) => firstCategory(row.columns.Categories, id, `${row.path}.Categories`, issues))
      .find((name) => name !== undefined);
  if (category !== undefined) alert.category = category;
  setString(alert, 'serviceSource', column('ServiceSource'));
  setString(alert, 'detectionSource', column('DetectionSource'));
  setString(alert, 'threatFamilyName', fromEvidence('ThreatFamily'));

  const created = parseTimeField(info.Timestamp, issues, id, 'Timestamp');
  if (created !== undefined) alert.createdTime = created;

  const times = rows.evidence
    .map((row) => parseTimeField(row.columns.Timestamp, issues, id, `${row.path}.Timestamp`))
    .filter((time): time is number => time !== undefined);
  if (times.length === 0 && created !== undefined) times.push(created);
  if (times.length > 0) {
    alert.firstActivityTime = Math.min(...times);
    alert.lastActivityTime = Math.max(...times);
  }
  return alert;
}

/** Returns the technique ids of the AlertInfo row and of every AlertEvidence row, without repeats. */
function alertTechniques(rows: AlertRows, issues: DataIssue[]): string[] {
  const ids = readTechniques(rows.info?.AttackTechniques, rows.id, 'AttackTechniques', issues);
  for (const row of rows.evidence) {
    ids.push(...readTechniques(row.columns.AttackTechniques, rows.id, `${row.path}.AttackTechniques`, issues));
  }
  return [...new Set(ids)];
}

/** Reports a row without an `AlertId`, which cannot be joined to its alert. */
export function reportMissingAlertId(row: HuntingRow, issues: DataIssue[]): void {
  issues.push({
    id: row.path,
    field: 'AlertId',
    problem: `${row.table} row without an AlertId; it is left out`,
  });
}
