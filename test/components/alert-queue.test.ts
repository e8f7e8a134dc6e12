import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/alert-queue/define.js';
import type { AlertQueue } from '../../src/components/alert-queue/alert-queue.js';
import { sortAlerts } from '../../src/components/alert-queue/queue-model.js';
import type { SelectionChangeEvent } from '../../src/components/shared/events.js';
import { readableValue } from '../../src/components/shared/readable-value.js';
import { styleProperties } from '../../src/components/shared/style-properties.js';
import type { Alert, IncidentSnapshot } from '../../src/model/types.js';
import { generateIncidentSnapshot } from '../fixtures/generated-incident.js';
import { viewSnapshot } from '../fixtures/view-snapshot.js';
import { SHARED_GRAPH_PAYLOADS, readySession, sampleSnapshots, sharedSnapshots } from './incident-view-data.js';

const minute = 60_000;

/** Three more alerts on the view snapshot: one at the same time as the first, one untimed. */
function queueSnapshot(): IncidentSnapshot {
  const snapshot = viewSnapshot();
  const first = snapshot.alerts[0]!;
  const extra: Alert[] = [
    { ...first, id: 'view-1-alert-0', title: 'Same time, higher severity', severity: 'high', serviceSource: 'microsoftDefenderForEndpoint', evidence: [] },
    { ...first, id: 'view-1-alert-3', title: 'Late sign-in', severity: 'low', status: 'resolved', category: 'InitialAccess', firstActivityTime: first.firstActivityTime! + 90 * minute, linkReason: 'Same user', evidence: [{ entityId: 'user:jdoe', roles: ['compromised'], detailedRoles: ['Main user'] }] },
    { ...first, id: 'view-1-alert-4', title: 'No time', severity: 'informational', firstActivityTime: undefined, lastActivityTime: undefined, evidence: [] },
  ];
  snapshot.alerts.push(...extra);
  return snapshot;
}

async function queueOf(snapshot: IncidentSnapshot): Promise<AlertQueue> {
  const session = readySession(snapshot);
  return fixture<AlertQueue>(html`<il-alert-queue .session=${session}></il-alert-queue>`);
}

function rowIds(queue: AlertQueue): string[] {
  return [...queue.shadowRoot!.querySelectorAll<HTMLElement>('tbody tr')].map((row) => row.dataset.alertId!);
}

/**
 * Widths of the queue's frame in the demo at viewports of 1280, 1024 and 700 px: beside the
 * incident list at the first two, and in the stacked narrow layout at 700 px.
 */
const FRAME_WIDTHS = [994, 738, 674] as const;

/** Builds the view snapshot with an unbroken long token in every text column of its first alert. */
function longValueSnapshot(): IncidentSnapshot {
  const snapshot = viewSnapshot();
  const hash = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
  const path = `C:\\ProgramData\\${'Microsoft\\Windows\\'.repeat(8)}svchost.exe`;
  snapshot.entities.push(
    { id: 'file:long', kind: 'file', displayName: path, properties: { path } } as IncidentSnapshot['entities'][number],
  );
  const alert = snapshot.alerts[0]!;
  alert.title = `Suspicious file ${hash}${hash} written`;
  alert.category = `customdetection:${hash}`;
  alert.serviceSource = undefined;
  alert.detectionSource = `customrule:${hash}`;
  alert.linkReason = `correlation:${hash}`;
  alert.evidence.unshift({ entityId: 'file:long', roles: [], detailedRoles: [`tag:${hash}`] });
  return snapshot;
}

/** Mounts the queue at a fixed width, as a block, and waits for its layout. */
async function queueAtWidth(snapshot: IncidentSnapshot, width: number): Promise<AlertQueue> {
  const session = readySession(snapshot);
  const queue = await fixture<AlertQueue>(
    html`<il-alert-queue style=${styleProperties({ display: 'block', width: `${width}px` })} .session=${session}></il-alert-queue>`,
  );
  await queue.updateComplete;
  return queue;
}

/** Asserts that the table fits its frame and that no header or cell cuts its content. */
function expectTableFits(queue: AlertQueue, label: string): void {
  const frame = queue.shadowRoot!.querySelector<HTMLElement>('.table-frame')!;
  expect(frame.scrollWidth, `${label}: table width within a frame of ${frame.clientWidth} px`).to.be.at.most(frame.clientWidth);
  for (const cell of queue.shadowRoot!.querySelectorAll<HTMLElement>('th, td')) {
    const row = cell.closest('tr')!.dataset.alertId ?? 'header';
    expect(cell.scrollWidth, `${label}: content width of a cell in row ${row}`).to.be.at.most(cell.clientWidth);
  }
}

async function choose(queue: AlertQueue, facet: string, label: string): Promise<void> {
  const select = queue.shadowRoot!.querySelector<HTMLSelectElement>(`select[data-facet="${facet}"]`)!;
  const option = [...select.options].find((item) => item.textContent!.trim() === label)!;
  select.value = option.value;
  select.dispatchEvent(new Event('change'));
  await queue.updateComplete;
}

describe('<il-alert-queue>', () => {
  describe('layout', () => {
    it('keeps titles whole beside long entity names', async () => {
      const snapshot = viewSnapshot();
      const longUrl = `https://cdn.example/${'segment/'.repeat(40)}payload.docm`;
      snapshot.entities.push({ id: 'url:long', kind: 'url', displayName: longUrl, properties: { url: longUrl } } as IncidentSnapshot['entities'][number]);
      snapshot.alerts[0]!.title = 'Email messages containing malicious URL removed after delivery';
      snapshot.alerts[0]!.evidence.unshift({ entityId: 'url:long', roles: [] });
      const session = readySession(snapshot);
      const queue = await fixture<AlertQueue>(html`<il-alert-queue style=${styleProperties({ display: 'block', width: '1100px' })} .session=${session}></il-alert-queue>`);
      await queue.updateComplete;

      const title = queue.shadowRoot!.querySelector<HTMLElement>(`.title-button[data-alert-id="${snapshot.alerts[0]!.id}"]`)!;
      const fontSize = parseFloat(getComputedStyle(title).fontSize);
      expect(title.getBoundingClientRect().width, 'title width in px').to.be.at.least(12 * fontSize - 1);
      const table = queue.shadowRoot!.querySelector('table')!;
      expect(table.getBoundingClientRect().width, 'the table fits the queue').to.be.at.most(1100);
    });

    it('fits the sample incidents at demo widths', async () => {
      for (const snapshot of sampleSnapshots()) {
        for (const width of FRAME_WIDTHS) {
          const queue = await queueAtWidth(snapshot, width);
          expectTableFits(queue, `incident ${snapshot.incident.id} at ${width} px`);
        }
      }
    });

    it('drops columns on a phone', async () => {
      // The queue's frame in the narrow view at a viewport of 390 px.
      for (const snapshot of sampleSnapshots()) {
        const queue = await queueAtWidth(snapshot, 366);
        expectTableFits(queue, `incident ${snapshot.incident.id} at 366 px`);
        const headers = [...queue.shadowRoot!.querySelectorAll<HTMLElement>('th')].filter((th) => th.offsetParent !== null);
        expect(headers.map((th) => th.dataset.column ?? 'entities')).to.deep.equal(['time', 'severity', 'title', 'entities']);
      }

      const mid = await queueAtWidth(sampleSnapshots()[0]!, 480);
      const columnShown = (queue: AlertQueue, column: string): boolean => queue.shadowRoot!.querySelector<HTMLElement>(`th[data-column="${column}"]`)!.offsetParent !== null;
      expect(columnShown(mid, 'status'), 'status at 480 px').to.equal(true);
      expect(columnShown(mid, 'source'), 'source at 480 px').to.equal(false);
      const wide = await queueAtWidth(sampleSnapshots()[0]!, 630);
      expect(columnShown(wide, 'source'), 'source at 630 px').to.equal(true);
    });

    it('wraps long unbroken values to fit', async () => {
      const snapshot = longValueSnapshot();
      for (const width of FRAME_WIDTHS) {
        const queue = await queueAtWidth(snapshot, width);
        expectTableFits(queue, `${width} px`);

        const row = queue.shadowRoot!.querySelector<HTMLElement>(`tr[data-alert-id="${snapshot.alerts[0]!.id}"]`)!;
        const text = row.textContent!.replace(/\s+/g, ' ');
        expect(text, 'title').to.contain(snapshot.alerts[0]!.title);
        expect(text, 'category').to.contain(readableValue(snapshot.alerts[0]!.category)!);
        expect(text, 'link reason').to.contain(snapshot.alerts[0]!.linkReason!);
      }
    });

    it('keeps first activity on one line when wide', async () => {
      const queue = await queueAtWidth(sampleSnapshots()[0]!, FRAME_WIDTHS[0]);
      // An inline element has one client rect per line box it spans.
      for (const time of queue.shadowRoot!.querySelectorAll<HTMLElement>('tbody .time')) {
        expect(time.getClientRects().length, time.textContent!).to.equal(1);
      }
    });
  });

  describe('accessibility', () => {
    it('passes an accessibility check', async () => {
      const queue = await queueOf(queueSnapshot());
      await expect(queue).to.be.accessible();
    });

    it('passes an accessibility check with the sample incident', async () => {
      const queue = await queueOf(sampleSnapshots()[0]!);
      await expect(queue).to.be.accessible();
    });
  });

  describe('order', () => {
    it('lists alerts in time order, high first at equal times', async () => {
      const queue = await queueOf(queueSnapshot());
      expect(rowIds(queue)).to.deep.equal(['view-1-alert-0', 'view-1-alert-1', 'view-1-alert-2', 'view-1-alert-3', 'view-1-alert-4']);
    });

    it('sorts by a column and reverses on a second press', async () => {
      const queue = await queueOf(queueSnapshot());
      const severity = queue.shadowRoot!.querySelector<HTMLButtonElement>('[data-sort="severity"]')!;
      severity.click();
      await queue.updateComplete;
      expect(rowIds(queue)).to.deep.equal(['view-1-alert-0', 'view-1-alert-2', 'view-1-alert-1', 'view-1-alert-3', 'view-1-alert-4']);
      expect(severity.closest('th')!.getAttribute('aria-sort')).to.equal('descending');

      severity.click();
      await queue.updateComplete;
      expect(rowIds(queue)[0]).to.equal('view-1-alert-4');
      expect(queue.sortDirection).to.equal('ascending');
    });

    it('keeps untimed alerts last in both time directions', () => {
      const alerts = queueSnapshot().alerts;
      expect(sortAlerts(alerts, 'time', 'descending').map((alert) => alert.id)).to.deep.equal([
        'view-1-alert-3', 'view-1-alert-2', 'view-1-alert-0', 'view-1-alert-1', 'view-1-alert-4',
      ]);
    });

    it('takes its sort from attributes', async () => {
      const session = readySession(queueSnapshot());
      const queue = await fixture<AlertQueue>(html`<il-alert-queue sort-by="title" sort-direction="descending" .session=${session}></il-alert-queue>`);
      expect(queue.visibleAlerts.map((alert) => alert.title)[0]).to.equal('Suspicious PowerShell command line');
    });
  });

  describe('filters', () => {
    it('filters by severity, status, source and category', async () => {
      const queue = await queueOf(queueSnapshot());
      await choose(queue, 'severities', 'High');
      expect(rowIds(queue)).to.deep.equal(['view-1-alert-0', 'view-1-alert-2']);

      await choose(queue, 'statuses', 'In progress');
      expect(rowIds(queue)).to.deep.equal(['view-1-alert-2']);

      queue.filters = {};
      await queue.updateComplete;
      await choose(queue, 'sources', 'Microsoft Defender for Endpoint');
      expect(rowIds(queue)).to.deep.equal(['view-1-alert-0']);

      queue.filters = {};
      await queue.updateComplete;
      await choose(queue, 'categories', 'Initial access');
      expect(rowIds(queue)).to.deep.equal(['view-1-alert-3']);
      expect(queue.filters).to.deep.equal({ categories: ['InitialAccess'] });
    });

    it('clears the filters with one button', async () => {
      const queue = await queueOf(queueSnapshot());
      await choose(queue, 'severities', 'Low');
      expect(rowIds(queue)).to.have.length(1);
      queue.shadowRoot!.querySelector<HTMLButtonElement>('[part="filters"] .text-button')!.click();
      await queue.updateComplete;
      expect(rowIds(queue)).to.have.length(5);
    });

    it('hides alerts outside the session range with a note', async () => {
      const snapshot = queueSnapshot();
      const session = readySession(snapshot);
      const queue = await fixture<AlertQueue>(html`<il-alert-queue .session=${session}></il-alert-queue>`);
      const start = snapshot.alerts[0]!.firstActivityTime!;
      session.setRange({ start: start + 10 * minute, end: start + 60 * minute });
      await queue.updateComplete;

      expect(rowIds(queue)).to.deep.equal(['view-1-alert-2', 'view-1-alert-4']);
      expect(queue.shadowRoot!.querySelector('[part="note"]')!.textContent).to.contain('3 alerts outside the selected time window are hidden');
    });

    it('says how many alerts the shared severities hide', async () => {
      const session = readySession(queueSnapshot());
      const queue = await fixture<AlertQueue>(html`<il-alert-queue .session=${session}></il-alert-queue>`);
      session.setFilters({ severities: ['high', 'medium'] });
      await queue.updateComplete;

      expect(rowIds(queue)).to.have.members(['view-1-alert-0', 'view-1-alert-1', 'view-1-alert-2']);
      const note = queue.shadowRoot!.querySelector('[part="note"]')!.textContent!.replace(/\s+/g, ' ');
      expect(note).to.contain('3 of 5 alerts');
      expect(note).to.contain('2 alerts of other severities are hidden by the shared filters.');

      session.setFilters({ severities: ['high', 'medium', 'low'] });
      await queue.updateComplete;
      expect(queue.shadowRoot!.querySelector('[part="note"]')!.textContent).to.contain('1 alert of another severity is hidden');

      session.setFilters({});
      await queue.updateComplete;
      expect(queue.shadowRoot!.querySelector('[part="note"]')!.textContent).to.not.contain('shared filters');
    });
  });

  describe('entities', () => {
    it('shows each alert\'s entities with roles and link reason', async () => {
      const queue = await queueOf(queueSnapshot());
      const row = queue.shadowRoot!.querySelector('tr[data-alert-id="view-1-alert-3"]')!;
      const text = row.textContent!.replace(/\s+/g, ' ');
      expect(text).to.contain('Jane Doe');
      expect(text).to.contain('(Compromised, Main user)');
      expect(text).to.contain('Linked: Same user');
    });

    it('lists the entities of every alert of the shared payloads', async function () {
      for (const path of SHARED_GRAPH_PAYLOADS) {
        const snapshots = await sharedSnapshots(this, path);
        for (const snapshot of snapshots) {
          const queue = await queueOf(snapshot);
          expect(rowIds(queue), path).to.have.length(snapshot.alerts.length);
          for (const alert of snapshot.alerts) {
            const listed = queue.shadowRoot!.querySelectorAll(`tr[data-alert-id="${CSS.escape(alert.id)}"] .entities li`).length;
            expect(listed, `${path} ${alert.id}`).to.equal(Math.min(4, alert.evidence.length));
          }
          await expect(queue).to.be.accessible();
        }
      }
    });
  });

  describe('selection', () => {
    it('selects an alert in the session as a user action', async () => {
      const snapshot = queueSnapshot();
      const session = readySession(snapshot);
      const queue = await fixture<AlertQueue>(html`<il-alert-queue .session=${session}></il-alert-queue>`);
      const events: SelectionChangeEvent[] = [];
      queue.addEventListener('il-selection-change', (event) => events.push(event));

      queue.shadowRoot!.querySelector<HTMLButtonElement>('button[data-alert-id="view-1-alert-2"]')!.click();
      await queue.updateComplete;

      expect(session.selection).to.deep.equal({ entityIds: [], alertIds: ['view-1-alert-2'] });
      expect(events.map((event) => event.detail)).to.deep.equal([{ entityIds: [], alertIds: ['view-1-alert-2'] }]);
      expect(queue.shadowRoot!.querySelector('tr[data-alert-id="view-1-alert-2"]')!.hasAttribute('data-selected')).to.equal(true);
    });

    it('fires nothing when the host sets the selection or sort', async () => {
      const session = readySession(queueSnapshot());
      const queue = await fixture<AlertQueue>(html`<il-alert-queue .session=${session}></il-alert-queue>`);
      let fired = 0;
      queue.addEventListener('il-selection-change', () => fired++);
      session.select({ alertIds: ['view-1-alert-1'] });
      queue.sortBy = 'severity';
      queue.filters = { severities: ['high'] };
      await queue.updateComplete;
      expect(fired).to.equal(0);
    });
  });

  describe('keyboard', () => {
    it('moves between rows with arrows and selects with Enter', async () => {
      const session = readySession(queueSnapshot());
      const queue = await fixture<AlertQueue>(html`<il-alert-queue .session=${session}></il-alert-queue>`);
      const first = queue.shadowRoot!.querySelector<HTMLButtonElement>('tbody .title-button')!;
      first.focus();

      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      expect((queue.shadowRoot!.activeElement as HTMLElement).dataset.alertId).to.equal('view-1-alert-2');
      await sendKeys({ press: 'End' });
      expect((queue.shadowRoot!.activeElement as HTMLElement).dataset.alertId).to.equal('view-1-alert-4');
      await sendKeys({ press: 'Home' });
      await sendKeys({ press: 'Enter' });
      expect(session.selection.alertIds).to.deep.equal(['view-1-alert-0']);
    });

    it('makes the rows one tab stop after the headers', async () => {
      const queue = await queueOf(queueSnapshot());
      const stops = [...queue.shadowRoot!.querySelectorAll<HTMLElement>('select, button')].filter((element) => element.tabIndex >= 0);
      // Four filters, six sortable headers and one row.
      expect(stops).to.have.length(11);
      for (let step = 0; step < stops.length; step++) await sendKeys({ press: 'Tab' });
      expect(queue.shadowRoot!.activeElement!.classList.contains('title-button')).to.equal(true);
    });
  });

  describe('scale', () => {
    it('renders a page of a large incident and shows more on request', async () => {
      const snapshot = generateIncidentSnapshot({ entityCount: 3000 });
      const queue = await queueOf(snapshot);
      expect(snapshot.alerts.length).to.be.greaterThan(200);
      expect(rowIds(queue)).to.have.length(200);
      queue.shadowRoot!.querySelector<HTMLButtonElement>('.more')!.click();
      await queue.updateComplete;
      expect(rowIds(queue)).to.have.length(Math.min(400, snapshot.alerts.length));
    });
  });
});
