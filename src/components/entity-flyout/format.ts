/**
 * Value formatting for the flyout. Times are shown in UTC as `2026-03-14 09:12:05 UTC`, the
 * same for every locale: analysts compare them with logs and portals that write UTC, and a
 * local zone would make two people reading the same incident see different times.
 */

import { msg } from '../shared/strings.js';

const utcParts = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Formats epoch milliseconds as `YYYY-MM-DD hh:mm:ss UTC`, or returns undefined for an invalid time. */
export function formatUtc(time: number): string | undefined {
  if (!Number.isFinite(time)) return undefined;
  const date = new Date(time);
  if (Number.isNaN(date.getTime())) return undefined;

  const part: Record<string, string> = {};
  for (const { type, value } of utcParts.formatToParts(date)) part[type] = value;
  return msg('flyout.time', {
    date: `${part.year}-${part.month}-${part.day}`,
    time: `${part.hour}:${part.minute}:${part.second}`,
  });
}

/** Returns the ISO 8601 form for a `<time datetime>` attribute. */
export function isoTime(time: number): string {
  return new Date(time).toISOString();
}

const UNITS = ['kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** Formats a size in bytes as the exact count, with a rounded size in larger units past 1 KB. */
export function formatBytes(bytes: number): string {
  const count = new Intl.NumberFormat().format(bytes);
  if (Math.abs(bytes) < 1024) return msg('flyout.bytes', { count });

  let size = bytes;
  let unit: (typeof UNITS)[number] = UNITS[0];
  for (const next of UNITS) {
    size /= 1024;
    unit = next;
    if (Math.abs(size) < 1024) break;
  }
  const rounded = new Intl.NumberFormat(undefined, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(size);
  return msg('flyout.bytesWithSize', { count, size: rounded });
}

/** Returns the URL when it is an absolute http(s) URL, the only kind the flyout makes a link. */
export function safeHttpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
