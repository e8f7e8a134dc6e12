import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createLiveStaticAdapter } from '../../src/adapter/static-adapter.js';
import '../../src/components/incident-view/define.js';
import { fromMicrosoftGraph } from '../../src/formats/index.js';
import { applyIncidentPatch } from '../../src/model/apply-patch.js';
import { contosoPhishToMacro } from '../../demo/samples/index.js';
import { simulatedPatch } from '../../demo/live-simulation.js';

const meta: Meta = {
  title: 'Guides/Live updates',
  component: 'il-incident-view',
  parameters: {
    layout: 'fullscreen',
    docs: {
      description: {
        component:
          'An adapter with `subscribe` delivers `IncidentPatch` objects while the incident is open. Each press of the button ' +
          'sends one made-up patch: a new alert with a new IP address, and every second time a raised verdict. Nodes already ' +
          'drawn keep their positions, and the new ones are placed beside their neighbours.',
      },
    },
  },
};

export default meta;

/** The sample incident through `createLiveStaticAdapter`, with a button that pushes the next patch. */
export const SendPatches: StoryObj = {
  render: () => {
    let [snapshot] = fromMicrosoftGraph(contosoPhishToMacro);
    const adapter = createLiveStaticAdapter(snapshot!);
    let sequence = 0;

    const send = (event: Event): void => {
      const patch = simulatedPatch(snapshot!, sequence + 1);
      if (patch === undefined) return;
      sequence++;
      snapshot = applyIncidentPatch(snapshot!, patch);
      adapter.push(snapshot.incident.id, patch);
      (event.currentTarget as HTMLButtonElement).textContent = `Send live update ${sequence + 1}`;
    };

    return html`
      <div style="padding: 8px">
        <button type="button" @click=${send}>Send live update 1</button>
      </div>
      <il-incident-view style="height: 720px" .adapter=${adapter} incident-id=${snapshot!.incident.id}></il-incident-view>
    `;
  },
};
