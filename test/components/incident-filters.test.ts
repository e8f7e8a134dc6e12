import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/asset-list/define.js';
import '../../src/components/evidence-list/define.js';
import '../../src/components/incident-filters/define.js';
import '../../src/components/incident-graph/define.js';
import type { AssetList } from '../../src/components/asset-list/asset-list.js';
import type { EvidenceList } from '../../src/components/evidence-list/evidence-list.js';
import type { IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';
import type { IncidentFiltersElement } from '../../src/components/incident-filters/incident-filters.js';
import type {
  FiltersChangeEvent,
  GroupingChangeEvent,
  GroupsExpandEvent,
  SearchChangeEvent,
} from '../../src/components/incident-filters/events.js';
import type { IncidentSession } from '../../src/session/session.js';
import { styleProperties } from '../../src/components/shared/style-properties.js';
import { deepActiveElement, generatedSession, recordEvents, sampleSession, settle } from './incident-lists-helpers.js';

const EVENT_TYPES = ['il-filters-change', 'il-search-change', 'il-grouping-change', 'il-groups-expand'] as const;

async function barFor(session: IncidentSession): Promise<IncidentFiltersElement> {
  return fixture<IncidentFiltersElement>(html`<il-incident-filters .session=${session}></il-incident-filters>`);
}

function $(el: IncidentFiltersElement, selector: string): HTMLElement {
  const found = el.shadowRoot!.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`No element matches ${selector}`);
  return found;
}

function facet(el: IncidentFiltersElement, name: string): HTMLDetailsElement {
  return $(el, `details[data-facet="${name}"]`) as HTMLDetailsElement;
}

function optionValues(el: IncidentFiltersElement, name: string): string[] {
  return [...facet(el, name).querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].map((input) => input.dataset.value!);
}

function checkbox(el: IncidentFiltersElement, name: string, value: string): HTMLInputElement {
  return facet(el, name).querySelector<HTMLInputElement>(`input[data-value="${value}"]`)!;
}

describe('<il-incident-filters>', () => {
  describe('accessibility', () => {
    it('passes axe with menus closed', async () => {
      const el = await barFor(sampleSession());
      await expect(el).to.be.accessible();
    });

    it('passes axe with a menu open and a filter on', async () => {
      const session = sampleSession();
      session.setFilters({ entityKinds: ['device'] });
      const el = await barFor(session);
      facet(el, 'entityKinds').open = true;
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  });

  describe('options', () => {
    it('offers the kinds the incident has', async () => {
      const session = sampleSession();
      const el = await barFor(session);
      const kinds = new Set(session.snapshot!.entities.map((entity) => entity.kind));
      expect(new Set(optionValues(el, 'entityKinds'))).to.deep.equal(kinds);
    });

    it('counts the entities of each kind', async () => {
      const session = generatedSession(200);
      const el = await barFor(session);
      const devices = session.snapshot!.entities.filter((entity) => entity.kind === 'device').length;
      const count = checkbox(el, 'entityKinds', 'device').closest('label')!.querySelector('.count')!.textContent;
      expect(Number(count)).to.equal(devices);
    });

    it('offers the evidence roles of the alerts', async () => {
      const session = generatedSession(200);
      const el = await barFor(session);
      expect(optionValues(el, 'evidenceRoles')).to.deep.equal(['compromised', 'contextual']);
    });
  });

  describe('events', () => {
    it('sets the session filters from a checkbox', async () => {
      const session = sampleSession();
      const el = await barFor(session);
      const events = recordEvents(el, EVENT_TYPES);
      checkbox(el, 'entityKinds', 'device').click();
      await el.updateComplete;

      expect(session.filters).to.deep.equal({ entityKinds: ['device'] });
      expect(events).to.have.length(1);
      expect((events[0] as FiltersChangeEvent).detail.filters).to.deep.equal({ entityKinds: ['device'] });
      expect(facet(el, 'entityKinds').hasAttribute('data-active')).to.equal(true);
    });

    it('clears a facet when its last option is unchecked', async () => {
      const session = sampleSession();
      session.setFilters({ verdicts: ['malicious'], entityKinds: ['device'] });
      const el = await barFor(session);
      checkbox(el, 'verdicts', 'malicious').click();
      await el.updateComplete;
      expect(session.filters).to.deep.equal({ entityKinds: ['device'] });
    });

    it('clears every filter with the clear button', async () => {
      const session = sampleSession();
      session.setFilters({ verdicts: ['malicious'], severities: ['high'] });
      const el = await barFor(session);
      const events = recordEvents(el, EVENT_TYPES);
      $(el, '[part~="clear-button"]').click();
      await el.updateComplete;
      expect(session.filters).to.deep.equal({});
      expect(events.map((event) => event.type)).to.deep.equal(['il-filters-change']);
      expect($(el, '[part~="clear-button"]').hidden).to.equal(true);
    });

    it('fires il-search-change as the user types', async () => {
      const el = await barFor(sampleSession());
      const events = recordEvents(el, EVENT_TYPES);
      $(el, '[part~="search"]').focus();
      await sendKeys({ type: 'ws' });
      expect(events.map((event) => (event as SearchChangeEvent).detail.search)).to.deep.equal(['w', 'ws']);
      expect(el.search).to.equal('ws');
    });

    it('fires grouping events from its buttons', async () => {
      const el = await barFor(sampleSession());
      const events = recordEvents(el, EVENT_TYPES);
      const [toggle, expand] = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="grouping"] button')];
      expand!.click();
      toggle!.click();
      await el.updateComplete;

      expect((events[0] as GroupsExpandEvent).detail).to.deep.equal({ expanded: true });
      expect((events[1] as GroupingChangeEvent).detail).to.deep.equal({ grouped: false });
      expect(toggle!.getAttribute('aria-pressed')).to.equal('false');
      expect(expand!.getAttribute('aria-disabled')).to.equal('true');
      expect(expand!.title).to.equal('Grouping is off.');

      expand!.click();
      expect(events.length, 'events after a click on the disabled button').to.equal(2);
    });

    it('disables grouping buttons from counts', async () => {
      const el = await barFor(sampleSession());
      const states = async (groupCount: number | undefined, expandedGroupCount: number | undefined) => {
        el.groupCount = groupCount;
        el.expandedGroupCount = expandedGroupCount;
        await el.updateComplete;
        return ['expand', 'collapse'].map((which) => {
          const button = $(el, `button[data-grouping="${which}"]`);
          return `${which}: ${button.getAttribute('aria-disabled')} ${button.getAttribute('title') ?? '-'}`;
        });
      };

      expect(await states(undefined, undefined), 'unknown counts').to.deep.equal(['expand: false -', 'collapse: false -']);
      expect(await states(0, 0), 'no group').to.deep.equal([
        'expand: true No entities form a group in this graph.',
        'collapse: true No entities form a group in this graph.',
      ]);
      expect(await states(3, 0), 'all collapsed').to.deep.equal(['expand: false -', 'collapse: true Every group is collapsed.']);
      expect(await states(3, 1), 'some expanded').to.deep.equal(['expand: false -', 'collapse: false -']);
      expect(await states(3, 3), 'all expanded').to.deep.equal(['expand: true Every group is expanded.', 'collapse: false -']);
    });

    it('reads group counts from attributes', async () => {
      const el = await fixture<IncidentFiltersElement>(
        html`<il-incident-filters .session=${sampleSession()} group-count="2" expanded-group-count="2"></il-incident-filters>`,
      );
      expect(el.groupCount).to.equal(2);
      expect(el.expandedGroupCount).to.equal(2);
      expect($(el, 'button[data-grouping="expand"]').getAttribute('aria-disabled')).to.equal('true');
    });

    it('fires nothing when the host sets properties or filters', async () => {
      const session = sampleSession();
      const el = await barFor(session);
      const events = recordEvents(el, EVENT_TYPES);
      el.search = 'powershell';
      el.ungrouped = true;
      session.setFilters({ entityKinds: ['process'] });
      await settle(el);

      expect(events).to.have.length(0);
      expect(checkbox(el, 'entityKinds', 'process').checked).to.equal(true);
      expect(($(el, '[part~="search"]') as HTMLInputElement).value).to.equal('powershell');
    });
  });

  describe('graph and lists', () => {
    it('filter the graph and lists alike', async () => {
      const session = generatedSession(200);
      const container = await fixture<HTMLDivElement>(html`<div>
        <il-incident-filters .session=${session}></il-incident-filters>
        <il-incident-graph style=${styleProperties({ display: 'block', width: '600px', height: '400px' })} group-threshold="0" .session=${session}></il-incident-graph>
        <il-evidence-list .session=${session} page-size="1000"></il-evidence-list>
        <il-asset-list .session=${session} category="users"></il-asset-list>
      </div>`);
      const bar = container.querySelector<IncidentFiltersElement>('il-incident-filters')!;
      const graph = container.querySelector<IncidentGraphElement>('il-incident-graph')!;
      const evidence = container.querySelector<EvidenceList>('il-evidence-list')!;
      const assets = container.querySelector<AssetList>('il-asset-list')!;
      await graph.layoutSettled;

      checkbox(bar, 'entityKinds', 'user').click();
      checkbox(bar, 'entityKinds', 'file').click();
      checkbox(bar, 'evidenceRoles', 'compromised').click();
      await evidence.updateComplete;
      await assets.updateComplete;

      const rows = (el: HTMLElement): string[] =>
        [...el.shadowRoot!.querySelectorAll<HTMLElement>('tbody tr')].map((row) => row.dataset.entityId!);
      const drawn = (): string[] => graph.display.nodes.filter((node) => !node.alert).map((node) => node.id);
      await waitUntil(() => drawn().length === rows(evidence).length, 'the graph never followed the bar', { timeout: 5000 });

      expect(rows(evidence).length).to.be.greaterThan(0);
      expect(rows(evidence)).to.have.members(drawn());
      const users = session.snapshot!.entities.filter((entity) => entity.kind === 'user' && rows(evidence).includes(entity.id));
      expect(rows(assets)).to.have.members(users.map((entity) => entity.id));
    });
  });

  describe('keyboard', () => {
    it('opens a menu, checks an option and closes with Escape', async () => {
      const session = sampleSession();
      const el = await barFor(session);
      const summary = facet(el, 'entityKinds').querySelector('summary')!;
      summary.focus();
      await sendKeys({ press: 'Enter' });
      expect(facet(el, 'entityKinds').open).to.equal(true);

      await sendKeys({ press: 'Tab' });
      const first = optionValues(el, 'entityKinds')[0]!;
      expect(deepActiveElement()).to.equal(checkbox(el, 'entityKinds', first));
      await sendKeys({ press: 'Space' });
      expect(session.filters.entityKinds).to.deep.equal([first]);

      await sendKeys({ press: 'Escape' });
      expect(facet(el, 'entityKinds').open).to.equal(false);
      expect(deepActiveElement()).to.equal(summary);
    });

    it('closes the other menus when one opens', async () => {
      const el = await barFor(sampleSession());
      facet(el, 'entityKinds').open = true;
      await new Promise((resolve) => setTimeout(resolve, 0));
      facet(el, 'verdicts').open = true;
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(facet(el, 'entityKinds').open).to.equal(false);
      expect(facet(el, 'verdicts').open).to.equal(true);
    });
  });
});
