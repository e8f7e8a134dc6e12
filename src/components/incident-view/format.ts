/** Formatting helpers for the incident view: source enum values and safe link targets. */

import { msg } from '../shared/strings.js';

/**
 * Returns a readable label for an enum value of the source, such as a status, a category or a
 * service: the string table's `view.value.<value>` when it has one, else the camel-case value
 * split into words ("CredentialAccess" reads "Credential access").
 */
export function displayValue(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  const key = `view.value.${value}`;
  const label = msg(key);
  if (label !== key) return label;

  const words = value
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
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

/** Returns the URL when it is http or https, else undefined: web portals link out only through these. */
export function safeWebHref(value: string | undefined): string | undefined {
  const href = safeHref(value);
  return href && !href.startsWith('mailto:') ? href : undefined;
}
