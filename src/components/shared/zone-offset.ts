/**
 * UTC offsets of a display zone, to tell when a local time is ambiguous: in the hour that
 * daylight saving repeats when clocks go back, one local time names two instants, and only
 * its offset distinguishes them. DOM-free, on `Intl.DateTimeFormat`.
 */

import type { EpochMs } from '../../model/types.js';

/**
 * Zone in which times are shown: `local` is the viewer's zone, as the browser reports it, and
 * any other string is an IANA zone name such as `Europe/Paris`.
 */
export type DisplayZone = 'local' | 'UTC' | (string & Record<never, never>);

// Clocks change by at most two hours at once: an hour in most zones, half an hour on Lord Howe
// Island, two hours at Antarctica's Troll station. Comparing offsets this far on either side
// finds such a change next to a time, assuming a zone does not change twice within the window.
const TRANSITION_WINDOW = 3 * 3_600_000;

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** Returns the `timeZone` option of `Intl.DateTimeFormat` for a display zone. */
export function intlZone(zone: DisplayZone): string | undefined {
  // `undefined` is the runtime's zone, which is the viewer's in a browser.
  return zone === 'local' ? undefined : zone;
}

/** Returns the UTC offset of `zone` at `time`, in minutes east of UTC (`-240` for UTC-4). */
export function zoneOffsetAt(time: EpochMs, zone: DisplayZone): number {
  let format = offsetFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: intlZone(zone), timeZoneName: 'longOffset' });
    offsetFormats.set(zone, format);
  }

  const name = format.formatToParts(time).find((part) => part.type === 'timeZoneName')?.value ?? '';
  // `GMT` alone is offset 0. Otherwise `GMT+05:30` or `GMT-04:00`.
  const match = /([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

/**
 * True when the local time of `time` in `zone` also names another instant: the clocks went
 * back nearby, and `time` falls in the repeated interval, either its first or its second pass.
 */
export function isAmbiguousLocalTime(time: EpochMs, zone: DisplayZone): boolean {
  if (zone === 'UTC') return false;
  const offset = zoneOffsetAt(time, zone);
  const wall = time + offset * 60_000;

  for (const nearby of [time - TRANSITION_WINDOW, time + TRANSITION_WINDOW]) {
    const other = zoneOffsetAt(nearby, zone);
    if (other === offset) continue;
    // The instant that the other offset maps to the same wall time, if that offset applies there.
    const twin = wall - other * 60_000;
    if (twin !== time && zoneOffsetAt(twin, zone) === other) return true;
  }
  return false;
}

/** Formats the UTC offset of `zone` at `time` as `UTC-04:00`. */
export function formatOffset(time: EpochMs, zone: DisplayZone): string {
  const offset = zoneOffsetAt(time, zone);
  const sign = offset < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  return `UTC${sign}${hours}:${minutes}`;
}
