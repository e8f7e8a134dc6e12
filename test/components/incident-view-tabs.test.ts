import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/incident-view/define.js';
import type { IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';
import type { TabChangeEvent } from '../../src/components/incident-view/events.js';
import type { IncidentView } from '../../src/components/incident-view/incident-view.js';
import { INCIDENT_VIEW_TABS } from '../../src/components/incident-view/tabs.js';
import type { IncidentSnapshot } from '../../src/model/types.js';
import type { IncidentSession } from '../../src/session/session.js';
import { styleProperties } from '../../src/components/shared/style-properties.js';
import { listSnapshotOfSize, listStoryAdapter } from '../../stories/incident-lists-data.js';
import { viewSnapshot } from '../fixtures/view-snapshot.js';
import { SHARED_GRAPH_PAYLOADS, readySession, sampleSnapshots, sharedSnapshots } from './incident-view-data.js';

async function viewOf(session: IncidentSession, tab = 'story'): Promise<IncidentView> {
  const view = await fixture<IncidentView>(html`
    <il-incident-view style=${styleProperties({ height: '720px', width: '1200px' })} tab=${tab} .session=${session}></il-incident-view>
  `);
  await view.loaded;
  await view.updateComplete;
  return view;
}

function tabButton(view: IncidentView, tab: string): HTMLButtonElement {
  return view.shadowRoot!.querySelector<HTMLButtonElement>(`[role="tab"][data-tab="${tab}"]`)!;
}

function openPanel(view: IncidentView): HTMLElement {
  return view.shadowRoot!.querySelector<HTMLElement>('[role="tabpanel"]:not(.inactive)')!;
}

async function settle(view: IncidentView): Promise<void> {
  await view.updateComplete;
  const inner = view.shadowRoot!.querySelector<HTMLElement & { updateComplete?: Promise<unknown> }>('il-incident-summary, il-alert-queue');
  await inner?.updateComplete;
}

describe('<il-incident-view> tabs', () => {
  describe('accessibility', () => {
    for (const tab of INCIDENT_VIEW_TABS) {
      it(`passes an accessibility check on the ${tab} tab`, async () => {
        const view = await viewOf(readySession(sampleSnapshots()[0]!), tab);
        await settle(view);
        await expect(view).to.be.accessible();
      });
    }
  });

  describe('accessibility with response actions', () => {
    // The typical incident, loaded through an adapter that offers decisions, bulk actions and
    // investigations. So the tabs show the controls that a bare session leaves out.
    for (const tab of INCIDENT_VIEW_TABS) {
      it(`passes an accessibility check on the ${tab} tab`, async () => {
        const snapshot = listSnapshotOfSize('typical');
        const view = await fixture<IncidentView>(html`
          <il-incident-view style=${styleProperties({ height: '720px', width: '1200px' })} tab=${tab} .adapter=${listStoryAdapter(snapshot)} incident-id=${snapshot.incident.id}></il-incident-view>
        `);
        await view.loaded;
        await settle(view);
        const panel = openPanel(view);
        if (tab === 'investigations') {
          const element = panel.querySelector('il-investigations')!;
          await waitUntil(() => element.shadowRoot!.querySelector('[part~="history"] li'), 'the investigations never loaded', { timeout: 3000 });
        }
        if (tab === 'evidence') {
          const element = panel.querySelector('il-evidence-list')!;
          expect(element.shadowRoot!.querySelector('.decision-button'), 'approve and reject buttons').to.not.equal(null);
        }
        if (tab === 'assets') {
          const element = panel.querySelector('il-asset-list')!;
          element.shadowRoot!.querySelector<HTMLInputElement>('tbody input[type="checkbox"]')!.click();
          await waitUntil(() => element.shadowRoot!.querySelector('[part~="bulk-button"]'), 'the bulk actions never showed', { timeout: 3000 });
        }
        await expect(view).to.be.accessible();
      });
    }
  });

  describe('properties', () => {
    it('opens the tab its attribute names', async () => {
      const view = await viewOf(readySession(viewSnapshot()), 'alerts');
      expect(view.tab).to.equal('alerts');
      expect(tabButton(view, 'alerts').getAttribute('aria-selected')).to.equal('true');
      expect(openPanel(view).id).to.equal('panel-alerts');
      expect(openPanel(view).querySelector('il-alert-queue')).to.not.equal(null);
    });

    it('keeps hidden story laid out', async () => {
      const view = await viewOf(readySession(viewSnapshot()), 'summary');
      const story = view.shadowRoot!.querySelector<HTMLElement>('#panel-story')!;
      expect(story.hasAttribute('inert')).to.equal(true);
      expect(getComputedStyle(story).visibility).to.equal('hidden');
      expect(view.shadowRoot!.querySelector('il-incident-graph')!.getBoundingClientRect().width).to.be.greaterThan(0);
    });

    it('opens the story for an unknown tab', async () => {
      const view = await viewOf(readySession(viewSnapshot()), 'nonsense');
      expect(view.tab).to.equal('story');
      expect(view.getAttribute('tab')).to.equal('story');
    });

    it('notes an unregistered tab element', async () => {
      // The view's define module registers il-investigations, so the test stubs
      // `customElements.get` to return undefined for it, as on a page that registers the view
      // class alone.
      const registry = window.customElements;
      const get = registry.get.bind(registry);
      registry.get = (name: string) => (name === 'il-investigations' ? undefined : get(name));
      try {
        const view = await viewOf(readySession(viewSnapshot()), 'investigations');
        expect(openPanel(view).textContent).to.contain('not available');
      } finally {
        registry.get = get;
      }
    });
  });

  describe('keyboard', () => {
    it('navigates by arrows, Home, End, Enter', async () => {
      const view = await viewOf(readySession(viewSnapshot()));
      const events: TabChangeEvent[] = [];
      view.addEventListener('il-tab-change', (event) => events.push(event));
      tabButton(view, 'story').focus();

      await sendKeys({ press: 'ArrowRight' });
      expect(view.shadowRoot!.activeElement).to.equal(tabButton(view, 'summary'));
      expect(view.tab, 'arrows only move the focus').to.equal('story');
      await sendKeys({ press: 'End' });
      expect(view.shadowRoot!.activeElement).to.equal(tabButton(view, 'evidence'));
      await sendKeys({ press: 'ArrowRight' });
      expect(view.shadowRoot!.activeElement, 'wraps to the first').to.equal(tabButton(view, 'story'));
      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ press: 'Home' });
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'Enter' });
      await view.updateComplete;

      expect(view.tab).to.equal('alerts');
      expect(events.map((event) => event.detail)).to.deep.equal([{ tab: 'alerts' }]);
      expect(tabButton(view, 'alerts').tabIndex).to.equal(0);
      expect(tabButton(view, 'story').tabIndex).to.equal(-1);
    });

    it('opens a tab with Space', async () => {
      const view = await viewOf(readySession(viewSnapshot()));
      tabButton(view, 'story').focus();
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'Space' });
      await view.updateComplete;
      expect(view.tab).to.equal('summary');
    });

    it('tabs into summary and alert list', async () => {
      for (const [tab, selector] of [['summary', 'il-incident-summary'], ['alerts', 'il-alert-queue']] as const) {
        const view = await viewOf(readySession(viewSnapshot()), tab);
        await settle(view);
        tabButton(view, tab).focus();
        let reached = false;
        for (let step = 0; step < 20 && !reached; step++) {
          await sendKeys({ press: 'Tab' });
          const inner = view.shadowRoot!.activeElement;
          reached = inner?.matches(selector) === true && inner.shadowRoot!.activeElement?.matches('.link-button, .title-button') === true;
        }
        expect(reached, `a list item of ${selector}`).to.equal(true);
      }
    });
  });

  describe('events', () => {
    it('fires no tab change on host updates', async () => {
      const view = await viewOf(readySession(viewSnapshot()));
      let fired = 0;
      view.addEventListener('il-tab-change', () => fired++);
      view.tab = 'summary';
      await view.updateComplete;
      view.viewState = { tab: 'alerts', entityIds: [], alertIds: ['view-1-alert-1'] };
      await view.updateComplete;
      expect(view.tab).to.equal('alerts');
      expect(fired).to.equal(0);
    });

    it('fires no change for the open tab', async () => {
      const view = await viewOf(readySession(viewSnapshot()));
      let fired = 0;
      view.addEventListener('il-tab-change', () => fired++);
      tabButton(view, 'story').click();
      expect(fired).to.equal(0);
    });
  });

  describe('selection across tabs', () => {
    it('shares queue selection with graph, story', async () => {
      const session = readySession(viewSnapshot());
      const view = await viewOf(session, 'alerts');
      await settle(view);
      const queue = view.shadowRoot!.querySelector('il-alert-queue')!;
      queue.shadowRoot!.querySelector<HTMLButtonElement>('button[data-alert-id="view-1-alert-2"]')!.click();
      expect(session.selection.alertIds).to.deep.equal(['view-1-alert-2']);

      tabButton(view, 'story').click();
      await view.updateComplete;
      expect(view.shadowRoot!.querySelector('[part="alert-details"]')!.textContent).to.contain('Credential dumping');

      // The graph highlights the alert and its entities, and dims the rest.
      const graph = view.shadowRoot!.querySelector<IncidentGraphElement>('il-incident-graph')!;
      await waitUntil(() => graph.display.nodes.some((node) => node.selected), 'the graph did not show the selection within 3 seconds', { timeout: 3000 });
      const involved = ['view-1-alert-2', 'device:ws-042', 'user:jdoe'];
      const undimmed = graph.display.nodes.filter((node) => !node.dimmed).map((node) => node.id);
      expect(undimmed).to.include.members(involved);
      expect(graph.display.nodes.find((node) => node.id === 'file:powershell')!.dimmed, 'an entity of the other alert').to.equal(true);
    });
  });

  describe('shared payloads', () => {
    for (const path of SHARED_GRAPH_PAYLOADS) {
      it(`shows summary and alerts for ${path.split('/').pop()}`, async function () {
        for (const snapshot of await sharedSnapshots(this, path)) {
          const view = await viewOf(readySession(snapshot), 'alerts');
          await settle(view);
          const queue = view.shadowRoot!.querySelector('il-alert-queue')!;
          expect(queue.shadowRoot!.querySelectorAll('tbody tr').length, path).to.equal(snapshot.alerts.length);

          view.tab = 'summary';
          await settle(view);
          const summary = view.shadowRoot!.querySelector('il-incident-summary')!;
          const evidence = snapshot.entities.filter((entity) => !entity.ghost).length;
          expect(summary.shadowRoot!.querySelector('#evidence-heading')!.textContent, path).to.contain(`(${evidence})`);
          await expect(view).to.be.accessible();
          // One view at a time, so the page has one banner landmark.
          fixtureCleanup();
        }
      });
    }
  });
});

/** Builds the view snapshot with a story, an entity portal link and a mailto alert link. */
function storySnapshot(): IncidentSnapshot {
  const snapshot = viewSnapshot();
  const alert = snapshot.alerts[1]!;
  alert.webUrl = 'mailto:soc@example.com';
  alert.linkReason = 'Same device';
  alert.story = {
    whatHappened: 'A tool read the memory of lsass.exe.',
    actionsTaken: ['Process terminated', ''],
    relatedEvents: [
      { time: Date.UTC(2026, 2, 14, 9, 31), title: 'Memory read', entityIds: ['user:jdoe', 'device:gone'] },
      { title: 'Untimed event' },
      { time: Date.UTC(2026, 2, 14, 9, 30), title: 'Tool started' },
    ],
  };
  snapshot.entities[1]!.webUrl = 'https://portal.example.com/users/jdoe';
  snapshot.entities[0]!.webUrl = 'javascript:alert(1)';
  return snapshot;
}

describe('<il-incident-view> alert story', () => {
  it('passes an accessibility check with a story', async () => {
    const session = readySession(storySnapshot());
    session.select({ alertIds: ['view-1-alert-2'] });
    const view = await viewOf(session);
    await expect(view).to.be.accessible();
  });

  it('shows story, actions, events in order', async () => {
    const session = readySession(storySnapshot());
    session.select({ alertIds: ['view-1-alert-2'] });
    const view = await viewOf(session);
    const story = view.shadowRoot!.querySelector('[part="alert-story"]')!;
    expect(story.textContent).to.contain('A tool read the memory of lsass.exe.');
    expect([...story.querySelectorAll('.bullets li')].map((item) => item.textContent)).to.deep.equal(['Process terminated']);
    const events = [...story.querySelectorAll('.events li')].map((item) => item.textContent!.replace(/\s+/g, ' ').trim());
    expect(events[0]).to.contain('Tool started');
    expect(events[1]).to.contain('Memory read');
    expect(events[2]).to.contain('Time not provided');
  });

  it('selects an entity named by a related event', async () => {
    const session = readySession(storySnapshot());
    session.select({ alertIds: ['view-1-alert-2'] });
    const view = await viewOf(session);
    const buttons = view.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="alert-story"] .events button');
    expect(buttons.length, 'no button for an entity the incident does not have').to.equal(1);
    buttons[0]!.click();
    expect(session.selection.entityIds).to.deep.equal(['user:jdoe']);
  });

  it('notes a missing story', async () => {
    const session = readySession(viewSnapshot());
    session.select({ alertIds: ['view-1-alert-1'] });
    const view = await viewOf(session);
    expect(view.shadowRoot!.querySelector('[part="alert-story"]')!.textContent).to.contain('no story');
  });

  it('links alerts and entities over http too', async () => {
    const snapshot = storySnapshot();
    snapshot.alerts[1]!.webUrl = 'http://portal.example.com/alerts/2';
    const session = readySession(snapshot);
    session.select({ alertIds: ['view-1-alert-2'] });
    const view = await viewOf(session);
    const hrefs = [...view.shadowRoot!.querySelectorAll('[part="alert-details"] a')].map((link) => link.getAttribute('href'));
    expect(hrefs).to.have.members(['http://portal.example.com/alerts/2', 'https://portal.example.com/users/jdoe']);
  });

  for (const webUrl of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'ftp://example.com/alert', 'vbscript:msgbox(1)', '//example.com/alert', 'not a url']) {
    it(`makes no link of ${webUrl.split(':')[0]}`, async () => {
      const snapshot = storySnapshot();
      snapshot.alerts[1]!.webUrl = webUrl;
      snapshot.entities[1]!.webUrl = webUrl;
      const session = readySession(snapshot);
      session.select({ alertIds: ['view-1-alert-2'] });
      const view = await viewOf(session);
      expect(view.shadowRoot!.querySelectorAll('[part="alert-details"] a').length).to.equal(0);
    });
  }

  it('links out over http and https only', async () => {
    const session = readySession(storySnapshot());
    session.select({ alertIds: ['view-1-alert-2'] });
    const view = await viewOf(session);
    const pane = view.shadowRoot!.querySelector('[part="alert-details"]')!;
    const hrefs = [...pane.querySelectorAll('a')].map((link) => link.getAttribute('href'));
    expect(hrefs).to.deep.equal(['https://portal.example.com/users/jdoe']);
    expect(pane.textContent).to.contain('Same device');
  });
});
