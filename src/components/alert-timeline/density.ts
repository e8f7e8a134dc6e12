/**
 * Dense periods of the alert timeline. Markers closer than one marker width share a column. A
 * column with more markers than fit in a stack becomes one counted cluster, which zooms in when
 * pressed. DOM-free.
 *
 * Columns are made by one sweep in time order. A marker joins the current column when it sits
 * less than `minGap` (a fraction of the axis) after the column's first marker, else it starts
 * a new column. Every marker of a column is drawn at the column's position, so columns are at
 * least `minGap` apart and never overlap, whatever the zoom.
 */

import type { EpochMs, Severity } from '../../model/types.js';
import { severityRank } from '../../model/severity.js';
import { partitionPoint, type AlertMarker, type TimeDomain } from './time-axis.js';

/** Markers drawn together at one position: a stack, or a cluster when it is too tall. */
export interface MarkerColumn {
  /** Position on the axis of the column's first marker, where every marker of it is drawn. */
  position: number;
  /** The column's markers in `compareAlerts` order, the first at the bottom of a stack. */
  markers: AlertMarker[];
  /** True when the markers are drawn as one counted cluster. */
  cluster: boolean;
  /** First activity of the first and of the last marker. */
  start: EpochMs;
  end: EpochMs;
  /** The highest severity among the markers: a cluster takes its colour. */
  severity: Severity;
}

/**
 * Groups the markers (in time order) that fall inside `view` into columns, with positions as
 * fractions of `view`. A column of more than `maxStack` markers is a cluster, unless zooming in
 * cannot part it: its markers share one time, or `view` is as narrow as it gets
 * (`canZoomIn` false). Such a column stays a stack, however tall.
 */
export function groupMarkers(
  markers: readonly AlertMarker[],
  view: TimeDomain,
  minGap: number,
  maxStack: number,
  canZoomIn: boolean,
): MarkerColumn[] {
  const columns: MarkerColumn[] = [];
  const span = view.end - view.start;
  let current: MarkerColumn | undefined;

  for (let index = firstAtOrAfter(markers, view.start); index < markers.length; index++) {
    const marker = markers[index]!;
    if (marker.time > view.end) break;
    const position = (marker.time - view.start) / span;

    if (current && position - current.position < minGap) {
      current.markers.push(marker);
      current.end = marker.time;
      if (severityRank(marker.alert.severity) < severityRank(current.severity)) {
        current.severity = marker.alert.severity;
      }
      continue;
    }

    current = {
      position,
      markers: [marker],
      cluster: false,
      start: marker.time,
      end: marker.time,
      severity: marker.alert.severity,
    };
    columns.push(current);
  }

  for (const column of columns) {
    column.cluster = column.markers.length > maxStack && canZoomIn && column.end > column.start;
  }
  return columns;
}

/** Returns the index of the first marker at or after `time`, by binary search. */
function firstAtOrAfter(markers: readonly AlertMarker[], time: EpochMs): number {
  return partitionPoint(markers, (marker) => marker.time < time);
}

/** Returns the height of the tallest column: a cluster counts as one. */
export function tallestStack(columns: readonly MarkerColumn[]): number {
  let tallest = 0;
  for (const column of columns) {
    tallest = Math.max(tallest, column.cluster ? 1 : column.markers.length);
  }
  return tallest;
}
