import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/incident-graph/define.js';
import type { IncidentGraph } from '../src/model/graph-types.js';
import { IncidentSession } from '../src/session/session.js';
import { incidentOf, ransomwareSnapshot, sessionOn } from './graph-story-data.js';
import {
  createEmptyGraph,
  createFixtureGraph,
  createFixtureSnapshot,
  createSmallSnapshot,
  MID_INCIDENT,
} from '../test/fixtures/graph-snapshot.js';
import { generateIncidentSnapshot } from '../test/fixtures/generated-incident.js';
import type { Entity, Relation } from '../src/model/types.js';

interface GraphArgs {
  minZoom: number;
  maxZoom: number;
  height: number;
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
  title: 'Elements/il-incident-graph',
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

/** One alert on a single device: two nodes. */
export const OneNode: Story = {
  render: (args) =>
    graphView(
      {
        session: sessionOn(
          incidentOf('One device', [{ id: 'device-lone', kind: 'device', displayName: 'WS-LONE-001', verdict: 'suspicious', properties: {} }], [], ['device-lone']),
        ),
      },
      args,
    ),
};

/** A chain of seven entities: a mailbox, a URL, the file it served, the process of that file, an IP address, its host and a user. */
export const Chain: Story = {
  render: (args) => {
    const entities: Entity[] = [
      { id: 'mailbox-a', kind: 'mailbox', displayName: 'ava@contoso.example', properties: {} },
      { id: 'url-a', kind: 'url', displayName: 'https://files.example/invoice', verdict: 'suspicious', properties: {} },
      { id: 'file-a', kind: 'file', displayName: 'invoice.iso', verdict: 'malicious', properties: {} },
      { id: 'process-a', kind: 'process', displayName: 'loader.exe', verdict: 'malicious', properties: {} },
      { id: 'ip-a', kind: 'ip', displayName: '198.51.100.7', verdict: 'suspicious', properties: {} },
      { id: 'device-b', kind: 'device', displayName: 'SRV-FILES-02', properties: {} },
      { id: 'user-b', kind: 'user', displayName: 'CONTOSO\\svc-backup', verdict: 'suspicious', properties: {} },
    ];
    const relations: Relation[] = [
      { source: 'mailbox-a', target: 'url-a', type: 'containsUrl' },
      { source: 'url-a', target: 'file-a', type: 'downloaded' },
      { source: 'process-a', target: 'file-a', type: 'imageFile' },
      { source: 'process-a', target: 'ip-a', type: 'communicatesWith' },
      { source: 'device-b', target: 'ip-a', type: 'hasIp' },
      { source: 'user-b', target: 'device-b', type: 'loggedOn' },
    ];
    return graphView({ session: sessionOn(incidentOf('Chain', entities, relations, ['mailbox-a', 'process-a'])) }, args);
  },
};

/** A process tree three levels deep under one device: 1 root, 3 children, 9 grandchildren. */
export const ThreeLevelProcessTree: Story = {
  render: (args) => {
    const entities: Entity[] = [{ id: 'device-tree', kind: 'device', displayName: 'WS-DEV-017', verdict: 'malicious', properties: {} }];
    const relations: Relation[] = [];
    const addProcess = (id: string, name: string, parent: string | undefined): void => {
      entities.push({ id, kind: 'process', displayName: name, verdict: parent ? 'suspicious' : 'unknown', properties: {} });
      relations.push(parent ? { source: id, target: parent, type: 'parentProcess' } : { source: id, target: 'device-tree', type: 'runsOn' });
    };
    addProcess('process-root', 'explorer.exe', undefined);
    for (const child of ['cmd.exe', 'powershell.exe', 'wscript.exe']) {
      addProcess(`process-${child}`, child, 'process-root');
      for (const grandchild of ['whoami.exe', 'net.exe', 'certutil.exe']) {
        addProcess(`process-${child}-${grandchild}`, grandchild, `process-${child}`);
      }
    }
    return graphView({ session: sessionOn(incidentOf('Process tree', entities, relations, ['device-tree', 'process-powershell.exe'])) }, args);
  },
};

/** A hub: one server that runs 60 processes, each linked to it, and one alert on the server. */
export const Hub: Story = {
  render: (args) => {
    const entities: Entity[] = [{ id: 'device-hub', kind: 'device', displayName: 'SRV-HUB-01', verdict: 'suspicious', properties: {} }];
    const relations: Relation[] = [];
    for (let index = 0; index < 60; index++) {
      entities.push({ id: `process-${index}`, kind: 'process', displayName: `svchost.exe (${4000 + index})`, properties: {} });
      relations.push({ source: `process-${index}`, target: 'device-hub', type: 'runsOn' });
    }
    return graphView({ session: sessionOn(incidentOf('Hub device', entities, relations, ['device-hub', 'process-0'])) }, args);
  },
};

/**
 * An alert that involves one device and 20 files that nothing else links to. With a group
 * threshold of 10 the files collapse into one group node; double-click or Enter expands it.
 */
export const GroupedIncident: Story = {
  render: (args) => {
    const session = sessionOn(ransomwareSnapshot(20));
    return html`
      <il-incident-graph
        style=${`height: ${args.height}px`}
        .session=${session}
        .groupThreshold=${10}
        min-zoom=${args.minZoom}
        max-zoom=${args.maxZoom}
      ></il-incident-graph>
    `;
  },
};

/**
 * A generated incident of 10,000 entities and 1,000 alerts (about 25,000 edges), the same every
 * time. The layout takes a while: the picture settles as it runs.
 */
export const TenThousandEntities: Story = {
  args: { height: 600 },
  render: (args) => graphView({ session: sessionOn(generateIncidentSnapshot({ entityCount: 10_000 })) }, args),
};

/**
 * Right-to-left and long labels: Arabic and Hebrew names, a 300-character command line, and
 * emoji in a file name and a mailbox name.
 */
export const RightToLeftAndLongLabels: Story = {
  render: (args) => {
    const commandLine = `powershell.exe -NoProfile -ExecutionPolicy Bypass -EncodedCommand ${'SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQA'.repeat(6)}`.slice(0, 300);
    const entities: Entity[] = [
      { id: 'user-arabic', kind: 'user', displayName: 'محمد عبد الله', verdict: 'suspicious', properties: {} },
      { id: 'user-hebrew', kind: 'user', displayName: 'יעל כהן', properties: {} },
      { id: 'device-arabic', kind: 'device', displayName: 'حاسوب-المالية-٠٤٢', verdict: 'malicious', properties: {} },
      { id: 'process-long', kind: 'process', displayName: commandLine, verdict: 'malicious', properties: {} },
      { id: 'file-emoji', kind: 'file', displayName: '🎉 bonus_2024 💰.xlsm', verdict: 'suspicious', properties: {} },
      { id: 'mailbox-emoji', kind: 'mailbox', displayName: '🦊 fox@contoso.example', properties: {} },
    ];
    const relations: Relation[] = [
      { source: 'user-arabic', target: 'device-arabic', type: 'loggedOn' },
      { source: 'user-hebrew', target: 'device-arabic', type: 'loggedOn' },
      { source: 'process-long', target: 'device-arabic', type: 'runsOn' },
      { source: 'process-long', target: 'user-arabic', type: 'runsAs' },
      { source: 'process-long', target: 'file-emoji', type: 'imageFile' },
      { source: 'mailbox-emoji', target: 'user-hebrew', type: 'mailboxOf' },
    ];
    return graphView({ session: sessionOn(incidentOf('تنبيه: نشاط مشبوه', entities, relations, entities.map((entity) => entity.id))) }, args);
  },
};

/**
 * The dark theme, forced with `theme="dark"`: every colour of the element and its canvas,
 * verdict rings among them, switches to the dark palette, whatever the page's colour scheme.
 */
export const DarkTheme: Story = {
  render: (args) => html`
    <div style="padding: 16px; background: #101216">
      <il-incident-graph
        theme="dark"
        style=${`height: ${args.height}px`}
        .session=${sessionOn(createFixtureSnapshot())}
        min-zoom=${args.minZoom}
        max-zoom=${args.maxZoom}
      ></il-incident-graph>
    </div>
  `,
};
