/**
 * The one time format of the elements' text: `2026-03-14 09:12:05 UTC`, the same in every
 * locale. Analysts compare times with logs and portals that write UTC, and a local zone would
 * make two people reading the same incident see different times.
 */

import { msg, registerStrings } from './strings.js';

registerStrings({ 'time.utc': '{date} {time} UTC' });

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
export function formatUtc(time: number | undefined): string | undefined {
  if (time === undefined || !Number.isFinite(time)) return undefined;
  const date = new Date(time);
  if (Number.isNaN(date.getTime())) return undefined;

  const part: Record<string, string> = {};
  for (const { type, value } of utcParts.formatToParts(date)) part[type] = value;
  return msg('time.utc', {
    date: `${part.year}-${part.month}-${part.day}`,
    time: `${part.hour}:${part.minute}:${part.second}`,
  });
}
