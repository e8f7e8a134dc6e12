/**
 * The shared locale module: which locale an element resolves, how times and numbers read in
 * it, the library's time zone, and the notice of a `lang` change.
 */

import { expect, fixture, html } from '@open-wc/testing';
import {
  canonicalLocale,
  formatNumber,
  formatTime,
  getTimeZone,
  isValidTimeZone,
  onLocaleChange,
  resolveLocale,
  setTimeZone,
} from '../../src/components/shared/locale.js';

const TIME = Date.UTC(2026, 2, 14, 9, 12, 5);

// 2024-11-03 05:30 UTC is 01:30 EDT, the first pass of the hour New York repeats.
const NEW_YORK_REPEATED = Date.UTC(2024, 10, 3, 5, 30);

/** A custom element with an open shadow root, to test lookups across shadow boundaries. */
class LocaleHost extends HTMLElement {
  constructor() {
    super();
    const section = document.createElement('section');
    const inner = document.createElement('span');
    inner.id = 'inner';
    section.append(inner);
    this.attachShadow({ mode: 'open' }).append(section);
  }

  get inner(): Element {
    return this.shadowRoot!.getElementById('inner')!;
  }
}
customElements.define('il-test-locale-host', LocaleHost);

describe('locale', () => {
  let documentLang: string;

  beforeEach(() => {
    documentLang = document.documentElement.lang;
  });

  afterEach(() => {
    document.documentElement.lang = documentLang;
    setTimeZone('UTC');
  });

  describe('canonicalLocale', () => {
    it('canonicalises valid tags', () => {
      expect(canonicalLocale('de-de')).to.equal('de-DE');
      expect(canonicalLocale(' ja-JP ')).to.equal('ja-JP');
      expect(canonicalLocale('fa-u-ca-gregory')).to.equal('fa-u-ca-gregory');
    });

    it('returns undefined for empty and invalid tags', () => {
      expect(canonicalLocale('')).to.equal(undefined);
      expect(canonicalLocale(null)).to.equal(undefined);
      expect(canonicalLocale('en_US')).to.equal(undefined);
      expect(canonicalLocale('not a tag')).to.equal(undefined);
    });
  });

  describe('resolveLocale', () => {
    it('reads the element’s own lang', async () => {
      const element = await fixture(html`<div lang="ja-JP"></div>`);
      expect(resolveLocale(element)).to.equal('ja-JP');
    });

    it('prefers an ancestor’s lang to the document’s', async () => {
      document.documentElement.lang = 'en-US';
      const outer = await fixture(html`<div lang="de-DE"><p><span></span></p></div>`);
      expect(resolveLocale(outer.querySelector('span')!)).to.equal('de-DE');
    });

    it('looks through a shadow root to its host', async () => {
      document.documentElement.lang = 'en-US';
      const outer = await fixture<HTMLElement>(html`<div lang="ar-EG"><il-test-locale-host></il-test-locale-host></div>`);
      const host = outer.querySelector<LocaleHost>('il-test-locale-host')!;
      expect(resolveLocale(host.inner)).to.equal('ar-EG');
    });

    it('falls back to the document’s lang', async () => {
      document.documentElement.lang = 'fr-FR';
      const element = await fixture(html`<div></div>`);
      expect(resolveLocale(element)).to.equal('fr-FR');
    });

    it('skips an invalid lang with a warning', async () => {
      document.documentElement.lang = 'de-DE';
      const warnings: unknown[][] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args);
      try {
        const element = await fixture(html`<div lang="xx_invalid"><span></span></div>`);
        expect(resolveLocale(element.querySelector('span')!)).to.equal('de-DE');
        expect(resolveLocale(element)).to.equal('de-DE');
      } finally {
        console.warn = warn;
      }
      expect(warnings, 'one warning per tag').to.have.length(1);
      expect(String(warnings[0]![0])).to.contain('lang="xx_invalid" is not a valid BCP 47 language tag');
    });

    it('uses the browser’s language without any lang', async () => {
      document.documentElement.removeAttribute('lang');
      const element = await fixture(html`<div></div>`);
      expect(resolveLocale(element)).to.equal(canonicalLocale(navigator.language));
    });
  });

  describe('formatTime', () => {
    it('formats German dates with the zone', () => {
      expect(formatTime(TIME, 'de-DE')).to.equal('14.03.2026, 09:12:05 UTC');
    });

    it('formats US dates with the zone', () => {
      expect(formatTime(TIME, 'en-US')).to.equal('03/14/2026, 09:12:05 AM UTC');
    });

    it('formats Japanese dates', () => {
      expect(formatTime(TIME, 'ja-JP')).to.equal('2026/03/14 09:12:05 UTC');
    });

    it('uses Arabic-Indic digits for ar-EG', () => {
      const text = formatTime(TIME, 'ar-EG')!;
      expect(text).to.contain('١٤');
      expect(text).to.contain('٢٠٢٦');
      expect(text).to.contain('٠٩:١٢:٠٥');
      expect(text).to.not.match(/[0-9]/);
    });

    it('uses Persian digits and calendar for fa', () => {
      const text = formatTime(TIME, 'fa')!;
      expect(text).to.contain('۱۴۰۴');
      expect(text).to.not.match(/[0-9]/);
      expect(formatTime(TIME, 'fa-u-ca-gregory')).to.contain('۲۰۲۶');
    });

    it('returns undefined for absent and invalid times', () => {
      expect(formatTime(undefined, 'en-US')).to.equal(undefined);
      expect(formatTime(Number.NaN, 'en-US')).to.equal(undefined);
      expect(formatTime(9e15, 'en-US')).to.equal(undefined);
    });

    it('shows another zone by name', () => {
      expect(formatTime(TIME, 'de-DE', 'Europe/Berlin')).to.equal('14.03.2026, 10:12:05 MEZ');
      expect(formatTime(TIME, 'en-US', 'Asia/Tokyo')).to.equal('03/14/2026, 06:12:05 PM GMT+9');
    });

    it('shows the offset in a repeated hour', () => {
      expect(formatTime(NEW_YORK_REPEATED, 'en-US', 'America/New_York')).to.equal('11/03/2024, 01:30:00 AM GMT-04:00');
      expect(formatTime(NEW_YORK_REPEATED + 3_600_000, 'en-US', 'America/New_York')).to.equal('11/03/2024, 01:30:00 AM GMT-05:00');
    });
  });

  describe('formatNumber', () => {
    it('groups digits by locale', () => {
      expect(formatNumber(1234, 'de-DE')).to.equal('1.234');
      expect(formatNumber(1234, 'en-US')).to.equal('1,234');
      expect(formatNumber(1234, 'ar-EG')).to.equal('١٬٢٣٤');
      expect(formatNumber(1234, 'fa')).to.equal('۱٬۲۳۴');
      expect(formatNumber(1234, 'ja-JP')).to.equal('1,234');
    });
  });

  describe('setTimeZone', () => {
    it('is UTC by default', () => {
      expect(getTimeZone()).to.equal('UTC');
      expect(formatTime(TIME, 'en-GB')).to.equal('14/03/2026, 09:12:05 UTC');
    });

    it('applies to every later format', () => {
      setTimeZone('Europe/Berlin');
      expect(getTimeZone()).to.equal('Europe/Berlin');
      expect(formatTime(TIME, 'de-DE')).to.equal('14.03.2026, 10:12:05 MEZ');
    });

    it('takes the viewer’s zone', () => {
      setTimeZone('local');
      const expected = new Intl.DateTimeFormat('en-US', {
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        timeZoneName: 'short',
      }).format(TIME);
      expect(formatTime(TIME, 'en-US')).to.equal(expected);
    });

    it('rejects an unknown zone', () => {
      expect(() => setTimeZone('Mars/Olympus')).to.throw(RangeError, 'setTimeZone: invalid time zone (got "Mars/Olympus")');
      expect(() => setTimeZone('')).to.throw(RangeError);
      expect(getTimeZone()).to.equal('UTC');
    });

    it('validates zones', () => {
      expect(isValidTimeZone('UTC')).to.equal(true);
      expect(isValidTimeZone('local')).to.equal(true);
      expect(isValidTimeZone('America/New_York')).to.equal(true);
      expect(isValidTimeZone('Mars/Olympus')).to.equal(false);
      expect(isValidTimeZone(42)).to.equal(false);
    });
  });

  describe('onLocaleChange', () => {
    it('reports lang changes anywhere in the document', async () => {
      const element = await fixture(html`<div><span></span></div>`);
      let calls = 0;
      const remove = onLocaleChange(() => calls++);
      try {
        element.querySelector('span')!.setAttribute('lang', 'de-DE');
        await Promise.resolve();
        expect(calls, 'after a lang on an element').to.equal(1);

        document.documentElement.lang = 'ja-JP';
        await Promise.resolve();
        expect(calls, 'after the document’s lang').to.equal(2);

        element.setAttribute('title', 'not a lang');
        await Promise.resolve();
        expect(calls, 'after another attribute').to.equal(2);
      } finally {
        remove();
      }
    });

    it('reports a new time zone', () => {
      let calls = 0;
      const remove = onLocaleChange(() => calls++);
      try {
        setTimeZone('Asia/Tokyo');
        setTimeZone('Asia/Tokyo');
        expect(calls).to.equal(1);
      } finally {
        remove();
      }
    });

    it('stops after removal', async () => {
      let calls = 0;
      const remove = onLocaleChange(() => calls++);
      remove();
      document.documentElement.lang = 'ko';
      await Promise.resolve();
      expect(calls).to.equal(0);
    });
  });
});
