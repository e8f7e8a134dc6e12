/**
 * Readers for loosely typed JSON: each returns a value of the expected type or `undefined`, so
 * the mappers never trust a field's type. Enumerations are matched case-insensitively, because
 * the published Graph payloads spell the same value `Medium` and `medium`.
 */

import {
  REMEDIATION_STATUSES,
  SEVERITIES,
  type RemediationStatus,
  type Severity,
  type Verdict,
} from '../../model/types.js';

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

/** Returns the non-blank strings of an array; anything else gives an empty array. */
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

export function readSeverity(value: unknown): Severity {
  return matchEnum(value, SEVERITIES) ?? 'unknown';
}

/** Maps a Graph verdict; `noThreatsFound` is `clean`. An unrecognised value gives `undefined`. */
export function readVerdict(value: unknown): Verdict | undefined {
  const verdict = matchEnum(value, ['malicious', 'suspicious', 'noThreatsFound', 'clean', 'unknown'] as const);
  return verdict === 'noThreatsFound' ? 'clean' : verdict;
}

export function readRemediationStatus(value: unknown): RemediationStatus | undefined {
  return normalizeEnum(value, REMEDIATION_STATUSES);
}

/** Returns the short name of an `@odata.type`: `#microsoft.graph.security.fileEvidence` gives `fileEvidence`. */
export function odataTypeName(record: JsonRecord): string | undefined {
  const type = readString(record['@odata.type']);
  if (type === undefined) return undefined;
  return type.slice(type.lastIndexOf('.') + 1);
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
