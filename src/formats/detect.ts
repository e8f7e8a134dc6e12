/**
 * Format detection: finds which mapper fits a payload that a user pasted or dropped, and maps
 * it. Each record of the payload is recognised by fields that only its family writes, so a
 * Microsoft Graph alert is not taken for a Defender for Endpoint alert although both have an
 * `id`, a `title` and an `evidence` list.
 */

import type { DataIssue, IncidentSnapshot } from '../model/types.js';
import { fromAdvancedHunting } from './advanced-hunting/index.js';
import { fromDefender } from './defender/index.js';
import { fromMicrosoftGraph } from './msgraph/index.js';
import { fromOcsf } from './ocsf/index.js';
import { fromSentinel } from './sentinel/index.js';
import { isTimelineBody } from './sentinel/timeline.js';
import { isRecord, readString, type JsonRecord } from './shared/json-readers.js';
import { parsePayloadText } from './shared/payload-text.js';
import { fromStix, isStixRecord } from './stix/index.js';

/** A payload format that `fromAnyFormat` can map. */
export type PayloadFormat = 'microsoftGraph' | 'defender' | 'sentinel' | 'ocsf' | 'stix' | 'advancedHunting';

interface FormatEntry {
  format: PayloadFormat;
  /** Name shown to a user, for example in the demo's "loaded as" line. */
  label: string;
  /** True when one record (not a list or an envelope) belongs to this format. */
  recognizes: (record: JsonRecord) => boolean;
  map: (payload: unknown) => IncidentSnapshot[];
}

/**
 * The formats in the order they are tried on each record. The most specific tests come first:
 * OCSF's numeric `class_uid`, STIX's `<type>--<UUID>` ids and the Log Analytics `Type` column
 * cannot be mistaken for anything else, while Graph and Defender records share many field names.
 */
const FORMATS: readonly FormatEntry[] = [
  { format: 'ocsf', label: 'OCSF', recognizes: isOcsfRecord, map: fromOcsf },
  { format: 'stix', label: 'STIX 2.1', recognizes: isStixRecord, map: fromStix },
  { format: 'sentinel', label: 'Microsoft Sentinel', recognizes: isSentinelRecord, map: fromSentinel },
  { format: 'advancedHunting', label: 'Defender XDR advanced hunting', recognizes: isHuntingRow, map: (payload) => fromAdvancedHunting(payload) },
  { format: 'defender', label: 'Defender XDR / Defender for Endpoint API', recognizes: isDefenderRecord, map: fromDefender },
  { format: 'microsoftGraph', label: 'Microsoft Graph security API', recognizes: isGraphRecord, map: fromMicrosoftGraph },
];

/** Names of the formats `detectFormat` recognises, for messages and pickers. */
export const FORMAT_LABELS: Readonly<Record<PayloadFormat, string>> = Object.fromEntries(
  FORMATS.map((entry) => [entry.format, entry.label]),
) as Record<PayloadFormat, string>;

/** The result of `fromAnyFormat`: the detected format, the snapshots and the payload's issues. */
export interface LoadedPayload {
  format: PayloadFormat;
  /** One snapshot per incident of the payload, each with its own data issues. */
  snapshots: IncidentSnapshot[];
  /**
   * Problems of the payload as a whole: text lines that are not JSON, and records of no
   * recognised format or of another format than the one mapped. They are also appended to the
   * first snapshot's `issues`, so a view that shows that snapshot reports them.
   */
  issues: DataIssue[];
}

/** Raised by `fromAnyFormat` for a payload that no mapper recognises. */
export class UnrecognizedPayloadError extends Error {
  override name = 'UnrecognizedPayloadError';
}

/**
 * Returns the format of `payload`, or `undefined` when no record of it is recognised. The
 * payload is JSON or NDJSON text, or already parsed JSON. Lists (`value`, `records`, `Results`,
 * an array) and the Azure REST example envelope (`responses["200"].body`) are looked into.
 * When records of several formats are mixed, the format with the most records wins, and on a
 * tie the one tried first.
 */
export function detectFormat(payload: unknown): PayloadFormat | undefined {
  const records = typeof payload === 'string' ? parsePayloadText(payload).records : [payload];
  return detectRecords(records).format;
}

/**
 * Detects the format of `payload` (see `detectFormat`) and maps it with that format's mapper.
 * Text is parsed as one JSON document, else as NDJSON, and lines that are not JSON become data
 * issues.
 *
 * An empty OData list (`{ "value": [] }`, as Microsoft Graph and the Defender APIs return for
 * a query with no match) loads as a result with no snapshots.
 *
 * Throws an `UnrecognizedPayloadError` that names what was found when no record is recognised,
 * and passes on the `TypeError` a mapper raises for a payload it cannot read.
 */
export function fromAnyFormat(payload: unknown): LoadedPayload {
  const issues: DataIssue[] = [];
  let parsed: unknown = payload;
  if (typeof payload === 'string') {
    const text = parsePayloadText(payload);
    issues.push(...text.issues);
    parsed = text.records.length === 1 && text.issues.length === 0 ? text.records[0] : text.records;
  }

  const detection = detectRecords([parsed]);
  const emptyListFormat = detection.format === undefined ? odataEmptyListFormat(parsed) : undefined;
  if (emptyListFormat !== undefined) return { format: emptyListFormat, snapshots: [], issues };
  if (detection.format === undefined) {
    throw new UnrecognizedPayloadError(
      `fromAnyFormat: the payload is in no recognised format (found ${describeContent(parsed, issues)}). ` +
        `Paste or drop the JSON or NDJSON body of one of: ${FORMATS.map((entry) => entry.label).join(', ')}.`,
    );
  }

  const format = detection.format;
  for (const [other, count] of detection.counts) {
    if (other === format) continue;
    issues.push({
      id: 'payload',
      field: '(records)',
      problem: `${count} record(s) look like ${FORMAT_LABELS[other]}, but the payload was read as ${FORMAT_LABELS[format]}; they are left out`,
    });
  }
  if (detection.unrecognized > 0) {
    issues.push({
      id: 'payload',
      field: '(records)',
      problem: `${detection.unrecognized} record(s) are in no recognised format; they are left out`,
    });
  }

  const entry = FORMATS.find((candidate) => candidate.format === format)!;
  const snapshots = entry.map(parsed);
  const [first] = snapshots;
  if (first !== undefined && issues.length > 0) first.issues = [...first.issues, ...issues];
  return { format, snapshots, issues };
}

interface Detection {
  format: PayloadFormat | undefined;
  counts: Map<PayloadFormat, number>;
  unrecognized: number;
}

function detectRecords(values: readonly unknown[]): Detection {
  const counts = new Map<PayloadFormat, number>();
  let unrecognized = 0;
  for (const record of flattenRecords(values)) {
    const entry = FORMATS.find((candidate) => candidate.recognizes(record));
    if (entry === undefined) unrecognized++;
    else counts.set(entry.format, (counts.get(entry.format) ?? 0) + 1);
  }

  let format: PayloadFormat | undefined;
  for (const entry of FORMATS) {
    const count = counts.get(entry.format) ?? 0;
    if (count > 0 && (format === undefined || count > counts.get(format)!)) format = entry.format;
  }
  return { format, counts, unrecognized };
}

/** Maximum depth of lists and envelopes looked into, against deeply nested hostile input. */
const MAX_ENVELOPE_DEPTH = 8;

/**
 * Returns the records of the values: a record that one format recognises is kept whole, and a
 * list or an envelope around records is opened.
 */
function flattenRecords(values: readonly unknown[], depth = 0): JsonRecord[] {
  const records: JsonRecord[] = [];
  for (const value of values) {
    if (Array.isArray(value)) {
      if (depth < MAX_ENVELOPE_DEPTH) records.push(...flattenRecords(value, depth + 1));
      continue;
    }
    if (!isRecord(value)) continue;
    if (FORMATS.some((entry) => entry.recognizes(value))) {
      records.push(value);
      continue;
    }
    const inner = envelopeContent(value);
    if (inner !== undefined && depth < MAX_ENVELOPE_DEPTH) records.push(...flattenRecords([inner], depth + 1));
    else records.push(value);
  }
  return records;
}

/** Fields that contain the records of a list envelope. */
const ENVELOPE_LIST_FIELDS = ['value', 'records', 'Results', 'results', 'entities'] as const;

/** Returns the content of an envelope: a list of records or an example file's response body. */
function envelopeContent(record: JsonRecord): unknown {
  const responses = record.responses;
  if (isRecord(responses) && isRecord(responses['200']) && responses['200'].body !== undefined) return responses['200'].body;
  for (const field of ENVELOPE_LIST_FIELDS) {
    if (Array.isArray(record[field])) return record[field];
  }
  return undefined;
}

function isOcsfRecord(record: JsonRecord): boolean {
  return typeof record.class_uid === 'number' && Number.isInteger(record.class_uid);
}

function isSentinelRecord(record: JsonRecord): boolean {
  if (isTimelineBody(record)) return true;
  const tableType = readString(record.Type)?.toLowerCase();
  if (tableType === 'securityalert' || tableType === 'securityincident') return true;
  if (record.SystemAlertId !== undefined || record.IncidentNumber !== undefined) return true;
  const resourceType = readString(record.type)?.toLowerCase() ?? '';
  return resourceType.startsWith('microsoft.securityinsights/') && isRecord(record.properties);
}

function isHuntingRow(record: JsonRecord): boolean {
  if (readString(record.category)?.startsWith('AdvancedHunting-') === true) return true;
  if (record.AlertId !== undefined && (record.EntityType !== undefined || record.Title !== undefined)) return true;
  return record.ProcessId !== undefined && record.InitiatingProcessId !== undefined;
}

/**
 * Recognises an XDR incident (`incidentId` with `incidentName` or alerts), an XDR alert (`alertId`), or a
 * Defender for Endpoint alert (`alertCreationTime`, `machineId`, or evidence with `entityType`).
 */
function isDefenderRecord(record: JsonRecord): boolean {
  if (record.incidentId !== undefined && (record.incidentName !== undefined || Array.isArray(record.alerts))) {
    return record.displayName === undefined;
  }
  if (record.alertId !== undefined) return true;
  if (record.id === undefined) return false;
  if (record.alertCreationTime !== undefined || record.machineId !== undefined) return true;
  return Array.isArray(record.evidence) && record.evidence.some((item) => isRecord(item) && item.entityType !== undefined);
}

/**
 * Recognises a Graph incident or alert: named by its `@odata.type`, else by fields only Graph writes
 * (`incidentWebUrl`, `alertWebUrl`, `providerAlertId`, `createdDateTime` with a `displayName`
 * or a `title`), else by evidence typed with `@odata.type`.
 */
function isGraphRecord(record: JsonRecord): boolean {
  const odataType = readString(record['@odata.type']) ?? '';
  if (/^#microsoft\.graph\.(security\.)?(incident|alert)$/i.test(odataType)) return true;
  if (record.incidentWebUrl !== undefined || record.alertWebUrl !== undefined || record.providerAlertId !== undefined) return true;
  if (record.createdDateTime !== undefined && (record.displayName !== undefined || record.title !== undefined)) return true;
  return Array.isArray(record.evidence) && record.evidence.some((item) => isRecord(item) && readString(item['@odata.type']) !== undefined);
}

/**
 * Returns the format of an OData list response with no records (`{ "value": [] }`), which has
 * no record to recognise. Microsoft Graph and the Defender APIs both return it for a query with
 * no match. The `@odata.context` URL names the API when it is present. Without it, the list is
 * read as Microsoft Graph, and either way it contains no incident.
 */
function odataEmptyListFormat(parsed: unknown): PayloadFormat | undefined {
  if (!isRecord(parsed) || !Array.isArray(parsed.value) || parsed.value.length > 0) return undefined;
  const context = readString(parsed['@odata.context'])?.toLowerCase() ?? '';
  return DEFENDER_API_HOSTS.some((host) => context.includes(host)) ? 'defender' : 'microsoftGraph';
}

/** Hosts of the Defender XDR and Defender for Endpoint APIs, as they appear in `@odata.context`. */
const DEFENDER_API_HOSTS = ['api.security.microsoft.com', 'securitycenter.microsoft.com', 'securitycenter.windows.com'];

/** Describes a payload no format recognised, for the error message. */
function describeContent(parsed: unknown, issues: readonly DataIssue[]): string {
  if (Array.isArray(parsed) && parsed.length === 0) {
    return issues.length > 0 ? `no JSON: ${issues.length} line(s) could not be parsed` : 'no records';
  }
  if (isRecord(parsed)) {
    const emptyList = ENVELOPE_LIST_FIELDS.find((field) => Array.isArray(parsed[field]) && (parsed[field] as unknown[]).length === 0);
    if (emptyList !== undefined) return `an empty "${emptyList}" list`;
  }
  const [first] = flattenRecords([parsed]);
  if (first === undefined) return `a JSON ${parsed === null ? 'null' : typeof parsed}`;
  const fields = Object.keys(first).slice(0, 6).map((field) => JSON.stringify(field));
  return fields.length === 0 ? 'an empty object' : `records with the fields ${fields.join(', ')}${Object.keys(first).length > 6 ? ', ...' : ''}`;
}
