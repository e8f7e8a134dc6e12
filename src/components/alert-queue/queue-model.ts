/**
 * Sorting and filtering of the alert queue. DOM-free. The default order is the timeline's:
 * first activity, then severity (high first), then id.
 */

import { severityRank } from '../../model/severity.js';
import type { Alert, EpochMs } from '../../model/types.js';
import { compareAlertsByTime } from '../incident-summary/summary-model.js';

export const ALERT_SORT_KEYS = ['time', 'severity', 'title', 'status', 'category', 'source'] as const;

/** Column the queue is sorted by. */
export type AlertSortKey = (typeof ALERT_SORT_KEYS)[number];

export type SortDirection = 'ascending' | 'descending';

/** Values each facet keeps. An empty or absent facet keeps every alert. */
export interface AlertQueueFilters {
  severities?: readonly string[];
  statuses?: readonly string[];
  sources?: readonly string[];
  categories?: readonly string[];
}

export type AlertFacet = keyof AlertQueueFilters;

export const ALERT_FACETS: readonly AlertFacet[] = ['severities', 'statuses', 'sources', 'categories'];

/** A time window in epoch ms, as the session's `range`. */
export interface QueueRange {
  start: EpochMs;
  end: EpochMs;
}

/** Returns the service that raised the alert, else its detection source, else ''. */
export function alertSource(alert: Alert): string {
  return alert.serviceSource ?? alert.detectionSource ?? '';
}

/** Returns the value an alert has for a facet, or '' when it has none. */
export function facetValue(alert: Alert, facet: AlertFacet): string {
  switch (facet) {
    case 'severities':
      return alert.severity;
    case 'statuses':
      return alert.status;
    case 'sources':
      return alertSource(alert);
    case 'categories':
      return alert.category ?? '';
  }
}

/** Returns the distinct values of each facet, sorted, for the filter controls. */
export function facetOptions(alerts: readonly Alert[]): Record<AlertFacet, string[]> {
  const options = {} as Record<AlertFacet, string[]>;
  for (const facet of ALERT_FACETS) {
    const values = [...new Set(alerts.map((alert) => facetValue(alert, facet)))];
    options[facet] = facet === 'severities'
      ? values.sort((a, b) => severityRank(a as Alert['severity']) - severityRank(b as Alert['severity']))
      : values.sort(compareText);
  }
  return options;
}

/**
 * True when the alert's first activity falls inside the range. An alert without a first
 * activity time stays in, like a record without a first-seen time in the session.
 */
export function inRange(alert: Alert, range: QueueRange | null | undefined): boolean {
  const time = alert.firstActivityTime;
  if (!range || time === undefined) return true;
  return time >= range.start && time <= range.end;
}

export interface FilteredAlerts {
  /** The alerts that pass the filters and fall inside the range, in input order. */
  alerts: Alert[];
  /** Alerts that pass the filters but fall outside the range. */
  outsideRange: number;
}

export function filterAlerts(
  alerts: readonly Alert[],
  filters: AlertQueueFilters,
  range: QueueRange | null | undefined,
): FilteredAlerts {
  const kept: Alert[] = [];
  let outsideRange = 0;
  for (const alert of alerts) {
    const passes = ALERT_FACETS.every((facet) => {
      const allowed = filters[facet];
      return !allowed || allowed.length === 0 || allowed.includes(facetValue(alert, facet));
    });
    if (!passes) continue;
    if (inRange(alert, range)) kept.push(alert);
    else outsideRange++;
  }
  return { alerts: kept, outsideRange };
}

/**
 * Sorts alerts by a column. Equal values keep the time order in both directions, so the alerts
 * of one severity always read from earliest to latest. Equal times keep high severity first,
 * and alerts without a time come last in both directions.
 */
export function sortAlerts(alerts: readonly Alert[], key: AlertSortKey, direction: SortDirection): Alert[] {
  const sign = direction === 'ascending' ? 1 : -1;
  if (key === 'time') {
    const timed = alerts.filter((alert) => Number.isFinite(alert.firstActivityTime));
    const untimed = alerts.filter((alert) => !Number.isFinite(alert.firstActivityTime));
    const byTime = (a: Alert, b: Alert): number => sign * (a.firstActivityTime! - b.firstActivityTime!) || compareAlertsByTime(a, b);
    return [...timed.sort(byTime), ...untimed.sort(compareAlertsByTime)];
  }

  const compare = (a: Alert, b: Alert): number => {
    if (key === 'severity') return severityRank(b.severity) - severityRank(a.severity);
    return compareText(sortText(a, key), sortText(b, key));
  };
  return [...alerts].sort((a, b) => sign * compare(a, b) || compareAlertsByTime(a, b));
}

function sortText(alert: Alert, key: Exclude<AlertSortKey, 'time' | 'severity'>): string {
  switch (key) {
    case 'title':
      return alert.title.toLowerCase();
    case 'status':
      return alert.status;
    case 'category':
      return alert.category ?? '';
    case 'source':
      return alertSource(alert);
  }
}

/** Compares in code-unit order, the same in every locale. */
function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
