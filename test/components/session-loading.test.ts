/**
 * An element given an adapter on a page where nothing imported the session module yet: the
 * session code loads on first use, then the element shows the adapter's incident. This file
 * imports no session module on purpose, so keep its imports to the graph and the adapter.
 */

import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/incident-graph/define.js';
import type { IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';
import { createStaticAdapter } from '../../src/adapter/static-adapter.js';
import { loadSessionClass, sessionClassNow } from '../../src/session/session-loader.js';
import { createFixtureSnapshot } from '../fixtures/graph-snapshot.js';
import { styleProperties } from '../../src/components/shared/style-properties.js';

describe('session code on first use', () => {
  it('is not loaded by the graph alone', () => {
    expect(sessionClassNow()).to.equal(undefined);
  });

  it('loads for an adapter and shows its incident', async () => {
    const snapshot = createFixtureSnapshot();
    const element = await fixture<IncidentGraphElement>(
      html`<il-incident-graph style=${styleProperties({ display: 'block', width: '600px', height: '400px' })}></il-incident-graph>`,
    );

    element.adapter = createStaticAdapter(snapshot);
    element.incidentId = snapshot.incident.id;

    await waitUntil(() => element.display.nodes.length > 0, 'the adapter incident was not shown', { timeout: 5000 });
    expect(sessionClassNow()).to.not.equal(undefined);
    expect(element.display.alertCount).to.equal(snapshot.alerts.length);
  });

  it('returns one class for every load', async () => {
    const [first, second] = await Promise.all([loadSessionClass(), loadSessionClass()]);
    expect(first).to.equal(second);
    expect(first).to.equal(sessionClassNow());
  });
});
