/** Types and helpers shared by the evidence mappers of each kind group. */

import type { DataIssue, Entity, EntityKind } from '../../model/types.js';
import { otherFields, type JsonRecord } from './read.js';

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

/**
 * Returns `key`, or, when the evidence lacks the field the key is built from, reports it and
 * returns an id scoped to this alert's item, so the entity is still shown.
 */
export function keyOrFallback(
  key: string | undefined,
  kind: EntityKind,
  field: string,
  context: EvidenceContext,
): string {
  if (key !== undefined) return key;
  context.issues.push({
    id: context.alertId,
    field: `${context.path}.${field}`,
    problem: `missing ${field}; the ${kind} cannot be matched across alerts`,
  });
  return `${kind}:${context.alertId}:${context.path}`;
}

/** Builds an entity whose properties are `known` followed by every other field of the item. */
export function entityFrom(
  id: string,
  kind: EntityKind,
  displayName: string,
  raw: JsonRecord,
  known: JsonRecord,
  skip: readonly string[] = [],
): Entity {
  const properties: JsonRecord = {};
  for (const [key, value] of Object.entries(known)) {
    if (value !== undefined) properties[key] = value;
  }
  const rest = otherFields(raw, new Set([...COMMON_EVIDENCE_FIELDS, ...skip]));
  for (const [key, value] of Object.entries(rest)) {
    if (!(key in properties)) properties[key] = value;
  }
  return { id, kind, displayName, properties };
}
