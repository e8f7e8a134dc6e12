/**
 * Locale and time zone of the dates and numbers that the elements show, formatted with `Intl`.
 *
 * An element's locale is the `lang` attribute of the element or its nearest ancestor that has a
 * valid one, looking through shadow roots to their hosts. Without one it is the browser's
 * `navigator.language`, and without that `en-US`. An empty tag is skipped, and so is an invalid
 * one (`en_US`), with one warning per tag.
 * Unicode extensions apply as `Intl` reads them:
 * `fa-u-ca-gregory` keeps Persian digits with the Gregorian calendar, `en-GB-u-hc-h12` a
 * 12-hour clock.
 *
 * Times show date and time to the second with the zone's name, in UTC by default, because
 * analysts compare them with logs and portals that write UTC. `setTimeZone` switches every
 * element to the viewer's zone (`local`) or an IANA zone.
 */

import type { EpochMs } from '../../model/types.js';
import { msg } from './strings.js';
import { intlZone, isAmbiguousLocalTime, type DisplayZone } from './zone-offset.js';

export type { DisplayZone } from './zone-offset.js';

/** Locale used when neither the page nor the browser names a valid one. */
export const FALLBACK_LOCALE = 'en-US';

const canonicalTags = new Map<string, string | undefined>();
const warnedTags = new Set<string>();

/** Returns the canonical form of a BCP 47 language tag, or undefined for an empty or invalid one. */
export function canonicalLocale(tag: string | null | undefined): string | undefined {
  const trimmed = tag?.trim();
  if (!trimmed) return undefined;
  if (canonicalTags.has(trimmed)) return canonicalTags.get(trimmed);

  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(trimmed)[0];
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
  }
  canonicalTags.set(trimmed, canonical);
  return canonical;
}

/**
 * Returns the locale of `element`: the first valid `lang` of the element and its ancestors,
 * across shadow roots, else the document's, else the browser's language, else `en-US`. Warns
 * once per invalid tag.
 */
export function resolveLocale(element: Element): string {
  let node: Element | null = element;
  while (node) {
    const withLang: Element | null = node.closest('[lang]');
    if (withLang) {
      const tag = withLang.getAttribute('lang');
      const locale = canonicalLocale(tag);
      if (locale) return locale;
      if (tag?.trim()) warnInvalidTag(tag, withLang);
      node = withLang.parentElement ?? hostOf(withLang);
      continue;
    }
    node = hostOf(node);
  }
  // A disconnected element has no document ancestor, so the document's own lang comes here.
  const documentLocale = typeof document === 'undefined' ? undefined : canonicalLocale(document.documentElement.lang);
  const browserLocale = typeof navigator === 'undefined' ? undefined : canonicalLocale(navigator.language);
  return documentLocale ?? browserLocale ?? FALLBACK_LOCALE;
}

/** Returns the host of the shadow root that contains `node`, or null at the document. */
function hostOf(node: Node): Element | null {
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

function warnInvalidTag(tag: string, element: Element): void {
  if (warnedTags.has(tag)) return;
  warnedTags.add(tag);
  console.warn(
    `incident-lens: lang=${JSON.stringify(tag)} is not a valid BCP 47 language tag, so the elements ` +
      'inside it format dates and numbers in the next enclosing language. Use a tag such as "en-US".',
    element,
  );
}

let displayZone: DisplayZone = 'UTC';
const canonicalZones = new Map<string, DisplayZone | undefined>();

/** Returns the zone name that `Intl` resolves for `zone`, or undefined when it names no zone. */
function canonicalZone(zone: string): DisplayZone | undefined {
  if (zone === 'local') return zone;
  if (canonicalZones.has(zone)) return canonicalZones.get(zone);

  let canonical: DisplayZone | undefined;
  try {
    canonical = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
  }
  canonicalZones.set(zone, canonical);
  return canonical;
}

/** True when `zone` is `local`, `UTC` or an IANA zone name that this browser's `Intl` supports. */
export function isValidTimeZone(zone: unknown): zone is DisplayZone {
  return typeof zone === 'string' && zone !== '' && canonicalZone(zone) !== undefined;
}

/**
 * Sets the zone in which every element shows times: `UTC` (the default), `local` for the
 * viewer's zone, or an IANA zone name such as `Europe/Paris`. Elements render again at once.
 * Throws a RangeError for any other value.
 */
export function setTimeZone(zone: DisplayZone): void {
  const canonical = typeof zone === 'string' && zone !== '' ? canonicalZone(zone) : undefined;
  if (canonical === undefined) {
    throw new RangeError(
      `setTimeZone: invalid time zone (got ${JSON.stringify(zone)}). Pass 'UTC', 'local' or an IANA zone name such as 'Europe/Paris'.`,
    );
  }
  if (canonical === displayZone) return;
  displayZone = canonical;
  notifyLocaleChange();
}

/** Returns the zone in which the elements show times. See `setTimeZone`. */
export function getTimeZone(): DisplayZone {
  return displayZone;
}

const DATE_TIME: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
};

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(locale: string, zone: DisplayZone, zoneName: 'short' | 'longOffset'): Intl.DateTimeFormat {
  const key = `${locale}|${zone}|${zoneName}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...DATE_TIME, timeZone: intlZone(zone), timeZoneName: zoneName });
    dateTimeFormats.set(key, format);
  }
  return format;
}

/**
 * Formats epoch milliseconds with date, time to the second and zone name in `locale`
 * (`14.03.2026, 09:12:05 UTC` in `de-DE`). Returns undefined for an absent or invalid time. In
 * the hour that daylight saving repeats, the zone name gives way to the UTC offset
 * (`GMT-04:00`), because some locales name both offsets alike.
 */
export function formatTime(time: EpochMs | undefined, locale: string, zone: DisplayZone = displayZone): string | undefined {
  if (time === undefined || !Number.isFinite(time) || Number.isNaN(new Date(time).getTime())) return undefined;
  const zoneName = zone !== 'UTC' && isAmbiguousLocalTime(time, zone) ? 'longOffset' : 'short';
  return dateTimeFormat(locale, zone, zoneName).format(time);
}

/** Returns the ISO 8601 form in UTC, for a `<time datetime>` attribute. */
export function isoTime(time: EpochMs): string {
  return new Date(time).toISOString();
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** Formats a count or another number with the digits and grouping of `locale` (`1.234` in `de-DE`). */
export function formatNumber(value: number, locale: string): string {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    numberFormats.set(locale, format);
  }
  return format.format(value);
}

const pluralRules = new Map<string, Intl.PluralRules>();

/** Returns the plural category of `count` in `locale`: `one`, `few`, `other` and so on. */
export function pluralCategory(count: number, locale: string): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules.select(count);
}

/** Returns the string for `key` with its placeholders filled, the numbers among them formatted in `locale`. */
export function formatMessage(key: string, params: Record<string, string | number>, locale: string): string {
  const formatted: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    formatted[name] = typeof value === 'number' ? formatNumber(value, locale) : value;
  }
  return msg(key, formatted);
}

const listeners = new Set<() => void>();
let langObserver: MutationObserver | undefined;

function notifyLocaleChange(): void {
  for (const listener of [...listeners]) listener();
}

/**
 * Calls `listener` when a locale input changes: a `lang` attribute anywhere in the document
 * outside shadow roots, the browser's language, or the zone of `setTimeZone`. One shared
 * observer serves every listener. Returns the function that removes the listener.
 */
export function onLocaleChange(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1 && typeof document !== 'undefined') {
    langObserver ??= new MutationObserver(notifyLocaleChange);
    langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
    window.addEventListener('languagechange', notifyLocaleChange);
  }
  return () => {
    if (!listeners.delete(listener) || listeners.size > 0) return;
    langObserver?.disconnect();
    if (typeof window !== 'undefined') window.removeEventListener('languagechange', notifyLocaleChange);
  };
}
