import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/incident-graph/define.js';
import type { IncidentGraph } from '../src/model/graph-types.js';
import type { IncidentSnapshot } from '../src/model/types.js';
import { IncidentSession } from '../src/session/session.js';
import {
  createEmptyGraph,
  createFixtureGraph,
  createFixtureSnapshot,
  createSmallSnapshot,
  MID_INCIDENT,
} from '../test/fixtures/graph-snapshot.js';

interface GraphArgs {
  minZoom: number;
  maxZoom: number;
  height: number;
}

/** Returns a session on `snapshot`, after `prepare` moved its time or selection. */
function sessionOn(snapshot: IncidentSnapshot, prepare?: (session: IncidentSession) => void): IncidentSession {
  const session = new IncidentSession();
  session.setSnapshot(snapshot);
  prepare?.(session);
  return session;
}

function graphView(source: { session?: IncidentSession; graph?: IncidentGraph }, args: GraphArgs, style = ''): ReturnType<typeof html> {
  return html`
    <il-incident-graph
      style=${`height: ${args.height}px; ${style}`}
      .session=${source.session}
      .graph=${source.graph}
      min-zoom=${args.minZoom}
      max-zoom=${args.maxZoom}
    ></il-incident-graph>
  `;
}

const meta: Meta<GraphArgs> = {
  title: 'Components/il-incident-graph',
  component: 'il-incident-graph',
  tags: ['autodocs'],
  args: { minZoom: 0.1, maxZoom: 8, height: 480 },
  argTypes: {
    minZoom: { control: { type: 'number', min: 0.05, max: 1, step: 0.05 } },
    maxZoom: { control: { type: 'number', min: 1, max: 16, step: 1 } },
    height: { control: { type: 'number', min: 120, max: 900, step: 20 } },
  },
  render: (args) => graphView({ session: sessionOn(createFixtureSnapshot()) }, args),
};

export default meta;

type Story = StoryObj<GraphArgs>;

/**
 * A phishing document starts PowerShell, which drops and runs a payload that calls a
 * command-and-control server: three alerts, twelve entities, and a process tree whose root is a
 * ghost parent (explorer.exe) that no alert names as evidence.
 */
export const ProcessTree: Story = {};

/** One alert on a user, a device and a file. */
export const SmallIncident: Story = {
  render: (args) => graphView({ session: sessionOn(createSmallSnapshot()) }, args),
};

/** The time cursor between the second and third alert: the C2 alert, its IP and DNS name are hidden, and nothing else moves. */
export const TimeCursorMidIncident: Story = {
  render: (args) => graphView({ session: sessionOn(createFixtureSnapshot(), (session) => session.setTime(MID_INCIDENT)) }, args),
};

/** An alert selected: its entities and the relations among them stay, everything else is dimmed. */
export const SelectedAlert: Story = {
  render: (args) =>
    graphView({ session: sessionOn(createFixtureSnapshot(), (session) => session.select({ alertIds: ['alert-payload'] })) }, args),
};

/** An entity selected: its alerts and neighbours stay, everything else is dimmed. */
export const SelectedEntity: Story = {
  render: (args) =>
    graphView({ session: sessionOn(createFixtureSnapshot(), (session) => session.select({ entityIds: ['process-powershell'] })) }, args),
};

/** A graph without nodes shows a message; the listbox is named "0 alerts, 0 entities". */
export const Empty: Story = {
  render: (args) => graphView({ graph: createEmptyGraph() }, args),
};

/** A dark background, label and edge colour set through the element's custom properties. */
export const DarkBackground: Story = {
  render: (args) =>
    graphView(
      { session: sessionOn(createFixtureSnapshot()) },
      args,
      [
        '--il-incident-graph-background: #15171c',
        '--il-incident-graph-label-color: #e8e8ee',
        '--il-incident-graph-edge-color: #6f7480',
        '--il-incident-graph-node-color: #262a33',
        '--il-color-border: #454a55',
        '--il-color-surface-raised: #262a33',
        '--il-color-text: #e8e8ee',
      ].join('; '),
    ),
};

/**
 * A graphology graph the host built and keeps changing: it has two parallel edges and a
 * self-loop, and the button adds an IP address node, which the element lays out beside its
 * neighbour without moving the others.
 */
export const HostGraph: Story = {
  render: (args) => {
    const graph = createFixtureGraph();
    graph.addDirectedEdge('process-payload', 'ip-c2', { type: 'communicatesWith', roles: [] });
    graph.addDirectedEdge('ip-c2', 'process-payload', { type: 'communicatesWith', roles: [] });
    graph.addDirectedEdge('process-powershell', 'process-powershell', { type: 'injectsInto', roles: [] });
    let added = 0;
    const addNode = (): void => {
      added++;
      const id = `ip-extra-${added}`;
      graph.addNode(id, { kind: 'ip', label: `198.51.100.${added}`, verdict: 'suspicious' });
      graph.addDirectedEdge('process-payload', id, { type: 'communicatesWith', roles: [] });
    };
    return html`
      <button type="button" @click=${addNode}>Add an IP address</button>
      ${graphView({ graph }, args)}
    `;
  },
};
