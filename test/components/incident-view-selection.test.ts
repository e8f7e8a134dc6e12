import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/incident-view/define.js';
import type { IncidentView } from '../../src/components/incident-view/incident-view.js';
import type { SelectionChangeDetail } from '../../src/components/shared/events.js';
import { setStrings } from '../../src/components/shared/strings.js';
import { styleProperties } from '../../src/components/shared/style-properties.js';
import { IncidentSession } from '../../src/session/session.js';
import { viewSnapshot } from '../fixtures/view-snapshot.js';

const ENTITY_IDS = ['device:ws-042', 'user:jdoe', 'process:ws-042:4242'];
const ALERT_ID = 'view-1-alert-2';

async function viewWithSelection(selection: { entityIds?: string[]; alertIds?: string[] }): Promise<IncidentView> {
  const session = new IncidentSession();
  session.setSnapshot(viewSnapshot());
  const view = await fixture<IncidentView>(html`<il-incident-view style=${styleProperties({ height: '700px', width: '1200px' })} .session=${session}></il-incident-view>`);
  await view.loaded;
  session.select(selection);
  await view.updateComplete;
  return view;
}

function selectionPart(view: IncidentView): HTMLElement | null {
  return view.shadowRoot!.querySelector<HTMLElement>('[part="selection"]');
}

function itemButtons(view: IncidentView): HTMLButtonElement[] {
  return [...selectionPart(view)!.querySelectorAll<HTMLButtonElement>('li button')];
}

describe('<il-incident-view> multi-selection', () => {
  describe('accessibility', () => {
    it('passes an accessibility check with a list', async () => {
      const view = await viewWithSelection({ entityIds: ENTITY_IDS, alertIds: [ALERT_ID] });
      await expect(view).to.be.accessible();
    });

    it('names each list by its count heading', async () => {
      const view = await viewWithSelection({ entityIds: ENTITY_IDS, alertIds: [ALERT_ID] });
      const lists = [...selectionPart(view)!.querySelectorAll('ul')];
      const names = lists.map((list) => view.shadowRoot!.getElementById(list.getAttribute('aria-labelledby')!)?.textContent);
      expect(names).to.deep.equal(['3 entities', '1 alert']);
      expect(selectionPart(view)!.getAttribute('aria-labelledby')).to.equal('selection-heading');
    });
  });

  describe('rendering', () => {
    it('shows the count by entities and alerts', async () => {
      const view = await viewWithSelection({ entityIds: ENTITY_IDS, alertIds: [ALERT_ID] });
      const part = selectionPart(view);
      expect(part !== null, 'selection list').to.equal(true);
      expect(part!.querySelector('h3')!.textContent).to.equal('4 selected');
      const headings = [...part!.querySelectorAll('h4')].map((heading) => heading.textContent);
      expect(headings).to.deep.equal(['3 entities', '1 alert']);
    });

    it('lists every selected item', async () => {
      const view = await viewWithSelection({ entityIds: ENTITY_IDS, alertIds: [ALERT_ID] });
      const labels = itemButtons(view).map((button) => button.textContent!.replace(/\s+/g, ' ').trim());
      expect(labels).to.deep.equal([
        'Device ws-042.contoso.com',
        'User Jane Doe',
        'Process powershell.exe',
        'Credential dumping with a known tool',
      ]);
    });

    it('keeps each badge beside its long name', async () => {
      const snapshot = viewSnapshot();
      const device = snapshot.entities.find((entity) => entity.id === 'device:ws-042')!;
      const names = ['a', 'b', 'c'].map((letter) => `https://docs.share-fabrikam.example/s/q2-pricing?rid=${letter}1eee7d8deed-${letter}`);
      snapshot.entities.push(...names.map((displayName, index) => ({ ...device, id: `device:long-${index}`, displayName, verdict: 'malicious' as const })));
      const session = new IncidentSession();
      session.setSnapshot(snapshot);
      const view = await fixture<IncidentView>(html`<il-incident-view style=${styleProperties({ height: '700px', width: '1200px' })} .session=${session}></il-incident-view>`);
      await view.loaded;
      session.select({ entityIds: names.map((_, index) => `device:long-${index}`) });
      await view.updateComplete;

      const rows = [...selectionPart(view)!.querySelectorAll('li')];
      expect(rows).to.have.length(3);
      for (const row of rows) {
        const name = row.querySelector('.entity-name')!.getBoundingClientRect();
        const badge = row.querySelector('il-verdict-badge')!.getBoundingClientRect();
        expect(name.height, 'the name wraps').to.be.greaterThan(25);
        expect(badge.left, 'badge right of the name').to.be.at.least(name.right - 1);
        expect(badge.top, 'badge on the first line').to.be.below(name.top + 12);
      }
    });

    it('shows no entity details or actions', async () => {
      const view = await viewWithSelection({ entityIds: ENTITY_IDS, alertIds: [ALERT_ID] });
      expect(view.shadowRoot!.querySelector('il-entity-flyout') !== null, 'entity flyout').to.equal(false);
      expect(view.shadowRoot!.querySelector('[part="alert-details"]') !== null, 'alert details').to.equal(false);
    });

    it('lists two alerts without entities', async () => {
      const view = await viewWithSelection({ alertIds: ['view-1-alert-1', ALERT_ID] });
      const headings = [...selectionPart(view)!.querySelectorAll('h4')].map((heading) => heading.textContent);
      expect(selectionPart(view)!.querySelector('h3')!.textContent).to.equal('2 selected');
      expect(headings).to.deep.equal(['2 alerts']);
    });

    it('counts only ids the incident has', async () => {
      const view = await viewWithSelection({ entityIds: ['user:jdoe', 'user:missing'] });
      expect(selectionPart(view) !== null, 'selection list').to.equal(false);
      expect(view.shadowRoot!.querySelector('il-entity-flyout') !== null, 'entity flyout').to.equal(true);
    });

    it('keeps the flyout for one entity', async () => {
      const view = await viewWithSelection({ entityIds: ['user:jdoe'] });
      expect(selectionPart(view) !== null, 'selection list').to.equal(false);
      expect(view.shadowRoot!.querySelector('il-entity-flyout') !== null, 'entity flyout').to.equal(true);
    });

    it('uses strings set by the host', async () => {
      setStrings({ 'view.selection.heading': '{count} ausgewählt', 'view.selection.entities.other': '{count} Entitäten' });
      try {
        const view = await viewWithSelection({ entityIds: ENTITY_IDS });
        expect(selectionPart(view)!.querySelector('h3')!.textContent).to.equal('3 ausgewählt');
        expect(selectionPart(view)!.querySelector('h4')!.textContent).to.equal('3 Entitäten');
      } finally {
        setStrings({ 'view.selection.heading': undefined, 'view.selection.entities.other': undefined });
      }
    });
  });

  describe('events', () => {
    it('opens one item as a user selection', async () => {
      const view = await viewWithSelection({ entityIds: ENTITY_IDS, alertIds: [ALERT_ID] });
      const events: SelectionChangeDetail[] = [];
      view.addEventListener('il-selection-change', (event) => events.push(event.detail));

      itemButtons(view).find((button) => button.dataset['entityId'] === 'user:jdoe')!.click();
      await view.updateComplete;

      expect(events).to.deep.equal([{ entityIds: ['user:jdoe'], alertIds: [] }]);
      expect(view.session!.selection.entityIds).to.deep.equal(['user:jdoe']);
      expect(selectionPart(view) !== null, 'selection list').to.equal(false);
      expect(view.shadowRoot!.querySelector('il-entity-flyout') !== null, 'entity flyout').to.equal(true);
    });

    it('opens one alert from the list', async () => {
      const view = await viewWithSelection({ entityIds: ENTITY_IDS, alertIds: [ALERT_ID] });
      itemButtons(view).find((button) => button.dataset['alertId'] === ALERT_ID)!.click();
      await view.updateComplete;

      expect(view.session!.selection).to.deep.equal({ entityIds: [], alertIds: [ALERT_ID] });
      expect(view.shadowRoot!.querySelector('[part="alert-details"]')!.textContent).to.contain('Credential dumping');
    });

    it('clears the selection with its close button', async () => {
      const view = await viewWithSelection({ entityIds: ENTITY_IDS });
      const events: SelectionChangeDetail[] = [];
      view.addEventListener('il-selection-change', (event) => events.push(event.detail));

      selectionPart(view)!.querySelector<HTMLButtonElement>('button[aria-label="Clear selection"]')!.click();
      await view.updateComplete;

      expect(events).to.deep.equal([{ entityIds: [], alertIds: [] }]);
      expect(selectionPart(view) !== null, 'selection list').to.equal(false);
    });
  });

  describe('keyboard', () => {
    it('opens an item with Enter', async () => {
      const view = await viewWithSelection({ entityIds: ENTITY_IDS });
      itemButtons(view)[2]!.focus();
      await sendKeys({ press: 'Enter' });
      await view.updateComplete;

      expect(view.session!.selection.entityIds).to.deep.equal(['process:ws-042:4242']);
    });

    it('reaches the items with Tab from the close button', async () => {
      const view = await viewWithSelection({ entityIds: ENTITY_IDS });
      selectionPart(view)!.querySelector<HTMLButtonElement>('button[aria-label="Clear selection"]')!.focus();
      await sendKeys({ press: 'Tab' });

      const focused = view.shadowRoot!.activeElement as HTMLElement | null;
      expect(focused?.dataset['entityId']).to.equal('device:ws-042');
    });
  });
});
