/**
 * Maps the objects of one OCSF evidence item (`evidences[n]`), or the top-level objects of an
 * event such as Process Activity, and the relations between them. The actor's process is the
 * parent of the process it acted on, and a source endpoint talks to the destination or API.
 */

import type { RemediationStatus } from '../../model/types.js';
import { asRecord, isRecord, type JsonRecord } from '../shared/json-readers.js';
import type { FindingScope, Involvement } from './finding-scope.js';
import {
  addApi,
  addDevice,
  addEmail,
  addEndpoint,
  addFile,
  addOther,
  addProcess,
  addQuery,
  addUrl,
  addUser,
  type DeviceRef,
} from './objects.js';

/** Fields of an evidence item that contain entity objects. Every other object field is reported. */
const ENTITY_FIELDS = new Set([
  'device',
  'actor',
  'process',
  'file',
  'user',
  'src_endpoint',
  'dst_endpoint',
  'url',
  'email',
  'api',
  'query',
  'http_request',
]);

/** Object fields of an evidence item that describe a connection or a payload, not an entity. */
const ATTRIBUTE_FIELDS = new Set(['connection_info', 'tls', 'http_response', 'data', 'traffic', 'proxy']);

export interface EvidenceOptions {
  /** The device of the finding, for objects whose evidence item names none. */
  device: DeviceRef | undefined;
  /** The finding's disposition as a remediation status, given to each entity of the item. */
  remediationStatus: RemediationStatus | undefined;
  /** True for an evidence item, whose unknown object fields are reported. False for an event's own fields. */
  reportUnknown: boolean;
}

function join(path: string, field: string): string {
  return path === '' ? field : `${path}.${field}`;
}

/** Adds the entities of `item` (found at `path`) and their relations. Returns the item's device. */
export function addEvidenceObjects(
  scope: FindingScope,
  item: JsonRecord,
  path: string,
  options: EvidenceOptions,
): DeviceRef | undefined {
  const involvement = (roles: string[] = []): Involvement => ({ roles, remediationStatus: options.remediationStatus });
  const link = scope.builder.relate.bind(scope.builder);

  const deviceRecord = asRecord(item.device);
  const device = deviceRecord === undefined ? options.device : addDevice(scope, deviceRecord, join(path, 'device'), involvement());

  const actor = asRecord(item.actor);
  const actorUser = asRecord(actor?.user);
  const actorProcess = asRecord(actor?.process);
  const actorUserId = actorUser === undefined ? undefined : addUser(scope, actorUser, join(path, 'actor.user'), involvement());
  const actorProcessId =
    actorProcess === undefined
      ? undefined
      : addProcess(scope, actorProcess, join(path, 'actor.process'), device, false, involvement());
  if (actorProcessId !== undefined && actorProcess?.user === undefined) link(actorProcessId, actorUserId, 'runsAs');

  const process = asRecord(item.process);
  if (process !== undefined) {
    const processId = addProcess(scope, process, join(path, 'process'), device, false, involvement());
    if (process.parent_process === undefined) link(processId, actorProcessId, 'parentProcess');
  }

  const file = asRecord(item.file);
  if (file !== undefined) addFile(scope, file, join(path, 'file'), device, involvement());
  const user = asRecord(item.user);
  if (user !== undefined) addUser(scope, user, join(path, 'user'), involvement());

  const source = asRecord(item.src_endpoint);
  const destination = asRecord(item.dst_endpoint);
  const sourceId =
    source === undefined ? undefined : addEndpoint(scope, source, join(path, 'src_endpoint'), involvement(['source']));
  const destinationId =
    destination === undefined
      ? undefined
      : addEndpoint(scope, destination, join(path, 'dst_endpoint'), involvement(['destination']));
  link(sourceId, destinationId, 'communicatesWith');

  const api = asRecord(item.api);
  if (api !== undefined) {
    const apiId = addApi(scope, api, join(path, 'api'), involvement());
    if (destinationId === undefined) link(sourceId, apiId, 'communicatesWith');
  }

  const url = asRecord(item.url) ?? asRecord(asRecord(item.http_request)?.url);
  if (url !== undefined) {
    const urlPath = item.url !== undefined ? join(path, 'url') : join(path, 'http_request.url');
    const urlId = addUrl(scope, url, urlPath, involvement());
    link(sourceId, urlId, 'communicatesWith');
  }
  const email = asRecord(item.email);
  if (email !== undefined) addEmail(scope, email, join(path, 'email'), involvement());
  const query = asRecord(item.query);
  if (query !== undefined) addQuery(scope, query, join(path, 'query'), involvement());

  if (options.reportUnknown) addUnknownObjects(scope, item, path, involvement());
  return device;
}

/** Reports each object field of an evidence item that the mapper does not know, and keeps it as `other`. */
function addUnknownObjects(scope: FindingScope, item: JsonRecord, path: string, involvement: Involvement): void {
  for (const [field, value] of Object.entries(item)) {
    if (ENTITY_FIELDS.has(field) || ATTRIBUTE_FIELDS.has(field) || !isRecord(value)) continue;
    scope.issues.push({
      id: scope.alert.id,
      field: join(path, field),
      problem: `unknown evidence object "${field}"; shown as "other" with its fields kept`,
    });
    addOther(scope, value, join(path, field), field, involvement);
  }
}
