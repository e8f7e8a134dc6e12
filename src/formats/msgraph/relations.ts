/**
 * Derives entity-to-entity relations from Graph evidence, which has no edge list. A process
 * names its parent, image file, account and device, and a message names its sender, recipient
 * and URLs. Only facts the evidence states become relations. Sharing an alert is already drawn
 * as the alert's evidence edges, so it makes no relation here.
 */

import type { Entity, Relation, RelationType } from '../../model/types.js';
import { EntityIndex } from '../shared/entity-index.js';
import { addParentProcess } from '../shared/process-tree.js';
import type { MappedEvidence } from './evidence.js';
import { senderAddress } from './evidence-mail.js';
import { fileKey, ipKey, mailboxKey, registryKeyKey, urlKey } from './keys.js';
import { asRecord, readNumber, readRecordArray, readString, readStringArray } from './read.js';

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
        const parentId = addParentProcess(
          {
            deviceId,
            processId: readNumber(raw.parentProcessId),
            creationTime: raw.parentProcessCreationDateTime,
            imageFile: asRecord(raw.parentProcessImageFile),
          },
          entity,
          entities,
        );
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
