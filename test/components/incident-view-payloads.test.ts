import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { ASSET_CATEGORIES, categoryOf } from '../../src/components/asset-list/asset-columns.js';
import { DEFAULT_EVIDENCE_PAGE_SIZE } from '../../src/components/evidence-list/evidence-list.js';
import type { IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';
import '../../src/components/incident-view/define.js';
import type { IncidentView } from '../../src/components/incident-view/incident-view.js';
import type { IncidentViewTab } from '../../src/components/incident-view/tabs.js';
import { fromSentinel } from '../../src/formats/index.js';
import type { IncidentSnapshot } from '../../src/model/types.js';
import { styleProperties } from '../../src/components/shared/style-properties.js';
import { readSharedJson } from '../helpers/shared-data.js';
import { MAPPED_PAYLOADS, mappedSnapshots, readySession, sampleSnapshots } from './incident-view-data.js';
import { parseMarkup } from '../helpers/parse-markup.js';

/** The summary lists at most this many alerts and ranked assets, but the counts above the lists are not limited. */
const SUMMARY_ALERT_LIMIT = 50;
const SUMMARY_RANKED_LIMIT = 10;

/** The entity kinds that each scope count of the summary counts. */
const SCOPE_KINDS: Record<string, readonly string[]> = {
  devices: ['device'],
  users: ['user'],
  mailboxes: ['mailbox'],
  apps: ['cloudApp', 'oauthApp'],
};

async function viewOf(snapshot: IncidentSnapshot): Promise<IncidentView> {
  const view = await fixture<IncidentView>(html`
    <il-incident-view style=${styleProperties({ height: '720px', width: '1200px' })} .session=${readySession(snapshot)}></il-incident-view>
  `);
  await view.loaded;
  return view;
}

/** Opens a tab as the host does and returns the open panel once its element has rendered. */
async function openTab(view: IncidentView, tab: IncidentViewTab): Promise<HTMLElement> {
  view.tab = tab;
  await view.updateComplete;
  const panel = view.shadowRoot!.querySelector<HTMLElement>(`#panel-${tab}`)!;
  const inner = panel.firstElementChild as (HTMLElement & { updateComplete?: Promise<unknown> }) | null;
  await inner?.updateComplete;
  return panel;
}

function shadowOf(panel: HTMLElement, tag: string): ShadowRoot {
  const element = panel.querySelector(tag);
  expect(element, `${tag} in ${panel.id}`).to.not.equal(null);
  return element!.shadowRoot!;
}

function numberIn(root: ParentNode, selector: string): number {
  const text = root.querySelector(selector)?.textContent ?? '';
  return Number(/\d+/.exec(text)?.[0]);
}

/** Checks every tab of one view against the snapshot it shows. `label` names the snapshot in failure messages. */
async function checkEveryTab(view: IncidentView, snapshot: IncidentSnapshot, label: string): Promise<void> {
  const evidenceEntities = snapshot.entities.filter((entity) => entity.ghost !== true);

  const summary = shadowOf(await openTab(view, 'summary'), 'il-incident-summary');
  expect(numberIn(summary, '#alerts-heading'), `alerts in the summary of ${label}`).to.equal(snapshot.alerts.length);
  expect(summary.querySelectorAll('[part="alert-list"] > li').length, `listed alerts of ${label}`).to.equal(
    Math.min(snapshot.alerts.length, SUMMARY_ALERT_LIMIT),
  );
  const byCategory = summary.querySelectorAll('[part="kill-chain"] .alert-links li, .groups .alert-links li').length;
  expect(byCategory, `alerts under the categories of ${label}`).to.equal(snapshot.alerts.length);

  let scopeTotal = 0;
  for (const [group, kinds] of Object.entries(SCOPE_KINDS)) {
    const expected = evidenceEntities.filter((entity) => kinds.includes(entity.kind)).length;
    scopeTotal += expected;
    expect(numberIn(summary, `[part="scope-counts"] [data-group="${group}"] dd`), `${group} of ${label}`).to.equal(expected);
  }
  expect(summary.querySelectorAll('[part="ranked-assets"] > li').length, `ranked assets of ${label}`).to.equal(
    Math.min(scopeTotal, SUMMARY_RANKED_LIMIT),
  );

  expect(numberIn(summary, '#evidence-heading'), `evidence of ${label}`).to.equal(evidenceEntities.length);
  for (const verdict of ['malicious', 'suspicious', 'unknown', 'clean'] as const) {
    const expected = evidenceEntities.filter((entity) => entity.verdict === verdict).length;
    expect(numberIn(summary, `[part="evidence-counts"] [data-verdict="${verdict}"] dd`), `${verdict} of ${label}`).to.equal(expected);
  }
  const unrated = evidenceEntities.filter((entity) => entity.verdict === undefined).length;
  expect(numberIn(summary, '[part="evidence-counts"] [data-verdict="notProvided"] dd'), `no verdict of ${label}`).to.equal(unrated);

  const queue = shadowOf(await openTab(view, 'alerts'), 'il-alert-queue');
  const queued = [...queue.querySelectorAll<HTMLElement>('tbody tr')].map((row) => row.dataset.alertId);
  expect(queued, `alert queue of ${label}`).to.have.members(snapshot.alerts.map((alert) => alert.id));

  const assets = shadowOf(await openTab(view, 'assets'), 'il-asset-list');
  for (const category of ASSET_CATEGORIES) {
    const expected = snapshot.entities.filter((entity) => categoryOf(entity.kind) === category).length;
    expect(numberIn(assets, `[role="tab"][data-category="${category}"]`), `${category} assets of ${label}`).to.equal(expected);
  }

  const evidence = shadowOf(await openTab(view, 'evidence'), 'il-evidence-list');
  const rows = [...evidence.querySelectorAll<HTMLElement>('tbody tr')].map((row) => row.dataset.entityId!);
  expect(rows.length, `evidence rows of ${label}`).to.equal(Math.min(snapshot.entities.length, DEFAULT_EVIDENCE_PAGE_SIZE));
  expect(snapshot.entities.map((entity) => entity.id), `evidence rows of ${label}`).to.include.members(rows);

  const investigations = await openTab(view, 'investigations');
  expect(investigations.querySelector('il-investigations'), `investigations of ${label}`).to.not.equal(null);

  await openTab(view, 'story');
}

/** Checks that the graph draws every node of the model, alone or in a group, and that its SVG names each one. */
async function checkGraph(view: IncidentView, label: string): Promise<void> {
  const graph = view.shadowRoot!.querySelector<IncidentGraphElement>('il-incident-graph')!;
  const drawn = new Set<string>();
  for (const node of graph.display.nodes) {
    if (node.group) node.group.memberIds.forEach((id) => drawn.add(id));
    else drawn.add(node.id);
  }
  expect([...drawn], `graph nodes of ${label}`).to.have.members(view.graph!.nodes());

  const svg = parseMarkup(await (await view.exportGraph('svg')).text(), 'image/svg+xml');
  expect(svg.querySelector('parsererror'), `SVG of ${label}`).to.equal(null);
  const titles = [...svg.querySelectorAll('g:not([stroke-width]) > title')].map((title) => title.textContent);
  expect(titles, `SVG node titles of ${label}`).to.have.members(graph.display.nodes.map((node) => node.label));
}

describe('<il-incident-view> on every incident', () => {
  afterEach(() => fixtureCleanup());

  it('shows the sample incidents in every tab', async () => {
    for (const [index, snapshot] of sampleSnapshots().entries()) {
      const view = await viewOf(snapshot);
      await checkEveryTab(view, snapshot, `sample ${index}`);
      await checkGraph(view, `sample ${index}`);
      fixtureCleanup();
    }
  });

  for (const [path, map] of MAPPED_PAYLOADS) {
    const file = path.split('/')[1]!;
    it(`shows ${file} in every tab`, async function () {
      const snapshots = await mappedSnapshots(this, path, map);
      expect(snapshots.length, 'snapshots').to.be.greaterThan(0);

      for (const [index, snapshot] of snapshots.entries()) {
        const label = `${file} incident ${snapshot.incident.id}`;
        const view = await viewOf(snapshot);
        expect(view.shadowRoot!.querySelector('.title')!.textContent, label).to.contain(snapshot.incident.title);
        await checkEveryTab(view, snapshot, label);
        await checkGraph(view, label);

        // The source's own text fills the attack story and the summary, so axe checks both on
        // the first incident of each payload. The asset and evidence lists get theirs in the
        // list tests, and axe over every tab of every incident would take minutes.
        if (index === 0) {
          await expect(view).to.be.accessible();
          await openTab(view, 'summary');
          await expect(view).to.be.accessible();
        }
        // One view at a time, so the page has one banner landmark and one layout running.
        fixtureCleanup();
      }
    });
  }

  it('shows the three Sentinel REST responses as one incident', async function () {
    const bodies = await Promise.all(
      [
        'sentinel/sentinel-rest-2024-03-01_GetIncidentById.example.json',
        'sentinel/sentinel-rest-2024-03-01_GetAllIncidentAlerts.example.json',
        'sentinel/sentinel-rest-2024-01-01-preview_GetEntities.example.json',
      ].map((path) => readSharedJson(this, path)),
    );
    const [snapshot] = fromSentinel(bodies);
    const view = await viewOf(snapshot!);
    await checkEveryTab(view, snapshot!, 'Sentinel REST incident');
    await checkGraph(view, 'Sentinel REST incident');
  });
});
