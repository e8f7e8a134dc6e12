/**
 * The merge rule for one entity seen several times (in several alerts, or under a duplicate
 * id): the strongest verdict, the remediation status that needs attention most, the earliest
 * first seen, and the union of properties.
 */

import type { Entity, RemediationStatus, Verdict } from './types.js';

// Higher ranks win. An absent verdict ranks below `unknown`, because `unknown` is a value the
// source gave and absence means the source gave none.
const VERDICT_RANK: Record<Verdict, number> = {
  malicious: 4,
  suspicious: 3,
  clean: 2,
  unknown: 1,
};

// Higher ranks need attention more. Statuses in one tier tie, and the first one seen is kept.
const REMEDIATION_RANK: Record<string, number> = {
  pendingApproval: 7,
  running: 7,
  failed: 6,
  unremediated: 6,
  declined: 6,
  partiallyRemediated: 6,
  remediated: 5,
  prevented: 5,
  blocked: 5,
  notFound: 4,
  none: 2,
};

/**
 * Rank of a status not in the list (including `active`, which the ranking does not name): below
 * `notFound` and above `none`. An unrecognised status still reports that something happened,
 * so it outranks `none`, but nothing marks it as needing attention.
 */
const UNRANKED_REMEDIATION = 3;

/** Returns the stronger of two verdicts: malicious, then suspicious, clean, unknown, absent. */
export function strongestVerdict(
  a: Verdict | undefined,
  b: Verdict | undefined,
): Verdict | undefined {
  const rankA = a === undefined ? 0 : (VERDICT_RANK[a] ?? 0);
  const rankB = b === undefined ? 0 : (VERDICT_RANK[b] ?? 0);
  return rankB > rankA ? b : a;
}

/** Rank of a remediation status; higher needs attention more, absent ranks 0. */
export function remediationRank(status: RemediationStatus | undefined): number {
  if (status === undefined) return 0;
  return Object.hasOwn(REMEDIATION_RANK, status) ? REMEDIATION_RANK[status]! : UNRANKED_REMEDIATION;
}

/**
 * Returns the status that needs attention most: pending approval or running, then failed,
 * unremediated, declined or partially remediated, then remediated, prevented or blocked, then
 * not found, then any other value, then none, then absent. On a tie `a` wins.
 */
export function mostUrgentRemediation(
  a: RemediationStatus | undefined,
  b: RemediationStatus | undefined,
): RemediationStatus | undefined {
  return remediationRank(b) > remediationRank(a) ? b : a;
}

/** Returns the earlier of two optional times; an absent time loses to a present one. */
export function earliestTime(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}

/** True for an empty property value: absent, null, a blank string or an empty array. */
export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/**
 * Merges two records of the same entity into a new one; neither input is changed.
 *
 * `a` is the record seen first: its id is kept, and its non-empty display name and property
 * values win, with `b` filling what `a` lacks. The exception is a ghost `a` merged with a real
 * `b`: evidence describes the entity better than a name inferred from other evidence, so `b`
 * leads then. A merged entity is a ghost only if both records are ghosts.
 */
export function mergeEntities(a: Entity, b: Entity): Entity {
  const [lead, other] = a.ghost === true && b.ghost !== true ? [b, a] : [a, b];

  const properties: Record<string, unknown> = { ...lead.properties };
  for (const [key, value] of Object.entries(other.properties)) {
    if (isEmptyValue(properties[key]) && !isEmptyValue(value)) properties[key] = value;
  }

  const merged: Entity = {
    id: a.id,
    kind: lead.kind === 'other' && other.kind !== 'other' ? other.kind : lead.kind,
    displayName: lead.displayName.trim() !== '' ? lead.displayName : other.displayName,
    properties,
  };

  const verdict = strongestVerdict(a.verdict, b.verdict);
  if (verdict !== undefined) merged.verdict = verdict;

  const remediationStatus = mostUrgentRemediation(a.remediationStatus, b.remediationStatus);
  if (remediationStatus !== undefined) merged.remediationStatus = remediationStatus;

  const firstSeen = earliestTime(a.firstSeen, b.firstSeen);
  if (firstSeen !== undefined) merged.firstSeen = firstSeen;

  const webUrl = lead.webUrl ?? other.webUrl;
  if (webUrl !== undefined) merged.webUrl = webUrl;

  if (a.ghost === true && b.ghost === true) merged.ghost = true;

  return merged;
}
