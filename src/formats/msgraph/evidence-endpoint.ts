/**
 * Mappers for endpoint evidence: devices, users, files, processes, IP addresses, DNS names,
 * registry keys and values, and security groups.
 */

import { parseTimeField } from '../../model/time.js';
import type { Entity } from '../../model/types.js';
import { fileProperties, reportInvalidHashes } from '../shared/file-details.js';
import { entityFrom, keyOrFallback, processDisplayName, type EvidenceContext, type EvidenceMapper } from './evidence-common.js';
import {
  accountOf,
  deviceKey,
  fileKey,
  filePath,
  ipKey,
  processKey,
  registryKeyKey,
  registryPath,
  userKey,
} from './keys.js';
import {
  asRecord,
  readNumber,
  readRecordArray,
  readString,
  readStringArray,
  type JsonRecord,
} from './read.js';

function mapDevice(raw: JsonRecord, context: EvidenceContext): Entity {
  const id = keyOrFallback(deviceKey(raw), 'device', 'mdeDeviceId', context);
  const dnsName = readString(raw.deviceDnsName);
  const loggedOnUsers = readRecordArray(raw.loggedOnUsers)
    .map((user) => {
      const name = readString(user.accountName);
      const domain = readString(user.domainName);
      return domain === undefined ? name : `${domain}\\${name ?? ''}`;
    })
    .filter((name): name is string => name !== undefined);

  return entityFrom(
    id,
    'device',
    dnsName ?? readString(raw.mdeDeviceId) ?? 'Unnamed device',
    raw,
    {
      deviceDnsName: dnsName,
      mdeDeviceId: readString(raw.mdeDeviceId),
      azureAdDeviceId: readString(raw.azureAdDeviceId),
      osPlatform: readString(raw.osPlatform),
      osBuild: readString(raw.osBuild),
      osVersion: readString(raw.version),
      healthStatus: readString(raw.healthStatus),
      riskScore: readString(raw.riskScore),
      exposureLevel: readString(raw.exposureLevel),
      onboardingStatus: readString(raw.onboardingStatus),
      defenderAvStatus: readString(raw.defenderAvStatus),
      rbacGroupName: readString(raw.rbacGroupName),
      ipInterfaces: nonEmpty(readStringArray(raw.ipInterfaces)),
      loggedOnUsers: nonEmpty(loggedOnUsers),
      tags: nonEmpty(readStringArray(raw.tags)),
    },
    ['version', 'osBuild', 'loggedOnUsers'],
  );
}

function nonEmpty<T>(items: T[]): T[] | undefined {
  return items.length === 0 ? undefined : items;
}

/** Properties of a user account, from `userEvidence.userAccount` or a process's account. */
export function accountProperties(account: JsonRecord | undefined): JsonRecord {
  return {
    accountName: readString(account?.accountName),
    domainName: readString(account?.domainName),
    userPrincipalName: readString(account?.userPrincipalName),
    userSid: readString(account?.userSid),
    azureAdUserId: readString(account?.azureAdUserId),
    displayName: readString(account?.displayName),
  };
}

function mapUser(raw: JsonRecord, context: EvidenceContext): Entity {
  const account = accountOf(raw);
  const id = keyOrFallback(userKey(account), 'user', 'userAccount', context);
  const name =
    readString(account?.displayName) ??
    readString(account?.userPrincipalName) ??
    readString(account?.accountName) ??
    'Unnamed user';
  return entityFrom(id, 'user', name, raw, accountProperties(account), ['userAccount']);
}

function mapFile(raw: JsonRecord, context: EvidenceContext): Entity {
  const details = asRecord(raw.fileDetails);
  reportInvalidHashes(details, { ...context, path: `${context.path}.fileDetails` });
  const id = keyOrFallback(fileKey(details), 'file', 'fileDetails', context);
  const name = readString(details?.fileName) ?? (details ? filePath(details) : undefined) ?? 'Unnamed file';
  return entityFrom(
    id,
    'file',
    name,
    raw,
    { ...fileProperties(details), detectionStatus: readString(raw.detectionStatus) },
    ['fileDetails'],
  );
}

/** Returns the device identifier of a process or file evidence item: its own, else the alert's. */
export function evidenceDeviceId(raw: JsonRecord, context: EvidenceContext): string | undefined {
  return readString(raw.mdeDeviceId) ?? context.alertDeviceId;
}

function mapProcess(raw: JsonRecord, context: EvidenceContext): Entity {
  const { alertId, path, issues } = context;
  const image = asRecord(raw.imageFile);
  const account = accountOf(raw);
  reportInvalidHashes(image, { ...context, path: `${context.path}.imageFile` });
  reportInvalidHashes(asRecord(raw.parentProcessImageFile), { ...context, path: `${context.path}.parentProcessImageFile` });
  const id = keyOrFallback(
    processKey(evidenceDeviceId(raw, context), raw.processId, raw.processCreationDateTime),
    'process',
    'processId',
    context,
  );

  const processCreationTime = parseTimeField(raw.processCreationDateTime, issues, alertId, `${path}.processCreationDateTime`);
  const parentProcessCreationTime = parseTimeField(
    raw.parentProcessCreationDateTime,
    issues,
    alertId,
    `${path}.parentProcessCreationDateTime`,
  );
  const commandLine = readString(raw.processCommandLine);
  const pid = readNumber(raw.processId);
  const name = processDisplayName(readString(image?.fileName), commandLine, pid);

  const entity = entityFrom(
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
      imageFileName: readString(image?.fileName),
      imageFilePath: readString(image?.filePath),
      accountName: readString(account?.accountName),
      domainName: readString(account?.domainName),
      detectionStatus: readString(raw.detectionStatus),
      mdeDeviceId: readString(raw.mdeDeviceId),
    },
    ['processCreationDateTime', 'parentProcessCreationDateTime', 'processId', 'parentProcessId', 'processCommandLine'],
  );
  if (processCreationTime !== undefined) entity.firstSeen = processCreationTime;
  return entity;
}

function mapIp(raw: JsonRecord, context: EvidenceContext): Entity {
  const id = keyOrFallback(ipKey(raw.ipAddress), 'ip', 'ipAddress', context);
  const address = readString(raw.ipAddress) ?? 'Unknown IP address';
  return entityFrom(id, 'ip', address, raw, {
    ipAddress: readString(raw.ipAddress),
    countryLetterCode: readString(raw.countryLetterCode),
  });
}

function mapDns(raw: JsonRecord, context: EvidenceContext): Entity {
  const domain = readString(raw.domainName);
  const id = keyOrFallback(domain && `dnsName:${domain.toLowerCase()}`, 'dnsName', 'domainName', context);
  return entityFrom(id, 'dnsName', domain ?? 'Unknown domain', raw, { domainName: domain });
}

function mapRegistryKey(raw: JsonRecord, context: EvidenceContext): Entity {
  const id = keyOrFallback(registryKeyKey(raw), 'registryKey', 'registryKey', context);
  return entityFrom(id, 'registryKey', registryPath(raw) ?? 'Unknown registry key', raw, {
    registryHive: readString(raw.registryHive),
    registryKey: readString(raw.registryKey),
  });
}

function mapRegistryValue(raw: JsonRecord, context: EvidenceContext): Entity {
  const keyPath = registryPath(raw);
  const valueName = readString(raw.registryValueName);
  const identifier =
    keyPath === undefined ? undefined : `registryValue:${keyPath.toLowerCase()}\\${(valueName ?? '(default)').toLowerCase()}`;
  const id = keyOrFallback(identifier, 'registryValue', 'registryKey', context);
  return entityFrom(id, 'registryValue', valueName ?? '(default)', raw, {
    registryHive: readString(raw.registryHive),
    registryKey: readString(raw.registryKey),
    registryValueName: valueName,
    registryValue: readString(raw.registryValue),
    registryValueType: readString(raw.registryValueType),
  });
}

function mapSecurityGroup(raw: JsonRecord, context: EvidenceContext): Entity {
  const groupId = readString(raw.securityGroupId);
  const id = keyOrFallback(groupId && `securityGroup:${groupId.toLowerCase()}`, 'securityGroup', 'securityGroupId', context);
  return entityFrom(id, 'securityGroup', readString(raw.displayName) ?? groupId ?? 'Unnamed group', raw, {});
}

export const ENDPOINT_EVIDENCE_MAPPERS: Readonly<Record<string, EvidenceMapper>> = {
  deviceEvidence: mapDevice,
  userEvidence: mapUser,
  fileEvidence: mapFile,
  processEvidence: mapProcess,
  ipEvidence: mapIp,
  dnsEvidence: mapDns,
  registryKeyEvidence: mapRegistryKey,
  registryValueEvidence: mapRegistryValue,
  securityGroupEvidence: mapSecurityGroup,
};
