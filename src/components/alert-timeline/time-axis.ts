/**
 * The time axis of the alert timeline: where each alert goes, which ticks to draw and how to
 * label them. DOM-free. Positions are fractions of the axis (0 at the start, 1 at the end), so
 * the element can place things in percent and needs no measurement to draw markers.
 */

import { scaleTime, scaleUtc } from 'd3-scale';
import type { Alert, EpochMs } from '../../model/types.js';
import { severityRank } from '../../model/severity.js';
import { compareByTime, type TimeOrderKey } from '../../model/time.js';
import { FALLBACK_LOCALE, formatTime } from '../shared/locale.js';
import { formatOffset, intlZone, isAmbiguousLocalTime, type DisplayZone } from '../shared/zone-offset.js';

/** The time window the axis covers, in epoch ms, with `end > start`. */
export interface TimeDomain {
  start: EpochMs;
  end: EpochMs;
}

/** One alert placed on the axis. */
export interface AlertMarker {
  alert: Alert;
  /** First activity, where the marker sits. */
  time: EpochMs;
  /** Last activity, when it is after the first. The span bar ends there. */
  endTime: EpochMs | undefined;
  position: number;
  endPosition: number | undefined;
  /** Place in the stack of alerts with the same first activity, 0 at the bottom. */
  stack: number;
}

export interface AlertLayout {
  /** Placed alerts in time order, then severity (high first), then id. */
  markers: AlertMarker[];
  /** Alerts without a usable first activity time, in severity then id order. */
  untimed: Alert[];
  /** Distinct first activity times, ascending: the stops of keyboard stepping and playback. */
  times: EpochMs[];
  /** Height of the highest stack, at least 1 when there is a marker. */
  maxStack: number;
}

export interface AxisTick {
  time: EpochMs;
  position: number;
  label: string;
  /** The date, on the first tick and on the first tick of each new day; drawn under the label. */
  date?: string;
}

// A domain of zero span (one instant) is widened by this much on each side, so the instant
// sits in the middle of the axis.
const INSTANT_PADDING = 60_000;

/** Returns the axis window for the incident's time bounds, widened when they are one instant. */
export function timeDomain(bounds: { start: EpochMs; end: EpochMs }): TimeDomain {
  if (bounds.end > bounds.start) return { start: bounds.start, end: bounds.end };
  return { start: bounds.start - INSTANT_PADDING, end: bounds.start + INSTANT_PADDING };
}

/** Returns where `time` falls on the axis, 0 at the domain's start and 1 at its end. */
export function positionOf(domain: TimeDomain, time: EpochMs): number {
  return (time - domain.start) / (domain.end - domain.start);
}

/** Returns the time at a position on the axis, the inverse of `positionOf`. */
export function timeAtPosition(domain: TimeDomain, position: number): EpochMs {
  return domain.start + position * (domain.end - domain.start);
}

function usableTime(time: unknown): time is EpochMs {
  return typeof time === 'number' && Number.isFinite(time);
}

/**
 * Orders alerts by first activity, then severity (high first), then id: `compareByTime`, the
 * order the graph's node list uses for alerts too.
 */
export function compareAlerts(a: Alert, b: Alert): number {
  return compareByTime(alertOrderKey(a), alertOrderKey(b));
}

function alertOrderKey(alert: Alert): TimeOrderKey {
  return { time: alert.firstActivityTime, severity: alert.severity, id: alert.id };
}

/**
 * Returns the alerts in `compareAlerts` order. It reads the sort keys once per alert into typed
 * arrays instead of twice per comparison, because this sort is the incident's time index and
 * runs on up to a hundred thousand alerts.
 */
export function sortAlerts(alerts: readonly Alert[]): Alert[] {
  const count = alerts.length;
  const times = new Float64Array(count);
  const ranks = new Uint8Array(count);
  const order = new Uint32Array(count);
  for (let index = 0; index < count; index++) {
    const alert = alerts[index]!;
    const time = alert.firstActivityTime;
    times[index] = usableTime(time) ? time : Infinity;
    ranks[index] = severityRank(alert.severity);
    order[index] = index;
  }

  order.sort((a, b) => {
    if (times[a] !== times[b]) return times[a]! < times[b]! ? -1 : 1;
    if (ranks[a] !== ranks[b]) return ranks[a]! - ranks[b]!;
    const idA = alerts[a]!.id;
    const idB = alerts[b]!.id;
    if (idA === idB) return 0;
    return idA < idB ? -1 : 1;
  });

  const sorted = new Array<Alert>(count);
  for (let index = 0; index < count; index++) sorted[index] = alerts[order[index]!]!;
  return sorted;
}

/** Places alerts on the axis. Alerts with the same first activity stack in `compareAlerts` order. */
export function layoutAlerts(alerts: readonly Alert[], domain: TimeDomain): AlertLayout {
  const sorted = sortAlerts(alerts);
  const markers: AlertMarker[] = [];
  const untimed: Alert[] = [];
  const times: EpochMs[] = [];
  let maxStack = 0;

  for (const alert of sorted) {
    const time = alert.firstActivityTime;
    if (!usableTime(time)) {
      untimed.push(alert);
      continue;
    }

    const previous = markers[markers.length - 1];
    const stack = previous && previous.time === time ? previous.stack + 1 : 0;
    if (stack === 0) times.push(time);
    maxStack = Math.max(maxStack, stack + 1);

    const last = alert.lastActivityTime;
    const endTime = usableTime(last) && last > time ? last : undefined;
    markers.push({
      alert,
      time,
      endTime,
      position: positionOf(domain, time),
      endPosition: endTime === undefined ? undefined : positionOf(domain, endTime),
      stack,
    });
  }

  return { markers, untimed, times, maxStack };
}

/** Returns the last of the ascending `times` before `time`, or undefined. */
export function previousTime(times: readonly EpochMs[], time: EpochMs): EpochMs | undefined {
  let found: EpochMs | undefined;
  for (const candidate of times) {
    if (candidate >= time) break;
    found = candidate;
  }
  return found;
}

/** Returns the first of the ascending `times` after `time`, or undefined. */
export function nextTime(times: readonly EpochMs[], time: EpochMs): EpochMs | undefined {
  return times.find((candidate) => candidate > time);
}

/**
 * Returns the index of the first item for which `isBefore` is false, by binary search. The
 * items must be ordered so that `isBefore` is true for a prefix of them and false for the rest.
 */
export function partitionPoint<T>(items: readonly T[], isBefore: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (isBefore(items[middle]!)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Counts the ascending `times` at or before `time`, by binary search. */
export function countTimesAtOrBefore(times: readonly EpochMs[], time: EpochMs): number {
  return partitionPoint(times, (candidate) => candidate <= time);
}

/** Counts the ascending `times` in the half-open interval `(from, to]`: the alerts passed. */
export function countTimesPassed(times: readonly EpochMs[], from: EpochMs, to: EpochMs): number {
  if (!(to > from)) return 0;
  return countTimesAtOrBefore(times, to) - countTimesAtOrBefore(times, from);
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(
  timeZone: DisplayZone,
  options: Intl.DateTimeFormatOptions,
  locale: string | undefined,
): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${timeZone}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone: intlZone(timeZone) });
    formats.set(key, format);
  }
  return format;
}

/**
 * Formats a time with date, seconds and zone name, for accessible names and readouts: the
 * elements' `formatTime` in `timeZone` and `locale`. Returns an empty string for an invalid time.
 */
export function formatDateTime(time: EpochMs, timeZone: DisplayZone, locale: string = FALLBACK_LOCALE): string {
  return formatTime(time, locale, timeZone) ?? '';
}

const DAY = 86_400_000;
const DATE_ONLY: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric' };
const MONTH_ONLY: Intl.DateTimeFormatOptions = { month: 'short', year: 'numeric' };
const YEAR_ONLY: Intl.DateTimeFormatOptions = { year: 'numeric' };
// The shortest month and year, in ms: tick steps of at least these are months and years.
const MONTH = 28 * DAY;
const YEAR = 365 * DAY;
const DATE_KEY: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit' };

function timeOptions(step: number): Intl.DateTimeFormatOptions {
  if (step < 1000) {
    return { hour: '2-digit', minute: '2-digit', second: '2-digit', fractionalSecondDigits: 3 };
  }
  if (step < 60_000) return { hour: '2-digit', minute: '2-digit', second: '2-digit' };
  return { hour: '2-digit', minute: '2-digit' };
}

/**
 * Returns the ticks for the axis, at most about `count` of them, on round boundaries of the
 * chosen zone (d3's `scaleTime` for the local zone, `scaleUtc` for UTC).
 *
 * Labels carry only as much as the tick step needs: a year for steps of a year, a month and
 * year for steps of a month, a date for steps of a day or more, else
 * a time (with seconds below a minute, with milliseconds below a second). With a time, the
 * first tick and each tick on a new day also carry the date, so a label is never ambiguous.
 */
export function axisTicks(
  domain: TimeDomain,
  timeZone: DisplayZone,
  count: number,
  locale?: string,
): AxisTick[] {
  // NOTE: d3 has round boundaries for UTC and the runtime's zone only, so a named zone gets
  // UTC boundaries. With a whole-hour offset that moves only day and longer boundaries.
  const scale = (timeZone === 'local' ? scaleTime() : scaleUtc())
    .domain([domain.start, domain.end])
    .range([0, 1]);
  const times = scale.ticks(Math.max(1, Math.floor(count))).map((date) => date.getTime());
  if (times.length === 0) return [];

  const step = times.length > 1 ? times[1]! - times[0]! : domain.end - domain.start;
  const dateKey = formatter(timeZone, DATE_KEY, locale);
  const dateLabel = formatter(timeZone, DATE_ONLY, locale);
  const timeLabel = formatter(timeZone, timeOptions(step), locale);

  let previousDay = '';
  return times.map((time) => {
    const position = positionOf(domain, time);
    if (step >= YEAR) return { time, position, label: formatter(timeZone, YEAR_ONLY, locale).format(time) };
    if (step >= MONTH) return { time, position, label: formatter(timeZone, MONTH_ONLY, locale).format(time) };
    if (step >= DAY) return { time, position, label: dateLabel.format(time) };

    // The date goes on a line of its own, so a dated tick is no wider than its neighbours.
    // A local time that daylight saving repeats carries its offset, else it would name two instants.
    const day = dateKey.format(time);
    const label = timeLabel.format(time);
    const ambiguous = isAmbiguousLocalTime(time, timeZone);
    const tick: AxisTick = { time, position, label: ambiguous ? `${label} ${formatOffset(time, timeZone)}` : label };
    if (day !== previousDay) tick.date = dateLabel.format(time);
    previousDay = day;
    return tick;
  });
}
