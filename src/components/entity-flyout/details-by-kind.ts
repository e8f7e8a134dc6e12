/**
 * The details the flyout shows first for each entity kind, read from the property names the
 * mappers write (`DeviceProperties` and its siblings in the data contract). Every other
 * non-empty property follows under "Other properties", so nothing a mapper keeps is hidden.
 */

import type { Entity, EntityKind } from '../../model/types.js';
import { msg, registerStrings } from '../shared/strings.js';

/**
 * Labels of the fields this module reads besides those the flyout's string table names. They
 * are registered as defaults, so a label the flyout table already has keeps that value.
 */
const DETAIL_FIELD_STRINGS: Readonly<Record<string, string>> = {
  'flyout.field.antiSpamDirection': 'Direction',
  'flyout.field.args': 'Arguments',
  'flyout.field.attachments': 'Attachments',
  'flyout.field.amazonAccountId': 'Amazon account ID',
  'flyout.field.command': 'Command',
  'flyout.field.digestImage': 'Image digest',
  'flyout.field.dnsServerIp': 'DNS server',
  'flyout.field.hostIpAddress': 'Host IP address',
  'flyout.field.image': 'Image',
  'flyout.field.imageFileSha1': 'Image file SHA1',
  'flyout.field.imageFileSha256': 'Image file SHA256',
  'flyout.field.internetMessageId': 'Internet message ID',
  'flyout.field.isPrivileged': 'Privileged',
  'flyout.field.parentImageFile': 'Parent image file',
  'flyout.field.podIp': 'Pod IP address',
  'flyout.field.projectId': 'Project ID',
  'flyout.field.recipients': 'Recipients',
  'flyout.field.registry': 'Registry',
  'flyout.field.urlCount': 'URLs in message',
};

// A call, not a side-effect import, so that bundlers honouring `sideEffects` keep it.
registerStrings(DETAIL_FIELD_STRINGS);

/**
 * A value as the flyout renders it. `code` values are long, monospace and copyable. Times,
 * counts and sizes are formatted in the element's locale when rendered.
 */
export type DetailValue =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'time'; time: number }
  | { type: 'count'; count: number }
  | { type: 'bytes'; bytes: number }
  | { type: 'list'; items: string[]; code: boolean };

/** One labelled row of the details list. `key` is the property name, unique within the entity. */
export interface DetailRow {
  key: string;
  label: string;
  value: DetailValue;
}

/** Display format of a field: `number` is an identifier such as a process id, `count` an amount. */
type Format = 'text' | 'code' | 'number' | 'count' | 'bytes' | 'time' | 'list' | 'codeList';

interface FieldSpec {
  /** The property read, and the label key `flyout.field.<key>`. */
  key: string;
  format: Format;
  /** Computes the value from the entity instead of reading `properties[key]`. */
  read?: (entity: Entity) => unknown;
  /** Properties this field shows besides `key`, which "Other properties" then leaves out. */
  uses?: readonly string[];
}

const field = (key: string, format: Format = 'text', extra: Partial<FieldSpec> = {}): FieldSpec => ({
  key,
  format,
  ...extra,
});

/** `DOMAIN\account`, or whichever of the two is present. */
const account: FieldSpec = field('account', 'text', {
  uses: ['accountName', 'domainName'],
  read: ({ properties }) => {
    const name = nonBlank(properties.accountName);
    const domain = nonBlank(properties.domainName);
    if (name && domain) return `${domain}\\${name}`;
    return name ?? domain;
  },
});

/** Reads a string at `path` inside an object property, as Graph nests files and addresses. */
function nested(entity: Entity, key: string, path: readonly string[]): string | undefined {
  let value: unknown = entity.properties[key];
  for (const step of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[step];
  }
  return nonBlank(value);
}

/**
 * The user a process runs as: `DOMAIN\account`, else the UPN of its `userAccount`. The raw
 * `userAccount` object stays under "Other properties" with the rest of its fields.
 */
const processUser: FieldSpec = field('account', 'text', {
  uses: ['accountName', 'domainName'],
  read: (entity) => account.read!(entity) ?? nested(entity, 'userAccount', ['userPrincipalName']),
});

/**
 * The parent's image file, from Graph's `parentProcessImageFile` or MDE's flat
 * `parentProcessFileName` and `parentProcessFilePath`: folder and name joined, or whichever is present.
 */
const parentImageFile: FieldSpec = field('parentImageFile', 'code', {
  read: (entity) => {
    const name = nested(entity, 'parentProcessImageFile', ['fileName']) ?? nonBlank(entity.properties.parentProcessFileName);
    const folder = nested(entity, 'parentProcessImageFile', ['filePath']) ?? nonBlank(entity.properties.parentProcessFilePath);
    if (folder && name) return folder.endsWith(name) ? folder : `${folder.replace(/[\\/]+$/, '')}\\${name}`;
    return name ?? folder;
  },
});

/** A place from Graph's `geoLocation` object (city, state, country), or a plain string. */
const geoLocation: FieldSpec = field('location', 'text', {
  read: ({ properties }) => {
    const location = properties.location;
    if (typeof location !== 'object' || location === null) return location;
    const { city, state, countryName } = location as Record<string, unknown>;
    const parts = [city, state, countryName].map(nonBlank).filter((part) => part !== undefined);
    return parts.length > 0 ? parts.join(', ') : location;
  },
});

/** The display name the source gave, else the entity's. */
const displayName: FieldSpec = field('displayName', 'text', {
  read: (entity) => nonBlank(entity.properties.displayName) ?? entity.displayName,
});

const FIELDS_BY_KIND: Partial<Record<EntityKind, readonly FieldSpec[]>> = {
  device: [
    field('deviceDnsName'),
    field('osPlatform'),
    field('osBuild'),
    field('osVersion'),
    field('healthStatus'),
    field('riskScore'),
    field('exposureLevel'),
    field('onboardingStatus'),
    field('defenderAvStatus'),
    field('rbacGroupName'),
    field('loggedOnUsers', 'list'),
    field('ipInterfaces', 'codeList'),
    field('tags', 'list'),
    field('mdeDeviceId', 'code'),
    field('azureAdDeviceId', 'code'),
  ],
  user: [
    displayName,
    field('userPrincipalName'),
    field('accountName'),
    field('domainName'),
    field('userSid', 'code'),
    field('azureAdUserId', 'code'),
  ],
  mailbox: [
    field('primaryAddress'),
    displayName,
    field('upn'),
    field('userUserPrincipalName'),
    field('userAccountName'),
    field('userDomainName'),
    field('userUserSid', 'code'),
    field('userAzureAdUserId', 'code'),
  ],
  mailMessage: [
    field('subject'),
    field('sender'),
    field('recipient'),
    // Graph gives one message item per recipient, but other sources may list them all.
    field('recipients', 'list'),
    field('senderIp', 'code'),
    field('deliveryAction'),
    field('deliveryLocation'),
    field('antiSpamDirection'),
    field('receivedTime', 'time'),
    field('urls', 'codeList'),
    field('urlCount', 'count'),
    field('attachmentCount', 'count'),
    field('attachments', 'codeList'),
    field('threats', 'list'),
    field('threatDetectionMethods', 'list'),
    field('language'),
    field('networkMessageId', 'code'),
    field('internetMessageId', 'code'),
  ],
  mailCluster: [
    field('clusterBy'),
    field('clusterByValue'),
    field('emailCount', 'count'),
    field('query', 'code'),
    field('networkMessageIds', 'codeList'),
  ],
  file: [
    field('fileName'),
    field('filePath', 'code'),
    field('fileSize', 'bytes'),
    field('sha1', 'code'),
    field('sha256', 'code'),
    field('md5', 'code'),
    field('signer'),
    field('issuer'),
    field('filePublisher'),
    field('detectionStatus'),
  ],
  process: [
    field('processCommandLine', 'code'),
    field('processId', 'number'),
    field('processCreationTime', 'time'),
    field('parentProcessId', 'number'),
    field('parentProcessCreationTime', 'time'),
    parentImageFile,
    field('imageFileName'),
    field('imageFilePath', 'code'),
    field('imageFileSha256', 'code', { read: (entity) => nested(entity, 'imageFile', ['sha256']) }),
    field('imageFileSha1', 'code', { read: (entity) => nested(entity, 'imageFile', ['sha1']) }),
    processUser,
    field('detectionStatus'),
    field('mdeDeviceId', 'code'),
  ],
  ip: [field('ipAddress'), field('countryLetterCode'), geoLocation],
  url: [field('url', 'code')],
  dnsName: [
    field('domainName'),
    field('ipAddresses', 'codeList'),
    field('hostIpAddress', 'text', { read: (entity) => nested(entity, 'hostIpAddress', ['ipAddress']) ?? entity.properties.hostIpAddress }),
    field('dnsServerIp', 'text', { read: (entity) => nested(entity, 'dnsServerIp', ['ipAddress']) ?? entity.properties.dnsServerIp }),
  ],
  cloudApp: [
    field('displayName'),
    field('appId', 'code'),
    field('instanceName'),
    field('instanceId', 'code'),
    field('saasAppId', 'code'),
  ],
  oauthApp: [
    field('displayName'),
    field('appId', 'code'),
    field('objectId', 'code'),
    field('publisher'),
  ],
  cloudResource: [
    field('evidenceType'),
    field('resourceName'),
    field('resourceType'),
    field('resourceId', 'code'),
    field('amazonResourceId', 'code'),
    field('amazonAccountId', 'code'),
    field('fullResourceName', 'code'),
    field('projectId'),
    field('url', 'code'),
    field('registry'),
    field('name'),
    field('namespace'),
    geoLocation,
  ],
  container: [
    field('evidenceType'),
    field('name'),
    field('containerId', 'code'),
    field('image', 'code', { read: (entity) => nested(entity, 'image', ['imageId']) ?? entity.properties.image }),
    field('imageId', 'code'),
    field('digestImage', 'code', { read: (entity) => nested(entity, 'digestImage', ['imageId']) ?? entity.properties.digestImage }),
    field('registry', 'text', { read: (entity) => nested(entity, 'registry', ['registry']) ?? entity.properties.registry }),
    field('namespace'),
    field('isPrivileged'),
    field('command', 'codeList'),
    field('args', 'codeList'),
    field('podIp', 'text', { read: (entity) => nested(entity, 'podIp', ['ipAddress']) ?? entity.properties.podIp }),
  ],
  registryKey: [field('registryHive'), field('registryKey', 'code')],
  registryValue: [
    field('registryValueName'),
    field('registryValue', 'code'),
    field('registryValueType'),
    field('registryHive'),
    field('registryKey', 'code'),
  ],
  securityGroup: [field('displayName'), field('securityGroupId', 'code')],
  other: [field('rawType')],
};

/** The details of an entity: the fields of its kind first, then every other non-empty property. */
export interface EntityDetails {
  primary: DetailRow[];
  other: DetailRow[];
}

/**
 * Builds the detail rows of an entity. Kind `other` (and any kind without a field list) shows
 * all its properties in `primary`, `rawType` first, since there is no better order to offer.
 */
export function entityDetails(entity: Entity): EntityDetails {
  const specs = FIELDS_BY_KIND[entity.kind] ?? [];
  const shownKeys = new Set<string>();
  const primary: DetailRow[] = [];

  for (const spec of specs) {
    // A field computed from an object property shows part of it, so the object stays listed.
    if (!(spec.read && isObject(entity.properties[spec.key]))) shownKeys.add(spec.key);
    for (const key of spec.uses ?? []) shownKeys.add(key);

    const raw = spec.read ? spec.read(entity) : entity.properties[spec.key];
    const value = formatValue(raw, spec.format);
    if (value) primary.push({ key: spec.key, label: fieldLabel(spec.key), value });
  }

  const other: DetailRow[] = [];
  for (const [key, raw] of Object.entries(entity.properties ?? {})) {
    if (shownKeys.has(key)) continue;
    const value = inferValue(raw);
    if (value) other.push({ key, label: fieldLabel(key), value });
  }

  if (entity.kind === 'other' || specs.length === 0) {
    return { primary: [...primary, ...other], other: [] };
  }
  return { primary, other };
}

/** Returns the label of a property: a registered `flyout.field.<key>` string, else the key itself. */
export function fieldLabel(key: string): string {
  const id = `flyout.field.${key}`;
  const label = msg(id);
  return label === id ? key : label;
}

function formatValue(raw: unknown, format: Format): DetailValue | undefined {
  if (isEmpty(raw)) return undefined;

  switch (format) {
    case 'time':
      return typeof raw === 'number' && Number.isFinite(raw) ? { type: 'time', time: raw } : inferValue(raw);
    case 'bytes':
      return typeof raw === 'number' && Number.isFinite(raw) ? { type: 'bytes', bytes: raw } : inferValue(raw);
    case 'count':
      return typeof raw === 'number' && Number.isFinite(raw) ? { type: 'count', count: raw } : inferValue(raw);
    case 'list':
    case 'codeList': {
      const items = (Array.isArray(raw) ? raw : [raw]).filter((item) => !isEmpty(item)).map(scalarText);
      return items.length === 0 ? undefined : { type: 'list', items, code: format === 'codeList' };
    }
    case 'code':
      return { type: 'code', text: scalarText(raw) };
    case 'number':
    case 'text':
      return typeof raw === 'object' || typeof raw === 'boolean' ? inferValue(raw) : { type: 'text', text: scalarText(raw) };
  }
}

/** Chooses how to show a property that no field list names, from the value alone. */
function inferValue(raw: unknown): DetailValue | undefined {
  if (isEmpty(raw)) return undefined;

  if (typeof raw === 'string') return looksLikeCode(raw) ? { type: 'code', text: raw } : { type: 'text', text: raw };
  if (typeof raw === 'boolean') return { type: 'text', text: msg(raw ? 'flyout.yes' : 'flyout.no') };
  if (typeof raw === 'number' || typeof raw === 'bigint') return { type: 'text', text: String(raw) };

  if (Array.isArray(raw) && raw.every((item) => typeof item !== 'object' || item === null)) {
    const items = raw.filter((item) => !isEmpty(item)).map(scalarText);
    if (items.length === 0) return undefined;
    return { type: 'list', items, code: items.some(looksLikeCode) };
  }

  return { type: 'code', text: scalarText(raw) };
}

/**
 * Returns true for long strings and long unbroken tokens (paths, hashes, ids), which read best
 * in monospace.
 */
function looksLikeCode(text: string): boolean {
  return text.length > 80 || (text.length >= 24 && !/\s/.test(text));
}

function scalarText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) {
    try {
      return JSON.stringify(value, null, 2);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (typeof value === 'number') return Number.isNaN(value);
  if (Array.isArray(value)) return value.every(isEmpty);
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonBlank(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
