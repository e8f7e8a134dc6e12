/**
 * Noise controls that the graph and the lists share through the session: which entity kinds,
 * verdicts, remediation statuses, evidence roles and alert severities to show. A facet left out
 * or empty shows everything. Entities are tested on kind, verdict, remediation status and
 * evidence roles, and alerts on severity. Edges show when both of their ends show. DOM-free.
 */

import type { IncidentGraph, IncidentNodeAttributes } from '../model/graph-types.js';
import type { EntityKind, RemediationStatus, Severity, Verdict } from '../model/types.js';

/** The value a facet uses for an entity with no verdict or no remediation status. */
export const NOT_PROVIDED = 'none';

export interface IncidentFilters {
  /** Entity kinds to show. */
  entityKinds?: readonly EntityKind[];
  /** Verdicts to show. `none` matches entities without a verdict. */
  verdicts?: ReadonlyArray<Verdict | typeof NOT_PROVIDED>;
  /** Remediation statuses to show. `none` matches entities without one. */
  remediationStatuses?: ReadonlyArray<RemediationStatus | typeof NOT_PROVIDED>;
  /** Evidence roles: an entity shows when an alert names it in one of them. */
  evidenceRoles?: readonly string[];
  /** Alert severities to show. */
  severities?: readonly Severity[];
}

/** True when no facet restricts anything. */
export function filtersAreEmpty(filters: IncidentFilters | undefined): boolean {
  if (!filters) return true;
  return [filters.entityKinds, filters.verdicts, filters.remediationStatuses, filters.evidenceRoles, filters.severities].every(
    (facet) => facet === undefined || facet.length === 0,
  );
}

/**
 * True when a graph node passes the filters. `graph` is read only for the evidence role facet,
 * which looks at the roles on the alert edges that end at the entity.
 */
export function nodePassesFilters(
  filters: IncidentFilters | undefined,
  graph: IncidentGraph,
  id: string,
  attributes: IncidentNodeAttributes,
): boolean {
  if (!filters) return true;
  if (attributes.kind === 'alert') return allows(filters.severities, attributes.severity ?? 'unknown');

  if (!allows(filters.entityKinds, attributes.kind)) return false;
  if (!allows(filters.verdicts, attributes.verdict ?? NOT_PROVIDED)) return false;
  if (!allows(filters.remediationStatuses, attributes.remediationStatus ?? NOT_PROVIDED)) return false;

  const roles = filters.evidenceRoles;
  if (!roles || roles.length === 0) return true;
  let found = false;
  graph.forEachInEdge(id, (_edge, edgeAttributes) => {
    if (!found && edgeAttributes.type === 'evidence') found = edgeAttributes.roles.some((role) => roles.includes(role));
  });
  return found;
}

function allows<T>(facet: readonly T[] | undefined, value: T): boolean {
  return facet === undefined || facet.length === 0 || facet.includes(value);
}
