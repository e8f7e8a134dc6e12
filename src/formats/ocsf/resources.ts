/**
 * Maps a finding's `resources[]` (the cloud or other resources it concerns) and `malware[]`
 * (what the 1.0 Security Finding reports as found).
 */

import { ipKey } from '../shared/entity-keys.js';
import { entityFromRecord, keyOrFallback } from '../shared/entity-record.js';
import type { JsonRecord } from '../shared/json-readers.js';
import type { FindingScope } from './finding-scope.js';
import { text } from './objects.js';

// An IPv4 address, or an IPv6 address in any of its written forms (hex groups and colons).
const IP_ADDRESS = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]*:[0-9a-f:.]+)$/i;

/**
 * Adds a resource as a cloud resource keyed by its `uid`, else its `name`. A resource whose uid
 * is an IP address becomes that IP address, so it is the same entity as the address's observable.
 */
export function addResource(scope: FindingScope, raw: JsonRecord, path: string): string {
  const uid = text(raw.uid);
  const name = text(raw.name);
  const at = { alertId: scope.alert.id, path, issues: scope.issues };

  if (uid !== undefined && IP_ADDRESS.test(uid)) {
    const entity = entityFromRecord(ipKey(uid)!, 'ip', uid, raw, { ipAddress: uid, resourceName: name }, new Set(['uid', 'name']));
    return scope.add(entity, path);
  }

  const identifier = uid ?? name;
  const id = keyOrFallback(identifier && `cloudResource:${identifier.toLowerCase()}`, 'cloudResource', 'uid', at);
  const known = { resourceId: uid, resourceType: text(raw.type) };
  const entity = entityFromRecord(id, 'cloudResource', name ?? uid ?? 'Unnamed resource', raw, known, new Set(['uid', 'type']));
  return scope.add(entity, path);
}

/**
 * Adds a malware entity of kind `other`, because the model has no malware kind, and returns its
 * id. It is keyed by its name before its uid, because the 1.0 Security Finding gives each
 * sighting its own uid and the same family should be one entity.
 */
export function addMalware(scope: FindingScope, raw: JsonRecord, path: string): string {
  const name = text(raw.name);
  const identifier = name ?? text(raw.uid);
  const at = { alertId: scope.alert.id, path, issues: scope.issues };
  const id = keyOrFallback(identifier && `other:malware:${identifier.toLowerCase()}`, 'other', 'name', at);
  const entity = entityFromRecord(id, 'other', name ?? identifier ?? 'Unnamed malware', raw, { rawType: 'malware' }, new Set(['name']));
  return scope.add(entity, path);
}
