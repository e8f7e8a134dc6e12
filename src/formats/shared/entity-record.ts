/**
 * Building entities from evidence records: the entity with its well-known properties first and
 * every other field of the record after them, and the fallback id of a record that lacks the
 * field its key is built from.
 */

import type { DataIssue, Entity, EntityKind } from '../../model/types.js';
import { hashText, otherFields, stableStringify, type JsonRecord } from './json-readers.js';

/** Location of an evidence record: its alert, its path in the payload, and the issue list to report to. */
export interface EvidenceLocation {
  alertId: string;
  /**
   * Path of the record in its alert or payload, for example `evidence[3]` or `rows[12]`. It is
   * empty when `alertId` is the record's own id (a hunting row), and then a field's path is its name.
   */
  path: string;
  issues: DataIssue[];
}

/** Returns the path of `field` in the record at `at`. */
export function fieldPath(at: EvidenceLocation, field: string): string {
  return at.path === '' ? field : `${at.path}.${field}`;
}

/**
 * Returns `key`, or, when the record lacks the field the key is built from, reports it and
 * returns an id scoped to the record, so the entity is still shown. The scope is the alert and
 * the record's path, or with an empty path the record and the field.
 */
export function keyOrFallback(
  key: string | undefined,
  kind: EntityKind,
  field: string,
  at: EvidenceLocation,
): string {
  if (key !== undefined) return key;
  at.issues.push({
    id: at.alertId,
    field: fieldPath(at, field),
    problem: `missing ${field}; the ${kind} cannot be matched across alerts`,
  });
  return `${kind}:${at.alertId}:${at.path === '' ? field : at.path}`;
}

/**
 * Builds an entity whose properties are the defined values of `known`, followed by every field
 * of `raw` that is not in `skip`, not already in `known`, and not null, blank or empty.
 */
export function entityFromRecord(
  id: string,
  kind: EntityKind,
  displayName: string,
  raw: JsonRecord,
  known: JsonRecord,
  skip: ReadonlySet<string>,
): Entity {
  const properties: JsonRecord = {};
  for (const [key, value] of Object.entries(known)) {
    if (value !== undefined) properties[key] = value;
  }
  for (const [key, value] of Object.entries(otherFields(raw, skip))) {
    if (!(key in properties)) properties[key] = value;
  }
  return { id, kind, displayName, properties };
}

/** Returns the display name of a process: its image file name, else its command line, else its process id. */
export function processDisplayName(
  imageFileName: string | undefined,
  commandLine: string | undefined,
  pid: number | undefined,
): string {
  return imageFileName ?? commandLine ?? (pid === undefined ? 'Unnamed process' : `Process ${pid}`);
}

/**
 * Returns the id of an entity whose type has no mapper: `other:<type>:<hash of its fields>`. Such
 * a type has no known identifier, so the id hashes all the fields. The same record in two alerts
 * merges, and any difference keeps them apart.
 */
export function otherEntityId(type: string, fields: JsonRecord): string {
  return `other:${type}:${hashText(stableStringify(fields))}`;
}
