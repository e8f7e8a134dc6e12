/**
 * The entity kinds of Sentinel: for each entity type, the library kind, the stable id built
 * from the entity's identifiers, the display name and the well-known properties. Field names
 * are matched ignoring case, because the REST model writes `hostName` where a `SecurityAlert`
 * row's `Entities` writes `HostName`.
 */

import { parseTimeField } from '../../model/time.js';
import type { Entity, EntityKind } from '../../model/types.js';
import { deviceKey, fileKey, filePath, ipKey, mailboxKey, processKey, urlKey, userKey } from '../shared/entity-keys.js';
import { entityFromRecord, keyOrFallback, processDisplayName } from '../shared/entity-record.js';
import { fileProperties, reportInvalidHashes } from '../shared/file-details.js';
import { hashText, readNumber, stableStringify, type JsonRecord } from '../shared/json-readers.js';
import { fieldOf, normalizedType, stringOf, type SentinelEntityRecord } from './entity-records.js';

/** Library kind of each normalised Sentinel entity type. */
export const SENTINEL_KINDS: Readonly<Record<string, EntityKind>> = {
  account: 'user',
  host: 'device',
  iotdevice: 'device',
  file: 'file',
  filehash: 'file',
  process: 'process',
  ip: 'ip',
  url: 'url',
  dns: 'dnsName',
  dnsresolution: 'dnsName',
  mailbox: 'mailbox',
  mailmessage: 'mailMessage',
  submissionmail: 'mailMessage',
  mailcluster: 'mailCluster',
  cloudapplication: 'cloudApp',
  oauthapplication: 'oauthApp',
  azureresource: 'cloudResource',
  blob: 'cloudResource',
  blobcontainer: 'cloudResource',
  registrykey: 'registryKey',
  registryvalue: 'registryValue',
  securitygroup: 'securityGroup',
  container: 'container',
  malware: 'other',
  networkconnection: 'other',
  nic: 'other',
  hostlogonsession: 'other',
};

/** Input of a kind mapper: the record, and the records it may refer to, by local id. */
export interface KindContext {
  record: SentinelEntityRecord;
  /** Records of the same payload part (one alert's `Entities`, or the REST entities), by local id. */
  records: ReadonlyMap<string, SentinelEntityRecord>;
  /** Entity id already given to a record, by local id. */
  entityIdOf: (localId: string) => string | undefined;
}

interface KindResult {
  key: string | undefined;
  /** Field the key is built from, named in the issue when it is missing. */
  keyField: string;
  displayName: string;
  known: JsonRecord;
  /** Source fields that `known` renames, left out of the other properties (matched ignoring case). */
  consumed: readonly string[];
  firstSeen?: number | undefined;
}

type KindMapper = (fields: JsonRecord, context: KindContext) => KindResult;

/** Returns the records a reference of the context's record points at. */
function referenced(context: KindContext, name: string): SentinelEntityRecord[] {
  const targets = context.record.references.get(name) ?? [];
  return targets.map((id) => context.records.get(id)).filter((item): item is SentinelEntityRecord => item !== undefined);
}

function mapAccount(fields: JsonRecord): KindResult {
  const accountName = stringOf(fields, 'accountName', 'name');
  const upnSuffix = stringOf(fields, 'upnSuffix');
  const userPrincipalName =
    stringOf(fields, 'userPrincipalName', 'upn') ??
    (accountName !== undefined && upnSuffix !== undefined ? `${accountName}@${upnSuffix}` : undefined);
  const account = {
    accountName,
    domainName: stringOf(fields, 'ntDomain', 'domainName'),
    userPrincipalName,
    userSid: stringOf(fields, 'sid'),
    azureAdUserId: stringOf(fields, 'aadUserId'),
  };
  return {
    key: userKey(account),
    keyField: 'accountName',
    displayName: stringOf(fields, 'friendlyName', 'displayName') ?? userPrincipalName ?? accountName ?? 'Unnamed user',
    known: account,
    consumed: ['accountName', 'name', 'userPrincipalName', 'upn', 'ntDomain', 'domainName', 'sid', 'aadUserId'],
  };
}

/** Returns a host's DNS name: its `FQDN`, else `hostName` and `dnsDomain` joined. */
export function hostDnsName(fields: JsonRecord): string | undefined {
  const fqdn = stringOf(fields, 'fqdn');
  if (fqdn !== undefined) return fqdn;
  const hostName = stringOf(fields, 'hostName');
  const domain = stringOf(fields, 'dnsDomain');
  return hostName !== undefined && domain !== undefined ? `${hostName}.${domain}` : hostName;
}

function mapHost(fields: JsonRecord): KindResult {
  const device = {
    deviceDnsName: hostDnsName(fields) ?? stringOf(fields, 'netBiosName'),
    mdeDeviceId: stringOf(fields, 'mdatpDeviceId'),
    azureAdDeviceId: stringOf(fields, 'aadDeviceId'),
    osPlatform: stringOf(fields, 'osFamily'),
    osVersion: stringOf(fields, 'osVersion'),
  };
  const resourceId = stringOf(fields, 'azureID', 'omsAgentID', 'deviceId');
  return {
    key: deviceKey(device) ?? (resourceId === undefined ? undefined : `device:${resourceId.toLowerCase()}`),
    keyField: 'hostName',
    displayName: stringOf(fields, 'friendlyName') ?? device.deviceDnsName ?? 'Unnamed device',
    known: device,
    consumed: ['fqdn', 'mdatpDeviceId', 'aadDeviceId', 'osFamily', 'osVersion'],
  };
}

/** Returns the hash properties of a file from its own fields and the FileHash entities it refers to. */
function fileHashes(fields: JsonRecord, context: KindContext): JsonRecord {
  const hashes: JsonRecord = {};
  for (const hash of referenced(context, 'filehash')) {
    const algorithm = stringOf(hash.fields, 'algorithm')?.toLowerCase().replace(/[^a-z0-9]/g, '');
    const value = stringOf(hash.fields, 'hashValue', 'value');
    if (algorithm !== undefined && value !== undefined && hashes[algorithm] === undefined) hashes[algorithm] = value;
  }
  for (const field of ['sha1', 'sha256', 'md5']) {
    const value = stringOf(fields, field);
    if (value !== undefined) hashes[field] = value;
  }
  return hashes;
}

function mapFile(fields: JsonRecord, context: KindContext): KindResult {
  const details = {
    fileName: stringOf(fields, 'fileName', 'name'),
    filePath: stringOf(fields, 'directory', 'filePath'),
    ...fileHashes(fields, context),
  };
  reportInvalidHashes(details, context.record.at);
  return {
    key: fileKey(details),
    keyField: 'fileName',
    displayName: stringOf(fields, 'friendlyName') ?? details.fileName ?? filePath(details) ?? 'Unnamed file',
    known: { ...fileProperties(details), fileSize: readNumber(fieldOf(fields, 'size')) },
    consumed: ['fileName', 'name', 'directory', 'filePath', 'sha1', 'sha256', 'md5', 'size'],
  };
}

/** Maps a FileHash that no File refers to, as a file known only by its hash. */
function mapFileHash(fields: JsonRecord): KindResult {
  const algorithm = stringOf(fields, 'algorithm')?.toLowerCase().replace(/[^a-z0-9]/g, '');
  const value = stringOf(fields, 'hashValue', 'value');
  const details = algorithm === undefined || value === undefined ? {} : { [algorithm]: value };
  return {
    key: fileKey(details) ?? (value === undefined ? undefined : `file:${value.toLowerCase()}`),
    keyField: 'hashValue',
    displayName: value ?? 'Unnamed file hash',
    known: fileProperties(details),
    consumed: ['algorithm', 'hashValue', 'value'],
  };
}

function mapProcess(fields: JsonRecord, context: KindContext): KindResult {
  const { alertId, path, issues } = context.record.at;
  const [host] = referenced(context, 'host');
  const hostEntityId = host === undefined ? undefined : context.entityIdOf(host.localId);
  const [image] = referenced(context, 'imagefile');
  const [account] = referenced(context, 'account');
  const timeField = Object.keys(fields).find((key) => key.toLowerCase() === 'creationtimeutc') ?? 'creationTimeUtc';
  const created = parseTimeField(fields[timeField], issues, alertId, `${path}.${timeField}`);
  const pid = readNumber(fieldOf(fields, 'processId'));
  const commandLine = stringOf(fields, 'commandLine');
  const imageFileName = image === undefined ? undefined : stringOf(image.fields, 'fileName', 'name');

  return {
    key: processKey(hostEntityId?.replace(/^device:/, ''), pid, created),
    keyField: 'processId',
    displayName: processDisplayName(imageFileName, commandLine, pid),
    known: {
      processId: pid,
      processCommandLine: commandLine,
      processCreationTime: created,
      imageFileName,
      imageFilePath: image === undefined ? undefined : stringOf(image.fields, 'directory', 'filePath'),
      accountName: account === undefined ? undefined : stringOf(account.fields, 'accountName', 'name'),
      domainName: account === undefined ? undefined : stringOf(account.fields, 'ntDomain'),
      elevationToken: stringOf(fields, 'elevationToken'),
    },
    consumed: ['processId', 'commandLine', 'creationTimeUtc', 'elevationToken'],
    firstSeen: created,
  };
}

function mapIp(fields: JsonRecord): KindResult {
  const address = stringOf(fields, 'address');
  return {
    key: ipKey(address),
    keyField: 'address',
    displayName: address ?? 'Unknown IP address',
    known: { ipAddress: address },
    consumed: ['address'],
  };
}

function mapUrl(fields: JsonRecord): KindResult {
  const url = stringOf(fields, 'url');
  return { key: urlKey(url), keyField: 'url', displayName: url ?? 'Unknown URL', known: { url }, consumed: [] };
}

function mapDns(fields: JsonRecord): KindResult {
  const domain = stringOf(fields, 'domainName');
  return {
    key: domain === undefined ? undefined : `dnsName:${domain.toLowerCase()}`,
    keyField: 'domainName',
    displayName: domain ?? 'Unknown domain',
    known: { domainName: domain },
    consumed: [],
  };
}

function mapMailbox(fields: JsonRecord): KindResult {
  const address = stringOf(fields, 'mailboxPrimaryAddress', 'primaryAddress', 'upn');
  return {
    key: mailboxKey(address),
    keyField: 'mailboxPrimaryAddress',
    displayName: stringOf(fields, 'displayName', 'friendlyName') ?? address ?? 'Unnamed mailbox',
    known: { primaryAddress: address, upn: stringOf(fields, 'upn') },
    consumed: ['mailboxPrimaryAddress'],
  };
}

function mapMailMessage(fields: JsonRecord): KindResult {
  const networkMessageId = stringOf(fields, 'networkMessageId');
  const recipient = stringOf(fields, 'recipient');

  // Like Graph, one message record per recipient shares its networkMessageId.
  const key =
    networkMessageId === undefined
      ? undefined
      : `mailMessage:${networkMessageId.toLowerCase()}${recipient ? `:${recipient.toLowerCase()}` : ''}`;
  return {
    key,
    keyField: 'networkMessageId',
    displayName: stringOf(fields, 'subject') ?? '(no subject)',
    known: {
      subject: stringOf(fields, 'subject'),
      networkMessageId,
      sender: stringOf(fields, 'p1Sender', 'sender', 'p2Sender'),
      recipient,
      senderIp: stringOf(fields, 'senderIP'),
      deliveryAction: stringOf(fields, 'deliveryAction'),
      deliveryLocation: stringOf(fields, 'deliveryLocation'),
    },
    consumed: ['p1Sender', 'senderIP'],
  };
}

function mapByField(kind: EntityKind, keyFields: string[], nameFields: string[]): KindMapper {
  return (fields) => {
    const identifier = stringOf(fields, ...keyFields);
    return {
      key: identifier === undefined ? undefined : `${kind}:${identifier.toLowerCase()}`,
      keyField: keyFields[0]!,
      displayName: stringOf(fields, 'friendlyName', ...nameFields) ?? identifier ?? `Unnamed ${kind}`,
      known: {},
      consumed: [],
    };
  };
}

function mapRegistryKey(fields: JsonRecord): KindResult {
  const hive = stringOf(fields, 'hive');
  const key = stringOf(fields, 'key', 'keyName');
  let path: string | undefined;
  if (key !== undefined) path = hive === undefined ? key : `${hive}\\${key}`;
  return {
    key: path === undefined ? undefined : `registryKey:${path.toLowerCase()}`,
    keyField: 'key',
    displayName: path ?? 'Unknown registry key',
    known: { registryHive: hive, registryKey: key },
    consumed: ['hive', 'key', 'keyName'],
  };
}

function mapRegistryValue(fields: JsonRecord, context: KindContext): KindResult {
  const [keyRecord] = referenced(context, 'key');
  const keyEntityId = keyRecord === undefined ? undefined : context.entityIdOf(keyRecord.localId);
  const keyPath = keyEntityId?.startsWith('registryKey:') ? keyEntityId.slice('registryKey:'.length) : undefined;
  const valueName = stringOf(fields, 'name', 'valueName');
  return {
    key: keyPath === undefined ? undefined : `registryValue:${keyPath}\\${(valueName ?? '(default)').toLowerCase()}`,
    keyField: 'key',
    displayName: valueName ?? '(default)',
    known: {
      registryHive: keyRecord === undefined ? undefined : stringOf(keyRecord.fields, 'hive'),
      registryKey: keyRecord === undefined ? undefined : stringOf(keyRecord.fields, 'key', 'keyName'),
      registryValueName: valueName,
      registryValue: stringOf(fields, 'value', 'valueData'),
      registryValueType: stringOf(fields, 'valueType'),
    },
    consumed: ['name', 'valueName', 'value', 'valueData', 'valueType'],
  };
}

/**
 * Maps any other type, including Malware and NetworkConnection, which have no library kind. The
 * entity gets kind `other`, the type in `rawType`, and an id from the REST GUID or a hash of the
 * fields.
 */
function mapOther(fields: JsonRecord, context: KindContext): KindResult {
  const type = normalizedType(context.record.type);
  const own = Object.fromEntries(
    Object.entries(fields).filter(([key]) => !context.record.referenceFields.has(key)),
  );
  const identifier = context.record.guid ?? hashText(stableStringify(own));
  return {
    key: `other:${type}:${identifier.toLowerCase()}`,
    keyField: 'name',
    displayName: stringOf(fields, 'friendlyName', 'malwareName', 'name', 'displayName') ?? context.record.type,
    known: { rawType: context.record.type },
    consumed: [],
  };
}

const KIND_MAPPERS: Readonly<Record<string, KindMapper>> = {
  account: mapAccount,
  host: mapHost,
  iotdevice: mapHost,
  file: mapFile,
  filehash: mapFileHash,
  process: mapProcess,
  ip: mapIp,
  url: mapUrl,
  dns: mapDns,
  dnsresolution: mapDns,
  mailbox: mapMailbox,
  mailmessage: mapMailMessage,
  submissionmail: mapMailMessage,
  mailcluster: mapByField('mailCluster', ['query', 'clusterQuery'], ['clusterSourceIdentifier']),
  cloudapplication: mapByField('cloudApp', ['appId', 'name', 'appName'], ['name', 'appName']),
  oauthapplication: mapByField('oauthApp', ['oAuthAppId', 'appId'], ['name']),
  azureresource: mapByField('cloudResource', ['resourceId'], ['resourceName']),
  blob: mapByField('cloudResource', ['url', 'name'], ['name']),
  blobcontainer: mapByField('cloudResource', ['url', 'name'], ['name']),
  registrykey: mapRegistryKey,
  registryvalue: mapRegistryValue,
  securitygroup: mapByField('securityGroup', ['objectGuid', 'sid', 'distinguishedName'], ['distinguishedName']),
  container: mapByField('container', ['containerId', 'name'], ['name']),
};

/**
 * Maps one record to an entity. An unknown type is reported and becomes `other`. A record
 * without the identifier its kind needs gets the REST GUID, else an id scoped to its alert.
 */
export function entityOfRecord(context: KindContext): Entity {
  const { record } = context;
  const type = normalizedType(record.type);
  const knownType = Object.hasOwn(SENTINEL_KINDS, type);
  if (!knownType) {
    record.at.issues.push({
      id: record.at.alertId,
      field: `${record.at.path}.${record.guid === undefined ? 'Type' : 'kind'}`,
      problem: `unknown entity type "${record.type}"; shown as "other" with its fields kept`,
    });
  }
  const kind = knownType ? SENTINEL_KINDS[type]! : 'other';
  const mapper = Object.hasOwn(KIND_MAPPERS, type) ? KIND_MAPPERS[type]! : mapOther;
  const result = mapper(record.fields, context);

  const id =
    result.key ??
    (record.guid === undefined
      ? keyOrFallback(undefined, kind, result.keyField, record.at)
      : `${kind}:${record.guid.toLowerCase()}`);

  const consumed = new Set(['type', 'friendlyname', ...result.consumed.map((name) => name.toLowerCase())]);
  const skip = new Set([
    ...record.referenceFields,
    ...Object.keys(record.fields).filter((key) => consumed.has(key.toLowerCase())),
  ]);
  const properties = { ...result.known, sentinelEntityId: record.guid };
  const entity = entityFromRecord(id, kind, result.displayName, record.fields, properties, skip);
  if (result.firstSeen !== undefined) entity.firstSeen = result.firstSeen;
  return entity;
}
