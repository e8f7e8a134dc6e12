/**
 * Mounts the Vue 3 example (demo/frameworks/vue) and checks what a Vue host relies on. Rich
 * data arrives as properties. A user's click reaches the `onIlSelectionChange` listener (what a
 * template's `@il-selection-change` compiles to) and the component's own event once. The view
 * draws the incident.
 */

import './vue-build-flags.js';
import { expect, waitUntil } from '@open-wc/testing';
import { createApp, type App } from 'vue';
import { incidentLensCompilerOptions } from '../../demo/frameworks/vue/compiler-options.js';
import { IncidentPanel } from '../../demo/frameworks/vue/incident-panel.js';
import { sampleSnapshot } from '../../demo/frameworks/sample.js';
import type { SelectionChangeDetail } from '../../src/components/shared/events.js';
import type { IncidentSnapshot } from '../../src/model/types.js';
import { clickNode, findRendered, settleView, type ViewUnderTest } from './helpers.js';

describe('Vue example', () => {
  let app: App | undefined;
  let container: HTMLElement;
  let snapshot: IncidentSnapshot;
  let selections: SelectionChangeDetail[];

  beforeEach(() => {
    snapshot = sampleSnapshot();
    selections = [];
    container = document.createElement('div');
    container.style.width = '1200px';
    document.body.append(container);
    const vueApp = createApp(IncidentPanel, {
      snapshot,
      onSelectionChange: (selection: SelectionChangeDetail) => selections.push(selection),
    });
    vueApp.mount(container);
    app = vueApp;
  });

  afterEach(() => {
    app?.unmount();
    app = undefined;
    container?.remove();
  });

  it('sets the adapter as a property', async () => {
    const view = await findRendered<ViewUnderTest>(container, 'il-incident-view');

    expect(view.adapter).to.be.an('object');
    expect((view.adapter as { loadIncident?: unknown }).loadIncident).to.be.a('function');
    expect(view.hasAttribute('adapter')).to.equal(false);
    expect(view.getAttribute('incident-id')).to.equal(snapshot.incident.id);
    expect(view.incidentId).to.equal(snapshot.incident.id);
  });

  it('draws every alert and entity', async () => {
    const view = await findRendered<ViewUnderTest>(container, 'il-incident-view');
    await settleView(view);

    expect(view.loadState).to.equal('ready');
    expect(view.graph!.order).to.equal(snapshot.alerts.length + snapshot.entities.length);
    expect(view.graph!.size).to.be.greaterThan(0);
  });

  it('handles a selection click once', async () => {
    const view = await findRendered<ViewUnderTest>(container, 'il-incident-view');
    const graph = await settleView(view);
    const entity = snapshot.entities.find((candidate) => candidate.kind === 'process')!;
    expect(selections, 'no selection before the click').to.have.length(0);

    await clickNode(graph, entity.id);
    const status = container.querySelector('.selection')!;
    await waitUntil(() => status.textContent!.includes(entity.id), 'the panel never showed the selection');

    expect(selections).to.have.length(1);
    expect(selections[0]!.entityIds).to.deep.equal([entity.id]);
  });

  it('compiler options mark only il- tags', () => {
    const { isCustomElement } = incidentLensCompilerOptions;

    expect(isCustomElement('il-incident-view')).to.equal(true);
    expect(isCustomElement('il-verdict-badge')).to.equal(true);
    expect(isCustomElement('incident-panel')).to.equal(false);
    expect(isCustomElement('div')).to.equal(false);
  });
});
