/**
 * Adds the entities of one part of a Sentinel payload (one alert's `Entities`, or a REST
 * entities list) to a snapshot, and turns their references into relations. Sentinel names
 * related entities explicitly, so every relation here is one the payload states.
 */

import type { RelationType } from '../../model/types.js';
import { EntityIndex } from '../shared/entity-index.js';
import { readString } from '../shared/json-readers.js';
import type { SnapshotBuilder } from '../shared/snapshot-builder.js';
import { entityOfRecord } from './entity-kinds.js';
import { normalizedType, type SentinelEntityRecord } from './entity-records.js';

/** Relation type of a reference, by entity type and reference name. `reverse` draws it target to source. */
interface LinkRule {
  type: RelationType;
  reverse?: boolean;
}

/** Relation type of a Malware entity to the file or process it was found in. Not a shared type. */
export const DETECTED_IN_RELATION = 'detectedIn';

const LINK_RULES: Readonly<Record<string, Readonly<Record<string, LinkRule>>>> = {
  process: {
    parentprocess: { type: 'parentProcess' },
    imagefile: { type: 'imageFile' },
    account: { type: 'runsAs' },
    host: { type: 'runsOn' },
  },
  file: { host: { type: 'runsOn' } },
  account: { host: { type: 'loggedOn', reverse: true } },
  mailmessage: { file: { type: 'attachment' }, url: { type: 'containsUrl' } },
  submissionmail: { file: { type: 'attachment' }, url: { type: 'containsUrl' } },
  registryvalue: { key: { type: 'valueOf' } },
  dns: { ipaddress: { type: 'resolvesTo' } },
  dnsresolution: { ipaddress: { type: 'resolvesTo' } },
  malware: { file: { type: DETECTED_IN_RELATION }, process: { type: DETECTED_IN_RELATION } },
};

/**
 * Adds each record's entity to `builder` and returns the entity id of each local id.
 *
 * FileHash records that a File refers to become that file's hash properties instead of
 * entities of their own. Registry values and processes are mapped last, because their ids
 * contain the id of their registry key and their host.
 */
export function addEntityRecords(records: SentinelEntityRecord[], builder: SnapshotBuilder): Map<string, string> {
  const byLocalId = new Map(records.map((record) => [record.localId, record]));
  const entityIds = new Map<string, string>();

  const fileHashes = new Set<string>();
  for (const record of records) {
    if (normalizedType(record.type) !== 'file') continue;
    for (const target of record.references.get('filehash') ?? []) {
      if (normalizedType(byLocalId.get(target)?.type ?? '') === 'filehash') fileHashes.add(target);
    }
  }

  const phase = (record: SentinelEntityRecord): number => {
    const type = normalizedType(record.type);
    if (type === 'process') return 2;
    if (type === 'registryvalue') return 1;
    return 0;
  };
  const ordered = [...records].sort((a, b) => phase(a) - phase(b));

  for (const record of ordered) {
    if (fileHashes.has(record.localId)) continue;
    const entity = entityOfRecord({ record, records: byLocalId, entityIdOf: (localId) => entityIds.get(localId) });
    entityIds.set(record.localId, builder.addEntity(entity));
  }

  for (const record of records) {
    const source = entityIds.get(record.localId);
    if (source === undefined) continue;
    addLinks(record, source, entityIds, builder);
  }
  return entityIds;
}

/**
 * Draws the relations of one record. A reference without a rule becomes a relation typed by
 * the reference name, so no link the payload states is lost. A NetworkConnection also links
 * its source address to its destination address.
 */
function addLinks(
  record: SentinelEntityRecord,
  source: string,
  entityIds: ReadonlyMap<string, string>,
  builder: SnapshotBuilder,
): void {
  const type = normalizedType(record.type);
  const rules = Object.hasOwn(LINK_RULES, type) ? LINK_RULES[type]! : {};

  for (const [name, targets] of record.references) {
    if (type === 'file' && name === 'filehash') continue;
    const rule: LinkRule = Object.hasOwn(rules, name) ? rules[name]! : { type: name };
    for (const localId of targets) {
      const target = entityIds.get(localId);
      if (target === undefined) {
        // A `$ref` that resolves to nothing is reported where the `Entities` are read.
        if (record.guid !== undefined) reportMissingTarget(record, name, localId);
        continue;
      }
      if (rule.reverse === true) builder.relate(target, source, rule.type);
      else builder.relate(source, target, rule.type);
    }
  }

  if (type === 'networkconnection') {
    const from = record.references.get('sourceaddress')?.map((id) => entityIds.get(id)) ?? [];
    const to = record.references.get('destinationaddress')?.map((id) => entityIds.get(id)) ?? [];
    for (const sourceAddress of from) {
      for (const destinationAddress of to) builder.relate(sourceAddress, destinationAddress, 'communicatesWith');
    }
  }
}

function reportMissingTarget(record: SentinelEntityRecord, name: string, localId: string): void {
  const field = [...record.referenceFields].find((candidate) => candidate.toLowerCase().startsWith(name)) ?? name;
  record.at.issues.push({
    id: record.at.alertId,
    field: `properties.${field}`,
    problem: `refers to entity ${localId}, which the payload does not contain; no relation is drawn`,
  });
}

/**
 * Draws the relations Sentinel states by address instead of by reference, once every entity
 * of the incident is known: a message to the mailboxes of its sender and recipient, and a
 * mailbox to the user account with the same UPN.
 */
export function addAddressLinks(builder: SnapshotBuilder): void {
  const index = new EntityIndex(builder.entities);
  for (const entity of builder.entities.values()) {
    const { properties } = entity;
    if (entity.kind === 'mailMessage') {
      builder.relate(entity.id, index.mailbox(readString(properties.sender)), 'sentBy');
      builder.relate(entity.id, index.mailbox(readString(properties.recipient)), 'sentTo');
    } else if (entity.kind === 'mailbox') {
      const user =
        index.userByAddress(readString(properties.upn)) ?? index.userByAddress(readString(properties.primaryAddress));
      builder.relate(entity.id, user, 'mailboxOf');
    }
  }
}
