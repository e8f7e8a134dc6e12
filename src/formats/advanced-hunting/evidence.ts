/**
 * Maps one AlertEvidence row (one entity of one alert) to an entity. The row names the entity's
 * type in `EntityType` and its role in `EvidenceRole` and `EvidenceDirection`. It has no verdict
 * and no remediation status, so neither the entity nor the evidence has one.
 */

import { describeValue, parseTimeField } from '../../model/time.js';
import type { AlertEvidence, Entity, EntityKind } from '../../model/types.js';
import { fileKey, ipKey, mailboxKey, processKey, urlKey, userKey } from '../shared/entity-keys.js';
import { entityFromRecord, keyOrFallback, otherEntityId, processDisplayName, type EvidenceLocation } from '../shared/entity-record.js';
import { fileProperties, reportInvalidHashes } from '../shared/file-details.js';
import { isRecord, otherFields, readNumber, readString, type JsonRecord } from '../shared/json-readers.js';
import { accountOfColumns, deviceOfRow, fileOfColumns, hashColumnNames } from './columns.js';
import { parseJsonColumn, type HuntingRow } from './rows.js';

/** An AlertEvidence row mapped. */
export interface MappedEvidenceRow {
  entity: Entity;
  evidence: AlertEvidence;
  row: HuntingRow;
  /** `EntityType` lowercased, for example `process`, or `other` when it is missing or unknown. */
  type: string;
  /** The `AdditionalFields` column parsed, or an empty record. */
  additional: JsonRecord;
}

/** Columns that describe the alert rather than the entity. The alert mapper reads them. */
const ALERT_COLUMNS = [
  'AlertId',
  'Title',
  'Categories',
  'AttackTechniques',
  'Severity',
  'ServiceSource',
  'DetectionSource',
  'EntityType',
  'EvidenceRole',
  'EvidenceDirection',
  'Timestamp',
  'AdditionalFields',
];

interface RowContext extends EvidenceLocation {
  additional: JsonRecord;
}

type RowMapper = (columns: JsonRecord, context: RowContext) => Entity;

function entityOf(
  id: string,
  kind: EntityKind,
  displayName: string,
  columns: JsonRecord,
  known: JsonRecord,
  skip: readonly string[],
  context: RowContext,
): Entity {
  const entity = entityFromRecord(id, kind, displayName, columns, known, new Set([...ALERT_COLUMNS, ...skip]));
  if (Object.keys(context.additional).length > 0) entity.properties.AdditionalFields = context.additional;
  return entity;
}

const FILE_COLUMNS = ['FileName', 'FolderPath', 'SHA1', 'SHA256', 'MD5', 'FileSize'];
const ACCOUNT_COLUMNS = ['AccountObjectId', 'AccountSid', 'AccountName', 'AccountDomain', 'AccountUpn'];

function mapFile(columns: JsonRecord, context: RowContext): Entity {
  const details = fileOfColumns(columns);
  reportInvalidHashes(details, context, hashColumnNames());
  const id = keyOrFallback(fileKey(details), 'file', 'SHA1', context);
  const name = readString(details.fileName) ?? readString(details.filePath) ?? 'Unnamed file';
  return entityOf(id, 'file', name, columns, fileProperties(details), FILE_COLUMNS, context);
}

function mapProcess(columns: JsonRecord, context: RowContext): Entity {
  const { alertId, path, issues, additional } = context;
  const image = fileOfColumns(columns);
  reportInvalidHashes(image, context, hashColumnNames());
  const deviceId = readString(columns.DeviceId);
  const pid = readNumber(additional.ProcessId ?? columns.ProcessId);
  const createdField = additional.CreationTimeUtc !== undefined ? 'AdditionalFields.CreationTimeUtc' : 'ProcessCreationTime';
  const createdValue = additional.CreationTimeUtc ?? columns.ProcessCreationTime;
  const id = keyOrFallback(processKey(deviceId, pid, createdValue), 'process', 'AdditionalFields.ProcessId', context);

  const processCreationTime = parseTimeField(createdValue, issues, alertId, `${path}.${createdField}`);
  const commandLine = readString(columns.ProcessCommandLine) ?? readString(additional.CommandLine);
  const properties = fileProperties(image);
  const name = processDisplayName(readString(image.fileName), commandLine, pid);
  const entity = entityOf(
    id,
    'process',
    name,
    columns,
    {
      processId: pid,
      processCommandLine: commandLine,
      processCreationTime,
      imageFileName: properties.fileName,
      imageFilePath: properties.filePath,
      sha1: properties.sha1,
      sha256: properties.sha256,
      md5: properties.md5,
      accountName: readString(columns.AccountName),
      domainName: readString(columns.AccountDomain),
      mdeDeviceId: deviceId,
    },
    [...FILE_COLUMNS, 'ProcessCommandLine', 'ProcessCreationTime', 'ProcessId', 'AccountName', 'AccountDomain'],
    context,
  );
  if (processCreationTime !== undefined) entity.firstSeen = processCreationTime;
  return entity;
}

function mapUser(columns: JsonRecord, context: RowContext): Entity {
  const account = accountOfColumns(columns);
  const id = keyOrFallback(userKey(account), 'user', 'AccountName', context);
  const name = readString(account.userPrincipalName) ?? readString(account.accountName) ?? 'Unnamed user';
  return entityOf(id, 'user', name, columns, account, ACCOUNT_COLUMNS, context);
}

function mapMachine(columns: JsonRecord, context: RowContext): Entity {
  const device = deviceOfRow(columns);
  const id = keyOrFallback(device?.id, 'device', 'DeviceId', context);
  const name = device?.displayName ?? 'Unnamed device';
  return entityOf(id, 'device', name, columns, device?.properties ?? {}, ['DeviceId', 'DeviceName', 'MachineGroup'], context);
}

function mapIp(columns: JsonRecord, context: RowContext): Entity {
  const address = readString(columns.RemoteIP) ?? readString(columns.LocalIP) ?? readString(context.additional.Address);
  const id = keyOrFallback(ipKey(address), 'ip', 'RemoteIP', context);
  return entityOf(id, 'ip', address ?? 'Unknown IP address', columns, { ipAddress: address }, [], context);
}

function mapUrl(columns: JsonRecord, context: RowContext): Entity {
  const url = readString(columns.RemoteUrl) ?? readString(context.additional.Url);
  const id = keyOrFallback(urlKey(url), 'url', 'RemoteUrl', context);
  return entityOf(id, 'url', url ?? 'Unknown URL', columns, { url }, ['RemoteUrl'], context);
}

function mapMailMessage(columns: JsonRecord, context: RowContext): Entity {
  const networkMessageId = readString(columns.NetworkMessageId);
  const recipient = readString(context.additional.Recipient);
  const identifier =
    networkMessageId === undefined
      ? undefined
      : `mailMessage:${networkMessageId.toLowerCase()}${recipient ? `:${recipient.toLowerCase()}` : ''}`;
  const id = keyOrFallback(identifier, 'mailMessage', 'NetworkMessageId', context);
  const subject = readString(columns.EmailSubject);
  return entityOf(
    id,
    'mailMessage',
    subject ?? '(no subject)',
    columns,
    { subject, networkMessageId, recipient },
    ['EmailSubject', 'NetworkMessageId'],
    context,
  );
}

function mapMailbox(columns: JsonRecord, context: RowContext): Entity {
  const address = readString(columns.AccountUpn) ?? readString(context.additional.MailboxPrimaryAddress);
  const id = keyOrFallback(mailboxKey(address), 'mailbox', 'AccountUpn', context);
  const name = readString(context.additional.DisplayName) ?? address ?? 'Unnamed mailbox';
  return entityOf(id, 'mailbox', name, columns, { primaryAddress: address, upn: readString(columns.AccountUpn) }, [], context);
}

function mapCloudApplication(columns: JsonRecord, context: RowContext): Entity {
  const appId = readString(columns.ApplicationId);
  const id = keyOrFallback(appId && `cloudApp:${appId.toLowerCase()}`, 'cloudApp', 'ApplicationId', context);
  return entityOf(id, 'cloudApp', readString(columns.Application) ?? appId ?? 'Unnamed app', columns, {}, [], context);
}

function mapOAuthApplication(columns: JsonRecord, context: RowContext): Entity {
  const appId = readString(columns.OAuthApplicationId);
  const id = keyOrFallback(appId && `oauthApp:${appId.toLowerCase()}`, 'oauthApp', 'OAuthApplicationId', context);
  return entityOf(id, 'oauthApp', readString(columns.Application) ?? appId ?? 'Unnamed app', columns, {}, [], context);
}

function mapRegistryKey(columns: JsonRecord, context: RowContext): Entity {
  const key = readString(columns.RegistryKey);
  const id = keyOrFallback(registryKeyId(key), 'registryKey', 'RegistryKey', context);
  return entityOf(id, 'registryKey', key ?? 'Unknown registry key', columns, { registryKey: key }, ['RegistryKey'], context);
}

function mapRegistryValue(columns: JsonRecord, context: RowContext): Entity {
  const key = readString(columns.RegistryKey);
  const valueName = readString(columns.RegistryValueName);
  const identifier =
    key === undefined ? undefined : `registryValue:${key.toLowerCase()}\\${(valueName ?? '(default)').toLowerCase()}`;
  const id = keyOrFallback(identifier, 'registryValue', 'RegistryKey', context);
  return entityOf(
    id,
    'registryValue',
    valueName ?? '(default)',
    columns,
    { registryKey: key, registryValueName: valueName, registryValue: readString(columns.RegistryValueData) },
    ['RegistryKey', 'RegistryValueName', 'RegistryValueData'],
    context,
  );
}

/** Returns the entity id of a registry key path, the same as Graph's for a key given without a hive. */
export function registryKeyId(key: string | undefined): string | undefined {
  return key === undefined ? undefined : `registryKey:${key.toLowerCase()}`;
}

/** Mappers by `EntityType`, lowercased. */
const MAPPERS: Readonly<Record<string, RowMapper>> = {
  file: mapFile,
  process: mapProcess,
  user: mapUser,
  machine: mapMachine,
  ip: mapIp,
  url: mapUrl,
  mailmessage: mapMailMessage,
  mailbox: mapMailbox,
  cloudapplication: mapCloudApplication,
  oauthapplication: mapOAuthApplication,
  registrykey: mapRegistryKey,
  registryvalue: mapRegistryValue,
};

/**
 * Maps an AlertEvidence row of the alert `alertId`. The evidence roles are `EvidenceRole`
 * (`Impacted` or `Related`) and `EvidenceDirection` (`Source` or `Destination`), with their
 * first letter lowercased, as Graph spells roles.
 */
export function mapEvidenceRow(row: HuntingRow, alertId: string, issues: EvidenceLocation['issues']): MappedEvidenceRow {
  const { columns, path } = row;
  const parsed = parseJsonColumn(columns.AdditionalFields, { id: alertId, field: `${path}.AdditionalFields`, issues });
  const additional = isRecord(parsed) ? parsed : {};
  const context: RowContext = { alertId, path, issues, additional };

  const entityType = readString(columns.EntityType);
  const type = entityType?.toLowerCase() ?? 'other';
  // An own-property check, so a type such as `constructor` does not find Object's prototype.
  const mapper = Object.hasOwn(MAPPERS, type) ? MAPPERS[type] : undefined;

  let entity: Entity;
  if (mapper !== undefined) {
    entity = mapper(columns, context);
  } else {
    issues.push({
      id: alertId,
      field: `${path}.EntityType`,
      problem:
        entityType === undefined
          ? 'evidence without EntityType; shown as "other" with its columns kept'
          : `unknown entity type ${describeValue(columns.EntityType)}; shown as "other" with its columns kept`,
    });
    entity = mapOther(columns, entityType ?? 'unknown', context);
  }
  // AdditionalFields that is not a JSON object is kept too: parsed when it is other JSON, else as text.
  if (!isRecord(parsed) && readString(columns.AdditionalFields) !== undefined) {
    entity.properties.AdditionalFields = parsed ?? columns.AdditionalFields;
  }

  const roles = [readString(columns.EvidenceRole), readString(columns.EvidenceDirection)]
    .filter((role): role is string => role !== undefined)
    .map((role) => role[0]!.toLowerCase() + role.slice(1));
  const evidence: AlertEvidence = { entityId: entity.id, roles: [...new Set(roles)] };
  const createdTime = parseTimeField(columns.Timestamp, issues, alertId, `${path}.Timestamp`);
  if (createdTime !== undefined) evidence.createdTime = createdTime;

  return { entity, evidence, row, type: mapper === undefined ? 'other' : type, additional };
}

/** Maps any entity type without a mapper: kind `other`, the type in `rawType`, the columns kept. */
function mapOther(columns: JsonRecord, type: string, context: RowContext): Entity {
  const id = otherEntityId(type.toLowerCase(), otherFields(columns, new Set(ALERT_COLUMNS)));
  return entityOf(id, 'other', type, columns, { rawType: type }, [], context);
}
