/**
 * Parent processes named by evidence. A process record names its parent by process id, creation
 * time and image file. When that parent is not itself evidence, it becomes a "ghost" node: other
 * evidence names it and the graph draws it, but it is not evidence of any alert.
 */

import { earliestTime, mergeEntities } from '../../model/merge.js';
import { parseTime } from '../../model/time.js';
import type { Entity } from '../../model/types.js';
import { filePath, processKey } from './entity-keys.js';
import { fileProperties } from './file-details.js';
import { readString, type JsonRecord } from './json-readers.js';

/** Reference from a child process record to its parent. */
export interface ParentProcessReference {
  /** Entity id of the device both processes run on (`device:…`), if known. */
  deviceId: string | undefined;
  processId: number | undefined;
  /** Creation time as the source wrote it, or epoch milliseconds. */
  creationTime: unknown;
  /** Image file of the parent with Graph's field names (`fileName`, `filePath`, `sha1`, `sha256`). */
  imageFile: JsonRecord | undefined;
}

/**
 * Returns the entity id of a process's parent, adding a ghost parent to `entities` when no
 * entity has that id yet. Returns `undefined` when the reference has neither a process id nor
 * an image file path.
 *
 * The parent's id is built like every process id (device, process id, creation time), so a
 * parent that is evidence too, in this alert or another, is the same entity. Without a process
 * id the id is the device and the image path.
 */
export function addParentProcess(
  parent: ParentProcessReference,
  child: Entity,
  entities: Map<string, Entity>,
): string | undefined {
  const image = parent.imageFile;
  const pid = parent.processId;
  const imagePath = image === undefined ? undefined : filePath(image);
  if (pid === undefined && imagePath === undefined) return undefined;

  const devicePart = parent.deviceId?.replace(/^device:/, '');
  const id =
    processKey(devicePart, pid, parent.creationTime) ??
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
      processCreationTime: parseTime(parent.creationTime),
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
