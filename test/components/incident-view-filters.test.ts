import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/incident-view/define.js';
import type { IncidentView } from '../../src/components/incident-view/incident-view.js';
import type { IncidentSession } from '../../src/session/session.js';
import { viewSnapshot } from '../fixtures/view-snapshot.js';
import { readySession } from './incident-view-data.js';

interface GraphProbe extends HTMLElement {
  search: string | undefined;
  groupThreshold: number;
}

async function viewOf(session: IncidentSession, tab = 'story'): Promise<IncidentView> {
  const view = await fixture<IncidentView>(html`
    <il-incident-view style="height: 720px; width: 1200px" tab=${tab} .session=${session}></il-incident-view>
  `);
  await view.loaded;
  return view;
}

function bar(view: IncidentView): HTMLElement {
  return view.shadowRoot!.querySelector<HTMLElement>('il-incident-filters')!;
}

describe('<il-incident-view> noise controls', () => {
  it('shows the bar on the story, assets and evidence tabs only', async () => {
    const view = await viewOf(readySession(viewSnapshot()));
    const shown: string[] = [];
    for (const tab of ['story', 'summary', 'alerts', 'assets', 'investigations', 'evidence'] as const) {
      view.tab = tab;
      await view.updateComplete;
      if (view.shadowRoot!.querySelector('il-incident-filters')) shown.push(tab);
    }
    expect(shown).to.deep.equal(['story', 'assets', 'evidence']);
  });

  it('passes the search text to the graph and the lists', async () => {
    const view = await viewOf(readySession(viewSnapshot()));
    const input = bar(view).shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
    input.value = 'powershell';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await new Promise((resolve) => setTimeout(resolve, 400));
    await view.updateComplete;
    expect(view.shadowRoot!.querySelector<GraphProbe>('il-incident-graph')!.search).to.equal('powershell');

    view.tab = 'assets';
    await view.updateComplete;
    expect((view.shadowRoot!.querySelector('il-asset-list') as unknown as GraphProbe).search).to.equal('powershell');
  });

  it('turns grouping off and on in the graph', async () => {
    const view = await viewOf(readySession(viewSnapshot()));
    const graph = view.shadowRoot!.querySelector<GraphProbe>('il-incident-graph')!;
    const initial = graph.groupThreshold;
    const toggle = bar(view).shadowRoot!.querySelector<HTMLButtonElement>('button.toggle')!;
    toggle.click();
    await view.updateComplete;
    expect(graph.groupThreshold).to.equal(0);
    toggle.click();
    await view.updateComplete;
    expect(graph.groupThreshold).to.equal(initial);
  });

  it('filters the session from the bar', async () => {
    const session = readySession(viewSnapshot());
    const view = await viewOf(session);
    const checkbox = bar(view).shadowRoot!.querySelector<HTMLInputElement>('input[type="checkbox"][data-value="device"]')!;
    checkbox.click();
    await view.updateComplete;
    const filters = (session as unknown as { filters?: { entityKinds?: string[] } }).filters;
    expect(filters?.entityKinds).to.deep.equal(['device']);
    expect(view.viewState.filters).to.deep.equal({ entityKinds: ['device'] });
    expect(view.toFragment()).to.contain('filter.entityKinds=device');
  });

  it('passes an accessibility check with the bar', async () => {
    const view = await viewOf(readySession(viewSnapshot()));
    await expect(view).to.be.accessible();
  });
});
