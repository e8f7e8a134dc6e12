/**
 * Mappers for cloud evidence: applications, cloud resources, containers and Kubernetes objects.
 * Several source types share one entity kind, so each entity keeps its source type in
 * `properties.evidenceType`.
 */

import type { Entity, EntityKind } from '../../model/types.js';
import { entityFrom, keyOrFallback, type EvidenceContext, type EvidenceMapper } from './evidence-common.js';
import { asRecord, readString, type JsonRecord } from './read.js';

function mapCloudApplication(raw: JsonRecord, context: EvidenceContext): Entity {
  const appId = readString(raw.appId);
  const instanceId = readString(raw.instanceId);
  const identifier =
    appId === undefined ? undefined : `cloudApp:${appId.toLowerCase()}${instanceId ? `:${instanceId.toLowerCase()}` : ''}`;
  const id = keyOrFallback(identifier, 'cloudApp', 'appId', context);
  return entityFrom(id, 'cloudApp', readString(raw.displayName) ?? appId ?? 'Unnamed app', raw, {});
}

function mapOauthApplication(raw: JsonRecord, context: EvidenceContext): Entity {
  const appId = readString(raw.appId);
  const id = keyOrFallback(appId && `oauthApp:${appId.toLowerCase()}`, 'oauthApp', 'appId', context);
  return entityFrom(id, 'oauthApp', readString(raw.displayName) ?? appId ?? 'Unnamed app', raw, {});
}

/**
 * Builds a mapper for a type whose id is one field. `caseInsensitive` lowercases the field (for
 * Azure resource ids and storage URLs). The name is the first present field of `nameFields`.
 */
function byField(
  kind: EntityKind,
  evidenceType: string,
  field: string,
  nameFields: readonly string[],
  caseInsensitive = true,
): EvidenceMapper {
  return (raw, context) => {
    const value = readString(raw[field]);
    const identifier = value === undefined ? undefined : `${kind}:${caseInsensitive ? value.toLowerCase() : value}`;
    const id = keyOrFallback(identifier, kind, field, context);
    const name = nameFields.map((name) => readString(raw[name])).find((text) => text !== undefined);
    return entityFrom(id, kind, name ?? value ?? evidenceType, raw, { evidenceType });
  };
}

function mapGoogleCloudResource(raw: JsonRecord, context: EvidenceContext): Entity {
  const fullName = readString(raw.fullResourceName);
  const projectId = readString(raw.projectId);
  const resourceName = readString(raw.resourceName);
  const identifier =
    fullName ?? (projectId && resourceName ? `projects/${projectId}/${resourceName}` : undefined);
  const id = keyOrFallback(identifier && `cloudResource:${identifier}`, 'cloudResource', 'fullResourceName', context);
  return entityFrom(id, 'cloudResource', resourceName ?? identifier ?? 'Google Cloud resource', raw, {
    evidenceType: 'googleCloudResourceEvidence',
  });
}

/** Returns the name of a nested Kubernetes object, which Graph gives as an evidence object or a string. */
function nestedName(value: unknown): string | undefined {
  return readString(value) ?? readString(asRecord(value)?.name);
}

/**
 * Builds a mapper for a Kubernetes object: its id is the object type, namespace and name, which
 * is how Kubernetes names objects within a cluster.
 */
function kubernetesObject(kind: EntityKind, evidenceType: string, objectType: string): EvidenceMapper {
  return (raw, context) => {
    const name = readString(raw.name);
    const namespace = nestedName(raw.namespace) ?? nestedName(raw.cluster);
    let qualified = name;
    if (name !== undefined && namespace !== undefined) qualified = `${namespace}/${name}`;
    const id = keyOrFallback(qualified && `${kind}:${objectType}:${qualified}`, kind, 'name', context);
    return entityFrom(id, kind, qualified ?? evidenceType, raw, { evidenceType, namespace });
  };
}

export const CLOUD_EVIDENCE_MAPPERS: Readonly<Record<string, EvidenceMapper>> = {
  cloudApplicationEvidence: mapCloudApplication,
  oauthApplicationEvidence: mapOauthApplication,
  azureResourceEvidence: byField('cloudResource', 'azureResourceEvidence', 'resourceId', ['resourceName']),
  amazonResourceEvidence: byField('cloudResource', 'amazonResourceEvidence', 'amazonResourceId', ['resourceName'], false),
  googleCloudResourceEvidence: mapGoogleCloudResource,
  blobEvidence: byField('cloudResource', 'blobEvidence', 'url', ['name']),
  blobContainerEvidence: byField('cloudResource', 'blobContainerEvidence', 'url', ['name']),
  containerRegistryEvidence: byField('cloudResource', 'containerRegistryEvidence', 'registry', ['registry']),
  containerEvidence: byField('container', 'containerEvidence', 'containerId', ['name'], false),
  containerImageEvidence: byField('container', 'containerImageEvidence', 'imageId', ['imageId']),
  kubernetesPodEvidence: kubernetesObject('container', 'kubernetesPodEvidence', 'pod'),
  kubernetesClusterEvidence: kubernetesObject('cloudResource', 'kubernetesClusterEvidence', 'cluster'),
  kubernetesNamespaceEvidence: kubernetesObject('cloudResource', 'kubernetesNamespaceEvidence', 'namespace'),
  kubernetesControllerEvidence: kubernetesObject('cloudResource', 'kubernetesControllerEvidence', 'controller'),
  kubernetesServiceEvidence: kubernetesObject('cloudResource', 'kubernetesServiceEvidence', 'service'),
  kubernetesServiceAccountEvidence: kubernetesObject('cloudResource', 'kubernetesServiceAccountEvidence', 'serviceAccount'),
  kubernetesSecretEvidence: kubernetesObject('cloudResource', 'kubernetesSecretEvidence', 'secret'),
};
