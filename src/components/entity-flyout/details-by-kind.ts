/**
 * The details the flyout shows first for each entity kind, read from the property names the
 * mappers write (`DeviceProperties` and its siblings in the data contract). Every other
 * non-empty property follows under "Other properties", so nothing a mapper keeps is hidden.
 */

import type { Entity, EntityKind } from '../../model/types.js';
import { msg } from '../shared/strings.js';
import { formatBytes } from './format.js';

/** A value as the flyout renders it. `code` values are long, monospace and copyable. */
export type DetailValue =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'time'; time: number }
  | { type: 'list'; items: string[]; code: boolean };

/** One labelled row of the details list. `key` is the property name, unique within the entity. */
export interface DetailRow {
  key: string;
  label: string;
  value: DetailValue;
}

type Format = 'text' | 'code' | 'number' | 'bytes' | 'time' | 'list' | 'codeList';

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
    field('senderIp', 'code'),
    field('deliveryAction'),
    field('deliveryLocation'),
    field('receivedTime', 'time'),
    field('urls', 'codeList'),
    field('attachmentCount', 'number'),
    field('threats', 'list'),
    field('threatDetectionMethods', 'list'),
    field('language'),
    field('networkMessageId', 'code'),
  ],
  mailCluster: [
    field('clusterBy'),
    field('clusterByValue'),
    field('emailCount', 'number'),
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
    field('imageFileName'),
    field('imageFilePath', 'code'),
    account,
    field('detectionStatus'),
    field('mdeDeviceId', 'code'),
  ],
  ip: [field('ipAddress'), field('countryLetterCode')],
  url: [field('url', 'code')],
  dnsName: [field('domainName'), field('ipAddresses', 'codeList')],
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
    field('fullResourceName', 'code'),
    field('namespace'),
    field('location'),
  ],
  container: [
    field('evidenceType'),
    field('name'),
    field('containerId', 'code'),
    field('imageId', 'code'),
    field('namespace'),
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
    shownKeys.add(spec.key);
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
      return typeof raw === 'number' && Number.isFinite(raw)
        ? { type: 'text', text: formatBytes(raw) }
        : inferValue(raw);
    case 'list':
    case 'codeList': {
      const items = (Array.isArray(raw) ? raw : [raw]).filter((item) => !isEmpty(item)).map(scalarText);
      return items.length === 0 ? undefined : { type: 'list', items, code: format === 'codeList' };
    }
    case 'code':
      return { type: 'code', text: scalarText(raw) };
    case 'number':
    case 'text':
      return typeof raw === 'object' ? inferValue(raw) : { type: 'text', text: scalarText(raw) };
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

/** Long strings and long unbroken tokens (paths, hashes, ids) read best in monospace. */
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

function nonBlank(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
