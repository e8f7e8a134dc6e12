/**
 * Maps the OCSF objects that describe entities (device, user, process, file, network endpoint,
 * URL, e-mail, API, DNS query) and the relations OCSF nests inside one event. These are a
 * process's parent process, image file and user, and the device everything ran on.
 */

import { parseTimeField } from '../../model/time.js';
import type { Entity, EntityKind } from '../../model/types.js';
import { deviceKey, fileKey, filePath, ipKey, mailboxKey, processKey, urlKey, userKey } from '../shared/entity-keys.js';
import { entityFromRecord, keyOrFallback, processDisplayName, type EvidenceLocation } from '../shared/entity-record.js';
import { fileProperties, reportInvalidHashes } from '../shared/file-details.js';
import { asRecord, readNumber, readRecordArray, readString, type JsonRecord } from '../shared/json-readers.js';
import { HASH_ALGORITHM_IDS } from './enums.js';
import type { FindingScope, Involvement } from './finding-scope.js';

/** The device of the objects being mapped, which their processes and files run on. */
export interface DeviceRef {
  entityId: string;
  /** The identifier inside the device's id, which process ids contain. */
  identifier: string;
}

/**
 * Returns a non-blank string. Windows events write `-` for an empty field (a process's
 * `user.domain` in event 4688), so `-` counts as absent too.
 */
export function text(value: unknown): string | undefined {
  const result = readString(value);
  return result === undefined || result.trim() === '-' ? undefined : result;
}

function location(scope: FindingScope, path: string): EvidenceLocation {
  return { alertId: scope.alert.id, path, issues: scope.issues };
}

function build(
  scope: FindingScope,
  raw: JsonRecord,
  path: string,
  kind: EntityKind,
  key: { value: string | undefined; field: string },
  displayName: string,
  known: JsonRecord,
  consumed: readonly string[],
): Entity {
  const id = keyOrFallback(key.value, kind, key.field, location(scope, path));
  return entityFromRecord(id, kind, displayName, raw, known, new Set(consumed));
}

export function addDevice(scope: FindingScope, raw: JsonRecord, path: string, involvement?: Involvement): DeviceRef {
  const os = asRecord(raw.os);
  const name = text(raw.hostname) ?? text(raw.name);
  const known = {
    deviceDnsName: name,
    mdeDeviceId: undefined,
    osPlatform: text(os?.name),
    osVersion: text(os?.version),
    osBuild: text(os?.build),
    ipInterfaces: text(raw.ip) === undefined ? undefined : [text(raw.ip)],
  };
  const key = deviceKey({ mdeDeviceId: text(raw.uid), deviceDnsName: name ?? text(raw.ip) });
  const displayName = name ?? text(raw.uid) ?? 'Unnamed device';
  const entity = build(scope, raw, path, 'device', { value: key, field: 'hostname' }, displayName, known, ['hostname']);
  const entityId = scope.add(entity, path, involvement);

  scope.builder.relate(entityId, ipKey(text(raw.ip)), 'hasIp');
  return { entityId, identifier: entityId.replace(/^device:/, '') };
}

export function addUser(scope: FindingScope, raw: JsonRecord, path: string, involvement?: Involvement): string {
  const uid = text(raw.uid);
  const account = {
    accountName: text(raw.name),
    domainName: text(raw.domain),
    userPrincipalName: text(raw.email_addr),
    userSid: uid !== undefined && /^S-\d+-/i.test(uid) ? uid : undefined,
  };
  const key = userKey(account) ?? (uid === undefined ? undefined : `user:${uid.toLowerCase()}`);
  const displayName = text(raw.full_name) ?? account.userPrincipalName ?? account.accountName ?? uid ?? 'Unnamed user';
  const consumed = ['name', 'domain', 'email_addr'];
  const entity = build(scope, raw, path, 'user', { value: key, field: 'name' }, displayName, account, consumed);
  return scope.add(entity, path, involvement);
}

/** Details of an OCSF file object in Graph's field names, which the shared file readers take. */
function fileDetails(raw: JsonRecord): JsonRecord {
  const path = text(raw.path);
  const folder = text(raw.parent_folder) ?? (path === undefined ? undefined : path.replace(/[\\/][^\\/]*$/, ''));
  const details: JsonRecord = {
    fileName: text(raw.name),
    filePath: folder === path ? undefined : folder,
    fileSize: readNumber(raw.size),
  };
  if (details.fileName === undefined && path !== undefined) details.fileName = path;

  for (const hash of readRecordArray(raw.hashes)) {
    const algorithm =
      HASH_ALGORITHM_IDS.get(readNumber(hash.algorithm_id) ?? -1) ??
      text(hash.algorithm)?.toLowerCase().replace(/[^a-z0-9]/g, '');
    if (algorithm !== undefined && details[algorithm] === undefined) details[algorithm] = text(hash.value);
  }
  return details;
}

export function addFile(
  scope: FindingScope,
  raw: JsonRecord,
  path: string,
  device: DeviceRef | undefined,
  involvement?: Involvement,
): string {
  const details = fileDetails(raw);
  reportInvalidHashes(details, location(scope, `${path}.hashes`));
  const name = text(raw.name) ?? filePath(details) ?? 'Unnamed file';
  const consumed = ['name', 'parent_folder', 'size', 'hashes'];
  const key = { value: fileKey(details), field: 'name' };
  const entity = build(scope, raw, path, 'file', key, name, fileProperties(details), consumed);
  const id = scope.add(entity, path, involvement);
  if (device !== undefined) scope.builder.relate(id, device.entityId, 'runsOn');
  return id;
}

/**
 * Adds a process with its image file, user and parent processes. `parent_process` is nested
 * to any depth. A parent known only from that nesting is a ghost, named but not evidence.
 */
export function addProcess(
  scope: FindingScope,
  raw: JsonRecord,
  path: string,
  device: DeviceRef | undefined,
  ghost: boolean,
  involvement?: Involvement,
): string {
  const file = asRecord(raw.file);
  const user = asRecord(raw.user);
  const parent = asRecord(raw.parent_process);
  const pid = readNumber(raw.pid);
  const timeField = raw.created_time_dt !== undefined ? 'created_time_dt' : 'created_time';
  const created = parseTimeField(raw[timeField], scope.issues, scope.alert.id, `${path}.${timeField}`);
  const details = file === undefined ? undefined : fileDetails(file);
  const imageName = text(file?.name) ?? text(raw.name);
  const commandLine = text(raw.cmd_line);
  const uid = text(raw.uid);

  const key =
    processKey(device?.identifier, pid, created) ?? (uid === undefined ? undefined : `process:${uid.toLowerCase()}`);
  const known = {
    processId: pid,
    processCommandLine: commandLine,
    processCreationTime: created,
    parentProcessId: readNumber(parent?.pid),
    imageFileName: imageName,
    imageFilePath: details === undefined ? undefined : filePath(details),
    accountName: text(user?.name),
    domainName: text(user?.domain),
  };
  const displayName = processDisplayName(imageName, commandLine, pid);
  const consumed = ['pid', 'cmd_line', 'created_time', 'created_time_dt', 'file', 'user', 'parent_process', 'name'];
  const entity = build(scope, raw, path, 'process', { value: key, field: 'pid' }, displayName, known, consumed);
  if (created !== undefined) entity.firstSeen = created;
  if (ghost) entity.ghost = true;
  const id = scope.add(entity, path, involvement);

  if (device !== undefined) scope.builder.relate(id, device.entityId, 'runsOn');
  if (!ghost && file !== undefined) {
    scope.builder.relate(id, addFile(scope, file, `${path}.file`, device), 'imageFile');
  }
  if (!ghost && user !== undefined) {
    scope.builder.relate(id, addUser(scope, user, `${path}.user`), 'runsAs');
  }
  if (parent !== undefined) {
    const parentId = addProcess(scope, parent, `${path}.parent_process`, device, true);
    scope.builder.relate(id, parentId, 'parentProcess');
  }
  return id;
}

/**
 * Adds a network endpoint as its IP address, or, without one, its host name. An endpoint with
 * neither is kept as an `other` entity.
 */
export function addEndpoint(scope: FindingScope, raw: JsonRecord, path: string, involvement?: Involvement): string {
  const address = text(raw.ip);
  const hostname = text(raw.hostname) ?? text(raw.domain) ?? text(raw.name);
  let entity: Entity;
  if (address !== undefined) {
    const key = { value: ipKey(address), field: 'ip' };
    entity = build(scope, raw, path, 'ip', key, address, { ipAddress: address }, ['ip']);
  } else if (hostname !== undefined) {
    const key = { value: `dnsName:${hostname.toLowerCase()}`, field: 'hostname' };
    entity = build(scope, raw, path, 'dnsName', key, hostname, { domainName: hostname }, []);
  } else {
    const name = text(raw.uid) ?? 'Network endpoint';
    entity = build(scope, raw, path, 'other', { value: undefined, field: 'ip' }, name, { rawType: 'network_endpoint' }, []);
  }
  return scope.add(entity, path, involvement);
}

export function addUrl(scope: FindingScope, raw: JsonRecord, path: string, involvement?: Involvement): string {
  const hostname = text(raw.hostname);
  const query = text(raw.query_string);
  const composed =
    hostname === undefined
      ? undefined
      : `${text(raw.scheme) ?? 'https'}://${hostname}${text(raw.path) ?? ''}${query === undefined ? '' : `?${query}`}`;
  const url = text(raw.url_string) ?? composed;
  const key = { value: urlKey(url), field: 'url_string' };
  const entity = build(scope, raw, path, 'url', key, url ?? 'Unknown URL', { url }, ['url_string']);
  return scope.add(entity, path, involvement);
}

/** Adds an e-mail message, and mailboxes for its sender and recipients. */
export function addEmail(scope: FindingScope, raw: JsonRecord, path: string, involvement?: Involvement): string {
  const messageId = text(raw.message_uid) ?? text(raw.uid);
  const subject = text(raw.subject);
  const sender = text(raw.from) ?? text(raw.smtp_from);
  const recipients = [raw.to, raw.cc, raw.smtp_to]
    .flatMap((value) => (Array.isArray(value) ? value : [value]))
    .map(text)
    .filter((value): value is string => value !== undefined);
  const entity = build(
    scope,
    raw,
    path,
    'mailMessage',
    { value: messageId === undefined ? undefined : `mailMessage:${messageId.toLowerCase()}`, field: 'message_uid' },
    subject ?? '(no subject)',
    { subject, networkMessageId: messageId, sender, recipient: recipients[0], senderIp: text(raw.x_originating_ip) },
    ['subject'],
  );
  const id = scope.add(entity, path, involvement);

  const mailbox = (address: string, field: string): string => {
    const properties = { primaryAddress: address };
    return scope.add({ id: mailboxKey(address)!, kind: 'mailbox', displayName: address, properties }, `${path}.${field}`);
  };
  if (sender !== undefined) scope.builder.relate(id, mailbox(sender, 'from'), 'sentBy');
  for (const recipient of new Set(recipients)) scope.builder.relate(id, mailbox(recipient, 'to'), 'sentTo');
  return id;
}

/** Adds an API call's service as a cloud application, keeping the operation as a property. */
export function addApi(scope: FindingScope, raw: JsonRecord, path: string, involvement?: Involvement): string {
  const service = asRecord(raw.service);
  const name = text(service?.name) ?? text(service?.uid);
  const key = { value: name === undefined ? undefined : `cloudApp:${name.toLowerCase()}`, field: 'service.name' };
  const entity = build(scope, raw, path, 'cloudApp', key, name ?? 'Unknown service', {}, []);
  return scope.add(entity, path, involvement);
}

/** Adds the domain a DNS query names. */
export function addQuery(scope: FindingScope, raw: JsonRecord, path: string, involvement?: Involvement): string {
  const hostname = text(raw.hostname);
  const key = { value: hostname && `dnsName:${hostname.toLowerCase()}`, field: 'hostname' };
  const entity = build(scope, raw, path, 'dnsName', key, hostname ?? 'Unknown domain', { domainName: hostname }, []);
  return scope.add(entity, path, involvement);
}

/** Adds an object of no known kind as `other`, with the field name in `rawType`. */
export function addOther(
  scope: FindingScope,
  raw: JsonRecord,
  path: string,
  type: string,
  involvement?: Involvement,
): string {
  const uid = text(raw.uid) ?? text(raw.name);
  const key = { value: uid && `other:${type}:${uid.toLowerCase()}`, field: 'uid' };
  const entity = build(scope, raw, path, 'other', key, text(raw.name) ?? uid ?? type, { rawType: type }, []);
  return scope.add(entity, path, involvement);
}
