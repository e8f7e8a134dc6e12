import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/incident-view/define.js';
import type { IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';
import type { IncidentView } from '../../src/components/incident-view/incident-view.js';
import type { IncidentSession } from '../../src/session/session.js';
import { styleProperties } from '../../src/components/shared/style-properties.js';
import { viewSnapshot } from '../fixtures/view-snapshot.js';
import { generateIncidentSnapshot } from '../fixtures/generated-incident.js';
import { groupedSnapshot } from './incident-graph-grouping-fixture.js';
import { readySession } from './incident-view-data.js';

interface GraphProbe extends HTMLElement {
  search: string | undefined;
  groupThreshold: number;
}

async function viewOf(session: IncidentSession, tab = 'story'): Promise<IncidentView> {
  const view = await fixture<IncidentView>(html`
    <il-incident-view style=${styleProperties({ height: '720px', width: '1200px' })} tab=${tab} .session=${session}></il-incident-view>
  `);
  await view.loaded;
  return view;
}

function bar(view: IncidentView): HTMLElement {
  return view.shadowRoot!.querySelector<HTMLElement>('il-incident-filters')!;
}

describe('<il-incident-view> noise controls', () => {
  it('shows bar on story, assets, evidence only', async () => {
    const view = await viewOf(readySession(viewSnapshot()));
    const shown: string[] = [];
    for (const tab of ['story', 'summary', 'alerts', 'assets', 'investigations', 'evidence'] as const) {
      view.tab = tab;
      await view.updateComplete;
      if (view.shadowRoot!.querySelector('il-incident-filters')) shown.push(tab);
    }
    expect(shown).to.deep.equal(['story', 'assets', 'evidence']);
  });

  it('passes search to graph and lists', async () => {
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

  it('keeps grouped graph and lists in step', async () => {
    const session = readySession(groupedSnapshot());
    const view = await viewOf(session);
    const graph = view.shadowRoot!.querySelector<IncidentGraphElement>('il-incident-graph')!;
    const checkbox = bar(view).shadowRoot!.querySelector<HTMLInputElement>('input[type="checkbox"][data-value="file"]')!;
    checkbox.click();
    await view.updateComplete;

    const passingFiles = session.snapshot!.entities.filter((entity) => entity.kind === 'file');
    expect(passingFiles.length, 'files that pass').to.be.greaterThan(0);
    await waitUntil(() => drawnEntities(graph).length === passingFiles.length, 'the graph never followed the filter', { timeout: 5000 });
    expect(graph.display.nodes.some((node) => node.group), 'the graph groups some files').to.equal(true);
    for (const node of graph.display.nodes.filter((item) => item.group)) {
      expect(node.label, `label of ${node.id}`).to.contain(String(node.group!.memberIds.length));
    }

    view.tab = 'evidence';
    await view.updateComplete;
    const list = view.shadowRoot!.querySelector('il-evidence-list')!;
    list.setAttribute('page-size', '1000');
    await list.updateComplete;
    const rows = [...list.shadowRoot!.querySelectorAll<HTMLElement>('tbody tr')].map((row) => row.dataset.entityId!);
    expect(rows).to.have.members(drawnEntities(graph));

    view.tab = 'story';
    await view.updateComplete;
    const buttons = [...bar(view).shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="grouping"] button')];
    buttons[1]!.click();
    await waitUntil(() => !graph.display.nodes.some((node) => node.group), 'expand all left a group', { timeout: 5000 });
    expect(drawnEntities(graph)).to.have.members(rows);

    buttons[2]!.click();
    await waitUntil(() => graph.display.nodes.some((node) => node.group), 'collapse all made no group', { timeout: 5000 });
    expect(drawnEntities(graph)).to.have.members(rows);

    buttons[0]!.click();
    await view.updateComplete;
    await waitUntil(() => !graph.display.nodes.some((node) => node.group), 'grouping off left a group', { timeout: 5000 });
    expect(drawnEntities(graph)).to.have.members(rows);
  });

  it('highlights list matches in graph', async () => {
    const view = await viewOf(readySession(viewSnapshot()));
    const graph = view.shadowRoot!.querySelector<IncidentGraphElement>('il-incident-graph')!;
    bar(view).shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!.focus();
    await sendKeys({ type: 'ws-042' });
    await waitUntil(() => graph.display.nodes.some((node) => node.dimmed), 'the graph never dimmed a node', { timeout: 3000 });
    const highlighted = graph.display.nodes.filter((node) => !node.alert && !node.dimmed).map((node) => node.id);
    expect(highlighted).to.have.members(['device:ws-042', 'process:ws-042:4242']);

    view.tab = 'evidence';
    await view.updateComplete;
    const list = view.shadowRoot!.querySelector('il-evidence-list')!;
    await list.updateComplete;
    const rows = [...list.shadowRoot!.querySelectorAll<HTMLElement>('tbody tr')].map((row) => row.dataset.entityId!);
    expect(rows).to.have.members(highlighted);
  });

  it('filters graph and queue by severity', async () => {
    const session = readySession(generateIncidentSnapshot({ entityCount: 200, seed: 5 }));
    const view = await viewOf(session);
    const graph = view.shadowRoot!.querySelector<IncidentGraphElement>('il-incident-graph')!;
    const severities = session.snapshot!.alerts.map((alert) => alert.severity);
    const chosen = severities.find((severity) => severities.some((other) => other !== severity))!;
    expect(chosen, 'the incident has alerts of two severities').to.not.equal(undefined);

    const checkbox = bar(view).shadowRoot!.querySelector<HTMLInputElement>(`input[type="checkbox"][data-value="${chosen}"]`)!;
    checkbox.click();
    await view.updateComplete;
    const expected = session.snapshot!.alerts.filter((alert) => alert.severity === chosen).map((alert) => alert.id);
    await waitUntil(() => drawnAlerts(graph).length === expected.length, 'the graph never followed the filter', { timeout: 5000 });
    expect(drawnAlerts(graph)).to.have.members(expected);

    view.tab = 'alerts';
    await view.updateComplete;
    const queue = view.shadowRoot!.querySelector('il-alert-queue')!;
    await queue.updateComplete;
    const rows = [...queue.shadowRoot!.querySelectorAll<HTMLElement>('tbody tr')].map((row) => row.dataset.alertId!);
    expect(rows).to.have.members(expected);
  });
});

/** Returns the ids of the entities the graph draws, with the members of each collapsed group. */
function drawnEntities(graph: IncidentGraphElement): string[] {
  return graph.display.nodes.filter((node) => !node.alert).flatMap((node) => (node.group ? node.group.memberIds : [node.id]));
}

function drawnAlerts(graph: IncidentGraphElement): string[] {
  return graph.display.nodes.filter((node) => node.alert).map((node) => node.id);
}
