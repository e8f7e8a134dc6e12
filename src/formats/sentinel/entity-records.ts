/**
 * Sentinel entities as the payload gives them, before they get stable ids: the REST entity
 * model (`kind` and `properties`, linked by `*EntityId` fields) and the objects of a
 * `SecurityAlert` row's `Entities` JSON (`Type`, linked by `{"$ref": "<$id>"}`). Both become
 * `SentinelEntityRecord`s with their references resolved to local ids.
 */

import type { DataIssue } from '../../model/types.js';
import type { EvidenceLocation } from '../shared/entity-record.js';
import { isRecord, readString, readStringArray, type JsonRecord } from '../shared/json-readers.js';

/** One entity of the payload, its fields, and the entities its fields refer to. */
export interface SentinelEntityRecord {
  /** The REST entity's `name` (a GUID), or the `$id` inside one alert's `Entities`. */
  localId: string;
  /** `kind` of a REST entity or `Type` of an `Entities` object, as the source spelled it. */
  type: string;
  /** The REST entity's `properties`, or the `Entities` object. */
  fields: JsonRecord;
  /** Field names that are references, which the entity's properties leave out. */
  referenceFields: Set<string>;
  /** Reference name (see `referenceName`) to the local ids it refers to. */
  references: Map<string, string[]>;
  /** The REST entity's GUID, a stable id where no identifier of the entity is known. */
  guid: string | undefined;
  at: EvidenceLocation;
}

/** Returns the value of `record[name]`, matching the field name ignoring case. */
export function fieldOf(record: JsonRecord, name: string): unknown {
  if (Object.hasOwn(record, name)) return record[name];
  const lower = name.toLowerCase();
  const key = Object.keys(record).find((candidate) => candidate.toLowerCase() === lower);
  return key === undefined ? undefined : record[key];
}

/** Returns the first non-blank string among `record`'s fields `names`, matched ignoring case. */
export function stringOf(record: JsonRecord, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = readString(fieldOf(record, name));
    if (value !== undefined) return value;
  }
  return undefined;
}

/**
 * Returns the reference name shared by both shapes: lowercase, without an `EntityId(s)`
 * suffix, and singular. REST `parentProcessEntityId` and `Entities`' `ParentProcess` both give
 * `parentprocess`, `fileHashEntityIds` and `FileHashes` both give `filehash`.
 */
export function referenceName(field: string): string {
  const name = field.toLowerCase().replace(/entityids?$/, '');
  if (name.endsWith('sses') || name.endsWith('hes')) return name.slice(0, -2);
  if (name.endsWith('s') && !name.endsWith('ss')) return name.slice(0, -1);
  return name;
}

/** Normalises an entity type to lowercase without separators, so `registry-key` and `RegistryKey` agree. */
export function normalizedType(type: string): string {
  return type.toLowerCase().replace(/[-_\s]/g, '');
}

/**
 * Reads a REST entity (`{ name, kind, properties }`). Its `*EntityId` and `*EntityIds` fields
 * are references to other entities' `name`.
 */
export function restEntityRecord(raw: JsonRecord, path: string, issues: DataIssue[]): SentinelEntityRecord {
  const fields = isRecord(raw.properties) ? raw.properties : {};
  const guid = readString(raw.name);
  const localId = guid ?? path;
  const record: SentinelEntityRecord = {
    localId,
    type: readString(raw.kind) ?? 'unknown',
    fields,
    referenceFields: new Set(),
    references: new Map(),
    guid,
    at: { alertId: guid ?? path, path: 'properties', issues },
  };

  for (const [field, value] of Object.entries(fields)) {
    if (!/entityids?$/i.test(field)) continue;
    const targets = typeof value === 'string' ? [value] : readStringArray(value);
    record.referenceFields.add(field);
    if (targets.length > 0) record.references.set(referenceName(field), targets);
  }
  return record;
}

/**
 * Reads the parsed `Entities` of one `SecurityAlert` row. Every object with `$id` and `Type`,
 * at any depth, is an entity. An object appears in full where it is first used, and later uses
 * are `{"$ref": "<$id>"}`, so the ids are collected before the references are resolved. A
 * reference to an id the list does not define is reported on the alert.
 */
export function alertEntityRecords(
  entities: unknown,
  alertId: string,
  path: string,
  issues: DataIssue[],
): SentinelEntityRecord[] {
  const byId = new Map<string, JsonRecord>();
  const found: Array<{ object: JsonRecord; path: string }> = [];

  const collect = (value: unknown, at: string): void => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => collect(item, `${at}[${index}]`));
      return;
    }
    if (!isRecord(value)) return;
    const id = readString(value.$id);
    if (id !== undefined && !byId.has(id)) {
      byId.set(id, value);
      if (readString(fieldOf(value, 'Type')) !== undefined) found.push({ object: value, path: at });
    }
    for (const [key, child] of Object.entries(value)) {
      if (!key.startsWith('$')) collect(child, `${at}.${key}`);
    }
  };
  collect(entities, path);

  return found.map(({ object, path: objectPath }) => {
    const localId = readString(object.$id)!;
    const record: SentinelEntityRecord = {
      localId,
      type: readString(fieldOf(object, 'Type'))!,
      fields: object,
      referenceFields: new Set(['$id']),
      references: new Map(),
      guid: undefined,
      at: { alertId, path: objectPath, issues },
    };

    for (const [field, value] of Object.entries(object)) {
      const targets = referenceTargets(value, `${objectPath}.${field}`, byId, alertId, issues);
      if (targets === undefined) continue;
      record.referenceFields.add(field);
      if (targets.length > 0) record.references.set(referenceName(field), targets);
    }
    return record;
  });
}

/**
 * Returns the `$id`s a field value refers to: an entity object (`$id` and `Type`), a
 * `$ref`, or an array of them. Returns `undefined` for a value that is not a reference.
 */
function referenceTargets(
  value: unknown,
  path: string,
  byId: ReadonlyMap<string, JsonRecord>,
  alertId: string,
  issues: DataIssue[],
): string[] | undefined {
  const items = Array.isArray(value) ? value : [value];
  if (items.length === 0 || !items.every(isRecord)) return undefined;

  const targets: string[] = [];
  let isReference = false;
  items.forEach((item, index) => {
    const itemPath = Array.isArray(value) ? `${path}[${index}]` : path;
    const ref = readString(item.$ref);
    if (ref !== undefined) {
      isReference = true;
      if (byId.has(ref)) targets.push(ref);
      else {
        issues.push({
          id: alertId,
          field: `${itemPath}.$ref`,
          problem: `refers to $id "${ref}", which the entities do not define; no relation is drawn`,
        });
      }
      return;
    }
    const id = readString(item.$id);
    if (id !== undefined && readString(fieldOf(item, 'Type')) !== undefined) {
      isReference = true;
      targets.push(id);
    }
  });
  return isReference ? targets : undefined;
}
