/**
 * Readers for enumerations that a format defines completely, so a value outside the list is
 * worth reporting: Sentinel's statuses and classifications, and OCSF's numbered enumerations.
 */

import { describeValue } from '../../model/time.js';
import { isAbsent, matchEnum, readNumber, readString, type FieldRef } from './json-readers.js';

/**
 * Returns the spelling in `known` that equals `value` ignoring case. A present value outside
 * `known` is reported as an unknown `what` and returned trimmed, as the source spelled it. A
 * value that is absent, blank, or neither a string nor a finite number gives `undefined`.
 */
export function readKnownEnum(value: unknown, known: readonly string[], what: string, at: FieldRef): string | undefined {
  const text = readString(value)?.trim();
  if (text === undefined) return undefined;
  const match = matchEnum(text, known);
  if (match !== undefined) return match;
  at.issues.push({ id: at.id, field: at.field, problem: `unknown ${what} ${describeValue(value)}; kept as it came` });
  return text;
}

/**
 * Returns the entry of `table` for a numbered enumeration value (OCSF's `*_id` fields).
 * A present value that is not a number or not in the table is reported as an unknown `what`
 * and gives `undefined`.
 */
export function readEnumId<T>(value: unknown, table: ReadonlyMap<number, T>, what: string, at: FieldRef): T | undefined {
  if (isAbsent(value)) return undefined;
  const id = readNumber(value);
  const entry = id === undefined ? undefined : table.get(id);
  if (entry === undefined) {
    at.issues.push({ id: at.id, field: at.field, problem: `unknown ${what} ${describeValue(value)}; it is not used` });
  }
  return entry;
}
