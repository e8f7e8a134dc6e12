/**
 * An incident with no alerts and no entities, such as the Microsoft Graph `incident-get`
 * response without `$expand=alerts`: the view's graph shows a message that there is nothing
 * to show instead of leaving a blank area.
 */

import { expect, fixture, html } from '@open-wc/testing';
import { createStaticAdapter } from '../../src/adapter/index.js';
import type { IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';
import '../../src/components/incident-view/define.js';
import type { IncidentView } from '../../src/components/incident-view/incident-view.js';
import { styleProperties } from '../../src/components/shared/style-properties.js';
import type { IncidentSnapshot } from '../../src/model/types.js';
import { readySession, sharedSnapshots } from './incident-view-data.js';

const INCIDENT_GET = 'msgraph/graph-v1.0_security-incident-get.response.json';

const size = styleProperties({ height: '720px', width: '1200px' });

/** Returns the graph of `view` once the view has loaded and the graph has rendered. */
async function graphOf(view: IncidentView): Promise<IncidentGraphElement> {
  await view.loaded;
  await view.updateComplete;
  const graph = view.shadowRoot!.querySelector<IncidentGraphElement>('il-incident-graph')!;
  await graph.layoutSettled;
  await graph.updateComplete;
  return graph;
}

/** Checks that the graph of an empty incident shows its empty message, visible to the user. */
function expectEmptyMessage(graph: IncidentGraphElement, label: string): void {
  const message = graph.shadowRoot!.querySelector<HTMLElement>('[part="empty"]');
  expect(message, `empty message of ${label}`).to.not.equal(null);
  expect(message!.textContent, `text of the empty message of ${label}`).to.equal('No alerts or entities to show.');

  // NOTE: ShadowRoot.elementFromPoint on this message crashed Debian's headless Chromium here,
  // so the check is on the message's box and computed style instead of a hit test.
  const box = message!.getBoundingClientRect();
  const area = graph.getBoundingClientRect();
  expect(box.width * box.height, `area of the empty message of ${label}`).to.be.greaterThan(0);
  expect(box.top, `top of the empty message of ${label}`).to.be.at.least(area.top);
  expect(box.bottom, `bottom of the empty message of ${label}`).to.be.at.most(area.bottom);
  expect(box.left, `left of the empty message of ${label}`).to.be.at.least(area.left);
  expect(box.right, `right of the empty message of ${label}`).to.be.at.most(area.right);
  const style = getComputedStyle(message!);
  expect(style.visibility, `visibility of the empty message of ${label}`).to.equal('visible');
  expect(Number(style.opacity), `opacity of the empty message of ${label}`).to.be.greaterThan(0);
}

describe('incident view without alerts or entities', () => {
  let snapshot: IncidentSnapshot;

  beforeEach(async function () {
    [snapshot] = await sharedSnapshots(this, INCIDENT_GET);
    expect(snapshot!.alerts, 'alerts of the incident-get sample').to.have.length(0);
    expect(snapshot!.entities, 'entities of the incident-get sample').to.have.length(0);
  });

  it('shows the graph empty message from a session', async () => {
    const view = await fixture<IncidentView>(html`<il-incident-view style=${size} .session=${readySession(snapshot)}></il-incident-view>`);

    expectEmptyMessage(await graphOf(view), 'a session');
  });

  it('shows the graph empty message from an adapter', async () => {
    const view = await fixture<IncidentView>(html`
      <il-incident-view style=${size} .adapter=${createStaticAdapter(snapshot)} incident-id=${snapshot.incident.id}></il-incident-view>
    `);

    expectEmptyMessage(await graphOf(view), 'an adapter');
  });
});
