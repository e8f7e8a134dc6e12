/**
 * Loads only dist/incident-lens.bundle.js, as a page with one script tag would, and drives the
 * whole flow through its exports: map a Graph payload, serve it, show it, read the model. The
 * view is created and given its data before its chunk loads, as a page does that sets
 * properties right after its script tag. `npm test` builds the bundle before it runs the tests.
 */

import { expect } from '@open-wc/testing';
import { contosoPhishToMacro } from '../../demo/samples/index.js';
import { readSharedJson } from '../helpers/shared-data.js';

interface BundleApi {
  fromMicrosoftGraph(payload: unknown): Array<{ incident: { id: string }; alerts: unknown[]; entities: unknown[] }>;
  createStaticAdapter(snapshots: unknown): unknown;
  defineElements(tags?: Iterable<string>): Promise<void>;
}

interface BundleView extends HTMLElement {
  adapter: unknown;
  incidentId: string;
  loaded: Promise<void>;
  loadState: string;
  graph: { order: number; size: number; hasNode(id: string): boolean; forEachNode(callback: (node: string, attributes: { kind: string }) => void): void } | undefined;
}

const bundleUrl = '/dist/incident-lens.bundle.js';

async function loadBundle(): Promise<BundleApi> {
  return (await import(/* @vite-ignore */ bundleUrl)) as BundleApi;
}

async function showIncident(api: BundleApi, payload: unknown): Promise<BundleView> {
  const snapshots = api.fromMicrosoftGraph(payload);
  const view = document.createElement('il-incident-view') as unknown as BundleView;
  view.style.height = '600px';
  view.adapter = api.createStaticAdapter(snapshots);
  view.incidentId = snapshots[0]!.incident.id;
  document.body.append(view);
  // `loaded` and the other members of the class exist once the element's chunk defined it.
  await customElements.whenDefined('il-incident-view');
  await view.loaded;
  return view;
}

describe('script-tag bundle', () => {
  it('exports every format mapper', async () => {
    const api = (await loadBundle()) as unknown as Record<string, unknown>;
    for (const name of ['fromMicrosoftGraph', 'fromDefender', 'fromAdvancedHunting', 'fromSentinel', 'fromOcsf']) {
      expect(api[name], name).to.be.a('function');
    }
  });

  it('exports the flyout and hunt event classes', async () => {
    const api = (await loadBundle()) as unknown as Record<string, unknown>;
    const eventClasses = [
      'ActionRequestEvent',
      'ActionCompleteEvent',
      'ActionErrorEvent',
      'FlyoutCloseEvent',
      'HuntCompleteEvent',
      'LinkToIncidentEvent',
    ];
    for (const name of eventClasses) {
      expect(api[name], name).to.be.a('function');
      expect((api[name] as { eventName?: unknown }).eventName, name).to.be.a('string');
    }
  });

  it('exports no element class', async () => {
    const api = (await loadBundle()) as unknown as Record<string, unknown>;
    for (const name of ['IncidentView', 'IncidentGraphElement', 'HuntResults', 'VerdictBadge']) {
      expect(name in api, name).to.equal(false);
    }
  });

  it('shows the sample incident and exposes its model', async () => {
    const api = await loadBundle();
    const snapshot = api.fromMicrosoftGraph(contosoPhishToMacro)[0]!;
    // So `adapter` and `incidentId` below are set on the element before its upgrade.
    expect(customElements.get('il-incident-view'), 'il-incident-view defined before use').to.equal(undefined);
    const view = await showIncident(api, contosoPhishToMacro);
    try {
      expect(view.loadState).to.equal('ready');
      expect(view.graph!.order).to.equal(snapshot.alerts.length + snapshot.entities.length);

      const kinds = new Map<string, number>();
      view.graph!.forEachNode((_node, attributes) => kinds.set(attributes.kind, (kinds.get(attributes.kind) ?? 0) + 1));
      expect(kinds.get('alert')).to.equal(snapshot.alerts.length);
      expect(kinds.get('process')).to.be.greaterThan(2);
    } finally {
      view.remove();
    }
  });

  it('shows a published Graph payload', async function () {
    const payload = await readSharedJson(this, 'msgraph/graph-v1.0_security-list-incidents-expand-alerts.response.json');
    const api = await loadBundle();
    const view = await showIncident(api, payload);
    try {
      expect(view.incidentId).to.equal('2972395');
      expect(view.graph!.order).to.equal(6);
    } finally {
      view.remove();
    }
  });

  it('defines every element on request', async () => {
    const api = await loadBundle();
    await api.defineElements();
    const tags = [
      'il-incident-view',
      'il-incident-graph',
      'il-alert-timeline',
      'il-entity-flyout',
      'il-hunt-results',
      'il-verdict-badge',
      'il-incident-summary',
      'il-alert-queue',
      'il-asset-list',
      'il-investigations',
      'il-evidence-list',
      'il-incident-filters',
    ];
    for (const tag of tags) {
      expect(customElements.get(tag), tag).to.not.equal(undefined);
    }
  });
});
