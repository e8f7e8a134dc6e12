/**
 * Process trees from DeviceProcessEvents rows. Each row describes three processes on one
 * device: the process the event is about (`ProcessId`, `FileName`, `ProcessCommandLine` …), the
 * process that started it (the `InitiatingProcess*` columns), and that one's parent (the
 * `InitiatingProcessParent*` columns: id, creation time and file name only). The first two
 * become process entities that keep all their columns. The third, which the row only names,
 * becomes a ghost parent, unless another row describes it.
 */

import { parseTimeField } from '../../model/time.js';
import type { DataIssue, Entity } from '../../model/types.js';
import { processKey } from '../shared/entity-keys.js';
import { entityFromRecord, keyOrFallback, processDisplayName } from '../shared/entity-record.js';
import { fileProperties, reportInvalidHashes } from '../shared/file-details.js';
import { isAbsent, isRecord, readNumber, readString, type JsonRecord } from '../shared/json-readers.js';
import { addParentProcess } from '../shared/process-tree.js';
import type { SnapshotBuilder } from '../shared/snapshot-builder.js';
import { accountOfColumns, deviceOfRow, fileOfColumns, hashColumnNames } from './columns.js';
import { parseJsonColumn, type HuntingRow } from './rows.js';

/** A process entity of a row, with what the relations pass needs: its account and image file. */
export interface ProcessFacts {
  entityId: string;
  /** The account fields under Graph's names. */
  account: JsonRecord;
  /** The image file under Graph's names. */
  image: JsonRecord;
}

const INITIATING = 'InitiatingProcess';
const INITIATING_PARENT = 'InitiatingProcessParent';

/**
 * Columns of the initiating process whose names, once `Initiating` is cut off, start with
 * `Process` where the event's own process has no such prefix: `InitiatingProcessFileName`
 * matches `FileName`, while `InitiatingProcessCommandLine` matches `ProcessCommandLine`.
 */
const UNPREFIXED_COLUMNS = new Set([
  'FileName',
  'FolderPath',
  'FileSize',
  'SHA1',
  'SHA256',
  'MD5',
  'AccountName',
  'AccountDomain',
  'AccountSid',
  'AccountUpn',
  'AccountObjectId',
  'LogonId',
]);

/** Columns that become well-known properties. The rest are kept under their own names. */
const MAPPED_COLUMNS = [
  'ProcessId',
  'ProcessCommandLine',
  'ProcessCreationTime',
  'FileName',
  'FolderPath',
  'SHA1',
  'SHA256',
  'MD5',
  'FileSize',
  'AccountName',
  'AccountDomain',
  'AdditionalFields',
];

/**
 * Adds the processes and the device of a DeviceProcessEvents row to `builder`, with the
 * relations the row states: each process runs on the device, and each names its parent.
 * Returns the facts of the two described processes for the relations that need other
 * entities (the account a process runs as, its image file).
 */
export function addProcessEvent(row: HuntingRow, builder: SnapshotBuilder): ProcessFacts[] {
  const { columns } = row;
  const device = deviceOfRow(columns);
  if (device !== undefined) builder.addEntity(device);
  const deviceIdentifier = readString(columns.DeviceId);

  const { own, initiating } = splitColumns(columns);
  const facts: ProcessFacts[] = [];

  const parentId = columns[`${INITIATING}Id`];
  const parentCreated = columns[`${INITIATING}CreationTime`];
  const child = processEntity(own, deviceIdentifier, parentId, parentCreated, row, '', builder.issues);
  const timestamp = parseTimeField(columns.Timestamp, builder.issues, row.path, 'Timestamp');
  if (child.firstSeen === undefined && timestamp !== undefined) child.firstSeen = timestamp;
  builder.addEntity(child);
  builder.relate(child.id, device?.id, 'runsOn');
  facts.push({ entityId: child.id, account: accountOfColumns(own), image: fileOfColumns(own) });

  // A row without any initiating process column names no parent.
  if (!Object.values(initiating).some((value) => !isAbsent(value))) return facts;

  const parent = processEntity(
    initiating,
    deviceIdentifier,
    columns[`${INITIATING_PARENT}Id`],
    columns[`${INITIATING_PARENT}CreationTime`],
    row,
    INITIATING,
    builder.issues,
  );
  builder.addEntity(parent);
  builder.relate(parent.id, device?.id, 'runsOn');
  builder.relate(child.id, parent.id, 'parentProcess');
  facts.push({ entityId: parent.id, account: accountOfColumns(initiating), image: fileOfColumns(initiating) });

  const grandparentName = readString(columns[`${INITIATING_PARENT}FileName`]);
  const grandparentId = addParentProcess(
    {
      deviceId: device?.id,
      processId: readNumber(columns[`${INITIATING_PARENT}Id`]),
      creationTime: columns[`${INITIATING_PARENT}CreationTime`],
      imageFile: grandparentName === undefined ? undefined : { fileName: grandparentName },
    },
    builder.entities.get(parent.id)!,
    builder.entities,
  );
  builder.relate(parent.id, grandparentId, 'parentProcess');
  if (grandparentId !== undefined && builder.entities.get(grandparentId)?.ghost === true) {
    builder.relate(grandparentId, device?.id, 'runsOn');
  }
  return facts;
}

/**
 * Splits a row into the columns of the event's own process (with the device and event columns)
 * and those of the initiating process, renamed to the own process's names. The initiating
 * parent's columns are in neither, because its ghost is built from them directly.
 */
function splitColumns(columns: JsonRecord): { own: JsonRecord; initiating: JsonRecord } {
  const own: JsonRecord = {};
  const initiating: JsonRecord = {};
  for (const [column, value] of Object.entries(columns)) {
    if (column.startsWith(INITIATING_PARENT)) continue;
    if (!column.startsWith(INITIATING)) {
      own[column] = value;
      continue;
    }
    const renamed = column.slice('Initiating'.length);
    const unprefixed = renamed.slice('Process'.length);
    initiating[UNPREFIXED_COLUMNS.has(unprefixed) ? unprefixed : renamed] = value;
  }
  return { own, initiating };
}

/**
 * Builds a process entity from columns named like the event's own process. `parentId` and
 * `parentCreated` name its parent. `prefix` is the prefix the source columns had, so data
 * issues name the column as it is in the row.
 */
function processEntity(
  columns: JsonRecord,
  deviceIdentifier: string | undefined,
  parentId: unknown,
  parentCreated: unknown,
  row: HuntingRow,
  prefix: string,
  issues: DataIssue[],
): Entity {
  const source = (column: string): string => (prefix === '' ? column : `${prefix}${column.replace(/^Process/, '')}`);
  const at = { alertId: row.path, path: '', issues };
  const image = fileOfColumns(columns);
  reportInvalidHashes(image, at, prefix === '' ? hashColumnNames() : hashColumnNames(prefix));

  const pid = readNumber(columns.ProcessId);
  const id = keyOrFallback(processKey(deviceIdentifier, pid, columns.ProcessCreationTime), 'process', source('ProcessId'), at);
  const created = parseTimeField(columns.ProcessCreationTime, issues, row.path, source('ProcessCreationTime'));
  const parentCreatedField = prefix === '' ? `${INITIATING}CreationTime` : `${INITIATING_PARENT}CreationTime`;
  const parentCreatedTime = parseTimeField(parentCreated, issues, row.path, parentCreatedField);
  const commandLine = readString(columns.ProcessCommandLine);
  const file = fileProperties(image);
  const name = processDisplayName(readString(image.fileName), commandLine, pid);

  const entity = entityFromRecord(
    id,
    'process',
    name,
    columns,
    {
      processId: pid,
      processCommandLine: commandLine,
      processCreationTime: created,
      parentProcessId: readNumber(parentId),
      parentProcessCreationTime: parentCreatedTime,
      imageFileName: file.fileName,
      imageFilePath: file.filePath,
      sha1: file.sha1,
      sha256: file.sha256,
      md5: file.md5,
      fileSize: file.fileSize,
      accountName: readString(columns.AccountName),
      domainName: readString(columns.AccountDomain),
      mdeDeviceId: deviceIdentifier,
    },
    new Set(MAPPED_COLUMNS),
  );

  const additional = parseJsonColumn(columns.AdditionalFields, { id: row.path, field: 'AdditionalFields', issues });
  if (isRecord(additional) || Array.isArray(additional)) entity.properties.AdditionalFields = additional;
  else if (readString(columns.AdditionalFields) !== undefined) entity.properties.AdditionalFields = columns.AdditionalFields;

  if (created !== undefined) entity.firstSeen = created;
  return entity;
}
