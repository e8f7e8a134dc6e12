/** Formatting helpers for the incident view: times and safe link targets. */

const timeFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'medium',
  timeZone: 'UTC',
});

/** Formats epoch ms as a date and time in UTC, labelled so; undefined stays undefined. */
export function formatTime(time: number | undefined): string | undefined {
  if (time === undefined || !Number.isFinite(time)) return undefined;
  return `${timeFormat.format(time)} UTC`;
}

/** Returns the URL when it is http, https or mailto, else undefined: nothing else is linked. */
export function safeHref(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}
