/**
 * Time parsing for the model: every time in a snapshot is epoch milliseconds (UTC), and a value
 * that cannot be read becomes a data issue instead of NaN.
 */

import { severityRank } from './severity.js';
import type { DataIssue, EpochMs, IncidentSnapshot, Severity } from './types.js';

// ISO 8601 date-time as the sources write it: date, optional time with any number of
// fraction digits, optional zone. Groups: year, month, day, hour, minute, second, fraction, zone.
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

// An epoch number whose magnitude is below this is read as seconds. As milliseconds it would
// be before 3 March 1973. As seconds, 1e11 is in the year 5138. So every time a security
// product reports falls clearly on one side.
const EPOCH_SECONDS_LIMIT = 1e11;

// An epoch number written as text: digits with an optional sign and fraction.
const EPOCH_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

/**
 * Parses a time into epoch milliseconds.
 *
 * Accepts:
 * - an ISO 8601 string, with or without a zone, with any number of fraction digits (Graph
 *   writes `2021-08-13T08:43:35.5533333Z`, seven digits). Fractions beyond milliseconds, such
 *   as microseconds, are truncated, not rounded, so a time never moves into the next
 *   millisecond. A leap second (`:60`) is read as the last millisecond of its minute.
 * - a finite number, or a string of one, as an epoch time. Its magnitude picks the unit:
 *   below 1e11 it is epoch seconds (fractions kept to the millisecond), else epoch
 *   milliseconds. So `1700000000` and `1700000000000` are the same instant.
 * - a `Date`.
 *
 * A time without a zone (`2026-03-10T09:26:05`) is read as UTC, never in the viewer's zone,
 * because the sources this library maps write UTC and the zone of the machine that renders the
 * view has nothing to do with the data. The same string so gives the same instant everywhere.
 *
 * Returns `undefined` for `null`, `undefined`, an empty string and any value it cannot parse;
 * use `parseTimeField` to report the last case.
 */
export function parseTime(value: unknown): EpochMs | undefined {
  if (typeof value === 'number') return epochToMilliseconds(value);
  if (value instanceof Date) {
    const time = value.getTime();
    return Number.isFinite(time) ? time : undefined;
  }
  if (typeof value !== 'string') return undefined;

  const text = value.trim();
  if (text === '') return undefined;
  if (EPOCH_NUMBER.test(text)) return epochToMilliseconds(Number(text));

  const match = ISO_DATE_TIME.exec(text);
  if (!match) return undefined;

  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', zone] = match;
  const monthIndex = Number(month) - 1;
  const dayOfMonth = Number(day);
  if (monthIndex < 0 || monthIndex > 11 || dayOfMonth < 1 || dayOfMonth > 31) return undefined;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 60) return undefined;

  const leapSecond = Number(second) === 60;
  const milliseconds = leapSecond ? 999 : Number(fraction.slice(0, 3).padEnd(3, '0'));
  const utc = Date.UTC(
    Number(year),
    monthIndex,
    dayOfMonth,
    Number(hour),
    Number(minute),
    leapSecond ? 59 : Number(second),
    milliseconds,
  );

  // Date.UTC rolls 31 February over into March; a day that does not exist is invalid.
  if (new Date(utc).getUTCDate() !== dayOfMonth) return undefined;

  return utc - zoneOffsetMinutes(zone) * 60_000;
}

function epochToMilliseconds(value: number): EpochMs | undefined {
  if (!Number.isFinite(value)) return undefined;
  if (Math.abs(value) < EPOCH_SECONDS_LIMIT) return Math.trunc(value * 1000);
  return Math.trunc(value);
}

function zoneOffsetMinutes(zone: string | undefined): number {
  if (zone === undefined || zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return sign * (hours * 60 + minutes);
}

/** True for a value that counts as "no time given": `null`, `undefined` or a blank string. */
export function isAbsentTime(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/**
 * Parses a time like `parseTime`, and when a value is present but cannot be parsed, appends a
 * data issue naming the record `id` and the `field` to `issues`.
 */
export function parseTimeField(
  value: unknown,
  issues: DataIssue[],
  id: string,
  field: string,
): EpochMs | undefined {
  const time = parseTime(value);
  if (time === undefined && !isAbsentTime(value)) {
    issues.push({ id, field, problem: `invalid time ${describeValue(value)}; it is left out` });
  }
  return time;
}

/**
 * Describes a bad value for a data issue's problem text: a string quoted and cut at 60
 * characters, a number as written, anything else by its type.
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (typeof value === 'number') return String(value);
  return `of type ${value === null ? 'null' : typeof value}`;
}

/**
 * Returns the time span of an incident: the earliest alert first activity or entity or relation
 * first seen, and the latest alert last activity (or first activity) or first seen.
 * Returns `undefined` when no record has a time.
 */
export function incidentTimeBounds(
  snapshot: IncidentSnapshot,
): { start: EpochMs; end: EpochMs } | undefined {
  let start = Infinity;
  let end = -Infinity;

  const include = (time: EpochMs | undefined): void => {
    if (time === undefined || !Number.isFinite(time)) return;
    if (time < start) start = time;
    if (time > end) end = time;
  };

  for (const alert of snapshot.alerts) {
    include(alert.firstActivityTime);
    include(alert.lastActivityTime);
  }
  for (const entity of snapshot.entities) include(entity.firstSeen);
  for (const relation of snapshot.relations) include(relation.firstSeen);

  if (start === Infinity) return undefined;
  return { start, end };
}

/**
 * True when a record that first appears at `firstSeen` exists at `time`. A record without a
 * first-seen time exists from the start, and with no time cursor everything exists.
 */
export function existsAt(firstSeen: EpochMs | undefined, time: EpochMs | undefined): boolean {
  if (firstSeen === undefined || time === undefined) return true;
  return firstSeen <= time;
}

/** Sort fields of an alert, or of a graph node or list row built from one, for `compareByTime`. */
export interface TimeOrderKey {
  /** First activity or first seen. `undefined` or a non-finite value sorts last. */
  time: EpochMs | undefined;
  /** Alerts only: with equal times, high comes first and records without a severity last. */
  severity?: Severity | undefined;
  id: string;
}

/**
 * Orders records by time, the one order for records with equal times in the timeline, the
 * graph's node list and other lists: earlier first, then severity (high first), then id in
 * code-unit order. Code-unit order, not `localeCompare`, so the order is the same in every
 * locale. A record without a usable time sorts after every timed one.
 */
export function compareByTime(a: TimeOrderKey, b: TimeOrderKey): number {
  return compareTimeOrder(a.time, a.severity, a.id, b.time, b.severity, b.id);
}

/**
 * Compares two records in the order of `compareByTime`, given their fields, for a sort of many
 * records that have them under other names: it builds no key object per comparison.
 */
export function compareTimeOrder(
  timeA: EpochMs | undefined,
  severityA: Severity | undefined,
  idA: string,
  timeB: EpochMs | undefined,
  severityB: Severity | undefined,
  idB: string,
): number {
  const usableA = timeA !== undefined && Number.isFinite(timeA) ? timeA : Infinity;
  const usableB = timeB !== undefined && Number.isFinite(timeB) ? timeB : Infinity;
  if (usableA !== usableB) return usableA < usableB ? -1 : 1;

  const rankA = severityA === undefined ? Infinity : severityRank(severityA);
  const rankB = severityB === undefined ? Infinity : severityRank(severityB);
  if (rankA !== rankB) return rankA < rankB ? -1 : 1;

  if (idA === idB) return 0;
  return idA < idB ? -1 : 1;
}
