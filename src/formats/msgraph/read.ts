/**
 * The JSON readers of the Graph mapper: the shared ones, and the `@odata.type` reader that only
 * Graph payloads need.
 */

import { readString, type JsonRecord } from '../shared/json-readers.js';

export * from '../shared/json-readers.js';

/** Returns the short name of an `@odata.type`: `#microsoft.graph.security.fileEvidence` gives `fileEvidence`. */
export function odataTypeName(record: JsonRecord): string | undefined {
  const type = readString(record['@odata.type']);
  if (type === undefined) return undefined;
  return type.slice(type.lastIndexOf('.') + 1);
}
