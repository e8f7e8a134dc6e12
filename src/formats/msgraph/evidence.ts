/**
 * Maps one Graph evidence item to an entity. The per-alert facts (roles, and the verdict and
 * remediation status this alert gave) go to the alert's evidence list. The entity carries the
 * same verdict and status, and the caller merges entities seen in several alerts.
 */

import { describeValue, parseTimeField } from '../../model/time.js';
import type { AlertEvidence, Entity } from '../../model/types.js';
import { CLOUD_EVIDENCE_MAPPERS } from './evidence-cloud.js';
import { ENDPOINT_EVIDENCE_MAPPERS } from './evidence-endpoint.js';
import { MAIL_EVIDENCE_MAPPERS } from './evidence-mail.js';
import { COMMON_EVIDENCE_FIELDS, entityFrom, otherEntityId, type EvidenceContext, type EvidenceMapper } from './evidence-common.js';
import {
  odataTypeName,
  otherFields,
  readRemediationStatus,
  readString,
  readStringArray,
  readVerdict,
  type JsonRecord,
} from './read.js';

const MAPPERS: Readonly<Record<string, EvidenceMapper>> = {
  ...ENDPOINT_EVIDENCE_MAPPERS,
  ...MAIL_EVIDENCE_MAPPERS,
  ...CLOUD_EVIDENCE_MAPPERS,
};

/** An evidence item mapped: the entity, and how the alert involves it. */
export interface MappedEvidence {
  entity: Entity;
  evidence: AlertEvidence;
  /** The source item, which relation derivation reads. */
  raw: JsonRecord;
  /** The `@odata.type` short name, for example `processEvidence`. */
  type: string;
}

export function mapEvidence(raw: JsonRecord, context: EvidenceContext): MappedEvidence {
  const type = odataTypeName(raw);
  if (type === undefined) {
    context.issues.push({
      id: context.alertId,
      field: `${context.path}.@odata.type`,
      problem: 'evidence without @odata.type; shown as other',
    });
  }

  // An own-property check, so a type such as `constructor` does not find Object's prototype.
  const mapper = type !== undefined && Object.hasOwn(MAPPERS, type) ? MAPPERS[type] : undefined;
  if (type !== undefined && mapper === undefined) {
    context.issues.push({
      id: context.alertId,
      field: `${context.path}.@odata.type`,
      problem: `unknown evidence type ${describeValue(raw['@odata.type'])}; shown as "other" with its fields kept`,
    });
  }
  const entity = mapper ? mapper(raw, context) : mapOtherEvidence(raw, type ?? 'unknown');

  const verdict = readVerdict(raw.verdict, {
    id: context.alertId,
    field: `${context.path}.verdict`,
    issues: context.issues,
  });
  if (verdict !== undefined) entity.verdict = verdict;
  const remediationStatus = readRemediationStatus(raw.remediationStatus);
  if (remediationStatus !== undefined) entity.remediationStatus = remediationStatus;

  const evidence: AlertEvidence = { entityId: entity.id, roles: readStringArray(raw.roles) };
  const detailedRoles = readStringArray(raw.detailedRoles);
  if (detailedRoles.length > 0) evidence.detailedRoles = detailedRoles;
  if (verdict !== undefined) evidence.verdict = verdict;
  if (remediationStatus !== undefined) evidence.remediationStatus = remediationStatus;
  const details = readString(raw.remediationStatusDetails);
  if (details !== undefined) evidence.remediationStatusDetails = details;
  const createdTime = parseTimeField(
    raw.createdDateTime,
    context.issues,
    context.alertId,
    `${context.path}.createdDateTime`,
  );
  if (createdTime !== undefined) evidence.createdTime = createdTime;

  return { entity, evidence, raw, type: type ?? 'unknown' };
}

/** Maps any evidence type without a mapper: kind `other`, the type name in `rawType`, fields kept. */
function mapOtherEvidence(raw: JsonRecord, type: string): Entity {
  const fields = otherFields(raw, new Set([...COMMON_EVIDENCE_FIELDS, 'tags']));
  const name =
    readString(raw.displayName) ??
    readString(raw.name) ??
    readString(raw.resourceName) ??
    readString(raw.url) ??
    type;
  return entityFrom(otherEntityId(type, fields), 'other', name, raw, { rawType: type });
}
