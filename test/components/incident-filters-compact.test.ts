import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/incident-filters/define.js';
import type { IncidentFiltersElement } from '../../src/components/incident-filters/incident-filters.js';
import { setStrings } from '../../src/components/shared/strings.js';
import { styleProperties } from '../../src/components/shared/style-properties.js';
import type { IncidentSession } from '../../src/session/session.js';
import { deepActiveElement, sampleSession, settle } from './incident-lists-helpers.js';

const NARROW = 360;
// Wide enough for the search box and all five facet buttons on the first row.
const WIDE = 1000;

/** Renders the bar inside a container of `width` px, so the bar's own width is `width`. */
async function barAt(session: IncidentSession, width: number): Promise<IncidentFiltersElement> {
  const container = await fixture<HTMLDivElement>(html`<div style=${styleProperties({ width: `${width}px` })}>
    <il-incident-filters .session=${session}></il-incident-filters>
  </div>`);
  const el = container.querySelector<IncidentFiltersElement>('il-incident-filters')!;
  await settle(el);
  return el;
}

function $(el: IncidentFiltersElement, selector: string): HTMLElement {
  const found = el.shadowRoot!.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`No element matches ${selector}`);
  return found;
}

function filtersButton(el: IncidentFiltersElement): HTMLButtonElement {
  return $(el, '[part~="filters-button"]') as HTMLButtonElement;
}

function facets(el: IncidentFiltersElement): HTMLDetailsElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLDetailsElement>('details.facet')];
}

function isRendered(element: Element): boolean {
  return element.getClientRects().length > 0;
}

/** Position and size of each control, by the control's text, for comparing two layouts. */
function controlBoxes(el: IncidentFiltersElement): string[] {
  return [...el.shadowRoot!.querySelectorAll('input[type="search"], summary, button')].map((control) => {
    const box = control.getBoundingClientRect();
    return `${control.textContent!.trim()} ${box.x},${box.y} ${box.width}x${box.height}`;
  });
}

describe('<il-incident-filters> compact layout', () => {
  describe('accessibility', () => {
    it('passes axe with the controls hidden', async () => {
      const el = await barAt(sampleSession(), NARROW);
      await expect(el).to.be.accessible();
    });

    it('passes axe with the controls shown and a filter on', async () => {
      const session = sampleSession();
      session.setFilters({ entityKinds: ['device'] });
      const el = await barAt(session, NARROW);
      filtersButton(el).click();
      await settle(el);
      await expect(el).to.be.accessible();
    });

    it('points aria-controls at the disclosed controls', async () => {
      const el = await barAt(sampleSession(), NARROW);
      const controls = el.shadowRoot!.getElementById(filtersButton(el).getAttribute('aria-controls')!);
      expect(controls).to.not.equal(null);
      expect(facets(el).every((details) => controls!.contains(details))).to.equal(true);
      expect(controls!.contains($(el, '[part~="grouping"]'))).to.equal(true);
    });
  });

  describe('narrow bar', () => {
    it('shows search and button on one row', async () => {
      const el = await barAt(sampleSession(), NARROW);
      const search = $(el, '[part~="search"]').getBoundingClientRect();
      const button = filtersButton(el).getBoundingClientRect();
      expect(isRendered(filtersButton(el))).to.equal(true);
      expect(button.top).to.equal(search.top);
      expect(button.right).to.be.at.most(el.getBoundingClientRect().right);
    });

    it('hides the facets until the button opens them', async () => {
      const el = await barAt(sampleSession(), NARROW);
      const button = filtersButton(el);
      expect(facets(el).some(isRendered)).to.equal(false);
      expect(isRendered($(el, '[part~="grouping"]'))).to.equal(false);
      expect(button.getAttribute('aria-expanded')).to.equal('false');

      button.click();
      await settle(el);
      expect(facets(el).every(isRendered)).to.equal(true);
      expect(isRendered($(el, '[part~="grouping"]'))).to.equal(true);
      expect(button.getAttribute('aria-expanded')).to.equal('true');

      button.click();
      await settle(el);
      expect(facets(el).some(isRendered)).to.equal(false);
      expect(button.getAttribute('aria-expanded')).to.equal('false');
    });

    it('shows the controls beneath the first row', async () => {
      const el = await barAt(sampleSession(), NARROW);
      filtersButton(el).click();
      await settle(el);
      const firstRowBottom = filtersButton(el).getBoundingClientRect().bottom;
      for (const details of facets(el)) {
        expect(details.getBoundingClientRect().top, details.dataset.facet).to.be.at.least(firstRowBottom);
      }
    });

    it('counts the facets that have a filter', async () => {
      const session = sampleSession();
      const el = await barAt(session, NARROW);
      expect(filtersButton(el).textContent!.trim()).to.equal('Filters');
      expect(filtersButton(el).hasAttribute('data-active')).to.equal(false);

      session.setFilters({ entityKinds: ['device', 'user'], verdicts: ['malicious'] });
      await settle(el);
      expect(filtersButton(el).textContent!.trim()).to.equal('Filters (2)');
      expect(filtersButton(el).hasAttribute('data-active')).to.equal(true);

      session.setFilters({});
      await settle(el);
      expect(filtersButton(el).textContent!.trim()).to.equal('Filters');
    });

    it('counts a filter checked in an opened menu', async () => {
      const session = sampleSession();
      const el = await barAt(session, NARROW);
      filtersButton(el).click();
      await settle(el);
      const kinds = facets(el).find((details) => details.dataset.facet === 'entityKinds')!;
      kinds.open = true;
      await settle(el);
      kinds.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
      await settle(el);
      expect(session.filters.entityKinds?.length).to.equal(1);
      expect(filtersButton(el).textContent!.trim()).to.equal('Filters (1)');
    });

    it('takes its wording from the strings table', async () => {
      setStrings({ 'filters.compactButton': 'Filtres', 'filters.compactButtonCount': 'Filtres : {count}' });
      try {
        const session = sampleSession();
        const el = await barAt(session, NARROW);
        expect(filtersButton(el).textContent!.trim()).to.equal('Filtres');
        session.setFilters({ severities: ['high'] });
        await settle(el);
        expect(filtersButton(el).textContent!.trim()).to.equal('Filtres : 1');
      } finally {
        setStrings({ 'filters.compactButton': undefined, 'filters.compactButtonCount': undefined });
      }
    });
  });

  describe('keyboard', () => {
    it('toggles with Enter and Space, keeping focus', async () => {
      const el = await barAt(sampleSession(), NARROW);
      const button = filtersButton(el);
      button.focus();

      await sendKeys({ press: 'Enter' });
      await settle(el);
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(deepActiveElement() === button).to.equal(true);

      await sendKeys({ press: 'Space' });
      await settle(el);
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(deepActiveElement() === button).to.equal(true);
    });

    it('closes with Escape and refocuses the button', async () => {
      const el = await barAt(sampleSession(), NARROW);
      const button = filtersButton(el);
      button.click();
      await settle(el);
      const toggle = $(el, '[part~="grouping"] .toggle');
      toggle.focus();

      await sendKeys({ press: 'Escape' });
      await settle(el);
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(isRendered(toggle)).to.equal(false);
      expect(deepActiveElement() === button).to.equal(true);
    });

    it('closes an open menu before the controls', async () => {
      const el = await barAt(sampleSession(), NARROW);
      const button = filtersButton(el);
      button.click();
      await settle(el);
      const verdicts = facets(el).find((details) => details.dataset.facet === 'verdicts')!;
      const summary = verdicts.querySelector('summary')!;
      summary.focus();
      await sendKeys({ press: 'Enter' });
      expect(verdicts.open).to.equal(true);

      await sendKeys({ press: 'Escape' });
      await settle(el);
      expect(verdicts.open).to.equal(false);
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(deepActiveElement() === summary).to.equal(true);

      await sendKeys({ press: 'Escape' });
      await settle(el);
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(deepActiveElement() === button).to.equal(true);
    });

    it('ignores Escape in the search box', async () => {
      const el = await barAt(sampleSession(), NARROW);
      const button = filtersButton(el);
      button.click();
      await settle(el);
      $(el, '[part~="search"]').focus();

      await sendKeys({ press: 'Escape' });
      await settle(el);
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(facets(el).every(isRendered)).to.equal(true);
    });
  });

  describe('wide bar', () => {
    it('does not render the button', async () => {
      const el = await barAt(sampleSession(), WIDE);
      expect(isRendered(filtersButton(el))).to.equal(false);
      expect(facets(el).every(isRendered)).to.equal(true);
      expect(isRendered($(el, '[part~="grouping"]'))).to.equal(true);
    });

    it('keeps search and facets on one row', async () => {
      const el = await barAt(sampleSession(), WIDE);
      const searchBox = $(el, '[part~="search"]').getBoundingClientRect();
      const searchMiddle = searchBox.top + searchBox.height / 2;
      for (const details of facets(el)) {
        const box = details.getBoundingClientRect();
        expect(box.top + box.height / 2, details.dataset.facet).to.be.closeTo(searchMiddle, 0.5);
      }
    });

    it('ignores the disclosure state', async () => {
      const el = await barAt(sampleSession(), WIDE);
      const before = controlBoxes(el);
      filtersButton(el).click();
      await settle(el);
      expect(controlBoxes(el)).to.deep.equal(before);
      filtersButton(el).click();
      await settle(el);
      expect(controlBoxes(el)).to.deep.equal(before);
    });

    it('ignores Escape after the disclosure state changed', async () => {
      const el = await barAt(sampleSession(), WIDE);
      filtersButton(el).click();
      await settle(el);
      const toggle = $(el, '[part~="grouping"] .toggle');
      toggle.focus();

      await sendKeys({ press: 'Escape' });
      await settle(el);
      expect(filtersButton(el).getAttribute('aria-expanded')).to.equal('true');
      expect(deepActiveElement() === toggle).to.equal(true);
    });

    it('follows its own width, not the viewport', async () => {
      const el = await barAt(sampleSession(), WIDE);
      expect(isRendered(filtersButton(el))).to.equal(false);

      el.parentElement!.style.setProperty('width', `${NARROW}px`);
      await settle(el);
      expect(isRendered(filtersButton(el))).to.equal(true);
      expect(facets(el).some(isRendered)).to.equal(false);

      el.parentElement!.style.setProperty('width', `${WIDE}px`);
      await settle(el);
      expect(isRendered(filtersButton(el))).to.equal(false);
      expect(facets(el).every(isRendered)).to.equal(true);
    });
  });
});
