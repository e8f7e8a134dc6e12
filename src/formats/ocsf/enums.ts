/**
 * The OCSF enumerations the mapper reads, by their `*_id` numbers, as OCSF 1.0 to 1.3 define
 * them (an id keeps its meaning across these versions). Each is mapped to the model's value.
 */

import type { RemediationStatus, Severity, Verdict } from '../../model/types.js';

/** `severity_id`. The model has no level above high, so Critical (5) and Fatal (6) are high. */
export const SEVERITY_IDS: ReadonlyMap<number, Severity> = new Map([
  [0, 'unknown'],
  [1, 'informational'],
  [2, 'low'],
  [3, 'medium'],
  [4, 'high'],
  [5, 'high'],
  [6, 'high'],
  [99, 'unknown'],
]);

/** `severity` captions, for a finding without `severity_id`. */
export const SEVERITY_NAMES: ReadonlyMap<string, Severity> = new Map([
  ['unknown', 'unknown'],
  ['informational', 'informational'],
  ['low', 'low'],
  ['medium', 'medium'],
  ['high', 'high'],
  ['critical', 'high'],
  ['fatal', 'high'],
  ['other', 'unknown'],
]);

/**
 * Workflow status of a finding: `status_id` of the 1.1+ findings, and `state_id` of the 1.0
 * Security Finding, which used `status` for the event outcome.
 */
export const FINDING_STATUS_IDS: ReadonlyMap<number, string> = new Map([
  [0, 'unknown'],
  [1, 'new'],
  [2, 'inProgress'],
  [3, 'suppressed'],
  [4, 'resolved'],
  [5, 'archived'],
  [99, 'other'],
]);

/** `status_id` of an Incident Finding. */
export const INCIDENT_STATUS_IDS: ReadonlyMap<number, string> = new Map([
  [0, 'unknown'],
  [1, 'new'],
  [2, 'inProgress'],
  [3, 'onHold'],
  [4, 'resolved'],
  [5, 'closed'],
  [99, 'other'],
]);

/**
 * `disposition_id`: what the reporting product did. It becomes the remediation status of the
 * finding's evidence. Outcomes that change nothing (allowed, detected, logged …) are `none`,
 * and Unknown, Custom Action, Delayed and Other keep the `disposition` caption as it came.
 */
export const DISPOSITION_IDS: ReadonlyMap<number, RemediationStatus | null> = new Map<number, RemediationStatus | null>([
  [0, null],
  [1, 'none'],
  [2, 'blocked'],
  [3, 'remediated'],
  [4, 'remediated'],
  [5, 'remediated'],
  [6, 'blocked'],
  [7, null],
  [8, 'none'],
  [9, 'remediated'],
  [10, 'none'],
  [11, 'remediated'],
  [12, 'partiallyRemediated'],
  [13, 'unremediated'],
  [14, null],
  [15, 'none'],
  [16, 'none'],
  [17, 'none'],
  [18, 'none'],
  [19, 'none'],
  [20, 'none'],
  [21, 'blocked'],
  [22, 'blocked'],
  [23, 'blocked'],
  [24, 'remediated'],
  [25, 'blocked'],
  [26, 'blocked'],
  [27, 'failed'],
  [99, null],
]);

/**
 * `reputation.score_id` of an observable: 1 to 4 (very safe to leans safe) are clean, 5 to 8
 * (may not be safe to possibly malicious) suspicious, 9 and 10 malicious. Unknown (0) and
 * Other (99) give `unknown`.
 */
export const REPUTATION_IDS: ReadonlyMap<number, Verdict> = new Map<number, Verdict>([
  [0, 'unknown'],
  [1, 'clean'],
  [2, 'clean'],
  [3, 'clean'],
  [4, 'clean'],
  [5, 'suspicious'],
  [6, 'suspicious'],
  [7, 'suspicious'],
  [8, 'suspicious'],
  [9, 'malicious'],
  [10, 'malicious'],
  [99, 'unknown'],
]);

/** `observables[].type_id` values that name an entity, and the entity they make. */
export type ObservableEntityType =
  | 'dnsName'
  | 'ip'
  | 'user'
  | 'mailbox'
  | 'url'
  | 'fileName'
  | 'hash'
  | 'cloudResource'
  | 'registryKey';

export const OBSERVABLE_ENTITY_TYPES: ReadonlyMap<number, ObservableEntityType> = new Map([
  [1, 'dnsName'],
  [2, 'ip'],
  [4, 'user'],
  [5, 'mailbox'],
  [6, 'url'],
  [7, 'fileName'],
  [8, 'hash'],
  [10, 'cloudResource'],
  [28, 'registryKey'],
] as const);

/** `hashes[].algorithm_id` of a file, for the hashes the model keeps. */
export const HASH_ALGORITHM_IDS: ReadonlyMap<number, 'md5' | 'sha1' | 'sha256'> = new Map([
  [1, 'md5'],
  [2, 'sha1'],
  [3, 'sha256'],
] as const);
