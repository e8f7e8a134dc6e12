/**
 * Column groups that several hunting tables share: the device of a row, an account, and a file
 * with its hashes. Each reader returns the values under Graph's field names, which the shared
 * entity keys read, so a device, user or file gets the same id as in the Graph and Defender
 * mappers.
 */

import type { Entity } from '../../model/types.js';
import { deviceKey } from '../shared/entity-keys.js';
import { entityFromRecord } from '../shared/entity-record.js';
import { readNumber, readString, type JsonRecord } from '../shared/json-readers.js';

/** Returns the device entity of a row's `DeviceId` and `DeviceName`, or `undefined` when it names none. */
export function deviceOfRow(columns: JsonRecord): Entity | undefined {
  const known = {
    mdeDeviceId: readString(columns.DeviceId),
    deviceDnsName: readString(columns.DeviceName),
    rbacGroupName: readString(columns.MachineGroup),
  };
  const id = deviceKey(known);
  if (id === undefined) return undefined;
  return entityFromRecord(id, 'device', known.deviceDnsName ?? known.mdeDeviceId!, {}, known, new Set());
}

/**
 * Returns an account's fields under Graph's names. `prefix` selects the account: `Account` for
 * `AccountName`, `AccountDomain` …, or `InitiatingProcessAccount` for the initiating process.
 */
export function accountOfColumns(columns: JsonRecord, prefix = 'Account'): JsonRecord {
  return {
    azureAdUserId: readString(columns[`${prefix}ObjectId`]),
    userSid: readString(columns[`${prefix}Sid`]),
    accountName: readString(columns[`${prefix}Name`]),
    domainName: readString(columns[`${prefix}Domain`]),
    userPrincipalName: readString(columns[`${prefix}Upn`]),
  };
}

/**
 * Returns a file's fields under Graph's names from `FileName`, `FolderPath`, `SHA1`, `SHA256`,
 * `MD5` and `FileSize`, each after `prefix`. `FolderPath` is the folder in AlertEvidence but
 * the full path in DeviceProcessEvents, so a folder path that ends with the file name is cut
 * back to its folder.
 */
export function fileOfColumns(columns: JsonRecord, prefix = ''): JsonRecord {
  const fileName = readString(columns[`${prefix}FileName`]);
  return {
    fileName,
    filePath: folderOf(readString(columns[`${prefix}FolderPath`]), fileName),
    sha1: columns[`${prefix}SHA1`],
    sha256: columns[`${prefix}SHA256`],
    md5: columns[`${prefix}MD5`],
    fileSize: readNumber(columns[`${prefix}FileSize`]),
  };
}

/** Returns `path` without a trailing `name`, when it ends with a separator and the name (ignoring case). */
function folderOf(path: string | undefined, name: string | undefined): string | undefined {
  if (path === undefined || name === undefined) return path;
  const lowerPath = path.toLowerCase();
  const lowerName = name.toLowerCase();
  for (const separator of ['\\', '/']) {
    if (lowerPath.endsWith(`${separator}${lowerName}`)) return path.slice(0, path.length - name.length - 1) || separator;
  }
  return path;
}

/** Returns the source names of the hash columns, for data issues about invalid hashes. */
export function hashColumnNames(prefix = ''): { sha1: string; sha256: string; md5: string } {
  return { sha1: `${prefix}SHA1`, sha256: `${prefix}SHA256`, md5: `${prefix}MD5` };
}
