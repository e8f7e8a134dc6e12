/**
 * Reading advanced hunting rows from the shapes they are exported in: NDJSON or JSON text, an
 * array, an Event Hub batch (`{ records: [...] }`), an advanced hunting API response
 * (`{ Results: [...] }` or `{ results: [...] }`), or one row. A row either sits in the
 * streaming API envelope `{ category: "AdvancedHunting-<Table>", properties: {<row>} }`, which
 * names its table, or is a bare row whose table is recognised by its columns.
 */

import { describeValue } from '../../model/time.js';
import type { DataIssue } from '../../model/types.js';
import { isRecord, readString, type FieldRef, type JsonRecord } from '../shared/json-readers.js';
import { parseJsonField, parsePayloadText } from '../shared/payload-text.js';

/** The tables this mapper reads. */
export const MAPPED_TABLES = ['AlertInfo', 'AlertEvidence', 'DeviceProcessEvents'] as const;

export type MappedTable = (typeof MAPPED_TABLES)[number];

/** One row of a hunting table and where it was found. */
export interface HuntingRow {
  /** Table name without the `AdvancedHunting-` prefix, for example `AlertInfo`. */
  table: string;
  columns: JsonRecord;
  /** Position in the payload, for example `rows[4]`, used in data issues. */
  path: string;
}

const CATEGORY_PREFIX = 'AdvancedHunting-';

/**
 * Reads every row of `payload`. Text that is not JSON, records that are not objects, and rows
 * of an unknown table are reported in `issues` and left out.
 *
 * Throws a `TypeError` when the payload is neither text nor an object nor an array.
 */
export function readRows(payload: unknown): { rows: HuntingRow[]; issues: DataIssue[] } {
  const issues: DataIssue[] = [];
  let records: unknown[];

  if (typeof payload === 'string') {
    const parsed = parsePayloadText(payload);
    issues.push(...parsed.issues);
    records = parsed.records.flatMap(unwrapBatch);
  } else if (Array.isArray(payload) || isRecord(payload)) {
    records = unwrapBatch(payload);
  } else {
    const got = payload === null ? 'null' : typeof payload;
    throw new TypeError(
      `fromAdvancedHunting: expected rows as NDJSON text, an array or an object (got ${got}). ` +
        'Pass the text of a streaming API export or the parsed JSON of an advanced hunting response.',
    );
  }

  const rows: HuntingRow[] = [];
  records.forEach((record, index) => {
    const path = `rows[${index}]`;
    if (!isRecord(record)) {
      issues.push({ id: path, field: '(row)', problem: `row ${describeValue(record)} is not an object; it is left out` });
      return;
    }
    const row = tableRow(record, path);
    if (row === undefined) {
      issues.push({ id: path, field: 'category', problem: 'row of an unknown table; it is left out' });
      return;
    }
    rows.push(row);
  });
  return { rows, issues };
}

/** Returns the records of a batch, or the value itself as the only record. */
function unwrapBatch(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap(unwrapBatch);
  if (isRecord(value)) {
    for (const field of ['records', 'Results', 'results']) {
      const list = value[field];
      if (Array.isArray(list)) return list;
    }
  }
  return [value];
}

/** Returns the row of a record: the envelope's table and properties, else the table its columns show. */
function tableRow(record: JsonRecord, path: string): HuntingRow | undefined {
  const category = readString(record.category);
  if (category?.startsWith(CATEGORY_PREFIX) && isRecord(record.properties)) {
    return { table: category.slice(CATEGORY_PREFIX.length), columns: record.properties, path };
  }

  const table = readString(record.Table) ?? readString(record.Type) ?? tableOfColumns(record);
  return table === undefined ? undefined : { table, columns: record, path };
}

/**
 * Recognises the table of a bare row by its columns: AlertEvidence rows have `EntityType`, AlertInfo
 * rows an `AlertId` and a `Title`, and DeviceProcessEvents rows a `ProcessId` and an
 * `InitiatingProcessId`.
 */
function tableOfColumns(columns: JsonRecord): MappedTable | undefined {
  if (columns.AlertId !== undefined && columns.EntityType !== undefined) return 'AlertEvidence';
  if (columns.AlertId !== undefined && columns.Title !== undefined) return 'AlertInfo';
  if (columns.ProcessId !== undefined && columns.InitiatingProcessId !== undefined) return 'DeviceProcessEvents';
  return undefined;
}

/**
 * Returns the value of a column that contains JSON text (`AdditionalFields`, `AttackTechniques`,
 * `Categories`), parsed. A value that is not a string is returned as it is, because the
 * advanced hunting API returns these columns already parsed. A string that is not JSON is
 * reported and gives `undefined`, so the caller can keep the text as it came.
 */
export function parseJsonColumn(value: unknown, at: FieldRef): unknown {
  if (value === null) return undefined;
  return parseJsonField(value, at, 'the text is kept as it came');
}
