/**
 * `LocaleController`: the locale of one element, resolved before each render, and its formats
 * of times, numbers and messages. The element renders again when a `lang` attribute in the
 * document (outside shadow roots), the browser's language or the library's time zone changes.
 * A `lang` changed inside a shadow root applies on the element's next render.
 */

import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { EpochMs } from '../../model/types.js';
import {
  formatMessage,
  formatNumber,
  formatTime,
  getTimeZone,
  isoTime,
  onLocaleChange,
  pluralCategory,
  resolveLocale,
  type DisplayZone,
} from './locale.js';

/** Formats of one locale, which render helpers take from their element. */
export interface LocaleFormat {
  /** The BCP 47 locale the formats use. */
  readonly locale: string;
  /** Formats a time with date, seconds and zone, in the library's zone unless `zone` is given. */
  time(time: EpochMs | undefined, zone?: DisplayZone): string | undefined;
  /** Formats a number with the locale's digits and grouping. */
  number(value: number): string;
  /** Returns the string for `key` with placeholders filled and numbers formatted. */
  msg(key: string, params: Record<string, string | number>): string;
  /** Returns the plural category of `count`, such as `one` or `other`. */
  plural(count: number): Intl.LDMLPluralRule;
}

/** Returns the formats of a fixed locale, for code that runs outside an element. */
export function localeFormat(locale: string): LocaleFormat {
  return {
    locale,
    time: (time, zone) => formatTime(time, locale, zone ?? getTimeZone()),
    number: (value) => formatNumber(value, locale),
    msg: (key, params) => formatMessage(key, params, locale),
    plural: (count) => pluralCategory(count, locale),
  };
}

export class LocaleController implements ReactiveController, LocaleFormat {
  private resolved: string | undefined;
  private removeListener: (() => void) | undefined;

  /** `onChange` runs in an update whose resolved locale differs from the previous update's. */
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly onChange?: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.removeListener ??= onLocaleChange(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.removeListener?.();
    this.removeListener = undefined;
  }

  hostUpdate(): void {
    const locale = resolveLocale(this.host);
    if (locale === this.resolved) return;
    const first = this.resolved === undefined;
    this.resolved = locale;
    if (!first) this.onChange?.();
  }

  get locale(): string {
    this.resolved ??= resolveLocale(this.host);
    return this.resolved;
  }

  time(time: EpochMs | undefined, zone?: DisplayZone): string | undefined {
    return formatTime(time, this.locale, zone ?? getTimeZone());
  }

  number(value: number): string {
    return formatNumber(value, this.locale);
  }

  msg(key: string, params: Record<string, string | number>): string {
    return formatMessage(key, params, this.locale);
  }

  plural(count: number): Intl.LDMLPluralRule {
    return pluralCategory(count, this.locale);
  }
}

/**
 * Renders a time as `<time>` with its ISO 8601 form in `datetime` and the formatted text inside.
 * Returns undefined for an absent or invalid time.
 */
export function renderTime(format: LocaleFormat, time: EpochMs | undefined): TemplateResult | undefined {
  const text = format.time(time);
  return text === undefined ? undefined : html`<time datetime=${isoTime(time!)}>${text}</time>`;
}
