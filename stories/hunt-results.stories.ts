import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import '../src/components/entity-flyout/define.js';
import '../src/components/hunt-results/define.js';
import type {
  AdapterCallOptions,
  EntityRef,
  HuntQuery,
  HuntRecord,
  HuntResult,
  IncidentDataAdapter,
} from '../src/adapter/adapter.js';
import type { HuntResults } from '../src/components/hunt-results/hunt-results.js';
import { FLYOUT_IDS, flyoutSession } from '../test/fixtures/flyout-snapshot.js';

interface HuntArgs {
  width: number;
  pageSize: number;
}

const TARGET: EntityRef = { incidentId: 'inc-4711', entityId: FLYOUT_IDS.device, kind: 'device' };

const END = Date.UTC(2026, 2, 14, 10, 0, 0);
const START = END - 7 * 24 * 3_600_000;

const QUERIES: HuntQuery[] = [
  {
    id: 'all-activity',
    name: 'All activity',
    description: 'Every event of this device in the 7 days before the incident was updated',
    query: 'union DeviceProcessEvents, DeviceNetworkEvents, DeviceFileEvents\n| where DeviceName == "ws-fin-07.contoso.com"\n| where Timestamp > ago(7d)',
  },
  {
    id: 'related-alerts',
    name: 'Related alerts',
    description: 'Alerts from other incidents that name this device',
    query: 'AlertEvidence\n| where DeviceName == "ws-fin-07.contoso.com"\n| join AlertInfo on AlertId',
  },
  { id: 'all-queries', name: 'All available queries', description: 'Open the query library for this entity kind' },
];

const ACTIONS = ['ProcessCreated', 'ConnectionSuccess', 'FileCreated', 'RegistryValueSet'];
const FILES = ['powershell.exe', 'invoice_88213.pdf.exe', 'rundll32.exe', 'updater.exe', 'cmd.exe'];

/** Builds `count` rows of device events, newest last, the same on every render. */
function deviceRows(count: number): HuntRecord[] {
  return Array.from({ length: count }, (_, index) => ({
    Timestamp: new Date(START + Math.round(((index + 1) / (count + 1)) * (END - START))).toISOString(),
    ActionType: ACTIONS[index % ACTIONS.length],
    FileName: FILES[(index * 3) % FILES.length],
    ProcessId: 7000 + ((index * 37) % 900),
    ProcessCommandLine:
      index % 5 === 0
        ? 'powershell.exe -NoProfile -WindowStyle Hidden -EncodedCommand SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA'
        : `"C:\\Windows\\System32\\${FILES[(index * 3) % FILES.length]}" /task ${index}`,
    AccountName: index % 4 === 0 ? 'system' : 'alice.wong',
    IsSigned: index % 3 !== 0,
  }));
}

function deviceResult(count: number): HuntResult {
  return {
    columns: [
      { name: 'Timestamp', type: 'datetime' },
      { name: 'ActionType', type: 'string' },
      { name: 'FileName', type: 'string' },
      { name: 'ProcessId', type: 'number' },
      { name: 'ProcessCommandLine', type: 'string' },
      { name: 'AccountName', type: 'string' },
      { name: 'IsSigned', type: 'boolean' },
    ],
    rows: deviceRows(count),
    start: START,
    end: END,
  };
}

/** Resolves after `ms` milliseconds, or rejects as soon as the signal aborts. */
function delay(ms: number, { signal }: AdapterCallOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new DOMException('The operation was aborted.', 'AbortError'));
    });
  });
}

interface StoryAdapterOptions {
  rows?: number;
  /** `hang` never resolves until the hunt is cancelled. */
  run?: 'answer' | 'fail' | 'hang';
  list?: 'answer' | 'fail';
  link?: 'answer' | 'fail' | 'absent';
}

/** An in-memory adapter that lists `QUERIES`, returns generated rows and logs linked rows. */
function storyAdapter(options: StoryAdapterOptions = {}): IncidentDataAdapter {
  const { rows = 42, run = 'answer', list = 'answer', link = 'answer' } = options;
  const adapter: IncidentDataAdapter = {
    loadIncident: () => Promise.reject(new Error('The hunt stories load no incident.')),
    async listHuntQueries(_target, callOptions) {
      await delay(300, callOptions);
      if (list === 'fail') throw new Error('The hunting service returned 503 Service Unavailable.');
      return QUERIES;
    },
    async runHunt(query, callOptions) {
      if (run === 'hang') await new Promise<never>((_, reject) => callOptions.signal.addEventListener('abort', () => reject(new Error('aborted'))));
      await delay(700, callOptions);
      if (run === 'fail') throw new Error('Query exceeded the 10-minute limit. Narrow the time range and run it again.');
      return deviceResult(query.id === 'related-alerts' ? Math.min(rows, 3) : rows);
    },
  };
  if (link !== 'absent') {
    adapter.linkToIncident = async (incidentId, records, callOptions) => {
      await delay(600, callOptions);
      if (link === 'fail') throw new Error(`Incident ${incidentId} is closed; reopen it to link events.`);
      console.info('linkToIncident', incidentId, records);
    };
  }
  return adapter;
}

function hunt(adapter: IncidentDataAdapter, args: HuntArgs): TemplateResult {
  return html`<il-hunt-results
    style=${`display: block; width: ${args.width}px; padding: 12px; border: 1px solid #8886`}
    .adapter=${adapter}
    .target=${TARGET}
    .pageSize=${args.pageSize}
    @il-hunt-complete=${(event: Event) => console.info('il-hunt-complete', (event as CustomEvent).detail)}
    @il-link-to-incident=${(event: Event) => console.info('il-link-to-incident', (event as CustomEvent).detail)}
  ></il-hunt-results>`;
}

/** Waits for the element's queries, then presses the Run button of `queryId`. */
async function runQuery(canvas: HTMLElement, queryId = 'all-activity'): Promise<HuntResults> {
  const element = canvas.querySelector<HuntResults>('il-hunt-results')!;
  for (let attempt = 0; attempt < 100; attempt++) {
    const button = element.shadowRoot?.querySelector<HTMLButtonElement>(`[data-query-id="${queryId}"] [part~="run-button"]`);
    if (button) {
      button.click();
      return element;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Query ${queryId} did not show within 5 seconds.`);
}

/** Waits for the results table, then selects the first `count` rows of the page. */
async function selectRows(element: HuntResults, count: number): Promise<void> {
  for (let attempt = 0; attempt < 100 && !element.shadowRoot!.querySelector('[part~="table"]'); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const boxes = [...element.shadowRoot!.querySelectorAll<HTMLInputElement>('tbody input[type="checkbox"]')];
  for (const box of boxes.slice(0, count)) box.click();
}

const meta: Meta<HuntArgs> = {
  title: 'Elements/il-hunt-results',
  component: 'il-hunt-results',
  tags: ['autodocs'],
  args: { width: 520, pageSize: 10 },
  argTypes: {
    width: { control: { type: 'range', min: 260, max: 1000, step: 20 } },
    pageSize: { control: { type: 'number', min: 1, max: 100 } },
  },
  render: (args) => hunt(storyAdapter(), args),
};

export default meta;

type Story = StoryObj<HuntArgs>;

/** The adapter's queries for a device, before any runs. */
export const Queries: Story = {};

/** Results of "All activity": 42 rows, 10 to a page, sortable by any column. */
export const Results: Story = {
  play: async ({ canvasElement }) => {
    await runQuery(canvasElement);
  },
};

/** 250 rows at 25 a page, with three rows selected for linking. */
export const ManyRowsSelected: Story = {
  args: { pageSize: 25 },
  render: (args) => hunt(storyAdapter({ rows: 250 }), args),
  play: async ({ canvasElement }) => {
    await selectRows(await runQuery(canvasElement), 3);
  },
};

/** A hunt that has not finished: progress and a Cancel button. */
export const Running: Story = {
  render: (args) => hunt(storyAdapter({ run: 'hang' }), args),
  play: async ({ canvasElement }) => {
    await runQuery(canvasElement);
  },
};

/** A hunt that failed, with the adapter's message. */
export const HuntFailed: Story = {
  render: (args) => hunt(storyAdapter({ run: 'fail' }), args),
  play: async ({ canvasElement }) => {
    await runQuery(canvasElement);
  },
};

/** The queries could not be listed, and Retry requests them again. */
export const QueriesFailed: Story = {
  render: (args) => hunt(storyAdapter({ list: 'fail' }), args),
};

/** A query that returned no rows. */
export const NoRows: Story = {
  render: (args) => hunt(storyAdapter({ rows: 0 }), args),
  play: async ({ canvasElement }) => {
    await runQuery(canvasElement);
  },
};

/** Linking fails: the adapter's message shows next to the button, which stays available to retry. */
export const LinkFailed: Story = {
  render: (args) => hunt(storyAdapter({ link: 'fail' }), args),
  play: async ({ canvasElement }) => {
    const element = await runQuery(canvasElement);
    await selectRows(element, 2);
    element.shadowRoot!.querySelector<HTMLButtonElement>('[part~="link-button"]')!.click();
  },
};

/** An adapter without `linkToIncident`: rows can be selected, but there is no link button. */
export const WithoutLinking: Story = {
  render: (args) => hunt(storyAdapter({ link: 'absent' }), args),
  play: async ({ canvasElement }) => {
    await runQuery(canvasElement);
  },
};

/** A narrow pane: the table scrolls inside its box and never widens the pane. */
export const Narrow: Story = {
  args: { width: 300 },
  play: async ({ canvasElement }) => {
    await runQuery(canvasElement);
  },
};

/** Go hunt inside the entity flyout, for the device on screen. */
export const InFlyout: Story = {
  render: (args) => html`<il-entity-flyout
    style=${`width: ${Math.max(args.width, 360)}px; height: 720px; border: 1px solid #8886`}
    .session=${flyoutSession(FLYOUT_IDS.device)}
    .adapter=${storyAdapter()}
  ></il-entity-flyout>`,
};
