/**
 * The `theme` attribute: `light` or `dark` forces that theme on an element and on the elements
 * it renders, whatever the operating system prefers, and the graph's canvas draws with it.
 */

import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/components/evidence-list/define.js';
import '../../src/components/incident-graph/define.js';
import '../../src/components/incident-view/define.js';
import type { EvidenceList } from '../../src/components/evidence-list/evidence-list.js';
import type { IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';
import type { IncidentView } from '../../src/components/incident-view/incident-view.js';
import { styleProperties } from '../../src/components/shared/style-properties.js';
import { THEME_TOKENS, themeValue, type ThemeName } from '../../src/components/shared/theme.js';
import type { IncidentDataAdapter } from '../../src/adapter/adapter.js';
import { createFixtureGraph } from '../fixtures/graph-snapshot.js';
import { viewSnapshot } from '../fixtures/view-snapshot.js';
import { HEIGHT, nextFrames, pixelAt, WIDTH } from './incident-graph-helpers.js';
import { settle } from './incident-lists-helpers.js';
import { readySession } from './incident-view-data.js';

/** Returns the theme's default of a public token, such as `--il-color-surface`. */
function tokenValue(property: string, theme: ThemeName): string {
  const token = THEME_TOKENS.find((candidate) => candidate.property === property);
  if (!token) throw new Error(`Theme token not found: ${property}.`);
  return themeValue(token, theme);
}

/** Returns a hex colour such as `#18181c` as RGB channels. */
function rgbOf(hex: string): number[] {
  return [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16));
}

function surfaceOf(element: Element): string {
  return getComputedStyle(element).getPropertyValue('--_il-surface').trim();
}

async function evidenceList(theme?: ThemeName | string): Promise<EvidenceList> {
  const session = readySession(viewSnapshot());
  const list = await fixture<EvidenceList>(
    theme === undefined
      ? html`<il-evidence-list .session=${session}></il-evidence-list>`
      : html`<il-evidence-list theme=${theme} .session=${session}></il-evidence-list>`,
  );
  await settle(list);
  return list;
}

async function themedGraph(theme?: ThemeName): Promise<IncidentGraphElement> {
  const style = styleProperties({ width: `${WIDTH}px`, height: `${HEIGHT}px` });
  const element = await fixture<IncidentGraphElement>(
    theme === undefined
      ? html`<il-incident-graph style=${style} .graph=${createFixtureGraph()}></il-incident-graph>`
      : html`<il-incident-graph style=${style} theme=${theme} .graph=${createFixtureGraph()}></il-incident-graph>`,
  );
  await element.layoutSettled;
  await element.rendered;
  return element;
}

/** Returns the RGB of the canvas's top left corner, where no node is drawn. */
function cornerColor(element: IncidentGraphElement): number[] {
  return pixelAt(element, { x: 3, y: 3 }).slice(0, 3);
}

describe('theme attribute', () => {
  const lightSurface = tokenValue('--il-color-surface', 'light');
  const darkSurface = tokenValue('--il-color-surface', 'dark');

  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light' });
  });

  describe('list element', () => {
    it('forces dark on a light system', async () => {
      await emulateMedia({ colorScheme: 'light' });
      const list = await evidenceList('dark');

      expect(surfaceOf(list)).to.equal(darkSurface);
      expect(getComputedStyle(list).colorScheme).to.equal('dark');
    });

    it('forces light on a dark system', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      const list = await evidenceList('light');

      expect(surfaceOf(list)).to.equal(lightSurface);
      expect(getComputedStyle(list).colorScheme).to.equal('light');
    });

    it('reaches the badges it renders', async () => {
      await emulateMedia({ colorScheme: 'light' });
      const list = await evidenceList('dark');
      const badges = [...list.shadowRoot!.querySelectorAll('il-verdict-badge')];

      expect(badges.length).to.be.greaterThan(0);
      for (const badge of badges) {
        expect(badge.hasAttribute('theme'), 'badge has no attribute of its own').to.equal(false);
        expect(surfaceOf(badge)).to.equal(darkSurface);
        expect(getComputedStyle(badge).colorScheme).to.equal('dark');
      }
    });

    it('follows the system without one', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      const list = await evidenceList();
      expect(surfaceOf(list)).to.equal(darkSurface);

      await emulateMedia({ colorScheme: 'light' });
      expect(surfaceOf(list)).to.equal(lightSurface);
    });

    it('follows the system for an unknown value', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      const list = await evidenceList('sepia');

      expect(surfaceOf(list)).to.equal(darkSurface);
    });

    it('reflects the property', async () => {
      await emulateMedia({ colorScheme: 'light' });
      const list = await evidenceList();
      list.theme = 'dark';
      await list.updateComplete;

      expect(list.getAttribute('theme')).to.equal('dark');
      expect(surfaceOf(list)).to.equal(darkSurface);
    });

    it('keeps a host’s token', async () => {
      const session = readySession(viewSnapshot());
      const wrapper = await fixture<HTMLElement>(html`
        <div style=${styleProperties({ '--il-color-surface': '#102030' })}>
          <il-evidence-list theme="dark" .session=${session}></il-evidence-list>
        </div>
      `);
      const list = wrapper.querySelector<EvidenceList>('il-evidence-list')!;
      await settle(list);

      expect(surfaceOf(list)).to.equal('#102030');
      expect(getComputedStyle(list).getPropertyValue('--_il-text').trim()).to.equal(tokenValue('--il-color-text', 'dark'));
    });
  });

  describe('graph canvas', () => {
    it('draws dark on a light system', async () => {
      await emulateMedia({ colorScheme: 'light' });
      const element = await themedGraph('dark');

      expect(cornerColor(element)).to.deep.equal(rgbOf(darkSurface));
    });

    it('draws light on a dark system', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      const element = await themedGraph('light');

      expect(cornerColor(element)).to.deep.equal(rgbOf(lightSurface));
    });

    it('redraws when the theme changes', async () => {
      await emulateMedia({ colorScheme: 'light' });
      const element = await themedGraph();
      expect(cornerColor(element)).to.deep.equal(rgbOf(lightSurface));

      element.theme = 'dark';
      await element.updateComplete;
      await nextFrames();
      expect(cornerColor(element)).to.deep.equal(rgbOf(darkSurface));
    });

    it('redraws when the system scheme changes', async () => {
      await emulateMedia({ colorScheme: 'light' });
      const element = await themedGraph();
      expect(cornerColor(element)).to.deep.equal(rgbOf(lightSurface));

      // The browser reports the change in a later frame. The element's listener runs first.
      const reported = new Promise((resolve) => matchMedia('(prefers-color-scheme: dark)').addEventListener('change', resolve, { once: true }));
      await emulateMedia({ colorScheme: 'dark' });
      await reported;
      await nextFrames();
      expect(cornerColor(element)).to.deep.equal(rgbOf(darkSurface));
    });
  });

  describe('incident view', () => {
    it('passes its theme to the elements it renders', async () => {
      await emulateMedia({ colorScheme: 'light' });
      const snapshot = viewSnapshot();
      const adapter: IncidentDataAdapter = { loadIncident: async () => snapshot };
      const view = await fixture<IncidentView>(html`
        <il-incident-view theme="dark" style=${styleProperties({ height: '640px' })} .adapter=${adapter} incident-id=${snapshot.incident.id}></il-incident-view>
      `);
      await view.loaded;

      const graph = view.shadowRoot!.querySelector<IncidentGraphElement>('il-incident-graph')!;
      const timeline = view.shadowRoot!.querySelector('il-alert-timeline')!;
      const filters = view.shadowRoot!.querySelector('il-incident-filters')!;
      expect(graph.getAttribute('theme')).to.equal('dark');
      expect(timeline.getAttribute('theme')).to.equal('dark');
      expect(filters.getAttribute('theme')).to.equal('dark');
      expect(surfaceOf(timeline)).to.equal(darkSurface);
      expect(cornerColor(graph)).to.deep.equal(rgbOf(darkSurface));

      view.theme = 'light';
      await view.updateComplete;
      await nextFrames();
      expect(graph.getAttribute('theme')).to.equal('light');
      expect(cornerColor(graph)).to.deep.equal(rgbOf(lightSurface));
    });

    it('themes the tab it opens', async () => {
      await emulateMedia({ colorScheme: 'light' });
      const snapshot = viewSnapshot();
      const adapter: IncidentDataAdapter = { loadIncident: async () => snapshot };
      const view = await fixture<IncidentView>(html`
        <il-incident-view theme="dark" tab="evidence" style=${styleProperties({ height: '640px' })} .adapter=${adapter} incident-id=${snapshot.incident.id}></il-incident-view>
      `);
      await view.loaded;

      const list = view.shadowRoot!.querySelector('il-evidence-list')!;
      expect(list.getAttribute('theme')).to.equal('dark');
      expect(surfaceOf(list)).to.equal(darkSurface);
    });
  });
});
