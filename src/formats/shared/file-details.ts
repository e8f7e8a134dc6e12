/**
 * File details shared by every evidence format: the well-known file properties and the check
 * of file hashes. A hash is used to match a file only when it is hex of its length.
 */

import { describeValue } from '../../model/time.js';
import { HASH_FIELDS, HASH_LENGTHS, validHash, type HashField } from './entity-keys.js';
import { isAbsent, readNumber, readString, type JsonRecord } from './json-readers.js';
import { fieldPath, type EvidenceLocation } from './entity-record.js';

/**
 * Properties of a file, from a record with Graph's field names (`fileName`, `filePath`,
 * `sha256` …). A valid hash is lowercased. An invalid one is kept as it came
 * (`reportInvalidHashes` reports it).
 */
export function fileProperties(details: JsonRecord | undefined): JsonRecord {
  return {
    fileName: readString(details?.fileName),
    filePath: readString(details?.filePath),
    fileSize: readNumber(details?.fileSize),
    sha1: hashProperty(details, 'sha1'),
    sha256: hashProperty(details, 'sha256'),
    md5: hashProperty(details, 'md5'),
    signer: readString(details?.signer),
    issuer: readString(details?.issuer),
    filePublisher: readString(details?.filePublisher),
  };
}

function hashProperty(details: JsonRecord | undefined, field: HashField): unknown {
  const value = details?.[field];
  if (isAbsent(value)) return undefined;
  return validHash(details, field) ?? value;
}

/**
 * Reports each hash in `details` that is not hex of its length. `at.path` is the path of
 * `details` itself, and `sourceNames` gives the source's field name of a hash when it differs
 * from Graph's (`SHA1` in advanced hunting rows). Such a hash stays a property but is not used
 * as the file's key.
 */
export function reportInvalidHashes(
  details: JsonRecord | undefined,
  at: EvidenceLocation,
  sourceNames: Partial<Record<HashField, string>> = {},
): void {
  for (const hash of HASH_FIELDS) {
    const value = details?.[hash];
    if (isAbsent(value) || validHash(details, hash) !== undefined) continue;
    at.issues.push({
      id: at.alertId,
      field: fieldPath(at, sourceNames[hash] ?? hash),
      problem: `invalid ${hash} ${describeValue(value)} (expected ${HASH_LENGTHS[hash]} hex digits); kept as a property but not used to match the file`,
    });
  }
}
