/**
 * Orders of entities that the lists sort by: verdict strength and remediation urgency follow
 * the mapping rules of the data contract, so the entity that needs attention comes first.
 * DOM-free.
 */

import type { Entity, RemediationStatus, Verdict } from '../../model/types.js';

const VERDICT_RANK: Readonly<Record<Verdict, number>> = { malicious: 0, suspicious: 1, clean: 2, unknown: 3 };

/** Returns 0 for the strongest verdict (malicious) up to 4 for an entity without one. */
export function verdictRank(verdict: Verdict | undefined): number {
  return verdict === undefined ? 4 : (VERDICT_RANK[verdict] ?? 4);
}

const REMEDIATION_RANK: Readonly<Record<string, number>> = {
  pendingApproval: 0,
  running: 0,
  failed: 1,
  unremediated: 1,
  active: 1,
  declined: 1,
  partiallyRemediated: 1,
  remediated: 2,
  prevented: 2,
  blocked: 2,
  notFound: 3,
  none: 5,
};

/**
 * Returns 0 for the status that needs attention most (pending approval, running) up to 6 for an
 * entity without one. A status outside the contract ranks after `notFound`.
 */
export function remediationRank(status: RemediationStatus | undefined): number {
  if (status === undefined) return 6;
  return REMEDIATION_RANK[status] ?? 4;
}

/** Sortable columns of the lists. */
export type EntitySortKey = 'name' | 'kind' | 'verdict' | 'remediation' | 'firstSeen';

export interface EntitySort {
  key: EntitySortKey;
  descending: boolean;
}

/** Compares by name, then id, so that every order is total and stable across renders. */
function byName(a: Entity, b: Entity): number {
  const byDisplayName = a.displayName.localeCompare(b.displayName);
  if (byDisplayName !== 0) return byDisplayName;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}

const COMPARATORS: Readonly<Record<EntitySortKey, (a: Entity, b: Entity) => number>> = {
  name: () => 0,
  kind: (a, b) => a.kind.localeCompare(b.kind),
  verdict: (a, b) => verdictRank(a.verdict) - verdictRank(b.verdict),
  remediation: (a, b) => remediationRank(a.remediationStatus) - remediationRank(b.remediationStatus),
  // An entity without a first-seen time sorts last in ascending order.
  firstSeen: (a, b) => (a.firstSeen ?? Number.POSITIVE_INFINITY) - (b.firstSeen ?? Number.POSITIVE_INFINITY),
};

/**
 * Returns a sorted copy. Ties fall back to the name ascending, whatever the direction, so rows
 * of one verdict stay alphabetical.
 */
export function sortEntities(entities: readonly Entity[], sort: EntitySort): Entity[] {
  const compare = COMPARATORS[sort.key];
  const sign = sort.descending ? -1 : 1;
  return [...entities].sort((a, b) => {
    const primary = sort.key === 'name' ? byName(a, b) : compare(a, b);
    if (primary !== 0 && !Number.isNaN(primary)) return sign * primary;
    return byName(a, b);
  });
}

/** Returns the next sort after a click on a column header: the same column flips, another starts ascending. */
export function nextEntitySort(current: EntitySort, key: EntitySortKey): EntitySort {
  if (current.key === key) return { key, descending: !current.descending };
  return { key, descending: false };
}
