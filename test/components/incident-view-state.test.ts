import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/incident-view/define.js';
import type { IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';
import type { IncidentView } from '../../src/components/incident-view/incident-view.js';
import { viewStateFromFragment, viewStateToFragment, type IncidentViewState } from '../../src/components/incident-view/view-state.js';
import { createStaticAdapter } from '../../src/adapter/static-adapter.js';
import type { IncidentSnapshot } from '../../src/model/types.js';
import type { IncidentSession } from '../../src/session/session.js';
import { styleProperties } from '../../src/components/shared/style-properties.js';
import { generateIncidentSnapshot } from '../fixtures/generated-incident.js';
import { viewSnapshot } from '../fixtures/view-snapshot.js';
import { readySession, sampleSnapshots } from './incident-view-data.js';
import { parseMarkup } from '../helpers/parse-markup.js';

const minute = 60_000;

async function viewOf(session: IncidentSession): Promise<IncidentView> {
  const view = await fixture<IncidentView>(html`<il-incident-view style=${styleProperties({ height: '720px', width: '1200px' })} .session=${session}></il-incident-view>`);
  await view.loaded;
  return view;
}

/** Waits for two animation frames, so the graphs have drawn the latest session change. */
async function nextFrames(): Promise<void> {
  for (let frame = 0; frame < 2; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
}

/** Lists the nodes the view's graph draws, each id with its selected and dimmed flags. */
function drawnNodes(view: IncidentView): string[] {
  const graph = view.shadowRoot!.querySelector<IncidentGraphElement>('il-incident-graph')!;
  return graph.display.nodes.map((node) => `${node.id}${node.selected ? ' selected' : ''}${node.dimmed ? ' dimmed' : ''}`);
}

describe('<il-incident-view> view state', () => {
  describe('fragment', () => {
    it('round-trips every field, with ids that need encoding', () => {
      const state: IncidentViewState = {
        tab: 'alerts',
        entityIds: ['process:ws-042:4242', 'user:a&b=c#d'],
        alertIds: ['alert 1'],
        time: 1_773_480_600_000,
        range: { start: 1_773_478_800_000, end: 1_773_482_400_000 },
        filters: { verdicts: ['malicious', 'none'], entityKinds: ['file'] },
      };
      const fragment = viewStateToFragment(state);
      expect(fragment.startsWith('#tab=alerts')).to.equal(true);
      expect(viewStateFromFragment(fragment)).to.deep.equal(state);
      expect(viewStateFromFragment(fragment.slice(1))).to.deep.equal(state);
    });

    it('leaves out values it cannot read', () => {
      const state = viewStateFromFragment('#tab=nope&time=soon&range=1~&alert=a1');
      expect(state).to.deep.equal({ tab: 'story', entityIds: [], alertIds: ['a1'] });
    });

    it('reads an empty fragment as the start state', () => {
      expect(viewStateFromFragment('')).to.deep.equal({ tab: 'story', entityIds: [], alertIds: [] });
    });
  });

  describe('viewState', () => {
    it('starts with the story and nothing else', async () => {
      const view = await viewOf(readySession(viewSnapshot()));
      expect(view.viewState).to.deep.equal({ tab: 'story', entityIds: [], alertIds: [] });
      expect(view.toFragment()).to.equal('#tab=story');
    });

    it('reads selection, time, range and tab from the session', async () => {
      const session = readySession(viewSnapshot());
      const view = await viewOf(session);
      const start = session.timeBounds!.start;
      session.select({ entityIds: ['device:ws-042'], alertIds: [] });
      session.setTime(start + 10 * minute);
      session.setRange({ start, end: start + 20 * minute });
      view.tab = 'summary';

      expect(view.viewState).to.deep.equal({
        tab: 'summary',
        entityIds: ['device:ws-042'],
        alertIds: [],
        time: start + 10 * minute,
        range: { start, end: start + 20 * minute },
      });
    });

    it('drops ids the incident does not have', async () => {
      const session = readySession(viewSnapshot());
      const view = await viewOf(session);
      view.viewState = { tab: 'story', entityIds: ['device:ws-042', 'device:other'], alertIds: ['nope'] };
      expect(session.selection).to.deep.equal({ entityIds: ['device:ws-042'], alertIds: [] });
    });

    it('restores a view from a fragment taken from another', async () => {
      const snapshot = sampleSnapshots()[0]!;
      const first = readySession(snapshot);
      const source = await viewOf(first);
      const bounds = first.timeBounds!;
      const alert = snapshot.alerts[1]!;
      first.select({ alertIds: [alert.id] });
      first.setTime(bounds.start + (bounds.end - bounds.start) / 2);
      first.setRange({ start: bounds.start, end: bounds.end - 1 });
      first.setFilters({ verdicts: ['malicious'] });
      source.tab = 'alerts';
      await source.updateComplete;
      const fragment = source.toFragment();

      // The second view loads through an adapter, so the fragment is set before the incident is ready.
      const target = document.createElement('il-incident-view');
      target.style.cssText = 'display: block; height: 720px; width: 1200px';
      target.adapter = createStaticAdapter(snapshot);
      target.incidentId = snapshot.incident.id;
      target.fromFragment(fragment);
      document.body.append(target);
      try {
        await target.loaded;
        await target.updateComplete;
        expect(target.viewState).to.deep.equal(source.viewState);
        expect(target.tab).to.equal('alerts');
        expect(target.shadowRoot!.querySelector('#panel-alerts il-alert-queue')).to.not.equal(null);
        expect(target.viewState.filters).to.deep.equal({ verdicts: ['malicious'] });

        const queue = target.shadowRoot!.querySelector('il-alert-queue')!;
        await queue.updateComplete;
        const selectedRow = queue.shadowRoot!.querySelector<HTMLElement>('tr[data-selected]');
        expect(selectedRow?.dataset.alertId).to.equal(alert.id);
      } finally {
        target.remove();
      }
    });

    it('restores the drawn graph from a state object', async () => {
      const snapshot = sampleSnapshots()[0]!;
      const first = readySession(snapshot);
      const source = await viewOf(first);
      const bounds = first.timeBounds!;
      first.select({ entityIds: [snapshot.entities[0]!.id] });
      first.setTime(bounds.start + (bounds.end - bounds.start) * 0.75);
      first.setFilters({ entityKinds: ['device', 'user', 'mailbox'], severities: ['high', 'medium'] });
      source.tab = 'evidence';
      await source.updateComplete;
      const state = structuredClone(source.viewState);

      const second = readySession(snapshot);
      const target = await viewOf(second);
      target.viewState = state;
      await target.updateComplete;

      expect(target.viewState).to.deep.equal(state);
      expect(target.tab).to.equal('evidence');
      expect(second.time).to.equal(first.time);
      expect(second.filters).to.deep.equal(first.filters);
      await nextFrames();
      expect(drawnNodes(target)).to.deep.equal(drawnNodes(source));
      expect(drawnNodes(target).length, 'the filters left some nodes').to.be.greaterThan(0);
      expect(drawnNodes(target).length, 'the filters hid some nodes').to.be.lessThan(target.graph!.order);

      const rows = (view: IncidentView): string[] => {
        const list = view.shadowRoot!.querySelector('il-evidence-list')!;
        return [...list.shadowRoot!.querySelectorAll<HTMLElement>('tbody tr')].map((row) => row.dataset.entityId!);
      };
      await target.shadowRoot!.querySelector('il-evidence-list')!.updateComplete;
      await source.shadowRoot!.querySelector('il-evidence-list')!.updateComplete;
      expect(rows(target)).to.deep.equal(rows(source));
    });

    it('returns a pending state before the incident is ready', () => {
      const view = document.createElement('il-incident-view');
      view.viewState = { tab: 'summary', entityIds: ['x'], alertIds: [] };
      expect(view.viewState).to.deep.equal({ tab: 'summary', entityIds: ['x'], alertIds: [] });
    });
  });
});

/** A device name longer than the SVG export draws in full. */
const LONG_DEVICE_NAME = 'ws-042.finance-department.eu-west.contoso.com';

function parseSvg(text: string): Document {
  const svg = parseMarkup(text, 'image/svg+xml');
  expect(svg.querySelector('parsererror'), 'SVG parse error').to.equal(null);
  return svg;
}

/** Returns the titles of the node groups, which are the visible nodes' full labels, without the document's own title. */
function nodeTitles(svg: Document): string[] {
  return [...svg.querySelectorAll('g:not([stroke-width]) > title')].map((title) => title.textContent!);
}

describe('<il-incident-view> export', () => {
  it('exports the snapshot as JSON with the changes since load', async () => {
    const session = readySession(viewSnapshot());
    const view = await viewOf(session);
    session.updateEntity('device:ws-042', { remediationStatus: 'remediated' });
    const blob = view.exportSnapshot();
    expect(blob.type).to.equal('application/json');
    const parsed = JSON.parse(await blob.text()) as IncidentSnapshot;
    expect(parsed.incident.id).to.equal('view-1');
    expect(parsed.alerts).to.have.length(2);
    expect(parsed.entities.find((entity) => entity.id === 'device:ws-042')!.remediationStatus).to.equal('remediated');
  });

  it('throws a named error before the incident is loaded', () => {
    const view = document.createElement('il-incident-view');
    expect(() => view.exportSnapshot()).to.throw('IncidentView.exportSnapshot: no incident is loaded');
  });

  it('exports the graph as an SVG with every visible label', async () => {
    const snapshot = viewSnapshot();
    snapshot.entities[0]!.displayName = LONG_DEVICE_NAME;
    const view = await viewOf(readySession(snapshot));
    const blob = await view.exportGraph('svg');
    expect(blob.type).to.equal('image/svg+xml');
    const svg = parseSvg(await blob.text());

    const labels = [...view.graph!.nodes()].map((id) => view.graph!.getNodeAttribute(id, 'label'));
    expect(labels).to.include(LONG_DEVICE_NAME);
    expect(nodeTitles(svg)).to.have.members(labels);

    // The drawn text shortens the long name in the middle, so only the title has it whole.
    const drawn = [...svg.querySelectorAll('text')].map((text) => text.textContent);
    expect(drawn).to.not.include(LONG_DEVICE_NAME);
    expect(drawn.some((text) => text!.startsWith('ws-042') && text!.includes('…'))).to.equal(true);
  });

  it('exports only the nodes the filters leave', async () => {
    const session = readySession(viewSnapshot());
    const view = await viewOf(session);
    session.setFilters({ entityKinds: ['device', 'user'] });
    await view.updateComplete;

    const titles = nodeTitles(parseSvg(await (await view.exportGraph('svg')).text()));
    expect(titles).to.have.members([
      'ws-042.contoso.com',
      'Jane Doe',
      'Suspicious PowerShell command line',
      'Credential dumping with a known tool',
    ]);
  });

  it('exports the graph at the time cursor', async () => {
    const session = readySession(viewSnapshot());
    const view = await viewOf(session);
    session.setTime(session.timeBounds!.start);
    await view.updateComplete;
    const svg = await (await view.exportGraph('svg')).text();
    // Jane Doe first appears with the second alert, half an hour after the start.
    expect(svg).to.contain('ws-042.contoso.com');
    expect(svg).to.not.contain('Jane Doe');
  });

  it('exports the graph as a PNG', async () => {
    const view = await viewOf(readySession(viewSnapshot()));
    const blob = await view.exportGraph('png');
    expect(blob.type).to.equal('image/png');
    expect(blob.size).to.be.greaterThan(100);
  });

  it('downloads each export from the header buttons', async () => {
    const view = await viewOf(readySession(viewSnapshot()));
    const names: string[] = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      names.push(this.download);
    };
    try {
      for (const kind of ['snapshot', 'png', 'svg']) {
        view.shadowRoot!.querySelector<HTMLButtonElement>(`[data-export="${kind}"]`)!.click();
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
    expect(names.sort()).to.deep.equal(['incident-view-1-graph.png', 'incident-view-1-graph.svg', 'incident-view-1-snapshot.json']);
  });

  it('exports a large incident snapshot', async () => {
    const snapshot = generateIncidentSnapshot({ entityCount: 1500 });
    const view = await viewOf(readySession(snapshot));
    const parsed = JSON.parse(await view.exportSnapshot().text()) as IncidentSnapshot;
    expect(parsed.entities).to.have.length(snapshot.entities.length);
  });
});
