/**
 * Main script of the bundle's graph page, which test/bundle/layout-worker.test.ts frames. It
 * loads only the script-tag bundle and mounts `<il-incident-graph>` on an incident large enough
 * for the layout worker, with `worker-url` from the page's query. Then it posts what
 * test/security/strict-page-listen.ts recorded to the parent page.
 */

import type * as Bundle from '../../src/bundle.js';
import type { IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';
import { generateIncidentSnapshot } from '../fixtures/generated-incident.js';

const record = window.__ilStrictPage;
const bundleUrl = '/dist/incident-lens.bundle.js';

async function run(): Promise<void> {
  record.stage = 'started';
  const api = (await import(/* @vite-ignore */ bundleUrl)) as typeof Bundle;
  const snapshot = generateIncidentSnapshot({ entityCount: 600, seed: 7 });
  const session = new api.IncidentSession();
  await session.load(api.createStaticAdapter(snapshot), snapshot.incident.id);

  const graph = document.createElement('il-incident-graph') as IncidentGraphElement;
  graph.style.width = '1000px';
  graph.style.height = '700px';
  graph.workerUrl = new URLSearchParams(location.search).get('worker-url') ?? undefined;
  graph.session = session;
  document.body.append(graph);
  await customElements.whenDefined('il-incident-graph');
  record.stage = 'mounted';
  // The session, set before the upgrade, is followed in the element's first update, so its
  // layout is under way once that update is complete.
  await graph.updateComplete;
  await graph.layoutSettled;
  await graph.rendered;
  record.stage = 'settled';

  parent.postMessage({ type: 'il-strict-page', loadState: 'ready', nodes: session.graph?.order ?? 0, record }, parent.location.origin);
}

run().catch((error: unknown) => {
  parent.postMessage({ type: 'il-strict-page', error: String(error), record }, parent.location.origin);
});
