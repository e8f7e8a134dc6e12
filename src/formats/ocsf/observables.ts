/**
 * Maps a finding's `observables`: flat `{ name, type_id, value }` items whose `name` is the path
 * of the value in the event (`evidences[].src_endpoint.ip`) and whose optional `reputation` is
 * the only per-entity verdict OCSF has. Most observables repeat a value of an entity already
 * mapped, so each is attached to an entity when one matches, and only the rest add entities.
 */

import { strongestVerdict } from '../../model/merge.js';
import type { Entity, EntityKind, Verdict } from '../../model/types.js';
import { readEnumId } from '../shared/enum-field.js';
import { fileKey, ipKey, mailboxKey, urlKey } from '../shared/entity-keys.js';
import { asRecord, hashText, readNumber, type JsonRecord } from '../shared/json-readers.js';
import { OBSERVABLE_ENTITY_TYPES, REPUTATION_IDS, type ObservableEntityType } from './enums.js';
import type { FindingScope } from './finding-scope.js';
import { text } from './objects.js';

/**
 * Attaches each observable to an entity, or adds one, in this order:
 * 1. The entity mapped from the object its `name` points at (the one holding the value, when
 *    the path matched several).
 * 2. Any entity of the finding whose display name or a property equals the value.
 * 3. A new entity, for a type that names one (host name, IP address, user name, e-mail address,
 *    URL, file name, hash, resource id, registry key).
 * 4. The entity of another observable under the same first path segment
 *    (`infected_device.port` joins `infected_device.ip`).
 * 5. A new `other` entity whose `rawType` is the observable's type caption.
 * The observable is listed in the entity's `observables` property, and its reputation becomes
 * the entity's verdict for this alert. A `type_id` that is not a non-negative integer is
 * reported. The observable is still attached by its value and path.
 */
export function addObservables(scope: FindingScope, observables: JsonRecord[]): void {
  const bySegment = new Map<string, string>();

  observables.forEach((observable, index) => {
    const path = `observables[${index}]`;
    const value = text(observable.value);
    if (value === undefined) return;
    const name = text(observable.name) ?? '';
    const typeId = readNumber(observable.type_id);
    if (typeId === undefined || typeId < 0 || !Number.isInteger(typeId)) {
      scope.issues.push({
        id: scope.alert.id,
        field: `${path}.type_id`,
        problem:
          `invalid observable type_id ${JSON.stringify(observable.type_id)} (expected a non-negative integer); ` +
          'the observable is matched by its value',
      });
    }

    const entityId =
      atPath(scope, name, value) ??
      matchingEntity(scope, value) ??
      namedEntity(scope, typeId, value, path) ??
      bySegment.get(firstSegment(name)) ??
      otherEntity(scope, observable, value, path);
    if (!bySegment.has(firstSegment(name))) bySegment.set(firstSegment(name), entityId);

    const reputation = asRecord(observable.reputation);
    const scoreField = { id: scope.alert.id, field: `${path}.reputation.score_id`, issues: scope.issues };
    const verdict =
      reputation === undefined
        ? undefined
        : readEnumId(reputation.score_id, REPUTATION_IDS, 'reputation score_id', scoreField);
    attach(scope, entityId, { name, type: text(observable.type), value }, verdict);
  });
}

function firstSegment(name: string): string {
  return name.split('.')[0] ?? name;
}

function atPath(scope: FindingScope, name: string, value: string): string | undefined {
  const objectPath = name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : '';
  const candidates = objectPath === '' ? [] : scope.entitiesAt(objectPath);
  if (candidates.length <= 1) return candidates[0];
  return candidates.find((id) => containsValue(scope.builder.entities.get(id), value)) ?? candidates[0];
}

function matchingEntity(scope: FindingScope, value: string): string | undefined {
  return scope.entityIds().find((id) => containsValue(scope.builder.entities.get(id), value));
}

/** True when the entity's display name, or a string property or string array item, equals `value` ignoring case. */
function containsValue(entity: Entity | undefined, value: string): boolean {
  if (entity === undefined) return false;
  const lower = value.toLowerCase();
  if (entity.displayName.toLowerCase() === lower) return true;
  return Object.values(entity.properties).some((property) =>
    (Array.isArray(property) ? property : [property]).some((item) => typeof item === 'string' && item.toLowerCase() === lower),
  );
}

function namedEntity(scope: FindingScope, typeId: number | undefined, value: string, path: string): string | undefined {
  const type = typeId === undefined ? undefined : OBSERVABLE_ENTITY_TYPES.get(typeId);
  if (type === undefined) return undefined;

  const [kind, id, properties] = observableEntity(type, value);
  return scope.add({ id, kind, displayName: value, properties }, path);
}

/** Returns the kind, id and properties of the entity an observable of an entity-naming type adds. */
function observableEntity(type: ObservableEntityType, value: string): [EntityKind, string, JsonRecord] {
  const lower = value.toLowerCase();
  switch (type) {
    case 'ip':
      return ['ip', ipKey(value)!, { ipAddress: value }];
    case 'url':
      return ['url', urlKey(value)!, { url: value }];
    case 'mailbox':
      return ['mailbox', mailboxKey(value)!, { primaryAddress: value }];
    case 'user':
      return ['user', `user:${lower}`, { accountName: value }];
    case 'fileName':
      return ['file', `file:${lower}`, { fileName: value }];
    case 'hash':
      return ['file', fileKey(hashDetails(value)) ?? `file:${lower}`, hashDetails(value)];
    case 'registryKey':
      return ['registryKey', `registryKey:${lower}`, { registryKey: value }];
    case 'dnsName':
      return ['dnsName', `dnsName:${lower}`, { domainName: value }];
    case 'cloudResource':
      return ['cloudResource', `cloudResource:${lower}`, { resourceId: value }];
  }
}

/** Returns a hash observable's value (`MD5:3172…` or bare hex) as the file property its length gives. */
function hashDetails(value: string): JsonRecord {
  const hex = value.replace(/^[a-z0-9-]+:/i, '');
  const fields: Record<number, string> = { 64: 'sha256', 40: 'sha1', 32: 'md5' };
  return { [fields[hex.length] ?? 'hash']: hex.toLowerCase() };
}

function otherEntity(scope: FindingScope, observable: JsonRecord, value: string, path: string): string {
  const type = text(observable.type) ?? 'observable';
  const id = `other:observable:${hashText(`${type}\u0000${value.toLowerCase()}`)}`;
  return scope.add({ id, kind: 'other', displayName: value, properties: { rawType: type } }, path);
}

/** Lists the observable on the entity and gives the entity the observable's verdict. */
function attach(scope: FindingScope, entityId: string, observable: JsonRecord, verdict: Verdict | undefined): void {
  const entity = scope.builder.entities.get(entityId);
  if (entity === undefined) return;
  const listed = Array.isArray(entity.properties.observables) ? entity.properties.observables : [];
  entity.properties.observables = [...listed, observable];
  if (verdict === undefined) return;

  const strongest = strongestVerdict(entity.verdict, verdict);
  if (strongest !== undefined) entity.verdict = strongest;
  scope.builder.addEvidence(scope.alert, { entityId, roles: [], verdict });
}
