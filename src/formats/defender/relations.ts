/**
 * Derives entity-to-entity relations from Defender entity records, which have no edge list. A
 * file or process names its device, a process its parent, image and account, a message its
 * sender and recipient, and a mailbox its user. Only facts a record states become relations.
 */

import { EntityIndex } from '../shared/entity-index.js';
import { fileKey } from '../shared/entity-keys.js';
import { addParentProcess } from '../shared/process-tree.js';
import { readNumber, readString, type JsonRecord } from '../shared/json-readers.js';
import type { SnapshotBuilder } from '../shared/snapshot-builder.js';
import { accountOfRecord, recordDeviceId, type MappedDefenderEntity } from './entity.js';

/** One mapped record with the device fact of its alert that relations need. */
export interface DefenderEntityItem {
  mapped: MappedDefenderEntity;
  /** Entity id of the alert's device when the alert has exactly one. */
  alertDeviceId: string | undefined;
}

/**
 * Adds the relations of one incident to `builder`. A process whose parent is not itself
 * evidence gets a ghost parent built from `parentProcessId`, `parentProcessCreationTime` and,
 * in Defender for Endpoint evidence, `parentProcessFileName` and `parentProcessFilePath`.
 */
export function deriveDefenderRelations(items: DefenderEntityItem[], builder: SnapshotBuilder): void {
  const entities = builder.entities;
  const index = new EntityIndex(entities);
  const existing = (id: string | undefined): string | undefined => (id !== undefined && entities.has(id) ? id : undefined);

  for (const { mapped, alertDeviceId } of items) {
    const { raw, entity, type } = mapped;
    // The key of the device the record is on, which process ids are built from, and the device
    // entity when the incident has it.
    const deviceKeyId = recordDeviceId(raw, alertDeviceId);
    const deviceId = existing(index.device(readString(raw.deviceId)) ?? deviceKeyId);

    switch (type) {
      case 'process': {
        builder.relate(entity.id, deviceId, 'runsOn');
        builder.relate(entity.id, existing(fileKey(raw)), 'imageFile');
        builder.relate(entity.id, index.user(accountOfRecord(raw)), 'runsAs');
        const parentId = addParentProcess(
          {
            deviceId: deviceKeyId,
            processId: readNumber(raw.parentProcessId),
            creationTime: raw.parentProcessCreationTime,
            imageFile: parentImage(raw),
          },
          entity,
          entities,
        );
        builder.relate(entity.id, parentId, 'parentProcess');
        if (parentId !== undefined && entities.get(parentId)?.ghost === true) builder.relate(parentId, deviceId, 'runsOn');
        break;
      }
      case 'file':
        builder.relate(entity.id, deviceId, 'runsOn');
        break;
      case 'mailmessage':
        builder.relate(entity.id, index.mailbox(readString(raw.sender)), 'sentBy');
        builder.relate(entity.id, index.mailbox(readString(raw.recipient)), 'sentTo');
        break;
      case 'mailbox':
        builder.relate(entity.id, mailboxUser(raw, index), 'mailboxOf');
        break;
    }
  }
}

/** Returns the parent's image file under Graph's field names, when the record names it. */
function parentImage(raw: JsonRecord): JsonRecord | undefined {
  const fileName = readString(raw.parentProcessFileName);
  const filePath = readString(raw.parentProcessFilePath);
  return fileName === undefined && filePath === undefined ? undefined : { fileName, filePath };
}

/** Finds the user of a mailbox by the account fields of its record, else by its address. */
function mailboxUser(raw: JsonRecord, index: EntityIndex): string | undefined {
  return index.user(accountOfRecord(raw)) ?? index.userByAddress(readString(raw.mailboxAddress));
}
