/**
 * Compiles the Angular example (demo/frameworks/angular) in the browser and mounts it. Checks
 * what an Angular host relies on: `[adapter]` sets a property, a user's click reaches the
 * `(il-selection-change)` handler and the component's output once, and the view draws the
 * incident.
 */

import '@angular/compiler';
import { createComponent, type ApplicationRef, type ComponentRef } from '@angular/core';
import { createApplication } from '@angular/platform-browser';
import { expect, waitUntil } from '@open-wc/testing';
import { IncidentPanelComponent } from '../../demo/frameworks/angular/incident-panel.component.js';
import { sampleSnapshot } from '../../demo/frameworks/sample.js';
import type { SelectionChangeDetail } from '../../src/components/shared/events.js';
import type { IncidentSnapshot } from '../../src/model/types.js';
import { clickNode, findRendered, settleView, type ViewUnderTest } from './helpers.js';

describe('Angular example', () => {
  let application: ApplicationRef | undefined;
  let panel: ComponentRef<IncidentPanelComponent>;
  let container: HTMLElement;
  let snapshot: IncidentSnapshot;
  let selections: SelectionChangeDetail[];

  beforeEach(async () => {
    snapshot = sampleSnapshot();
    selections = [];
    container = document.createElement('div');
    container.style.width = '1200px';
    document.body.append(container);

    const angularApp = await createApplication();
    application = angularApp;
    panel = createComponent(IncidentPanelComponent, {
      environmentInjector: angularApp.injector,
      hostElement: container.appendChild(document.createElement('incident-panel')),
    });
    panel.setInput('snapshot', snapshot);
    panel.instance.selectionChange.subscribe((selection) => selections.push(selection));
    angularApp.attachView(panel.hostView);
    panel.changeDetectorRef.detectChanges();
  });

  afterEach(() => {
    application?.destroy();
    application = undefined;
    container?.remove();
  });

  it('sets the adapter as a property', async () => {
    const view = await findRendered<ViewUnderTest>(container, 'il-incident-view');

    expect((view.adapter as { loadIncident?: unknown }).loadIncident).to.be.a('function');
    expect(view.hasAttribute('adapter')).to.equal(false);
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
});
