/**
 * Relations between entities: the embedded references of each entity object (`parent_ref`,
 * `to_refs` …) and the relationship objects (SROs). STIX states every edge, so nothing is
 * inferred here except the connection that a `network-traffic` object describes between its
 * source and destination.
 */

import { parseTimeField } from '../../model/time.js';
import type { RelationType } from '../../model/types.js';
import { isRecord, readString, type JsonRecord } from '../shared/json-readers.js';
import { isEntityType, type StixObject } from './bundle.js';
import type { StixScope } from './scope.js';

/** Relation of an embedded reference: its type, and whether it points from the target to the object with the reference. */
interface RefRule {
  type: RelationType;
  reverse?: boolean;
}

/**
 * Relation types of the references whose meaning the model names. Any other `<name>_ref(s)`
 * becomes a relation of type `<name>` in camel case (`sample_refs` gives `sample`).
 */
const REF_RULES: Readonly<Record<string, Readonly<Record<string, RefRule>>>> = {
  process: {
    parent_ref: { type: 'parentProcess' },
    child_refs: { type: 'parentProcess', reverse: true },
    image_ref: { type: 'imageFile' },
    creator_user_ref: { type: 'runsAs' },
  },
  'email-message': {
    from_ref: { type: 'sentBy' },
    sender_ref: { type: 'sentBy' },
    to_refs: { type: 'sentTo' },
  },
  'network-traffic': { src_ref: { type: 'source' }, dst_ref: { type: 'destination' } },
  'email-addr': { belongs_to_ref: { type: 'mailboxOf' } },
  'ipv4-addr': { belongs_to_refs: { type: 'memberOf' }, resolves_to_refs: { type: 'resolvesTo' } },
  'ipv6-addr': { belongs_to_refs: { type: 'memberOf' }, resolves_to_refs: { type: 'resolvesTo' } },
  'domain-name': { resolves_to_refs: { type: 'resolvesTo' } },
};

/**
 * References that draw no relation: who created the object and its data markings describe the
 * intelligence report, not the incident.
 */
const IGNORED_REFS: ReadonlySet<string> = new Set(['created_by_ref', 'object_marking_refs']);

/** Relationship types (`relationship_type`) whose meaning the model names. */
const RELATIONSHIP_TYPES: Readonly<Record<string, RelationType>> = {
  'communicates-with': 'communicatesWith',
  'beacons-to': 'communicatesWith',
  'exfiltrates-to': 'communicatesWith',
  'resolves-to': 'resolvesTo',
};

/** Turns `sample_refs` into `sample` and `opened_connection_refs` into `openedConnection`. */
function refRelationType(field: string): string {
  return field.replace(/_refs?$/, '').replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/** Adds the relations of an entity object's embedded references, top level and in its extensions. */
export function addEmbeddedRelations(scope: StixScope, object: StixObject): void {
  addRefsOf(scope, object, object.raw, '');
  for (const [name, extension] of Object.entries(isRecord(object.raw.extensions) ? object.raw.extensions : {})) {
    if (isRecord(extension)) addRefsOf(scope, object, extension, `extensions.${name}.`);
  }

  if (object.type === 'email-message' && Array.isArray(object.raw.body_multipart)) {
    object.raw.body_multipart.forEach((part, index) => {
      if (!isRecord(part) || part.body_raw_ref === undefined) return;
      for (const target of scope.entityIds(part.body_raw_ref, { id: object.id, field: `body_multipart[${index}].body_raw_ref` })) {
        scope.builder.relate(object.id, target, 'attachment');
      }
    });
  }

  if (object.type === 'network-traffic') addConnection(scope, object);
}

function addRefsOf(scope: StixScope, object: StixObject, record: JsonRecord, prefix: string): void {
  for (const [field, value] of Object.entries(record)) {
    if (IGNORED_REFS.has(field) || !/_refs?$/.test(field)) continue;
    const rule = REF_RULES[object.type]?.[field] ?? { type: refRelationType(field) };
    const refs = field.endsWith('_refs') && Array.isArray(value) ? value : [value];
    refs.forEach((ref, index) => {
      const at = { id: object.id, field: `${prefix}${field}${field.endsWith('_refs') ? `[${index}]` : ''}` };
      for (const target of scope.entityIds(ref, at)) {
        if (rule.reverse === true) scope.builder.relate(target, object.id, rule.type);
        else scope.builder.relate(object.id, target, rule.type);
      }
    });
  }
}

/** Relates the source of a `network-traffic` (`src_ref`) to its destination (`dst_ref`) by `communicatesWith`. */
function addConnection(scope: StixScope, object: StixObject): void {
  const source = readString(object.raw.src_ref);
  const destination = readString(object.raw.dst_ref);
  if (source === undefined || destination === undefined) return;
  if (!scope.objects.has(source) || !scope.objects.has(destination)) return;
  scope.builder.relate(source, destination, 'communicatesWith');
}

/**
 * Maps a relationship object. Between two entities it becomes a relation of its
 * `relationship_type`. When one end is an alert (an indicator, a sighting or the incident),
 * the entities at the other end become evidence of that alert, with the relationship type as
 * their role. Between two alerts, the source lists the target as related. A relationship with an end that is
 * neither is reported and left out.
 */
export function addRelationship(scope: StixScope, object: StixObject): void {
  const { raw, id } = object;
  const relationshipType = readString(raw.relationship_type);
  if (relationshipType === undefined) scope.builder.issues.push({ id, field: 'relationship_type', problem: 'missing relationship_type; shown as related-to' });
  const type = relationshipType ?? 'related-to';

  const source = scope.object(raw.source_ref, { id, field: 'source_ref' });
  const target = scope.object(raw.target_ref, { id, field: 'target_ref' });
  if (source === undefined || target === undefined) return;

  const sourceAlert = scope.alerts.get(source.id);
  const targetAlert = scope.alerts.get(target.id);
  if (sourceAlert !== undefined && targetAlert !== undefined) {
    if (!sourceAlert.relatedAlertIds.includes(targetAlert.id)) sourceAlert.relatedAlertIds.push(targetAlert.id);
    return;
  }

  const alert = sourceAlert ?? targetAlert;
  const other = sourceAlert !== undefined ? target : source;
  if (alert !== undefined) {
    const ends = scope.entityIds(other.id, { id, field: sourceAlert !== undefined ? 'target_ref' : 'source_ref' });
    for (const entityId of ends) scope.builder.addEvidence(alert, { entityId, roles: [type] });
    if (ends.length > 0) return;
  } else if (isEntityType(source.type) || source.type === 'observed-data') {
    const sources = scope.entityIds(source.id, { id, field: 'source_ref' });
    const targets = scope.entityIds(target.id, { id, field: 'target_ref' });
    const relationType = RELATIONSHIP_TYPES[type.toLowerCase()] ?? type;
    const firstSeen = parseTimeField(raw.start_time, scope.builder.issues, id, 'start_time');
    for (const from of sources) {
      for (const to of targets) {
        scope.builder.relate(from, to, relationType);
        if (firstSeen !== undefined) setRelationFirstSeen(scope, from, to, relationType, firstSeen);
      }
    }
    if (sources.length > 0 && targets.length > 0) return;
  }

  scope.builder.issues.push({
    id,
    field: 'relationship_type',
    problem: `${type} relationship from ${source.type} to ${target.type}, which are not both drawn; it is left out`,
  });
}

/** Records the first seen time of a relation. The builder stores relations without times, so the scope keeps them. */
function setRelationFirstSeen(scope: StixScope, source: string, target: string, type: RelationType, time: number): void {
  scope.relationTimes.set(`${source}\u0000${type}\u0000${target}`, time);
}
