/**
 * The state of one incident's snapshot while it is built: the bundle's objects by id and the
 * alerts made so far. It resolves references to entity ids, and reports each reference that
 * names no object of the bundle.
 */

import type { Alert, Verdict } from '../../model/types.js';
import { readString, type JsonRecord } from '../shared/json-readers.js';
import type { SnapshotBuilder } from '../shared/snapshot-builder.js';
import { isEntityType, isStixIdentifier, type StixObject } from './bundle.js';
import { mapEntity, readHashes, type ObjectLookup } from './entities.js';
import type { PatternObservable } from './pattern.js';

/** Location of a reference: the id of the object that contains it and the field's path. */
export interface RefLocation {
  id: string;
  field: string;
}

export class StixScope {
  readonly builder: SnapshotBuilder;
  readonly objects: ObjectLookup;
  /** Alerts by the STIX id of the object they come from. */
  readonly alerts = new Map<string, Alert>();
  /** First seen of relations from a relationship's `start_time`, by source, type and target. */
  readonly relationTimes = new Map<string, number>();
  private readonly observableIds = new Map<string, string>();

  constructor(builder: SnapshotBuilder, objects: ObjectLookup) {
    this.builder = builder;
    this.objects = objects;
    for (const object of objects.values()) {
      if (!isEntityType(object.type)) continue;
      for (const key of matchKeys(object.type, object.raw)) {
        if (!this.observableIds.has(key)) this.observableIds.set(key, object.id);
      }
    }
  }

  /**
   * Returns the object a reference names. A value that is not a STIX identifier, or that names
   * no object of the bundle, is reported at `at` and gives `undefined`.
   */
  object(ref: unknown, at: RefLocation): StixObject | undefined {
    if (!isStixIdentifier(ref)) {
      this.builder.issues.push({ id: at.id, field: at.field, problem: `invalid reference ${JSON.stringify(ref)}; it is left out` });
      return undefined;
    }
    const object = this.objects.get(ref);
    if (object === undefined) {
      this.builder.issues.push({ id: at.id, field: at.field, problem: `reference to ${ref}, which is not in the bundle; it is left out` });
    }
    return object;
  }

  /**
   * Returns the entity ids a reference resolves to, adding the entities: the object itself when
   * it is an entity, or the objects an `observed-data` lists. Any other object gives none.
   */
  entityIds(ref: unknown, at: RefLocation): string[] {
    const object = this.object(ref, at);
    if (object === undefined) return [];
    if (isEntityType(object.type)) return [this.addEntity(object)];
    if (object.type !== 'observed-data') return [];

    const refs: unknown[] = Array.isArray(object.raw.object_refs) ? object.raw.object_refs : [];
    return refs.flatMap((member, index) => {
      const target = this.object(member, { id: object.id, field: `object_refs[${index}]` });
      return target !== undefined && isEntityType(target.type) ? [this.addEntity(target)] : [];
    });
  }

  /**
   * Adds the entity of an object once and returns its id. A `verdict` joins the entity's own by
   * the merge rule (the strongest wins).
   */
  addEntity(object: StixObject, verdict?: Verdict): string {
    const existing = this.builder.entities.get(object.id);
    if (existing === undefined) this.builder.addEntity(mapEntity(object, this.objects, this.builder.issues));
    if (verdict !== undefined) this.builder.addEntity({ ...this.builder.entities.get(object.id)!, verdict });
    return object.id;
  }

  /**
   * Returns the entity of an object a pattern names: the bundle's object with the same value or
   * hash when there is one, else a new entity with the id `stix-pattern:<type>:<comparisons>`.
   */
  addObservable(observable: PatternObservable, verdict: Verdict | undefined): string {
    const existingId = matchKeys(observable.type, observable.properties)
      .map((key) => this.observableIds.get(key))
      .find((id) => id !== undefined);
    const object: StixObject =
      existingId !== undefined
        ? this.objects.get(existingId)!
        : {
            id: `stix-pattern:${observable.type}:${observable.canonical}`,
            type: observable.type,
            raw: { type: observable.type, ...observable.properties },
          };
    return this.addEntity(object, verdict);
  }
}

/**
 * Keys that identify an observable whichever way it is written: its type and value (lowercased,
 * except for URLs), a registry key, a certificate serial number, or a file hash.
 */
function matchKeys(type: string, raw: JsonRecord): string[] {
  const keys: string[] = [];
  const value = readString(raw.value);
  if (value !== undefined) keys.push(`${type}|value|${type === 'url' ? value : value.toLowerCase()}`);
  const registryKey = readString(raw.key);
  if (type === 'windows-registry-key' && registryKey !== undefined) keys.push(`${type}|key|${registryKey.toLowerCase()}`);
  const serial = readString(raw.serial_number);
  if (type === 'x509-certificate' && serial !== undefined) keys.push(`${type}|serial|${serial.toLowerCase()}`);
  if (type === 'file' || type === 'artifact') {
    for (const [name, hash] of Object.entries(readHashes(raw.hashes).hashes)) {
      const text = readString(hash);
      if (text !== undefined) keys.push(`${type}|${name}|${text.toLowerCase()}`);
    }
  }
  return keys;
}
