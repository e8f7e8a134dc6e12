/** Types and helpers shared by the evidence mappers of each kind group. */

import type { DataIssue, Entity, EntityKind } from '../../model/types.js';
import { entityFromRecord } from '../shared/entity-record.js';
import type { JsonRecord } from './read.js';

export { keyOrFallback, otherEntityId, processDisplayName } from '../shared/entity-record.js';

/** Context of one evidence item: its alert, its path, and the issue list to report to. */
export interface EvidenceContext {
  alertId: string;
  /** Path of the item in its alert, for example `evidence[3]`. */
  path: string;
  issues: DataIssue[];
  /** Identifier of the alert's only device, for process and file evidence without `mdeDeviceId`. */
  alertDeviceId: string | undefined;
}

/** Maps one kind of evidence; returns the entity without the common fields. */
export type EvidenceMapper = (evidence: JsonRecord, context: EvidenceContext) => Entity;

/** Fields every evidence type has; they describe the alert's view of the entity. */
export const COMMON_EVIDENCE_FIELDS: ReadonlySet<string> = new Set([
  '@odata.type',
  'createdDateTime',
  'verdict',
  'remediationStatus',
  'remediationStatusDetails',
  'roles',
  'detailedRoles',
]);

/** Builds an entity whose properties are `known` followed by every other field of the item. */
export function entityFrom(
  id: string,
  kind: EntityKind,
  displayName: string,
  raw: JsonRecord,
  known: JsonRecord,
  skip: readonly string[] = [],
): Entity {
  return entityFromRecord(id, kind, displayName, raw, known, new Set([...COMMON_EVIDENCE_FIELDS, ...skip]));
}
