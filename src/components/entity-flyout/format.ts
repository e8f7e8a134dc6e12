/** Value formatting for the flyout. Times use the elements' one UTC format. */

import { msg } from '../shared/strings.js';

export { formatUtc } from '../shared/format-time.js';

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
