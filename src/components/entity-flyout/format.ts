/** Value formatting for the flyout: sizes in the element's locale and safe link targets. */

import type { LocaleFormat } from '../shared/locale-controller.js';

const UNITS = ['kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/**
 * Formats a size in bytes as the exact count, with a rounded size in larger units past 1 KB,
 * both in the locale of `format`.
 */
export function formatBytes(bytes: number, format: LocaleFormat): string {
  if (Math.abs(bytes) < 1024) return format.msg('flyout.bytes', { count: bytes });

  let size = bytes;
  let unit: (typeof UNITS)[number] = UNITS[0];
  for (const next of UNITS) {
    size /= 1024;
    unit = next;
    if (Math.abs(size) < 1024) break;
  }
  const rounded = new Intl.NumberFormat(format.locale, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(size);
  return format.msg('flyout.bytesWithSize', { count: bytes, size: rounded });
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
