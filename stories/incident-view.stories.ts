import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { IncidentDataAdapter } from '../src/adapter/adapter.js';
import { createStaticAdapter } from '../src/adapter/static-adapter.js';
import '../src/components/incident-view/define.js';
import { styleProperties } from '../src/components/shared/style-properties.js';
import { fromMicrosoftGraph } from '../src/formats/index.js';
import { IncidentSession } from '../src/session/session.js';
import { sampleIncidents } from '../demo/samples/index.js';
import { viewSnapshot } from '../test/fixtures/view-snapshot.js';

const snapshots = sampleIncidents.flatMap((payload) => fromMicrosoftGraph(payload));
const adapter = createStaticAdapter(snapshots);

interface ViewArgs {
  incidentId: string;
}

const meta: Meta<ViewArgs> = {
  title: 'Elements/il-incident-view',
  component: 'il-incident-view',
  tags: ['autodocs'],
  parameters: { layout: 'fullscreen' },
  args: { incidentId: snapshots[0]?.incident.id ?? '' },
  argTypes: {
    incidentId: {
      control: 'select',
      options: snapshots.map((snapshot) => snapshot.incident.id),
    },
  },
  render: ({ incidentId }) => html`
    <il-incident-view style="height: 760px" .adapter=${adapter} incident-id=${incidentId}></il-incident-view>
  `,
};

export default meta;

type Story = StoryObj<ViewArgs>;

/** The project's phishing-to-ransomware sample incident, loaded through the static adapter. */
export const SampleIncident: Story = {};

/** The second sample, written in the published payloads' shape (PascalCase enums, `tags`). */
export const PublishedShape: Story = {
  args: { incidentId: snapshots[1]?.incident.id ?? '' },
};

/**
 * `theme="dark"` on the view forces the dark theme on it and on everything it renders, the
 * graph's canvas included, whatever the toolbar or the system prefers.
 */
export const ForcedDarkTheme: Story = {
  render: ({ incidentId }) => html`
    <il-incident-view theme="dark" style=${styleProperties({ height: '760px' })} .adapter=${adapter} incident-id=${incidentId}></il-incident-view>
  `,
};

/** An entity selected: the flyout opens beside the graph. */
export const EntitySelected: Story = {
  render: () => {
    const session = new IncidentSession();
    session.setSnapshot(snapshots[0]!);
    const process = session.snapshot!.entities.find((entity) => entity.kind === 'process');
    if (process) session.select({ entityIds: [process.id] });
    return html`<il-incident-view style="height: 760px" .session=${session}></il-incident-view>`;
  },
};

/** An alert selected: its properties, the alerts that caused it and its entities. */
export const AlertSelected: Story = {
  render: () => {
    const session = new IncidentSession();
    session.setSnapshot(snapshots[0]!);
    const alert = session.snapshot!.alerts.at(-1);
    if (alert) session.select({ alertIds: [alert.id] });
    return html`<il-incident-view style="height: 760px" .session=${session}></il-incident-view>`;
  },
};

/**
 * Two entities and an alert selected, as Shift-click, a box or a lasso in the graph would select
 * them: the pane shows how many are selected, lists them with their badges, and opens one on click.
 */
export const SeveralSelected: Story = {
  render: () => {
    const session = new IncidentSession();
    session.setSnapshot(snapshots[0]!);
    const entityIds = session.snapshot!.entities.slice(0, 2).map((entity) => entity.id);
    const alertIds = session.snapshot!.alerts.slice(0, 1).map((alert) => alert.id);
    session.select({ entityIds, alertIds });
    return html`<il-incident-view style=${styleProperties({ height: '760px' })} .session=${session}></il-incident-view>`;
  },
};

/**
 * A view 390 px wide in a page that scrolls, with `--il-incident-view-height: auto`: it stacks
 * the graph, the timeline and the pane, and grows with them. The graph leaves the wheel and one
 * finger to the page, and moves with Ctrl or Cmd and the wheel, a pinch or two fingers.
 */
export const NarrowInPage: Story = {
  render: ({ incidentId }) => html`
    <il-incident-view
      style=${styleProperties({ width: '390px', '--il-incident-view-height': 'auto' })}
      .adapter=${adapter}
      incident-id=${incidentId}
    ></il-incident-view>
  `,
};

/** Time cursor in the middle of the incident: only what existed by then is drawn. */
export const MidIncident: Story = {
  render: () => {
    const session = new IncidentSession();
    session.setSnapshot(snapshots[0]!);
    const bounds = session.timeBounds;
    if (bounds) session.setTime(bounds.start + (bounds.end - bounds.start) / 2);
    return html`<il-incident-view style="height: 760px" .session=${session}></il-incident-view>`;
  },
};

/** A snapshot with a relation to a missing entity: the notice lists the data issue. */
export const WithDataIssues: Story = {
  render: () => html`
    <il-incident-view style="height: 640px" .adapter=${createStaticAdapter(viewSnapshot())} incident-id="view-1"></il-incident-view>
  `,
};

const pending: IncidentDataAdapter = { loadIncident: () => new Promise(() => undefined) };

/** Waiting for the adapter. */
export const Loading: Story = {
  render: () => html`<il-incident-view style="height: 320px" .adapter=${pending} incident-id="slow"></il-incident-view>`,
};

const failing: IncidentDataAdapter = {
  loadIncident: async (id) => {
    throw new Error(`Incident "${id}" could not be read: the service returned HTTP 503.`);
  },
};

/** The adapter failed: the error and a retry button. */
export const LoadError: Story = {
  render: () => html`<il-incident-view style="height: 320px" .adapter=${failing} incident-id="2972395"></il-incident-view>`,
};

/** No adapter or session yet. */
export const Idle: Story = {
  render: () => html`<il-incident-view style="height: 200px"></il-incident-view>`,
};
