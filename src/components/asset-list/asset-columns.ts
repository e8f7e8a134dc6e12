/**
 * The asset categories and, for each, the details an analyst checks first, read from the
 * property names the mappers write (see `DeviceProperties` and `UserProperties` in the data
 * contract). A detail the source does not give is left empty. DOM-free.
 *
 * NOTE: Microsoft Graph's evidence has no threat level and no contact details for a user. The
 * user columns read `threatLevel`, `riskLevel`, `mail`, `email` and `phone` for adapters of
 * other sources that provide them, so with Graph data they stay empty.
 */

import type { Entity, EntityKind } from '../../model/types.js';

export const ASSET_CATEGORIES = ['devices', 'users', 'mailboxes', 'apps', 'cloudResources'] as const;

export type AssetCategory = (typeof ASSET_CATEGORIES)[number];

/** The entity kinds each category lists. */
export const CATEGORY_KINDS: Readonly<Record<AssetCategory, readonly EntityKind[]>> = {
  devices: ['device'],
  users: ['user'],
  mailboxes: ['mailbox'],
  apps: ['cloudApp', 'oauthApp'],
  cloudResources: ['cloudResource', 'container'],
};

/** Returns the category of an entity kind, or undefined for a kind that is not an asset (a file, an IP address). */
export function categoryOf(kind: EntityKind): AssetCategory | undefined {
  return ASSET_CATEGORIES.find((category) => CATEGORY_KINDS[category].includes(kind));
}

/** A detail column: its label key `assets.column.<key>` and how to read the value. */
export interface AssetColumn {
  key: string;
  read: (entity: Entity) => string | undefined;
  /** `mailto` renders an e-mail address as a mailto link. */
  link?: 'mailto';
}

/** Returns the first property of `names` that contains a non-blank string or a finite number, as text. */
function first(entity: Entity, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = entity.properties[name];
    if (typeof value === 'string' && value.trim() !== '') return value;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (Array.isArray(value)) {
      const item = value.find((entry): entry is string => typeof entry === 'string' && entry.trim() !== '');
      if (item !== undefined) return item;
    }
  }
  return undefined;
}

const column = (key: string, ...names: string[]): AssetColumn => ({ key, read: (entity) => first(entity, ...names) });

/** Operating system with its version or build, whichever the source gives. */
const operatingSystem: AssetColumn = {
  key: 'os',
  read: (entity) => {
    const platform = first(entity, 'osPlatform');
    const version = first(entity, 'osVersion', 'osBuild');
    if (platform && version) return `${platform} ${version}`;
    return platform ?? version;
  },
};

/** `DOMAIN\account`, or whichever of the two is present. */
const account: AssetColumn = {
  key: 'account',
  read: (entity) => {
    const name = first(entity, 'accountName');
    const domain = first(entity, 'domainName');
    if (name && domain) return `${domain}\\${name}`;
    return name ?? domain;
  },
};

/** Readable names of the cloud evidence types that the Microsoft Graph mapper keeps in `evidenceType`. */
const EVIDENCE_TYPE_NAMES: Readonly<Record<string, string>> = {
  azureResourceEvidence: 'Azure resource',
  amazonResourceEvidence: 'Amazon resource',
  googleCloudResourceEvidence: 'Google Cloud resource',
  blobEvidence: 'Blob',
  blobContainerEvidence: 'Blob container',
  containerRegistryEvidence: 'Container registry',
  containerEvidence: 'Container',
  containerImageEvidence: 'Container image',
  kubernetesPodEvidence: 'Kubernetes pod',
  kubernetesClusterEvidence: 'Kubernetes cluster',
  kubernetesNamespaceEvidence: 'Kubernetes namespace',
  kubernetesControllerEvidence: 'Kubernetes controller',
  kubernetesServiceEvidence: 'Kubernetes service',
  kubernetesServiceAccountEvidence: 'Kubernetes service account',
  kubernetesSecretEvidence: 'Kubernetes secret',
};

const resourceType: AssetColumn = {
  key: 'resourceType',
  read: (entity) => {
    const type = first(entity, 'evidenceType', 'resourceType');
    return type === undefined ? undefined : (EVIDENCE_TYPE_NAMES[type] ?? type);
  },
};

/** The detail columns of each category, between the name and the verdict. */
export const CATEGORY_COLUMNS: Readonly<Record<AssetCategory, readonly AssetColumn[]>> = {
  devices: [
    column('riskScore', 'riskScore'),
    column('exposureLevel', 'exposureLevel'),
    operatingSystem,
    column('healthStatus', 'healthStatus'),
    column('onboardingStatus', 'onboardingStatus'),
  ],
  users: [
    column('threatLevel', 'threatLevel', 'riskLevel'),
    column('userPrincipalName', 'userPrincipalName'),
    account,
    { key: 'email', read: (entity) => first(entity, 'mail', 'email', 'emailAddress'), link: 'mailto' },
    column('phone', 'phone', 'mobilePhone', 'businessPhones'),
  ],
  mailboxes: [
    { key: 'address', read: (entity) => first(entity, 'primaryAddress', 'upn'), link: 'mailto' },
    column('mailboxUser', 'userUserPrincipalName', 'userDisplayName', 'userAccountName'),
  ],
  apps: [
    column('appId', 'appId', 'saasAppId'),
    column('publisher', 'publisher', 'publisherName'),
    column('instance', 'instanceName', 'instanceId'),
  ],
  cloudResources: [
    resourceType,
    column('resourceId', 'resourceId', 'amazonResourceId', 'fullResourceName', 'url', 'containerId', 'imageId'),
    column('location', 'location', 'region', 'namespace'),
  ],
};

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

/** Returns a mailto URL for a plain e-mail address, or undefined for anything else. */
export function mailtoUrl(address: string): string | undefined {
  return EMAIL.test(address) ? `mailto:${encodeURIComponent(address).replace('%40', '@')}` : undefined;
}

/** Levels of risk, exposure and threat as Microsoft Defender spells them, highest first, in lower case. */
const LEVEL_ORDER = ['high', 'medium', 'low', 'informational', 'none'];

/** Column keys whose values are levels, which sort from the highest level down. */
const LEVEL_COLUMNS: ReadonlySet<string> = new Set(['riskScore', 'exposureLevel', 'threatLevel']);

/** Sort key of the asset table: the name, the verdict, or a detail column's key. */
export interface AssetSort {
  key: string;
  descending: boolean;
}

/**
 * Compares two assets by one detail column. Levels sort from high to none, then any other value
 * alphabetically. An empty detail sorts last.
 */
export function compareDetail(column: AssetColumn, a: Entity, b: Entity): number {
  const left = column.read(a);
  const right = column.read(b);
  if (left === undefined || right === undefined) return (left === undefined ? 1 : 0) - (right === undefined ? 1 : 0);

  if (LEVEL_COLUMNS.has(column.key)) {
    const leftRank = LEVEL_ORDER.indexOf(left.toLowerCase());
    const rightRank = LEVEL_ORDER.indexOf(right.toLowerCase());
    if (leftRank >= 0 && rightRank >= 0) return leftRank - rightRank;
    if (leftRank >= 0 || rightRank >= 0) return leftRank >= 0 ? -1 : 1;
  }
  return left.localeCompare(right, undefined, { numeric: true });
}
