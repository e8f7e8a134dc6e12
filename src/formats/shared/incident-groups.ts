/**
 * Grouping of a payload's alerts by incident, for formats that list incidents with their alerts
 * and loose alerts side by side (Graph, Defender). An alert goes to the incident that contains
 * it, else to the incident its `incidentId` names, else to an incident of its own.
 */

import type { DataIssue } from '../../model/types.js';
import { readString, type JsonRecord } from './json-readers.js';

/** The alerts of one incident, and the incident record when the payload has it. */
export interface IncidentGroup<A> {
  id: string;
  incident: JsonRecord | undefined;
  alerts: A[];
  /** True when the id was generated for an alert that names no incident. */
  generated: boolean;
  issues: DataIssue[];
}

/** Returns the group with `id`, adding an empty one when there is none yet. */
export function groupFor<A>(groups: Map<string, IncidentGroup<A>>, id: string, generated: boolean): IncidentGroup<A> {
  let group = groups.get(id);
  if (group === undefined) {
    group = { id, incident: undefined, alerts: [], generated, issues: [] };
    groups.set(id, group);
  }
  return group;
}

/**
 * Adds an alert that no incident record contains to the incident `incidentId` names, else to a
 * generated incident `alert-<alertId>` (`alert-<n>` when the alert has no id either).
 */
export function addLooseAlert<A>(
  groups: Map<string, IncidentGroup<A>>,
  alert: A,
  incidentId: string | undefined,
  alertId: string | undefined,
): void {
  if (incidentId !== undefined) groupFor(groups, incidentId, false).alerts.push(alert);
  else groupFor(groups, `alert-${alertId ?? groups.size + 1}`, true).alerts.push(alert);
}

/**
 * Reports an alert whose `incidentId` differs from the incident that contains it. The issue
 * names the alert by `alertId`, or by the incident when the alert has no id.
 */
export function reportIncidentMismatch(
  alert: JsonRecord,
  alertId: string | undefined,
  incidentId: string,
  issues: DataIssue[],
): void {
  const named = readString(alert.incidentId);
  if (named === undefined || named === incidentId) return;
  issues.push({
    id: alertId ?? incidentId,
    field: 'incidentId',
    problem: `alert names incident ${named} but is listed in incident ${incidentId}; it is kept in ${incidentId}`,
  });
}
