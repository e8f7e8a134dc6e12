/**
 * Stable entity ids for evidence that carries no id of its own (Graph, Defender and advanced
 * hunting evidence). Each id is the entity kind, a colon, and the strongest identifier the
 * evidence has. Identifiers that compare ignoring case (hashes, e-mail addresses, DNS names,
 * SIDs, registry paths, GUIDs) are lowercased, so the same entity gets the same id in every
 * alert and in every format.
 */

import { parseTime } from '../../model/time.js';
import { asRecord, readNumber, readString, type JsonRecord } from './json-readers.js';

function lower(value: string | undefined): string | undefined {
  return value?.toLowerCase();
}

/** Returns the device id from `mdeDeviceId`, else `azureAdDeviceId`, else `deviceDnsName`. */
export function deviceKey(evidence: JsonRecord): string | undefined {
  const identifier =
    readString(evidence.mdeDeviceId) ??
    readString(evidence.azureAdDeviceId) ??
    readString(evidence.deviceDnsName);
  return identifier === undefined ? undefined : `device:${identifier.toLowerCase()}`;
}

/**
 * Identifiers of a user account, strongest first: Entra ID object id, SID, `domain\account`
 * (or the bare account name when no domain is given), UPN. Blank fields are skipped.
 */
export function userIdentifiers(account: JsonRecord | undefined): string[] {
  if (account === undefined) return [];
  const identifiers: Array<string | undefined> = [
    lower(readString(account.azureAdUserId)),
    lower(readString(account.userSid)),
    accountIdentifier(account),
    lower(readString(account.userPrincipalName) ?? readString(account.upn)),
  ];
  return identifiers.filter((identifier): identifier is string => identifier !== undefined);
}

function accountIdentifier(account: JsonRecord): string | undefined {
  const name = readString(account.accountName);
  if (name === undefined) return undefined;
  const domain = readString(account.domainName);
  return (domain === undefined ? name : `${domain}\\${name}`).toLowerCase();
}

/** Returns the user id from the strongest identifier of the account. */
export function userKey(account: JsonRecord | undefined): string | undefined {
  const [identifier] = userIdentifiers(account);
  return identifier === undefined ? undefined : `user:${identifier}`;
}

/** Number of hex digits in each file hash Graph gives. */
export const HASH_LENGTHS = { sha256: 64, sha1: 40, md5: 32 } as const;

export type HashField = keyof typeof HASH_LENGTHS;

export const HASH_FIELDS = Object.keys(HASH_LENGTHS) as HashField[];

/** Returns `details[field]` lowercased when it is hex of the hash's length, else `undefined`. */
export function validHash(details: JsonRecord | undefined, field: HashField): string | undefined {
  const text = readString(details?.[field])?.trim();
  if (text === undefined || text.length !== HASH_LENGTHS[field] || !/^[0-9a-f]+$/i.test(text)) return undefined;
  return text.toLowerCase();
}

/**
 * Returns the file id from `sha256`, else `sha1`, else the full path. A hash that is not hex of its length
 * is skipped, because it would merge files that only share a placeholder or a typo.
 */
export function fileKey(details: JsonRecord | undefined): string | undefined {
  if (details === undefined) return undefined;
  const hash = validHash(details, 'sha256') ?? validHash(details, 'sha1');
  if (hash !== undefined) return `file:${hash.toLowerCase()}`;
  const path = filePath(details);
  return path === undefined ? undefined : `file:${path.toLowerCase()}`;
}

/** Joins `filePath` and `fileName` with the separator the path uses. */
export function filePath(details: JsonRecord): string | undefined {
  const name = readString(details.fileName);
  const folder = readString(details.filePath);
  if (folder === undefined) return name;
  if (name === undefined) return folder;
  const separator = folder.includes('\\') ? '\\' : '/';
  return folder.endsWith(separator) ? `${folder}${name}` : `${folder}${separator}${name}`;
}

/**
 * Process id from the device, the process id and the creation time: process ids are reused, so
 * the creation time distinguishes two runs. `deviceIdentifier` is the process's `mdeDeviceId`, or
 * the alert's only device when the process has none. Returns `undefined` without a process id.
 */
export function processKey(
  deviceIdentifier: string | undefined,
  processId: unknown,
  creationTime: unknown,
): string | undefined {
  const pid = readNumber(processId);
  if (pid === undefined) return undefined;
  const created = parseTime(creationTime);
  return `process:${(deviceIdentifier ?? 'unknown-device').toLowerCase()}:${pid}:${created ?? 'unknown-time'}`;
}

export function ipKey(address: unknown): string | undefined {
  const text = readString(address);
  return text === undefined ? undefined : `ip:${text.trim().toLowerCase()}`;
}

/** Returns the URL id. Only the scheme and host compare ignoring case, so the rest keeps its case. */
export function urlKey(url: unknown): string | undefined {
  const text = readString(url)?.trim();
  if (text === undefined) return undefined;
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)(.*)$/i.exec(text);
  return `url:${match ? match[1]!.toLowerCase() + match[2]! : text}`;
}

export function mailboxKey(address: unknown): string | undefined {
  const text = readString(address);
  return text === undefined ? undefined : `mailbox:${text.trim().toLowerCase()}`;
}

/** Returns the registry key id from hive and key path, ignoring case as Windows does. */
export function registryKeyKey(evidence: JsonRecord): string | undefined {
  const path = registryPath(evidence);
  return path === undefined ? undefined : `registryKey:${path.toLowerCase()}`;
}

export function registryPath(evidence: JsonRecord): string | undefined {
  const key = readString(evidence.registryKey);
  if (key === undefined) return undefined;
  const hive = readString(evidence.registryHive);
  return hive === undefined ? key : `${hive}\\${key}`;
}

/** Returns the `userAccount` object of an evidence item, if any. */
export function accountOf(evidence: JsonRecord): JsonRecord | undefined {
  return asRecord(evidence.userAccount);
}
