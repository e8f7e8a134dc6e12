/**
 * Dates and numbers in the elements follow the page's locale: the nearest `lang` attribute,
 * else the document's. The `datetime` attributes stay ISO 8601 in every locale.
 */

import { expect, fixture, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../src/components/alert-queue/define.js';
import '../../src/components/alert-timeline/define.js';
import '../../src/components/evidence-list/define.js';
import '../../src/components/incident-summary/define.js';
import type { AlertQueue } from '../../src/components/alert-queue/alert-queue.js';
import type { AlertTimeline } from '../../src/components/alert-timeline/alert-timeline.js';
import type { IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';
import type { EvidenceList } from '../../src/components/evidence-list/evidence-list.js';
import type { IncidentSummary } from '../../src/components/incident-summary/incident-summary.js';
import { setTimeZone } from '../../src/components/shared/locale.js';
import { styleProperties } from '../../src/components/shared/style-properties.js';
import type { IncidentSession } from '../../src/session/session.js';
import { viewSnapshot } from '../fixtures/view-snapshot.js';
import { GROUP_ID, groupedSession } from './incident-graph-grouping-fixture.js';
import { HEIGHT, WIDTH } from './incident-graph-helpers.js';
import { generatedSession, settle } from './incident-lists-helpers.js';
import { readySession } from './incident-view-data.js';

// The view snapshot's incident was created at 2026-03-14 09:00:00 UTC.
const CREATED_ISO = '2026-03-14T09:00:00.000Z';

async function summaryFixture(session: IncidentSession, lang?: string): Promise<IncidentSummary> {
  const wrapper = await fixture<HTMLElement>(html`<div lang=${ifDefined(lang)}><il-incident-summary .session=${session}></il-incident-summary></div>`);
  const summary = wrapper.querySelector<IncidentSummary>('il-incident-summary')!;
  await summary.updateComplete;
  return summary;
}

/** Returns the text of the summary's "Created" row. */
function createdText(summary: IncidentSummary): string {
  const terms = [...summary.shadowRoot!.querySelectorAll('[part="information"] dt')];
  const created = terms.find((term) => term.textContent?.trim() === 'Created');
  return created?.nextElementSibling?.textContent?.trim() ?? '';
}

function createdDatetime(summary: IncidentSummary): string | null {
  const terms = [...summary.shadowRoot!.querySelectorAll('[part="information"] dt')];
  const created = terms.find((term) => term.textContent?.trim() === 'Created');
  return created?.nextElementSibling?.querySelector('time')?.getAttribute('datetime') ?? null;
}

describe('locale of the elements', () => {
  let documentLang: string;

  beforeEach(() => {
    documentLang = document.documentElement.lang;
  });

  afterEach(() => {
    document.documentElement.lang = documentLang;
    setTimeZone('UTC');
  });

  describe('document lang', () => {
    it('shows German dates', async () => {
      document.documentElement.lang = 'de-DE';
      const summary = await summaryFixture(readySession(viewSnapshot()));

      expect(createdText(summary)).to.equal('14.03.2026, 09:00:00 UTC');
      expect(createdDatetime(summary)).to.equal(CREATED_ISO);
    });

    it('shows German numbers', async () => {
      document.documentElement.lang = 'de-DE';
      const session = generatedSession(1234);
      const list = await fixture<EvidenceList>(html`<il-evidence-list .session=${session}></il-evidence-list>`);
      await settle(list);

      const total = session.snapshot!.entities.length;
      expect(total).to.be.greaterThan(999);
      const caption = list.shadowRoot!.querySelector('.count')!.textContent!;
      expect(caption).to.contain(`of ${new Intl.NumberFormat('de-DE').format(total)} entities`);
      expect(caption).to.match(/of \d\.\d{3} entities/);
    });

    it('shows Japanese dates', async () => {
      document.documentElement.lang = 'ja-JP';
      const queue = await fixture<AlertQueue>(html`<il-alert-queue .session=${readySession(viewSnapshot())}></il-alert-queue>`);
      await queue.updateComplete;

      const time = queue.shadowRoot!.querySelector('.time time')!;
      expect(time.textContent).to.equal('2026/03/14 09:00:00 UTC');
      expect(time.getAttribute('datetime')).to.equal(CREATED_ISO);
    });
  });

  describe('element lang', () => {
    it('shows Arabic-Indic digits', async () => {
      document.documentElement.lang = 'en-US';
      const summary = await summaryFixture(readySession(viewSnapshot()), 'ar-EG');

      const created = createdText(summary);
      expect(created).to.contain('١٤');
      expect(created).to.contain('٢٠٢٦');
      expect(created).to.not.match(/[0-9]/);
      const devices = summary.shadowRoot!.querySelector('[data-group="devices"] dd')!.textContent;
      expect(devices).to.equal('١');
    });

    it('shows Persian digits', async () => {
      document.documentElement.lang = 'en-US';
      const summary = await summaryFixture(readySession(viewSnapshot()), 'fa');

      expect(createdText(summary)).to.match(/^[۰-۹/]+[,،] [۰-۹:]+ /);
      expect(createdDatetime(summary)).to.equal(CREATED_ISO);
    });

    it('wins over the document lang', async () => {
      document.documentElement.lang = 'de-DE';
      const summary = await summaryFixture(readySession(viewSnapshot()), 'en-US');

      expect(createdText(summary)).to.equal('03/14/2026, 09:00:00 AM UTC');
    });

    it('falls back from an invalid lang', async () => {
      document.documentElement.lang = 'de-DE';
      const warn = console.warn;
      console.warn = () => undefined;
      let summary: IncidentSummary;
      try {
        summary = await summaryFixture(readySession(viewSnapshot()), 'de_DE!');
      } finally {
        console.warn = warn;
      }

      expect(createdText(summary)).to.equal('14.03.2026, 09:00:00 UTC');
    });

    it('renders again when lang changes', async () => {
      document.documentElement.lang = 'en-US';
      const summary = await summaryFixture(readySession(viewSnapshot()), 'en-US');
      expect(createdText(summary)).to.equal('03/14/2026, 09:00:00 AM UTC');

      summary.parentElement!.setAttribute('lang', 'de-DE');
      await settle(summary);
      expect(createdText(summary)).to.equal('14.03.2026, 09:00:00 UTC');
    });
  });

  describe('time zone', () => {
    it('renders again in the new zone', async () => {
      document.documentElement.lang = 'de-DE';
      const summary = await summaryFixture(readySession(viewSnapshot()));

      setTimeZone('Europe/Berlin');
      await settle(summary);
      expect(createdText(summary)).to.equal('14.03.2026, 10:00:00 MEZ');
      expect(createdDatetime(summary)).to.equal(CREATED_ISO);
    });

    it('applies to the timeline by default', async () => {
      document.documentElement.lang = 'de-DE';
      setTimeZone('Asia/Tokyo');
      const session = readySession(viewSnapshot());
      const timeline = await fixture<AlertTimeline>(
        html`<il-alert-timeline style=${styleProperties({ width: '800px' })} .session=${session}></il-alert-timeline>`,
      );
      await settle(timeline);

      const readout = timeline.shadowRoot!.querySelector('[part="readout"]')!.textContent;
      expect(readout).to.equal('14.03.2026, 18:31:00 GMT+9');
    });

    it('keeps the timeline’s own zone', async () => {
      document.documentElement.lang = 'de-DE';
      setTimeZone('Asia/Tokyo');
      const session = readySession(viewSnapshot());
      const timeline = await fixture<AlertTimeline>(
        html`<il-alert-timeline style=${styleProperties({ width: '800px' })} time-zone="UTC" .session=${session}></il-alert-timeline>`,
      );
      await settle(timeline);

      const readout = timeline.shadowRoot!.querySelector('[part="readout"]')!.textContent;
      expect(readout).to.equal('14.03.2026, 09:31:00 UTC');
    });

    it('ignores an invalid timeline zone with a warning', async () => {
      const warnings: unknown[][] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args);
      let timeline: AlertTimeline;
      try {
        timeline = await fixture<AlertTimeline>(
          html`<il-alert-timeline lang="en-US" time-zone="Mars/Olympus" .session=${readySession(viewSnapshot())}></il-alert-timeline>`,
        );
        await settle(timeline);
      } finally {
        console.warn = warn;
      }

      const readout = timeline.shadowRoot!.querySelector('[part="readout"]')!.textContent;
      expect(readout).to.equal('03/14/2026, 09:31:00 AM UTC');
      expect(warnings.map((args) => String(args[0]))).to.deep.include(
        'il-alert-timeline: time-zone="Mars/Olympus" is not \'local\', \'UTC\' or an IANA zone that this browser supports, so times show in UTC. Use a zone name such as "Europe/Paris".',
      );
    });
  });

  describe('graph', () => {
    it('counts in the locale', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div lang="ar-EG">
        <il-incident-graph style=${styleProperties({ width: `${WIDTH}px`, height: `${HEIGHT}px` })} .session=${groupedSession()}></il-incident-graph>
      </div>`);
      const element = wrapper.querySelector<IncidentGraphElement>('il-incident-graph')!;
      await element.layoutSettled;
      await element.rendered;
      await settle(element);

      const group = element.display.byId.get(GROUP_ID)!;
      expect(group.label).to.equal('٨ files');
      expect(group.group!.countLabel).to.equal('٨');
      const name = element.shadowRoot!.querySelector('[part="viewport"]')!.getAttribute('aria-label')!;
      expect(name).to.match(/^Incident graph: [٠-٩]+ alerts, [٠-٩]+ entities$/);
    });
  });
});
