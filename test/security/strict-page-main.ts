/**
 * Main script of the strict test page: mounts the whole incident view on a generated incident
 * large enough to use the layout worker, opens the flyout and an alert, then posts what the
 * first script recorded to the parent page.
 */

import type { IncidentDataAdapter } from '../../src/adapter/adapter.js';
import { createStaticAdapter } from '../../src/adapter/static-adapter.js';
import '../../src/define-all.js';
import type { IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';
import type { IncidentView } from '../../src/components/incident-view/incident-view.js';
import { IncidentSession } from '../../src/session/session.js';
import { generateIncidentSnapshot } from '../fixtures/generated-incident.js';

const record = window.__ilStrictPage;

/** Waits for the flyout's hunt queries, runs the first one and waits for its table. */
async function runFirstHunt(view: IncidentView): Promise<void> {
  const flyout = view.shadowRoot!.querySelector('il-entity-flyout');
  for (let frame = 0; frame < 120; frame++) {
    const hunt = flyout?.shadowRoot?.querySelector('il-hunt-results');
    const button = hunt?.shadowRoot?.querySelector<HTMLButtonElement>('[part~="run-button"]');
    if (button) {
      button.click();
      break;
    }
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  for (let frame = 0; frame < 120; frame++) {
    if (flyout?.shadowRoot?.querySelector('il-hunt-results')?.shadowRoot?.querySelector('[part~="table"]')) return;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  throw new Error('The hunt results table never showed on the strict page.');
}

async function run(): Promise<void> {
  record.stage = 'started';
  const snapshot = generateIncidentSnapshot({ entityCount: 600, seed: 7 });
  const view = document.createElement('il-incident-view') as IncidentView;
  view.style.height = '700px';
  view.style.width = '1100px';
  const session = new IncidentSession();
  view.session = session;
  document.body.append(view);
  const adapter: IncidentDataAdapter = {
    ...createStaticAdapter(snapshot),
    listActions: async () => [{ id: 'isolate', label: 'Isolate device', destructive: true }],
    listHuntQueries: async () => [{ id: 'all', name: 'All activity', query: 'DeviceEvents | take 10' }],
    runHunt: async () => ({
      columns: [{ name: 'Timestamp', type: 'datetime' }, { name: 'FileName' }],
      rows: [{ Timestamp: '2026-03-14T09:00:00Z', FileName: 'a.exe' }, { Timestamp: '2026-03-14T09:01:00Z', FileName: 'b.exe' }],
    }),
  };
  await session.load(adapter, snapshot.incident.id);

  record.stage = 'mounted';
  await view.loaded;
  record.stage = 'loaded';
  const graph = view.shadowRoot!.querySelector<IncidentGraphElement>('il-incident-graph')!;
  await graph.layoutSettled;
  record.stage = 'settled';

  // The flyout and the alert pane render style bindings and icons.
  session.select({ entityIds: [snapshot.entities[0]!.id] });
  await view.updateComplete;
  await runFirstHunt(view);
  session.select({ alertIds: [snapshot.alerts[0]!.id] });
  await view.updateComplete;
  record.stage = 'selected';
  for (const tab of view.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="tab"]')) {
    tab.click();
    await view.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  view.shadowRoot!.querySelector<HTMLButtonElement>('[role="tab"]')?.click();
  await view.updateComplete;
  record.stage = 'tabs';
  await graph.toPNG();
  await graph.toSVG();
  await new Promise((resolve) => setTimeout(resolve, 100));

  parent.postMessage({ type: 'il-strict-page', loadState: view.loadState, nodes: view.graph?.order ?? 0, record: window.__ilStrictPage }, parent.location.origin);
}

run().catch((error: unknown) => {
  parent.postMessage({ type: 'il-strict-page', error: String(error), record: window.__ilStrictPage }, parent.location.origin);
});
