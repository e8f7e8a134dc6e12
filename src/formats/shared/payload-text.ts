/**
 * Readers for JSON that arrives as text. A payload may be pasted as JSON or as newline-delimited
 * JSON (NDJSON, one record a line, as Event Hub and Log Analytics exports write it). Some fields
 * contain a JSON document in a string, such as Sentinel's `Entities`, `AlertIds` and `Owner`.
 */

import { describeValue } from '../../model/time.js';
import type { DataIssue } from '../../model/types.js';
import type { FieldRef } from './json-readers.js';

/** Records read from a text payload, and the lines that were not JSON. */
export interface PayloadText {
  records: unknown[];
  issues: DataIssue[];
}

/**
 * Parses `text` as one JSON document, or else as NDJSON. A JSON array gives its items, any
 * other document gives itself. An NDJSON line that is not JSON is reported with the id
 * `payload` and the field `line <n>` (counting from 1), and the other lines are kept. Blank
 * lines are skipped.
 */
export function parsePayloadText(text: string): PayloadText {
  try {
    const document: unknown = JSON.parse(text);
    return { records: Array.isArray(document) ? document : [document], issues: [] };
  } catch {
    // Not one JSON document: read it line by line below.
  }

  const records: unknown[] = [];
  const issues: DataIssue[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      records.push(JSON.parse(line));
    } catch (error) {
      issues.push({
        id: 'payload',
        field: `line ${index + 1}`,
        problem: `invalid JSON (${(error as Error).message}); the line is left out`,
      });
    }
  });
  return { records, issues };
}

/**
 * Returns the value of a field that contains JSON text, parsed. A value that is not a string is
 * returned as it is, because some exports write the same field already parsed. A string that
 * is not JSON is reported and gives `undefined`. `outcome` ends the issue's message and states
 * what the caller does with the text, for example "it is left out".
 */
export function parseJsonField(value: unknown, at: FieldRef, outcome = 'it is left out'): unknown {
  if (typeof value !== 'string') return value;
  if (value.trim() === '') return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch (error) {
    at.issues.push({
      id: at.id,
      field: at.field,
      problem: `invalid JSON text ${describeValue(value)} (${(error as Error).message}); ${outcome}`,
    });
    return undefined;
  }
}
