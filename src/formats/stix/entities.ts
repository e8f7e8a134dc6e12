/**
 * STIX objects to entities: the entity kind of each SCO and SDO type, the display name, and the
 * well-known properties the flyout reads. Every other property of the object is kept under its
 * own name, and `rawType` keeps the STIX type.
 */

import { parseTimeField } from '../../model/time.js';
import type { DataIssue, Entity, EntityKind, Verdict } from '../../model/types.js';
import { entityFromRecord } from '../shared/entity-record.js';
import { fileProperties, reportInvalidHashes } from '../shared/file-details.js';
import { asRecord, readNumber, readString, readStringArray, type JsonRecord } from '../shared/json-readers.js';
import { ENTITY_SDO_TYPES, SCO_TYPES, type StixObject } from './bundle.js';

/** Entity kind of each STIX type that has a matching kind. Every other type is `other`. */
const KINDS: Readonly<Record<string, EntityKind>> = {
  file: 'file',
  'ipv4-addr': 'ip',
  'ipv6-addr': 'ip',
  'domain-name': 'dnsName',
  url: 'url',
  'email-addr': 'mailbox',
  'email-message': 'mailMessage',
  process: 'process',
  'user-account': 'user',
  'windows-registry-key': 'registryKey',
};

/** Fields that identify the object or are drawn as relations, so they are not copied as properties. */
const SKIPPED_FIELDS: ReadonlySet<string> = new Set(['type', 'id', 'spec_version', 'object_marking_refs', 'granular_markings']);

/** STIX hash algorithm names (`hash-algorithm-ov`, case as written) to the model's hash properties. */
const HASH_NAMES: Readonly<Record<string, 'md5' | 'sha1' | 'sha256'>> = {
  md5: 'md5',
  'sha-1': 'sha1',
  sha1: 'sha1',
  'sha-256': 'sha256',
  sha256: 'sha256',
};

/** Objects of the bundle by id, for the names of referenced objects. */
export type ObjectLookup = ReadonlyMap<string, StixObject>;

/** Returns the hashes of a `hashes` dictionary under the model's names, with the source's key of each. */
export function readHashes(value: unknown): { hashes: JsonRecord; sourceNames: Record<string, string> } {
  const hashes: JsonRecord = {};
  const sourceNames: Record<string, string> = {};
  for (const [algorithm, hash] of Object.entries(asRecord(value) ?? {})) {
    const name = HASH_NAMES[algorithm.toLowerCase()];
    if (name === undefined || hashes[name] !== undefined) continue;
    hashes[name] = hash;
    sourceNames[name] = `hashes.${algorithm}`;
  }
  return { hashes, sourceNames };
}

/** Returns the entity kind of a STIX type. An `identity` of an individual is a user. */
export function entityKind(object: StixObject): EntityKind {
  if (object.type === 'identity') return readString(object.raw.identity_class)?.toLowerCase() === 'individual' ? 'user' : 'other';
  return KINDS[object.type] ?? 'other';
}

/**
 * Maps a STIX object that becomes an entity. Its id is the STIX id. Malware is malicious by
 * definition, so a `malware` object gets that verdict. No other object states one.
 */
export function mapEntity(object: StixObject, objects: ObjectLookup, issues: DataIssue[]): Entity {
  const { raw, id, type } = object;
  const kind = entityKind(object);
  const known: JsonRecord = { rawType: type, ...knownProperties(object, objects, issues) };
  const entity = entityFromRecord(id, kind, displayName(object, objects), raw, known, SKIPPED_FIELDS);

  const timeField = type === 'process' ? 'created_time' : 'first_seen';
  const firstSeen = parseTimeField(raw[timeField], issues, id, timeField);
  if (firstSeen !== undefined) entity.firstSeen = firstSeen;
  if (type === 'malware') entity.verdict = 'malicious';
  const webUrl = externalUrl(raw);
  if (webUrl !== undefined) entity.webUrl = webUrl;
  return entity;
}

/** Returns the first http or https URL of an object's `external_references`. */
export function externalUrl(raw: JsonRecord): string | undefined {
  const references = Array.isArray(raw.external_references) ? raw.external_references : [];
  for (const reference of references) {
    const url = readString(asRecord(reference)?.url);
    if (url !== undefined && /^https?:\/\//i.test(url)) return url;
  }
  return undefined;
}

function knownProperties(object: StixObject, objects: ObjectLookup, issues: DataIssue[]): JsonRecord {
  const { raw, id } = object;
  switch (object.type) {
    case 'file': {
      const { hashes, sourceNames } = readHashes(raw.hashes);
      reportInvalidHashes(hashes, { alertId: id, path: '', issues }, sourceNames);
      const directory = referenced(objects, raw.parent_directory_ref);
      return fileProperties({
        ...hashes,
        fileName: raw.name,
        filePath: directory?.raw.path,
        fileSize: raw.size,
      });
    }
    case 'ipv4-addr':
    case 'ipv6-addr':
      return { ipAddress: readString(raw.value) };
    case 'domain-name':
      return { domainName: readString(raw.value) };
    case 'url':
      return { url: readString(raw.value) };
    case 'email-addr':
      return { primaryAddress: readString(raw.value), displayName: readString(raw.display_name) };
    case 'email-message':
      return {
        subject: readString(raw.subject),
        sender: addressOf(objects, raw.from_ref) ?? addressOf(objects, raw.sender_ref),
        recipient: joined(readStringArray(raw.to_refs).map((ref) => addressOf(objects, ref))),
      };
    case 'process':
      return processProperties(object, objects);
    case 'user-account':
      return userProperties(raw);
    case 'windows-registry-key':
      return { registryKey: readString(raw.key) };
    case 'identity':
      return readString(raw.identity_class)?.toLowerCase() === 'individual' ? { accountName: readString(raw.name) } : {};
    default:
      return {};
  }
}

/** Properties of a process. An invalid `created_time` is reported once, by `mapEntity`. */
function processProperties(object: StixObject, objects: ObjectLookup): JsonRecord {
  const { raw, id } = object;
  const image = referenced(objects, raw.image_ref)?.raw;
  const directory = image === undefined ? undefined : referenced(objects, image.parent_directory_ref)?.raw;
  const user = referenced(objects, raw.creator_user_ref)?.raw;
  const parent = referenced(objects, raw.parent_ref)?.raw;
  return {
    processId: readNumber(raw.pid),
    processCommandLine: readString(raw.command_line),
    processCreationTime: parseTimeField(raw.created_time, [], id, 'created_time'),
    parentProcessId: readNumber(parent?.pid),
    imageFileName: readString(image?.name),
    imageFilePath: readString(directory?.path),
    accountName: readString(user?.account_login) ?? readString(user?.user_id),
  };
}

function userProperties(raw: JsonRecord): JsonRecord {
  const userId = readString(raw.user_id);
  return {
    accountName: readString(raw.account_login) ?? userId,
    userSid: userId !== undefined && /^S-1-/i.test(userId) ? userId : undefined,
    displayName: readString(raw.display_name),
  };
}

/** Returns the object that `ref` names, if the bundle has it. */
export function referenced(objects: ObjectLookup, ref: unknown): StixObject | undefined {
  const id = readString(ref);
  return id === undefined ? undefined : objects.get(id);
}

function addressOf(objects: ObjectLookup, ref: unknown): string | undefined {
  return readString(referenced(objects, ref)?.raw.value);
}

function joined(values: Array<string | undefined>): string | undefined {
  const present = values.filter((value): value is string => value !== undefined);
  return present.length === 0 ? undefined : present.join(', ');
}

/** Returns an object's display name: its name, value or key, else a description built from its fields. */
export function displayName(object: StixObject, objects: ObjectLookup): string {
  const { raw, type } = object;
  const own = readString(raw.name) ?? readString(raw.value) ?? readString(raw.key) ?? readString(raw.path);
  if (own !== undefined && type !== 'software') return own;

  switch (type) {
    case 'file': {
      const { hashes } = readHashes(raw.hashes);
      return readString(hashes.sha256) ?? readString(hashes.sha1) ?? readString(hashes.md5) ?? 'Unnamed file';
    }
    case 'process': {
      const image = readString(referenced(objects, raw.image_ref)?.raw.name);
      const pid = readNumber(raw.pid);
      return image ?? readString(raw.command_line) ?? (pid === undefined ? 'Process' : `Process ${pid}`);
    }
    case 'user-account':
      return readString(raw.display_name) ?? readString(raw.account_login) ?? readString(raw.user_id) ?? 'User account';
    case 'email-message':
      return readString(raw.subject) ?? 'E-mail message';
    case 'network-traffic':
      return trafficName(raw, objects);
    case 'autonomous-system':
      return readNumber(raw.number) === undefined ? 'Autonomous system' : `AS${readNumber(raw.number)}`;
    case 'x509-certificate':
      return readString(raw.subject) ?? readString(raw.serial_number) ?? 'X.509 certificate';
    case 'software':
      return [own, readString(raw.version)].filter((part) => part !== undefined).join(' ') || 'Software';
    case 'artifact':
      return readString(raw.url) ?? readString(raw.mime_type) ?? 'Artifact';
    case 'location':
      return [readString(raw.city), readString(raw.region), readString(raw.country)].filter(Boolean).join(', ') || 'Location';
    case 'malware-analysis':
      return [readString(raw.product), readString(raw.result)].filter(Boolean).join(': ') || 'Malware analysis';
    default:
      return SCO_TYPES.has(type) || ENTITY_SDO_TYPES.has(type) ? type : `${type} object`;
  }
}

/** Names a connection by its ends: `10.0.0.1:49152 → 198.51.100.3:443 (tcp)`. */
function trafficName(raw: JsonRecord, objects: ObjectLookup): string {
  const end = (ref: unknown, port: unknown): string | undefined => {
    const address = readString(referenced(objects, ref)?.raw.value);
    const number = readNumber(port);
    if (address === undefined) return number === undefined ? undefined : `port ${number}`;
    return number === undefined ? address : `${address}:${number}`;
  };
  const source = end(raw.src_ref, raw.src_port);
  const destination = end(raw.dst_ref, raw.dst_port);
  const protocols = readStringArray(raw.protocols);
  const ends = [source ?? '?', destination ?? '?'].join(' → ');
  if (source === undefined && destination === undefined) return protocols.length > 0 ? `Traffic (${protocols.join('/')})` : 'Network traffic';
  return protocols.length > 0 ? `${ends} (${protocols.join('/')})` : ends;
}

/** Verdicts of STIX `malware-analysis` results (`malware-result-ov`). */
export const ANALYSIS_VERDICTS: Readonly<Record<string, Verdict>> = {
  malicious: 'malicious',
  suspicious: 'suspicious',
  benign: 'clean',
  unknown: 'unknown',
};
