/**
 * Readers for loosely typed JSON, shared by every format mapper: each returns a value of the
 * expected type or `undefined`, so the mappers never trust a field's type. Enumerations are
 * matched case-insensitively, because published payloads spell the same value `Medium` and
 * `medium`. The readers that take a `FieldRef` report a present value they cannot use as a data
 * issue.
 */

import { describeValue } from '../../model/time.js';
import {
  REMEDIATION_STATUSES,
  SEVERITIES,
  type DataIssue,
  type RemediationStatus,
  type Severity,
  type Verdict,
} from '../../model/types.js';
import { isHttpUrl } from '../../model/validate.js';

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asRecord(value: unknown): JsonRecord | undefined {
  return isRecord(value) ? value : undefined;
}

/** Returns a non-blank string, or a finite number as a string (Graph ids are sometimes numbers). */
export function readString(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** Returns a finite number, also when the source wrote it as a string (`osBuild` comes both ways). */
export function readNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const number = Number(value);
    return Number.isFinite(number) ? number : undefined;
  }
  return undefined;
}

/** Returns the non-blank strings of an array. Anything else gives an empty array. */
export function readStringArray(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map(readString).filter((item): item is string => item !== undefined);
}

export function readRecordArray(value: unknown): JsonRecord[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

/** Returns the spelling in `known` that equals `value` ignoring case, or `undefined`. */
export function matchEnum<T extends string>(value: unknown, known: readonly T[]): T | undefined {
  const text = readString(value);
  if (text === undefined) return undefined;
  const lower = text.toLowerCase();
  return known.find((candidate) => candidate.toLowerCase() === lower);
}

/**
 * Normalises an enumeration value: the known spelling when one matches ignoring case, else the
 * value as the source spelled it, else `undefined` when the value is absent.
 */
export function normalizeEnum(value: unknown, known: readonly string[]): string | undefined {
  return matchEnum(value, known) ?? readString(value);
}

/** The record and field a reader reports a bad value for, and the issue list it appends to. */
export interface FieldRef {
  id: string;
  /** Path of the field in the record, for example `evidence[3].verdict`. */
  field: string;
  issues: DataIssue[];
}

/** True for `null`, `undefined` and a blank string, which Graph writes for a field it does not fill. */
export function isAbsent(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/**
 * Maps a Graph severity. Graph's `unknownFutureValue` (a value newer than the API version) and an
 * absent value are `unknown`. Any other unrecognised value is reported and shown as `unknown`.
 */
export function readSeverity(value: unknown, at: FieldRef): Severity {
  const severity = matchEnum(value, [...SEVERITIES, 'unknownFutureValue'] as const);
  if (severity !== undefined) return severity === 'unknownFutureValue' ? 'unknown' : severity;
  if (!isAbsent(value)) {
    at.issues.push({ id: at.id, field: at.field, problem: `unknown severity ${describeValue(value)}; shown as unknown` });
  }
  return 'unknown';
}

/**
 * Maps a Graph verdict: `noThreatsFound` is `clean`, and `unknownFutureValue` is `unknown`. An
 * absent value gives `undefined`. Any other value is reported and gives `undefined`, so the
 * entity shows no verdict rather than a guessed one.
 */
export function readVerdict(value: unknown, at: FieldRef): Verdict | undefined {
  const verdict = matchEnum(value, [
    'malicious',
    'suspicious',
    'noThreatsFound',
    'clean',
    'unknown',
    'unknownFutureValue',
  ] as const);
  if (verdict === 'noThreatsFound') return 'clean';
  if (verdict === 'unknownFutureValue') return 'unknown';
  if (verdict === undefined && !isAbsent(value)) {
    at.issues.push({ id: at.id, field: at.field, problem: `unknown verdict ${describeValue(value)}; it is left out` });
  }
  return verdict;
}

/**
 * Maps a remediation status to its known spelling. The data contract keeps any other value as it
 * came, and a status newer than this library is not bad data, so an unrecognised one is not
 * reported.
 */
export function readRemediationStatus(value: unknown): RemediationStatus | undefined {
  return normalizeEnum(value, REMEDIATION_STATUSES);
}

/**
 * Returns a web URL when it is an absolute http or https URL. Any other present value (a
 * `javascript:` or `data:` URL, or text that is no URL) is reported and gives `undefined`,
 * because only http and https are safe to link.
 */
export function readWebUrl(value: unknown, at: FieldRef): string | undefined {
  if (isAbsent(value)) return undefined;
  if (isHttpUrl(value)) return value;
  at.issues.push({ id: at.id, field: at.field, problem: `web URL ${describeValue(value)} is not http or https; it is left out` });
  return undefined;
}

/** Copies the fields of `record` that are not listed in `skip` and not null, blank or empty. */
export function otherFields(record: JsonRecord, skip: ReadonlySet<string>): JsonRecord {
  const result: JsonRecord = {};
  for (const [key, value] of Object.entries(record)) {
    if (skip.has(key) || value === null || value === undefined) continue;
    if (typeof value === 'string' && value.trim() === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    result[key] = value;
  }
  return result;
}

/** Returns a deterministic 32-bit FNV-1a hash of `text` as 8 hex digits. */
export function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** Serialises a value with sorted keys, so equal records give equal text. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (isRecord(value)) {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableStringify(value[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
