/**
 * Derives entity-to-entity relations from Graph evidence, which has no edge list. A process
 * names its parent, image file, account and device, and a message names its sender, recipient
 * and URLs. Only facts the evidence states become relations. Sharing an alert is already drawn
 * as the alert's evidence edges, so it makes no relation here.
 */

import { earliestTime, mergeEntities } from '../../model/merge.js';
import type { Entity, Relation, RelationType } from '../../model/types.js';
import type { MappedEvidence } from './evidence.js';
import { fileProperties } from './evidence-endpoint.js';
import { senderAddress } from './evidence-mail.js';
import { fileKey, filePath, ipKey, mailboxKey, processKey, registryKeyKey, urlKey, userIdentifiers } from './keys.js';
import { asRecord, readNumber, readRecordArray, readString, readStringArray, type JsonRecord } from './read.js';

/** One mapped evidence item with the facts of its alert that relations need. */
export interface AlertEvidenceItem {
  mapped: MappedEvidence;
  /** Entity id of the alert's only device, when the alert has exactly one. */
  alertDeviceEntityId: string | undefined;
}

/** Relation type of a message's sender IP address; not one of the shared relation types. */
export const SENT_FROM_RELATION = 'sentFrom';

/** Roles of an IP address that the alert's device connected to (outbound) or that connected to the device (inbound). */
const OUTBOUND_IP_ROLES = new Set(['commandandcontrol', 'destination']);
const INBOUND_IP_ROLES = new Set(['attacker', 'source']);

/**
 * Derives the relations of one incident. Ghost parent processes are added to `entities`: a
 * process whose parent is not itself evidence gets a parent node built from
 * `parentProcessId`, `parentProcessCreationDateTime` and `parentProcessImageFile`.
 */
export function deriveRelations(items: AlertEvidenceItem[], entities: Map<string, Entity>): Relation[] {
  const index = new EntityIndex(entities);
  const relations = new Map<string, Relation>();

  const relate = (source: string | undefined, target: string | undefined, type: RelationType): void => {
    if (source === undefined || target === undefined) return;
    if (!entities.has(source) || !entities.has(target)) return;
    const key = `${source}\u0000${type}\u0000${target}`;
    if (!relations.has(key)) relations.set(key, { source, target, type });
  };

  for (const { mapped, alertDeviceEntityId } of items) {
    const { raw, entity, type } = mapped;
    const deviceId = index.device(readString(raw.mdeDeviceId)) ?? alertDeviceEntityId;

    switch (type) {
      case 'processEvidence': {
        relate(entity.id, deviceId, 'runsOn');
        relate(entity.id, fileKey(asRecord(raw.imageFile)), 'imageFile');
        relate(entity.id, index.user(asRecord(raw.userAccount)), 'runsAs');
        const parentId = parentProcess(raw, entity, deviceId, entities);
        relate(entity.id, parentId, 'parentProcess');
        if (parentId !== undefined && entities.get(parentId)?.ghost === true) relate(parentId, deviceId, 'runsOn');
        break;
      }
      case 'fileEvidence':
        relate(entity.id, deviceId, 'runsOn');
        break;
      case 'deviceEvidence':
        for (const user of readRecordArray(raw.loggedOnUsers)) relate(entity.id, index.user(user), 'loggedOn');
        for (const address of readStringArray(raw.ipInterfaces)) relate(entity.id, ipKey(address), 'hasIp');
        break;
      case 'ipEvidence': {
        if (alertDeviceEntityId === undefined) break;
        const roles = mapped.evidence.roles.map((role) => role.toLowerCase());
        if (roles.some((role) => OUTBOUND_IP_ROLES.has(role))) relate(alertDeviceEntityId, entity.id, 'communicatesWith');
        else if (roles.some((role) => INBOUND_IP_ROLES.has(role))) relate(entity.id, alertDeviceEntityId, 'communicatesWith');
        break;
      }
      case 'mailboxEvidence':
        relate(
          entity.id,
          index.user(asRecord(raw.userAccount)) ??
            index.userByAddress(readString(raw.upn)) ??
            index.userByAddress(readString(raw.primaryAddress)),
          'mailboxOf',
        );
        break;
      case 'analyzedMessageEvidence':
        for (const url of readStringArray(raw.urls)) relate(entity.id, urlKey(url), 'containsUrl');
        relate(entity.id, mailboxKey(senderAddress(raw.p1Sender)), 'sentBy');
        relate(entity.id, mailboxKey(senderAddress(raw.p2Sender)), 'sentBy');
        relate(entity.id, mailboxKey(raw.recipientEmailAddress), 'sentTo');
        relate(entity.id, ipKey(raw.senderIp), SENT_FROM_RELATION);
        break;
      case 'mailClusterEvidence':
        for (const messageId of readStringArray(raw.networkMessageIds)) {
          for (const message of index.messages(messageId)) relate(entity.id, message, 'clusterMember');
        }
        break;
      case 'registryValueEvidence':
        relate(entity.id, registryKeyKey(raw), 'valueOf');
        break;
      case 'dnsEvidence':
        for (const address of [...readStringArray(raw.ipAddresses), ...readStringArray(raw.hostIpAddress)]) {
          relate(entity.id, ipKey(address), 'resolvesTo');
        }
        break;
    }
  }

  return [...relations.values()];
}

/**
 * Returns the entity id of a process's parent, adding a ghost parent to `entities` when the
 * parent is not evidence. Returns `undefined` when the evidence names no parent.
 */
function parentProcess(
  raw: JsonRecord,
  child: Entity,
  deviceId: string | undefined,
  entities: Map<string, Entity>,
): string | undefined {
  const image = asRecord(raw.parentProcessImageFile);
  const pid = readNumber(raw.parentProcessId);
  const imagePath = image === undefined ? undefined : filePath(image);
  if (pid === undefined && imagePath === undefined) return undefined;

  const devicePart = deviceId?.replace(/^device:/, '');
  const id =
    processKey(devicePart, pid, raw.parentProcessCreationDateTime) ??
    `process:${devicePart ?? 'unknown-device'}:${imagePath!.toLowerCase()}`;
  const existing = entities.get(id);
  if (existing !== undefined && existing.ghost !== true) return id;

  const properties = fileProperties(image);
  const ghost: Entity = {
    id,
    kind: 'process',
    displayName: readString(image?.fileName) ?? (pid === undefined ? 'Parent process' : `Process ${pid}`),
    ghost: true,
    properties: {
      processId: pid,
      processCreationTime: readNumber(child.properties.parentProcessCreationTime),
      imageFileName: properties.fileName,
      imageFilePath: properties.filePath,
      sha1: properties.sha1,
      sha256: properties.sha256,
    },
  };

  // NOTE: a ghost appears with its earliest child, not at its own creation time: a parent such
  // as services.exe starts at boot, months before the incident, and would stretch the timeline.
  const firstSeen = earliestTime(existing?.firstSeen, child.firstSeen);
  if (firstSeen !== undefined) ghost.firstSeen = firstSeen;

  entities.set(id, existing === undefined ? ghost : mergeEntities(existing, ghost));
  return id;
}

/** Lookups of the incident's entities by the identifiers other evidence uses to name them. */
class EntityIndex {
  private readonly devices = new Map<string, string>();
  private readonly users = new Map<string, string>();
  private readonly messagesByNetworkId = new Map<string, string[]>();

  constructor(entities: Map<string, Entity>) {
    for (const entity of entities.values()) {
      const properties = entity.properties;
      if (entity.kind === 'device') {
        for (const field of ['mdeDeviceId', 'azureAdDeviceId', 'deviceDnsName']) {
          const value = readString(properties[field]);
          if (value !== undefined && !this.devices.has(value.toLowerCase())) this.devices.set(value.toLowerCase(), entity.id);
        }
      } else if (entity.kind === 'user') {
        for (const identifier of userIdentifiers(properties)) {
          if (!this.users.has(identifier)) this.users.set(identifier, entity.id);
        }
      } else if (entity.kind === 'mailMessage') {
        const networkId = readString(properties.networkMessageId)?.toLowerCase();
        if (networkId !== undefined) {
          this.messagesByNetworkId.set(networkId, [...(this.messagesByNetworkId.get(networkId) ?? []), entity.id]);
        }
      }
    }
  }

  device(identifier: string | undefined): string | undefined {
    return identifier === undefined ? undefined : this.devices.get(identifier.toLowerCase());
  }

  /** Returns the user entity matching an account by its strongest shared identifier. */
  user(account: JsonRecord | undefined): string | undefined {
    for (const identifier of userIdentifiers(account)) {
      const id = this.users.get(identifier);
      if (id !== undefined) return id;
    }
    return undefined;
  }

  userByAddress(address: string | undefined): string | undefined {
    return address === undefined ? undefined : this.users.get(address.toLowerCase());
  }

  messages(networkMessageId: string): string[] {
    return this.messagesByNetworkId.get(networkMessageId.toLowerCase()) ?? [];
  }
}
