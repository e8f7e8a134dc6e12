/**
 * End to end: the demo's sample incident in <il-incident-view>, a click on a process node in
 * the graph, and its command line in the entity flyout.
 */

import { expect, fixture, html } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { createStaticAdapter } from '../../src/adapter/static-adapter.js';
import type { EntityFlyout } from '../../src/components/entity-flyout/entity-flyout.js';
import type { IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';
import '../../src/components/incident-view/define.js';
import type { IncidentView } from '../../src/components/incident-view/incident-view.js';
import { fromMicrosoftGraph } from '../../src/formats/index.js';
import { styleProperties } from '../../src/components/shared/style-properties.js';
import { contosoPhishToMacro } from '../../demo/samples/index.js';

describe('demo sample end to end', () => {
  it('shows a clicked process command line', async () => {
    const [snapshot] = fromMicrosoftGraph(contosoPhishToMacro);
    const process = snapshot!.entities.find(
      (entity) => entity.kind === 'process' && String(entity.properties.processCommandLine ?? '').includes('powershell'),
    )!;
    const commandLine = String(process.properties.processCommandLine);

    const view = await fixture<IncidentView>(html`
      <il-incident-view style=${styleProperties({ height: '720px', width: '1200px' })} .adapter=${createStaticAdapter(snapshot!)} incident-id=${snapshot!.incident.id}></il-incident-view>
    `);
    await view.loaded;

    const graph = view.shadowRoot!.querySelector<IncidentGraphElement>('il-incident-graph')!;
    await graph.layoutSettled;
    await graph.fit();
    const point = graph.toScreen(process.id)!;
    const box = graph.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box.left + point.x), Math.round(box.top + point.y)] });
    await view.updateComplete;

    const flyout = view.shadowRoot!.querySelector<EntityFlyout>('il-entity-flyout');
    expect(flyout, 'the flyout opens for the selected entity').to.not.equal(null);
    await flyout!.updateComplete;
    expect(flyout!.shadowRoot!.textContent).to.contain(commandLine);
  });
});
