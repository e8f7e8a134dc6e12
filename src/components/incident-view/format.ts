/** Formatting helpers for the incident view: source enum values, e-mail addresses and safe link targets. */

import { html, type TemplateResult } from 'lit';
import { msg } from '../shared/strings.js';

/** An e-mail address or a UPN: text without spaces around one `@`. */
const ADDRESS = /[^\s@]+@[^\s@]+/g;

/**
 * Returns the text with every e-mail address in it split in two spans of class `address-part`,
 * the local part with its `@` and the domain. The alert pane styles them as inline blocks, so an
 * address too long for its line wraps after the `@` first, then before a dot (a `<wbr>`), and
 * inside a word only when a part is wider than the line. Text without an address is returned as
 * it is. The parts are text bindings, never parsed as HTML.
 */
export function breakableAddresses(text: string): string | TemplateResult {
  const matches = [...text.matchAll(ADDRESS)];
  if (matches.length === 0) return text;

  const parts: Array<string | TemplateResult> = [];
  let end = 0;
  for (const match of matches) {
    const address = match[0];
    const at = address.indexOf('@') + 1;
    parts.push(text.slice(end, match.index));
    parts.push(html`<span class="address-part">${breakBeforeDots(address.slice(0, at))}</span><span class="address-part">${breakBeforeDots(address.slice(at))}</span>`);
    end = match.index + address.length;
  }
  parts.push(text.slice(end));
  return html`${parts}`;
}

/** Returns the text as pieces with a `<wbr>` before each dot that does not start it. */
function breakBeforeDots(text: string): Array<string | TemplateResult> {
  const pieces: Array<string | TemplateResult> = [];
  text.split(/(?=\.)/).forEach((piece, index) => {
    if (index > 0) pieces.push(html`<wbr>`);
    pieces.push(piece);
  });
  return pieces;
}

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
