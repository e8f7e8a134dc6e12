import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/hunt-results/define.js';
import type { HuntResults } from '../../src/components/hunt-results/hunt-results.js';
import type { HuntCompleteEvent, LinkToIncidentEvent } from '../../src/components/hunt-results/events.js';
import type { EntityRef } from '../../src/adapter/adapter.js';
import { styleProperties } from '../../src/components/shared/style-properties.js';
import {
  END,
  OTHER_TARGET,
  QUERIES,
  START,
  TARGET,
  huntResult,
  scriptedAdapter,
  type ScriptedAdapter,
} from './hunt-results-adapters.js';

async function huntFor(adapter: ScriptedAdapter | undefined, target: EntityRef | undefined = TARGET, pageSize = 20): Promise<HuntResults> {
  return fixture<HuntResults>(
    html`<il-hunt-results style=${styleProperties({ display: 'block', width: '420px' })} .adapter=${adapter} .target=${target} .pageSize=${pageSize}></il-hunt-results>`,
  );
}

function $(el: HuntResults, selector: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(selector);
}

function $$(el: HuntResults, selector: string): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
}

function runButton(el: HuntResults, queryId: string): HTMLButtonElement {
  return $(el, `[data-query-id="${queryId}"] [part~="run-button"]`) as HTMLButtonElement;
}

async function queriesShown(el: HuntResults): Promise<void> {
  await waitUntil(() => $$(el, '[part~="query"]').length > 0, 'the queries never showed');
}

async function resultsShown(el: HuntResults): Promise<void> {
  await waitUntil(() => $(el, '[part~="table"]') !== null || $(el, '[part~="results"]') !== null, 'the results never showed');
  await el.updateComplete;
}

/** Text of one column's cells on the page shown, top to bottom. */
function columnText(el: HuntResults, column: string): string[] {
  const headers = $$(el, 'th');
  const index = headers.findIndex((th) => th.dataset.column === column);
  return $$(el, 'tbody tr').map((row) => row.children[index]!.textContent!.trim());
}

function statusText(el: HuntResults): string {
  return $(el, '[part~="status"] [role="status"]')!.textContent!.trim();
}

/** Waits until the element's microtasks and renders settle, for checks that nothing changed. */
async function settle(el: HuntResults): Promise<void> {
  for (let round = 0; round < 3; round++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await el.updateComplete;
  }
}

describe('<il-hunt-results>', () => {
  describe('queries', () => {
    it('lists the adapter queries for the target', async () => {
      const adapter = scriptedAdapter();
      const el = await huntFor(adapter);
      await queriesShown(el);

      expect(adapter.listCalls).to.have.length(1);
      expect(adapter.listCalls[0]!.target).to.deep.equal(TARGET);
      expect($$(el, '.query-name').map((node) => node.textContent)).to.deep.equal(['All activity', 'Related alerts']);
      expect($(el, '[data-query-id="all-activity"] .query-description')!.textContent).to.equal(QUERIES[0]!.description);
      expect($(el, '[data-query-id="all-activity"] pre')!.textContent).to.equal(QUERIES[0]!.query);
      expect($(el, '[data-query-id="related-alerts"] pre')).to.equal(null);
    });

    it('names each run button after its query', async () => {
      const el = await huntFor(scriptedAdapter());
      await queriesShown(el);
      const button = runButton(el, 'related-alerts');
      const ids = button.getAttribute('aria-labelledby')!.split(' ');
      const name = ids.map((id) => el.shadowRoot!.getElementById(id)!.textContent!.trim()).join(' ');

      expect(name).to.equal('Run Related alerts');
    });

    it('shows a loading state, then the queries', async () => {
      const adapter = scriptedAdapter({ list: 'wait' });
      const el = await huntFor(adapter);

      expect($(el, '.hint[role="status"]')!.textContent).to.contain('Loading');
      adapter.pendingLists[0]!.resolve(QUERIES);
      await queriesShown(el);
      expect($$(el, '[part~="query"]')).to.have.length(2);
    });

    it('reports a failed listing and retries', async () => {
      const adapter = scriptedAdapter({ list: 'fail' });
      const el = await huntFor(adapter);
      await waitUntil(() => $(el, '[role="alert"]') !== null, 'no error shown');

      expect($(el, '[role="alert"]')!.textContent).to.contain('Hunting service unavailable (503).');
      $(el, '[role="alert"] button')!.click();
      await el.updateComplete;
      expect(adapter.listCalls).to.have.length(2);
    });

    it('says when the adapter has no queries', async () => {
      const el = await huntFor(scriptedAdapter({ queries: [] }));
      await waitUntil(() => $(el, '.hint')?.textContent?.includes('No hunting queries'), 'no empty state shown');
    });

    it('offers nothing to run without the hunt capabilities', async () => {
      const el = await huntFor({ loadIncident: () => Promise.reject(new Error('unused')) } as unknown as ScriptedAdapter);

      expect($$(el, '[part~="query"]')).to.have.length(0);
      expect($(el, '.hint')!.textContent).to.equal('Hunting is not available for this incident.');
    });

    it('keeps the queries when the host sets an equal target', async () => {
      const adapter = scriptedAdapter();
      const el = await huntFor(adapter);
      await queriesShown(el);
      el.target = { ...TARGET };
      await settle(el);

      expect(adapter.listCalls).to.have.length(1);
      expect($$(el, '[part~="query"]')).to.have.length(2);
    });
  });

  describe('running a hunt', () => {
    it('shows rows, row count and time range', async () => {
      const el = await huntFor(scriptedAdapter({ rowCount: 5 }));
      await queriesShown(el);
      runButton(el, 'all-activity').click();
      await resultsShown(el);

      expect($(el, '.row-count')!.textContent).to.equal('5 rows');
      expect($(el, '.time-range')!.textContent).to.equal('From 03/07/2026, 12:00:00 AM UTC to 03/14/2026, 12:00:00 AM UTC');
      expect($(el, '.time-range')!.dataset.start).to.equal(String(START));
      expect($(el, '.time-range')!.dataset.end).to.equal(String(END));
      expect($$(el, 'tbody tr')).to.have.length(5);
      expect(columnText(el, 'Timestamp')[1]).to.equal('03/07/2026, 12:01:00 AM UTC');
      expect(columnText(el, 'IsSigned').slice(0, 2)).to.deep.equal(['Yes', 'No']);
    });

    it('passes the target with a query that has none', async () => {
      const adapter = scriptedAdapter();
      const el = await huntFor(adapter);
      await queriesShown(el);
      runButton(el, 'related-alerts').click();
      await resultsShown(el);

      expect(adapter.runCalls[0]!.query.id).to.equal('related-alerts');
      expect(adapter.runCalls[0]!.query.target).to.deep.equal(TARGET);
    });

    it('fires il-hunt-complete with the result', async () => {
      const el = await huntFor(scriptedAdapter({ rowCount: 3 }));
      await queriesShown(el);
      const complete = oneEvent(el, 'il-hunt-complete') as Promise<HuntCompleteEvent>;
      runButton(el, 'all-activity').click();
      const event = await complete;

      expect(event.bubbles).to.equal(true);
      expect(event.composed).to.equal(true);
      expect(event.detail.status).to.equal('succeeded');
      expect(event.detail.query.id).to.equal('all-activity');
      expect(event.detail.target).to.deep.equal(TARGET);
      expect(event.detail.result!.rows).to.have.length(3);
    });

    it('reports a failed hunt in place and by event', async () => {
      const el = await huntFor(scriptedAdapter({ run: 'fail' }));
      await queriesShown(el);
      const complete = oneEvent(el, 'il-hunt-complete') as Promise<HuntCompleteEvent>;
      runButton(el, 'all-activity').click();
      const event = await complete;
      await el.updateComplete;

      expect(event.detail.status).to.equal('failed');
      expect((event.detail.error as Error).message).to.equal('Query timed out after 30 s.');
      expect(statusText(el)).to.equal('All activity failed: Query timed out after 30 s.');
      expect($(el, '[part~="status"]')!.dataset.state).to.equal('failed');
      expect($(el, '[part~="table"]')).to.equal(null);
    });

    it('says when the query returned no rows', async () => {
      const el = await huntFor(scriptedAdapter({ rowCount: 0 }));
      await queriesShown(el);
      runButton(el, 'all-activity').click();
      await resultsShown(el);

      expect($(el, '.row-count')!.textContent).to.equal('0 rows');
      expect($(el, '.results .hint')!.textContent).to.equal('The query returned no rows.');
      expect($(el, '[part~="table"]')).to.equal(null);
    });

    it('shows progress and cancels a hung hunt', async () => {
      const adapter = scriptedAdapter({ run: 'wait' });
      const el = await huntFor(adapter);
      await queriesShown(el);
      let completed = 0;
      el.addEventListener('il-hunt-complete', () => completed++);
      runButton(el, 'all-activity').click();
      await el.updateComplete;

      expect(statusText(el)).to.equal('Running All activity…');
      expect(runButton(el, 'all-activity').getAttribute('aria-disabled')).to.equal('true');
      // The status line sits under the whole list, so the query's own button shows it runs.
      expect(runButton(el, 'all-activity').textContent!.trim()).to.equal('Running…');
      $(el, '[part~="status"] button')!.click();
      await settle(el);

      expect(adapter.runCalls[0]!.options.signal.aborted).to.equal(true);
      expect(statusText(el)).to.equal('All activity was cancelled.');
      expect(completed, 'a cancelled hunt fires no event').to.equal(0);
    });

    it('ignores a second click on a running query', async () => {
      const adapter = scriptedAdapter({ run: 'wait' });
      const el = await huntFor(adapter);
      await queriesShown(el);
      runButton(el, 'all-activity').click();
      runButton(el, 'all-activity').click();
      await el.updateComplete;

      expect(adapter.runCalls).to.have.length(1);
      expect(adapter.runCalls[0]!.options.signal.aborted).to.equal(false);
    });

    it('aborts the running hunt when another query runs', async () => {
      const adapter = scriptedAdapter({ run: 'wait', ignoreSignal: true });
      const el = await huntFor(adapter);
      await queriesShown(el);
      runButton(el, 'all-activity').click();
      runButton(el, 'related-alerts').click();
      await el.updateComplete;

      expect(adapter.runCalls[0]!.options.signal.aborted).to.equal(true);
      // The results arrive out of order: the second query first, then the aborted one.
      adapter.pendingRuns[1]!.resolve(huntResult(2));
      await resultsShown(el);
      adapter.pendingRuns[0]!.resolve(huntResult(9));
      await settle(el);

      expect($(el, 'caption')!.textContent).to.equal('Results of Related alerts');
      expect($$(el, 'tbody tr')).to.have.length(2);
    });
  });

  describe('target changes', () => {
    it('aborts a hung listing and lists for the new target', async () => {
      const adapter = scriptedAdapter({ list: 'wait' });
      const el = await huntFor(adapter);
      el.target = OTHER_TARGET;
      await el.updateComplete;

      expect(adapter.listCalls[0]!.options.signal.aborted).to.equal(true);
      expect(adapter.listCalls[1]!.target).to.deep.equal(OTHER_TARGET);
    });

    it('discards queries that arrive for the old target', async () => {
      const adapter = scriptedAdapter({ list: 'wait', ignoreSignal: true });
      const el = await huntFor(adapter);
      el.target = OTHER_TARGET;
      await el.updateComplete;

      adapter.pendingLists[1]!.resolve([{ id: 'user-signins', name: 'Sign-ins' }]);
      await queriesShown(el);
      adapter.pendingLists[0]!.resolve(QUERIES);
      await settle(el);

      expect($$(el, '.query-name').map((node) => node.textContent)).to.deep.equal(['Sign-ins']);
    });

    it('aborts a running hunt and discards its late rows', async () => {
      const adapter = scriptedAdapter({ run: 'wait', ignoreSignal: true });
      const el = await huntFor(adapter);
      await queriesShown(el);
      let completed = 0;
      el.addEventListener('il-hunt-complete', () => completed++);
      runButton(el, 'all-activity').click();
      await el.updateComplete;

      el.target = OTHER_TARGET;
      await el.updateComplete;
      expect(adapter.runCalls[0]!.options.signal.aborted).to.equal(true);

      adapter.pendingRuns[0]!.resolve(huntResult(4));
      await settle(el);
      expect($(el, '[part~="results"]')).to.equal(null);
      expect($(el, '[part~="status"]')!.hidden).to.equal(true);
      expect(completed).to.equal(0);
    });

    it('aborts calls when removed from the page', async () => {
      const adapter = scriptedAdapter({ list: 'wait' });
      const el = await huntFor(adapter);
      el.remove();

      expect(adapter.listCalls[0]!.options.signal.aborted).to.equal(true);
    });

    it('fires no event when the host sets properties', async () => {
      const adapter = scriptedAdapter();
      const events: string[] = [];
      const record = (event: Event): void => {
        events.push(event.type);
      };
      document.addEventListener('il-hunt-complete', record);
      document.addEventListener('il-link-to-incident', record);
      try {
        const el = await huntFor(adapter);
        await queriesShown(el);
        el.target = OTHER_TARGET;
        el.pageSize = 5;
        el.adapter = scriptedAdapter();
        await queriesShown(el);
        await settle(el);
      } finally {
        document.removeEventListener('il-hunt-complete', record);
        document.removeEventListener('il-link-to-incident', record);
      }

      expect(events).to.deep.equal([]);
    });
  });

  describe('table', () => {
    async function withRows(count: number, pageSize = 20): Promise<HuntResults> {
      const el = await huntFor(scriptedAdapter({ rowCount: count }), TARGET, pageSize);
      await queriesShown(el);
      runButton(el, 'all-activity').click();
      await resultsShown(el);
      return el;
    }

    function header(el: HuntResults, column: string): HTMLElement {
      return $(el, `th[data-column="${column}"]`)!;
    }

    it('sorts by a column, then reverses', async () => {
      const el = await withRows(4);
      $(el, 'th[data-column="ProcessId"] button')!.click();
      await el.updateComplete;

      expect(header(el, 'ProcessId').getAttribute('aria-sort')).to.equal('ascending');
      expect(columnText(el, 'ProcessId')).to.deep.equal(['8,997', '8,998', '8,999', '9,000']);

      $(el, 'th[data-column="ProcessId"] button')!.click();
      await el.updateComplete;
      expect(header(el, 'ProcessId').getAttribute('aria-sort')).to.equal('descending');
      expect(columnText(el, 'ProcessId')).to.deep.equal(['9,000', '8,999', '8,998', '8,997']);
      expect(header(el, 'FileName').hasAttribute('aria-sort')).to.equal(false);
    });

    it('sorts with the keyboard', async () => {
      const el = await withRows(3);
      $(el, 'th[data-column="Timestamp"] button')!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await sendKeys({ press: 'Space' });
      await el.updateComplete;

      expect(header(el, 'Timestamp').getAttribute('aria-sort')).to.equal('descending');
      expect(columnText(el, 'Timestamp')[0]).to.equal('03/07/2026, 12:02:00 AM UTC');
    });

    it('pages through the rows', async () => {
      const el = await withRows(12, 5);
      const pager = (): HTMLElement => $(el, 'nav.pager')!;
      const [previous, next] = [...pager().querySelectorAll('button')];

      expect($$(el, 'tbody tr')).to.have.length(5);
      expect(pager().querySelector('.page-status')!.textContent).to.equal('Rows 1–5 of 12');
      expect(previous!.disabled).to.equal(true);

      next!.click();
      await el.updateComplete;
      next!.click();
      await el.updateComplete;
      expect($$(el, 'tbody tr')).to.have.length(2);
      expect(pager().querySelector('.page-status')!.textContent).to.equal('Rows 11–12 of 12');
      expect(next!.disabled).to.equal(true);
      expect(columnText(el, 'FileName')).to.deep.equal(['tool-010.exe', 'tool-011.exe']);
    });

    it('returns to the first page on sort', async () => {
      const el = await withRows(12, 5);
      ($(el, 'nav.pager')!.querySelectorAll('button')[1] as HTMLButtonElement).click();
      await el.updateComplete;
      $(el, 'th[data-column="FileName"] button')!.click();
      await el.updateComplete;

      expect($(el, '.page-status')!.textContent).to.equal('Rows 1–5 of 12');
      expect(columnText(el, 'FileName')[0]).to.equal('tool-000.exe');
    });

    it('keeps the selection across sort and pages', async () => {
      const el = await withRows(12, 5);
      ($(el, 'tbody tr[data-row-index="1"] input') as HTMLInputElement).click();
      await el.updateComplete;
      $(el, 'th[data-column="ProcessId"] button')!.click();
      await el.updateComplete;
      const row = $(el, 'tbody tr[data-row-index="1"]');

      expect(row, 'row 1 is off the first page after sorting').to.equal(null);
      expect($(el, '.selected-count')!.textContent).to.equal('1 selected');
      $(el, 'th[data-column="ProcessId"] button')!.click();
      await el.updateComplete;
      expect($(el, 'tbody tr[data-row-index="1"]')!.getAttribute('aria-selected')).to.equal('true');
    });

    it('selects every row of the page at once', async () => {
      const el = await withRows(8, 5);
      const all = $(el, 'thead input') as HTMLInputElement;
      all.click();
      await el.updateComplete;

      expect($$(el, 'tbody tr[aria-selected="true"]')).to.have.length(5);
      expect($(el, '.selected-count')!.textContent).to.equal('5 selected');
      ($(el, 'tbody tr[data-row-index="0"] input') as HTMLInputElement).click();
      await el.updateComplete;
      expect(all.indeterminate).to.equal(true);
    });

    it('never widens its container', async () => {
      const adapter = scriptedAdapter();
      adapter.runHunt = () =>
        Promise.resolve({
          columns: [{ name: 'CommandLine' }, { name: 'A' }, { name: 'B' }, { name: 'C' }],
          rows: [{ CommandLine: 'x'.repeat(600), A: 'a'.repeat(80), B: 'b'.repeat(80), C: 'c'.repeat(80) }],
        });
      const el = await huntFor(adapter);
      await queriesShown(el);
      runButton(el, 'all-activity').click();
      await resultsShown(el);
      const scroller = $(el, '.table-scroll')!;

      expect(el.scrollWidth).to.be.at.most(el.clientWidth);
      expect(scroller.scrollWidth, 'the table scrolls inside its box').to.be.greaterThan(scroller.clientWidth);
      expect(scroller.tabIndex).to.equal(0);
    });

    it('derives columns when the result lists none', async () => {
      const adapter = scriptedAdapter();
      adapter.runHunt = () => Promise.resolve({ columns: [], rows: [{ Name: 'a', Count: 1 }, { Name: 'b', Extra: true }] });
      const el = await huntFor(adapter);
      await queriesShown(el);
      runButton(el, 'all-activity').click();
      await resultsShown(el);

      expect($$(el, 'th[data-column]').map((th) => th.dataset.column)).to.deep.equal(['Name', 'Count', 'Extra']);
      expect($(el, '.time-range')!.textContent).to.equal('Time range not reported');
    });
  });

  describe('linking to the incident', () => {
    async function withSelection(adapter: ScriptedAdapter, rows: number[]): Promise<HuntResults> {
      const el = await huntFor(adapter);
      await queriesShown(el);
      runButton(el, 'all-activity').click();
      await resultsShown(el);
      for (const row of rows) ($(el, `tbody tr[data-row-index="${row}"] input`) as HTMLInputElement).click();
      await el.updateComplete;
      return el;
    }

    function linkButton(el: HuntResults): HTMLButtonElement {
      return $(el, '[part~="link-button"]') as HTMLButtonElement;
    }

    it('links the selected rows in query order', async () => {
      const adapter = scriptedAdapter();
      const el = await withSelection(adapter, [3, 1]);
      const request = oneEvent(el, 'il-link-to-incident') as Promise<LinkToIncidentEvent>;
      linkButton(el).click();
      const event = await request;
      await waitUntil(() => $(el, '.link-status')!.textContent!.includes('linked'), 'no success shown');

      expect(event.cancelable).to.equal(true);
      expect(event.detail.incidentId).to.equal('inc-7');
      expect(event.detail.records.map((row) => row.FileName)).to.deep.equal(['tool-001.exe', 'tool-003.exe']);
      expect(adapter.linkCalls).to.have.length(1);
      expect(adapter.linkCalls[0]!.incidentId).to.equal('inc-7');
      expect(adapter.linkCalls[0]!.records).to.deep.equal(event.detail.records);
      expect($(el, '.link-status')!.textContent).to.equal('Rows linked to the incident: 2.');
      expect($$(el, 'tbody tr[aria-selected="true"]')).to.have.length(0);
    });

    it('lets the host veto the link', async () => {
      const adapter = scriptedAdapter();
      const el = await withSelection(adapter, [0]);
      el.addEventListener('il-link-to-incident', (event) => event.preventDefault());
      linkButton(el).click();
      await settle(el);

      expect(adapter.linkCalls).to.have.length(0);
      expect($(el, '.link-status')!.textContent).to.equal('');
    });

    it('links once on a double click', async () => {
      const adapter = scriptedAdapter({ link: 'wait' });
      const el = await withSelection(adapter, [0]);
      linkButton(el).click();
      await el.updateComplete;
      linkButton(el).click();
      await el.updateComplete;

      expect(adapter.linkCalls).to.have.length(1);
      expect(linkButton(el).getAttribute('aria-busy')).to.equal('true');
      expect($(el, '.link-status')!.textContent).to.equal('Linking rows to the incident: 1…');
      adapter.pendingLinks[0]!.resolve();
      await waitUntil(() => $(el, '.link-status')!.textContent!.includes('linked'), 'no success shown');
    });

    it('shows a failed link and retries', async () => {
      const adapter = scriptedAdapter({ link: 'fail' });
      const el = await withSelection(adapter, [2]);
      linkButton(el).click();
      await waitUntil(() => $(el, '.link-status')!.dataset.state === 'failed', 'no failure shown');

      expect($(el, '.link-status')!.textContent).to.equal('Linking failed: Incident is closed.');
      linkButton(el).click();
      await settle(el);
      expect(adapter.linkCalls).to.have.length(2);
    });

    it('does nothing with no row selected', async () => {
      const adapter = scriptedAdapter();
      const el = await withSelection(adapter, []);
      linkButton(el).click();
      await settle(el);

      expect(linkButton(el).getAttribute('aria-disabled')).to.equal('true');
      expect(adapter.linkCalls).to.have.length(0);
    });

    it('hides linking without linkToIncident', async () => {
      const el = await withSelection(scriptedAdapter({ link: 'absent' }), [0]);

      expect(linkButton(el)).to.equal(null);
    });

    it('aborts a hung link when the target changes', async () => {
      const adapter = scriptedAdapter({ link: 'wait' });
      const el = await withSelection(adapter, [0]);
      linkButton(el).click();
      await el.updateComplete;
      el.target = OTHER_TARGET;
      await el.updateComplete;

      expect(adapter.linkCalls[0]!.options.signal.aborted).to.equal(true);
    });
  });

  describe('accessibility', () => {
    it('passes axe while loading', async () => {
      const el = await huntFor(scriptedAdapter({ list: 'wait' }));
      await expect(el).to.be.accessible();
    });

    it('passes axe with the queries listed', async () => {
      const el = await huntFor(scriptedAdapter());
      await queriesShown(el);
      await expect(el).to.be.accessible();
    });

    it('passes axe with a failed listing', async () => {
      const el = await huntFor(scriptedAdapter({ list: 'fail' }));
      await waitUntil(() => $(el, '[role="alert"]') !== null, 'no error shown');
      await expect(el).to.be.accessible();
    });

    it('passes axe while a hunt runs', async () => {
      const el = await huntFor(scriptedAdapter({ run: 'wait' }));
      await queriesShown(el);
      runButton(el, 'all-activity').click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });

    it('passes axe after a failed hunt', async () => {
      const el = await huntFor(scriptedAdapter({ run: 'fail' }));
      await queriesShown(el);
      runButton(el, 'all-activity').click();
      await waitUntil(() => $(el, '[part~="status"]')!.dataset.state === 'failed', 'no failure shown');
      await expect(el).to.be.accessible();
    });

    it('passes axe with sorted, paged and selected rows', async () => {
      const el = await huntFor(scriptedAdapter({ rowCount: 30 }), TARGET, 10);
      await queriesShown(el);
      runButton(el, 'all-activity').click();
      await resultsShown(el);
      $(el, 'th[data-column="FileName"] button')!.click();
      ($(el, 'tbody tr input') as HTMLInputElement).click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });

    it('passes axe while linking and after', async () => {
      const adapter = scriptedAdapter({ link: 'wait' });
      const el = await huntFor(adapter);
      await queriesShown(el);
      runButton(el, 'all-activity').click();
      await resultsShown(el);
      ($(el, 'tbody tr input') as HTMLInputElement).click();
      await el.updateComplete;
      ($(el, '[part~="link-button"]') as HTMLButtonElement).click();
      await el.updateComplete;
      await expect(el).to.be.accessible();

      adapter.pendingLinks[0]!.resolve();
      await waitUntil(() => $(el, '.link-status')!.textContent!.includes('linked'), 'no success shown');
      await expect(el).to.be.accessible();
    });

    it('passes axe without a target', async () => {
      const el = await fixture<HuntResults>(html`<il-hunt-results .adapter=${scriptedAdapter()}></il-hunt-results>`);

      expect($(el, '.hint')!.textContent).to.equal('Select an entity to hunt for it.');
      await expect(el).to.be.accessible();
    });
  });
});
