/**
 * Incident and alert fields shared by the Microsoft formats: the enumeration spellings of the
 * Graph security API, which the Defender mappers normalise to as well, and setters that copy a
 * field only when the source has a usable value.
 */

import { severityRank } from '../../model/severity.js';
import { parseTimeField } from '../../model/time.js';
import type { DataIssue, IncidentComment, Severity } from '../../model/types.js';
import { matchEnum, normalizeEnum, readRecordArray, readSeverity, readString, type FieldRef } from './json-readers.js';

export const INCIDENT_STATUSES = ['active', 'resolved', 'inProgress', 'redirected', 'awaitingAction', 'unknownFutureValue'];
export const ALERT_STATUSES = ['new', 'inProgress', 'resolved', 'unknownFutureValue'];
export const CLASSIFICATIONS = ['unknown', 'falsePositive', 'truePositive', 'informationalExpectedActivity', 'unknownFutureValue'];
export const DETERMINATIONS = [
  'unknown',
  'apt',
  'malware',
  'securityPersonnel',
  'securityTesting',
  'unwantedSoftware',
  'other',
  'multiStagedAttack',
  'compromisedAccount',
  'phishing',
  'maliciousUserActivity',
  'notMalicious',
  'notEnoughDataToValidate',
  'confirmedUserActivity',
  'lineOfBusinessApplication',
  'unknownFutureValue',
];

/**
 * Maps a Defender severity (`Informational`, `Low`, `Medium`, `High`, in any case). Defender for
 * Endpoint's `UnSpecified` is `unknown` and is not reported. Any other unknown value is.
 */
export function readDefenderSeverity(value: unknown, at: FieldRef): Severity {
  if (matchEnum(value, ['unSpecified']) !== undefined) return 'unknown';
  return readSeverity(value, at);
}

/**
 * Copies a string field to `target[key]` when it is present. With `known`, the value is an
 * enumeration: a known spelling replaces the source's when they match ignoring case.
 */
export function setString<T extends object>(target: T, key: keyof T, value: unknown, known?: readonly string[]): void {
  const text = known === undefined ? readString(value) : normalizeEnum(value, known);
  if (text !== undefined) (target as Record<keyof T, unknown>)[key] = text;
}

/** Copies a time field to `target[key]` as epoch milliseconds, and reports a time it cannot parse. */
export function setTime<T extends object>(
  target: T,
  key: keyof T,
  value: unknown,
  issues: DataIssue[],
  id: string,
  field: string,
): void {
  const time = parseTimeField(value, issues, id, field);
  if (time !== undefined) (target as Record<keyof T, unknown>)[key] = time;
}

/** Returns the highest severity of `alerts`, or `unknown` when there are none. */
export function highestSeverity(alerts: ReadonlyArray<{ severity: Severity }>): Severity {
  return alerts.reduce<Severity>(
    (highest, alert) => (severityRank(alert.severity) < severityRank(highest) ? alert.severity : highest),
    'unknown',
  );
}

/**
 * Reads a `comments` list. Both spellings are read: `{ comment, createdBy, createdTime }` (the
 * Defender incidents API and Graph's older shape) and `{ comment, createdByDisplayName,
 * createdDateTime }` (Graph alerts). Comments without text are skipped.
 */
export function readComments(value: unknown, issues: DataIssue[], id: string): IncidentComment[] {
  return readRecordArray(value).flatMap((item, index) => {
    const text = readString(item.comment);
    if (text === undefined) return [];
    const comment: IncidentComment = { comment: text };
    setString(comment, 'createdBy', item.createdBy ?? item.createdByDisplayName);
    const field = item.createdTime !== undefined ? 'createdTime' : 'createdDateTime';
    setTime(comment, 'createdTime', item[field], issues, id, `comments[${index}].${field}`);
    return [comment];
  });
}
