/**
 * The options of each noise-control facet for one snapshot, with the number of records each
 * option covers. Only values the snapshot has are offered, plus any value a filter already
 * names, so that a user can always clear it. DOM-free.
 */

import { NOT_PROVIDED, type IncidentFilters } from '../../session/filters.js';
import {
  ENTITY_KINDS,
  REMEDIATION_STATUSES,
  VERDICTS,
  type EntityKind,
  type IncidentSnapshot,
  type Severity,
} from '../../model/types.js';
import { kindLabel, msg, remediationLabel, severityLabel, verdictLabel } from '../shared/strings.js';

/** The facets of `IncidentFilters`, in the order the bar shows them. */
export const FACETS = ['entityKinds', 'verdicts', 'remediationStatuses', 'evidenceRoles', 'severities'] as const;

export type Facet = (typeof FACETS)[number];

export interface FacetOption {
  value: string;
  label: string;
  /** Entities (alerts for `severities`) with this value in the snapshot. */
  count: number;
}

/** Severities from the most to the least urgent, with `unknown` last. */
const SEVERITY_ORDER: readonly Severity[] = ['high', 'medium', 'low', 'informational', 'unknown'];

/** Returns the options of every facet for `snapshot`. Without a snapshot, only the selected values. */
export function facetOptions(
  snapshot: IncidentSnapshot | undefined,
  filters: IncidentFilters,
): Record<Facet, FacetOption[]> {
  const counts: Record<Facet, Map<string, number>> = {
    entityKinds: new Map(),
    verdicts: new Map(),
    remediationStatuses: new Map(),
    evidenceRoles: new Map(),
    severities: new Map(),
  };

  const rolesByEntity = new Map<string, Set<string>>();
  for (const alert of snapshot?.alerts ?? []) {
    add(counts.severities, alert.severity);
    for (const evidence of alert.evidence) {
      let roles = rolesByEntity.get(evidence.entityId);
      if (!roles) rolesByEntity.set(evidence.entityId, (roles = new Set()));
      for (const role of evidence.roles) roles.add(role);
    }
  }
  for (const entity of snapshot?.entities ?? []) {
    add(counts.entityKinds, entity.kind);
    add(counts.verdicts, entity.verdict ?? NOT_PROVIDED);
    add(counts.remediationStatuses, entity.remediationStatus ?? NOT_PROVIDED);
    for (const role of rolesByEntity.get(entity.id) ?? []) add(counts.evidenceRoles, role);
  }

  return {
    entityKinds: options(counts.entityKinds, filters.entityKinds, ENTITY_KINDS, (value) => kindLabel(value as EntityKind)),
    verdicts: options(counts.verdicts, filters.verdicts, [...VERDICTS, NOT_PROVIDED], (value) =>
      value === NOT_PROVIDED ? verdictLabel(undefined) : verdictLabel(value as (typeof VERDICTS)[number]),
    ),
    remediationStatuses: options(
      counts.remediationStatuses,
      filters.remediationStatuses,
      // `none` is both a status of the contract and the value for "not provided". It is listed once.
      REMEDIATION_STATUSES,
      (value) => remediationLabel(value),
    ),
    evidenceRoles: options(counts.evidenceRoles, filters.evidenceRoles, [], roleLabel),
    severities: options(counts.severities, filters.severities, SEVERITY_ORDER, (value) => severityLabel(value as Severity)),
  };
}

/** Returns the label of an evidence role: `filters.role.<role>` from the string table, else the role with a capital. */
export function roleLabel(role: string): string {
  const key = `filters.role.${role}`;
  const label = msg(key);
  if (label !== key) return label;
  return role.length > 0 ? role[0]!.toUpperCase() + role.slice(1) : role;
}

function add(counts: Map<string, number>, value: string): void {
  counts.set(value, (counts.get(value) ?? 0) + 1);
}

/**
 * Lists the values that occur or are selected: those of `order` first in that order, then any
 * other value alphabetically.
 */
function options(
  counts: ReadonlyMap<string, number>,
  selected: readonly string[] | undefined,
  order: readonly string[],
  label: (value: string) => string,
): FacetOption[] {
  const values = new Set([...counts.keys(), ...(selected ?? [])]);
  const known = order.filter((value) => values.has(value));
  const others = [...values].filter((value) => !order.includes(value)).sort((a, b) => a.localeCompare(b));
  return [...known, ...others].map((value) => ({ value, label: label(value), count: counts.get(value) ?? 0 }));
}
