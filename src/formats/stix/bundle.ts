/**
 * Reading STIX 2.1 payloads: bundles, loose objects and JSON text, the objects of one bundle by
 * id (the newest version of each), and the roles STIX object types play in a snapshot.
 */

import { describeValue } from '../../model/time.js';
import type { DataIssue } from '../../model/types.js';
import { isRecord, readString, type JsonRecord } from '../shared/json-readers.js';
import { parsePayloadText } from '../shared/payload-text.js';

/** One STIX object of a bundle, with its path in the payload for data issues. */
export interface StixObject {
  id: string;
  type: string;
  raw: JsonRecord;
}

/** The objects of one bundle, and the problems found while reading them. */
export interface StixBundle {
  id: string;
  objects: StixObject[];
  issues: DataIssue[];
}

/** Types of STIX Cyber-observable Objects (SCOs) defined by STIX 2.1. */
export const SCO_TYPES: ReadonlySet<string> = new Set([
  'artifact',
  'autonomous-system',
  'directory',
  'domain-name',
  'email-addr',
  'email-message',
  'file',
  'ipv4-addr',
  'ipv6-addr',
  'mac-addr',
  'mutex',
  'network-traffic',
  'process',
  'software',
  'url',
  'user-account',
  'windows-registry-key',
  'x509-certificate',
]);

/** Types of STIX Domain Objects (SDOs) that become entities: the things an analyst looks at. */
export const ENTITY_SDO_TYPES: ReadonlySet<string> = new Set([
  'attack-pattern',
  'campaign',
  'course-of-action',
  'identity',
  'infrastructure',
  'intrusion-set',
  'location',
  'malware',
  'malware-analysis',
  'threat-actor',
  'tool',
  'vulnerability',
]);

/**
 * Other STIX 2.1 types, which become no entity: alerts (`indicator`, `sighting`), the incident,
 * containers whose members are mapped (`observed-data`, `report`, `grouping`), annotations kept
 * on the objects they describe (`note`, `opinion`), relationships, and meta objects.
 */
export const NON_ENTITY_TYPES: ReadonlySet<string> = new Set([
  'extension-definition',
  'grouping',
  'incident',
  'indicator',
  'language-content',
  'marking-definition',
  'note',
  'observed-data',
  'opinion',
  'relationship',
  'report',
  'sighting',
]);

/** Object types that become alerts. */
export const ALERT_TYPES: ReadonlySet<string> = new Set(['indicator', 'sighting']);

/** STIX identifiers are `<type>--<UUID>`. */
const IDENTIFIER = /^([a-z0-9][a-z0-9-]*[a-z0-9])--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a string shaped like a STIX identifier. */
export function isStixIdentifier(value: unknown): value is string {
  return typeof value === 'string' && IDENTIFIER.test(value);
}

/**
 * True for one record of STIX content: a bundle (`type` `bundle` with an `objects` array), or
 * an object whose `id` is its `type`, two hyphens and a UUID. No other format this library maps
 * writes ids of that shape.
 */
export function isStixRecord(record: JsonRecord): boolean {
  const type = readString(record.type);
  if (type === undefined) return false;
  if (type === 'bundle') return Array.isArray(record.objects);
  return isStixIdentifier(record.id) && record.id.startsWith(`${type}--`);
}

/** True when an object of `type` becomes an entity: an SCO, an entity SDO, or a custom (`x-`) or unknown type. */
export function isEntityType(type: string): boolean {
  return !NON_ENTITY_TYPES.has(type);
}

/**
 * Reads a payload into bundles. Accepts a bundle, an array of bundles, one STIX object, an
 * array of objects (read as one bundle), or the JSON or NDJSON text of any of these. Throws a
 * `TypeError` when the payload contains no STIX object.
 */
export function readBundles(payload: unknown): StixBundle[] {
  const textIssues: DataIssue[] = [];
  let values: unknown[];
  if (typeof payload === 'string') {
    const parsed = parsePayloadText(payload);
    textIssues.push(...parsed.issues);
    values = parsed.records;
  } else {
    values = Array.isArray(payload) ? payload : [payload];
  }

  const bundles: StixBundle[] = [];
  const looseObjects: unknown[] = [];
  const looseIndexes: number[] = [];
  values.forEach((value, index) => {
    if (isRecord(value) && value.type === 'bundle') {
      bundles.push(readBundle(value, bundles.length));
    } else {
      looseObjects.push(value);
      looseIndexes.push(index);
    }
  });

  if (looseObjects.some((value) => isRecord(value) && readString(value.type) !== undefined)) {
    bundles.push(readObjects('bundle', looseObjects, 'objects'));
  } else if (bundles.length > 0) {
    // Items beside the bundles that are no STIX object: reported, so nothing is dropped silently.
    for (const index of looseIndexes) {
      textIssues.push({ id: 'payload', field: `[${index}]`, problem: `item ${describeValue(values[index])} is not a STIX bundle or object; it is left out` });
    }
  }

  if (bundles.length === 0) {
    const got = payload === null ? 'null' : Array.isArray(payload) ? `an array of ${payload.length} items` : typeof payload;
    throw new TypeError(
      `fromStix: expected a STIX 2.1 bundle or STIX objects, each with a type (got ${got}). ` +
        'Pass a parsed bundle ({ "type": "bundle", "objects": [...] }), an array of objects, or their JSON text.',
    );
  }
  bundles[0]!.issues.unshift(...textIssues);
  return bundles;
}

function readBundle(raw: JsonRecord, index: number): StixBundle {
  const id = readString(raw.id) ?? `bundle-${index + 1}`;
  if (!Array.isArray(raw.objects)) {
    return { id, objects: [], issues: [{ id, field: 'objects', problem: 'bundle without an objects array; it is empty' }] };
  }
  return readObjects(id, raw.objects, 'objects');
}

/**
 * Reads the objects of one bundle. An item that is not an object, or has no type, is reported
 * and left out. An object without a valid id is reported and gets a generated one. Several
 * versions of one object (same id) are normal in STIX: the one with the latest `modified`
 * wins, and a second copy with the same `modified` is reported.
 */
function readObjects(bundleId: string, items: unknown[], field: string): StixBundle {
  const issues: DataIssue[] = [];
  const byId = new Map<string, StixObject>();

  items.forEach((item, index) => {
    const path = `${field}[${index}]`;
    const type = isRecord(item) ? readString(item.type) : undefined;
    if (!isRecord(item) || type === undefined) {
      issues.push({ id: bundleId, field: path, problem: `${isRecord(item) ? 'object without a type' : `item ${describeValue(item)} is not an object`}; it is left out` });
      return;
    }

    const rawId = readString(item.id);
    const id = rawId ?? `${type}--generated-${index + 1}`;
    if (rawId === undefined) {
      issues.push({ id, field: 'id', problem: `${type} object at ${path} without an id; an id was generated` });
    } else if (!isStixIdentifier(rawId) || !rawId.startsWith(`${type}--`)) {
      issues.push({ id, field: 'id', problem: `id is not "${type}--" followed by a UUID; it is used as written` });
    }
    const specVersion = readString(item.spec_version);
    if (specVersion !== undefined && specVersion !== '2.1') {
      issues.push({ id, field: 'spec_version', problem: `STIX version ${describeValue(specVersion)} is not 2.1; read as 2.1` });
    }

    const existing = byId.get(id);
    if (existing !== undefined) {
      const order = compareModified(existing.raw, item);
      if (order === 0) issues.push({ id, field: 'id', problem: 'two objects with this id and the same modified time; the first is kept' });
      if (order >= 0) return;
    }
    byId.set(id, { id, type, raw: item });
  });

  return { id: bundleId, objects: [...byId.values()], issues };
}

/** Compares the `modified` times of two versions of an object: positive when `a` is newer. */
function compareModified(a: JsonRecord, b: JsonRecord): number {
  const left = readString(a.modified) ?? '';
  const right = readString(b.modified) ?? '';
  const leftTime = Date.parse(left);
  const rightTime = Date.parse(right);
  if (Number.isFinite(leftTime) && Number.isFinite(rightTime)) return leftTime - rightTime;
  return left.localeCompare(right);
}
