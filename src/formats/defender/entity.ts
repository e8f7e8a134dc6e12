/**
 * Maps one Defender entity record to an entity. The Defender XDR incidents API (`alert.entities[]`)
 * and the Defender for Endpoint alerts API (`alert.evidence[]`) write the same flat record: an
 * `entityType` and the same 31 or so fields for every type, most of them null. The record has no
 * id, no verdict and no roles, so the entity has no verdict and its evidence no roles.
 */

import { describeValue, parseTimeField } from '../../model/time.js';
import type { AlertEvidence, Entity, EntityKind, RemediationStatus } from '../../model/types.js';
import {
  deviceKey,
  fileKey,
  ipKey,
  mailboxKey,
  processKey,
  registryKeyKey,
  registryPath,
  urlKey,
  userKey,
} from '../shared/entity-keys.js';
import { entityFromRecord, keyOrFallback, otherEntityId, processDisplayName, type EvidenceLocation } from '../shared/entity-record.js';
import { fileProperties, reportInvalidHashes } from '../shared/file-details.js';
import {
  hashText,
  matchEnum,
  otherFields,
  readNumber,
  readString,
  type JsonRecord,
} from '../shared/json-readers.js';

/** Location of an entity record, and the entity id of its alert's only device. */
export interface DefenderEntityContext extends EvidenceLocation {
  /** Entity id (`device:…`) of the alert's device when the alert has exactly one. */
  alertDeviceId: string | undefined;
}

/** An entity record mapped: the entity, how the alert involves it, and the source record. */
export interface MappedDefenderEntity {
  entity: Entity;
  evidence: AlertEvidence;
  raw: JsonRecord;
  /** The `entityType` lowercased, for example `process`, or `other` when it is missing or unknown. */
  type: string;
}

/** Fields that describe the alert's view of the entity rather than the entity. */
const EVIDENCE_FIELDS = ['entityType', 'evidenceCreationTime'];

/** Remediation statuses of Defender for Endpoint's `detectionStatus` values. `Detected` gives none. */
const DETECTION_STATUSES: Readonly<Record<string, RemediationStatus | undefined>> = {
  detected: undefined,
  blocked: 'blocked',
  prevented: 'prevented',
};

type RecordMapper = (raw: JsonRecord, context: DefenderEntityContext) => Entity;

/** Builds the entity of a record, skipping the evidence fields and `skip` from its other properties. */
function entityOf(
  id: string,
  kind: EntityKind,
  displayName: string,
  raw: JsonRecord,
  known: JsonRecord,
  skip: readonly string[] = [],
): Entity {
  return entityFromRecord(id, kind, displayName, raw, known, new Set([...EVIDENCE_FIELDS, ...skip]));
}

/** Returns the account fields of a record under Graph's names, which the user keys read. */
export function accountOfRecord(raw: JsonRecord): JsonRecord {
  return {
    azureAdUserId: readString(raw.aadUserId),
    userSid: readString(raw.userSid),
    accountName: readString(raw.accountName),
    domainName: readString(raw.domainName),
    userPrincipalName: readString(raw.userPrincipalName),
  };
}

/** Returns the entity id of the device a record is on: its `deviceId`, else the alert's only device. */
export function recordDeviceId(raw: JsonRecord, alertDeviceId: string | undefined): string | undefined {
  const deviceId = readString(raw.deviceId);
  return deviceId === undefined ? alertDeviceId : `device:${deviceId.toLowerCase()}`;
}

function mapUser(raw: JsonRecord, context: DefenderEntityContext): Entity {
  const account = accountOfRecord(raw);
  const id = keyOrFallback(userKey(account), 'user', 'accountName', context);
  const name = readString(raw.userPrincipalName) ?? readString(raw.accountName) ?? 'Unnamed user';
  return entityOf(id, 'user', name, raw, account, ['aadUserId']);
}

function mapIp(raw: JsonRecord, context: DefenderEntityContext): Entity {
  const address = readString(raw.ipAddress);
  const id = keyOrFallback(ipKey(address), 'ip', 'ipAddress', context);
  return entityOf(id, 'ip', address ?? 'Unknown IP address', raw, { ipAddress: address });
}

function mapUrl(raw: JsonRecord, context: DefenderEntityContext): Entity {
  const url = readString(raw.url);
  const id = keyOrFallback(urlKey(url), 'url', 'url', context);
  return entityOf(id, 'url', url ?? 'Unknown URL', raw, { url });
}

function mapFile(raw: JsonRecord, context: DefenderEntityContext): Entity {
  reportInvalidHashes(raw, context);
  const id = keyOrFallback(fileKey(raw), 'file', 'sha1', context);
  const name = readString(raw.fileName) ?? readString(raw.filePath) ?? 'Unnamed file';
  return entityOf(id, 'file', name, raw, { ...fileProperties(raw), detectionStatus: readString(raw.detectionStatus) });
}

function mapProcess(raw: JsonRecord, context: DefenderEntityContext): Entity {
  const { alertId, path, issues } = context;
  reportInvalidHashes(raw, context);
  const id = keyOrFallback(
    processKey(recordDeviceId(raw, context.alertDeviceId)?.replace(/^device:/, ''), raw.processId, raw.processCreationTime),
    'process',
    'processId',
    context,
  );

  const processCreationTime = parseTimeField(raw.processCreationTime, issues, alertId, `${path}.processCreationTime`);
  const parentProcessCreationTime = parseTimeField(
    raw.parentProcessCreationTime,
    issues,
    alertId,
    `${path}.parentProcessCreationTime`,
  );
  const pid = readNumber(raw.processId);
  const commandLine = readString(raw.processCommandLine);
  const image = fileProperties(raw);
  const name = processDisplayName(readString(raw.fileName), commandLine, pid);

  const entity = entityOf(
    id,
    'process',
    name,
    raw,
    {
      processId: pid,
      processCommandLine: commandLine,
      processCreationTime,
      parentProcessId: readNumber(raw.parentProcessId),
      parentProcessCreationTime,
      imageFileName: image.fileName,
      imageFilePath: image.filePath,
      sha1: image.sha1,
      sha256: image.sha256,
      accountName: readString(raw.accountName),
      domainName: readString(raw.domainName),
      detectionStatus: readString(raw.detectionStatus),
      mdeDeviceId: readString(raw.deviceId),
    },
    ['fileName', 'filePath', 'processCreationTime', 'parentProcessCreationTime', 'deviceId'],
  );
  if (processCreationTime !== undefined) entity.firstSeen = processCreationTime;
  return entity;
}

function mapMailbox(raw: JsonRecord, context: DefenderEntityContext): Entity {
  const address = readString(raw.mailboxAddress) ?? readString(raw.userPrincipalName);
  const id = keyOrFallback(mailboxKey(address), 'mailbox', 'mailboxAddress', context);
  const displayName = readString(raw.mailboxDisplayName);
  return entityOf(
    id,
    'mailbox',
    displayName ?? address ?? 'Unnamed mailbox',
    raw,
    { displayName, primaryAddress: readString(raw.mailboxAddress), upn: readString(raw.userPrincipalName) },
    ['mailboxDisplayName', 'mailboxAddress', 'userPrincipalName'],
  );
}

function mapMailMessage(raw: JsonRecord, context: DefenderEntityContext): Entity {
  const sender = readString(raw.sender);
  const recipient = readString(raw.recipient);
  const subject = readString(raw.subject);

  // NOTE: this API gives no network message id, so sender, recipient and subject stand in for
  // it. Two messages with all three equal become one entity.
  const identifier =
    sender === undefined && recipient === undefined && subject === undefined
      ? undefined
      : `mailMessage:${(sender ?? '').toLowerCase()}>${(recipient ?? '').toLowerCase()}:${hashText(subject ?? '')}`;
  const id = keyOrFallback(identifier, 'mailMessage', 'subject', context);
  return entityOf(id, 'mailMessage', subject ?? '(no subject)', raw, {
    subject,
    sender,
    recipient,
    deliveryAction: readString(raw.deliveryAction),
  });
}

function mapMailCluster(raw: JsonRecord, context: DefenderEntityContext): Entity {
  const clusterBy = readString(raw.clusterBy);
  const id = keyOrFallback(clusterBy && `mailCluster:${clusterBy.toLowerCase()}`, 'mailCluster', 'clusterBy', context);
  return entityOf(id, 'mailCluster', clusterBy ?? 'Mail cluster', raw, { clusterBy });
}

/** Maps a `Registry` record to its key. Its value fields stay properties, because the record has no value name. */
function mapRegistry(raw: JsonRecord, context: DefenderEntityContext): Entity {
  const id = keyOrFallback(registryKeyKey(raw), 'registryKey', 'registryKey', context);
  return entityOf(id, 'registryKey', registryPath(raw) ?? 'Unknown registry key', raw, {
    registryHive: readString(raw.registryHive),
    registryKey: readString(raw.registryKey),
  });
}

function mapSecurityGroup(raw: JsonRecord, context: DefenderEntityContext): Entity {
  const groupId = readString(raw.securityGroupId);
  const id = keyOrFallback(groupId && `securityGroup:${groupId.toLowerCase()}`, 'securityGroup', 'securityGroupId', context);
  const name = readString(raw.securityGroupName) ?? groupId ?? 'Unnamed group';
  return entityOf(id, 'securityGroup', name, raw, { securityGroupId: groupId, displayName: readString(raw.securityGroupName) }, [
    'securityGroupName',
  ]);
}

/** Maps a device named as an entity (`Machine`), which Defender for Endpoint evidence may carry. */
function mapMachine(raw: JsonRecord, context: DefenderEntityContext): Entity {
  const record = {
    mdeDeviceId: readString(raw.deviceId) ?? readString(raw.machineId),
    deviceDnsName: readString(raw.deviceDnsName),
  };
  const id = keyOrFallback(deviceKey(record), 'device', 'deviceId', context);
  const name = record.deviceDnsName ?? record.mdeDeviceId ?? 'Unnamed device';
  return entityOf(id, 'device', name, raw, record, ['deviceId', 'machineId']);
}

/** Mappers by `entityType`, lowercased. */
const MAPPERS: Readonly<Record<string, RecordMapper>> = {
  user: mapUser,
  ip: mapIp,
  url: mapUrl,
  file: mapFile,
  process: mapProcess,
  mailbox: mapMailbox,
  mailmessage: mapMailMessage,
  mailcluster: mapMailCluster,
  registry: mapRegistry,
  registrykey: mapRegistry,
  securitygroup: mapSecurityGroup,
  machine: mapMachine,
};

/** Maps an entity record of an alert. `detectionStatus` gives the remediation status when it names one. */
export function mapDefenderEntity(raw: JsonRecord, context: DefenderEntityContext): MappedDefenderEntity {
  const entityType = readString(raw.entityType);
  const type = entityType?.toLowerCase() ?? 'other';

  // An own-property check, so a type such as `constructor` does not find Object's prototype.
  const mapper = Object.hasOwn(MAPPERS, type) ? MAPPERS[type] : undefined;
  let entity: Entity;
  if (mapper !== undefined) {
    entity = mapper(raw, context);
  } else {
    context.issues.push({
      id: context.alertId,
      field: `${context.path}.entityType`,
      problem:
        entityType === undefined
          ? 'entity without entityType; shown as "other" with its fields kept'
          : `unknown entity type ${describeValue(raw.entityType)}; shown as "other" with its fields kept`,
    });
    entity = mapOther(raw, entityType ?? 'unknown');
  }

  const evidence: AlertEvidence = { entityId: entity.id, roles: [] };
  const remediationStatus = readDetectionStatus(raw.detectionStatus, context);
  if (remediationStatus !== undefined) {
    entity.remediationStatus = remediationStatus;
    evidence.remediationStatus = remediationStatus;
  }
  const createdTime = parseTimeField(
    raw.evidenceCreationTime,
    context.issues,
    context.alertId,
    `${context.path}.evidenceCreationTime`,
  );
  if (createdTime !== undefined) evidence.createdTime = createdTime;

  return { entity, evidence, raw, type: mapper === undefined ? 'other' : type };
}

/**
 * Maps `detectionStatus` to a remediation status: `Blocked` and `Prevented` name one, and
 * `Detected` implies no remediation, so it gives none. Any other present value is reported and
 * stays a property of the entity.
 */
function readDetectionStatus(value: unknown, at: EvidenceLocation): RemediationStatus | undefined {
  const status = matchEnum(value, Object.keys(DETECTION_STATUSES));
  if (status !== undefined) return DETECTION_STATUSES[status];
  if (readString(value) !== undefined) {
    at.issues.push({
      id: at.alertId,
      field: `${at.path}.detectionStatus`,
      problem:
        `unknown detection status ${describeValue(value)}; ` +
        'kept as a property, and no remediation status is derived from it',
    });
  }
  return undefined;
}

/** Maps any entity type without a mapper: kind `other`, the type in `rawType`, the fields kept. */
function mapOther(raw: JsonRecord, type: string): Entity {
  const id = otherEntityId(type.toLowerCase(), otherFields(raw, new Set(EVIDENCE_FIELDS)));
  return entityOf(id, 'other', type, raw, { rawType: type });
}
