/**
 * Main script of the strict worker page: mounts <il-incident-graph> on a generated incident
 * large enough for the layout worker, with `worker-url` from the page's query, then posts what
 * strict-page-listen.ts recorded to the parent page.
 */

import { createStaticAdapter } from '../../src/adapter/static-adapter.js';
import '../../src/components/incident-graph/define.js';
import type { IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';
import { IncidentSession } from '../../src/session/session.js';
import { generateIncidentSnapshot } from '../fixtures/generated-incident.js';

const record = window.__ilStrictPage;

async function run(): Promise<void> {
  record.stage = 'started';
  const snapshot = generateIncidentSnapshot({ entityCount: 600, seed: 7 });
  const session = new IncidentSession();
  await session.load(createStaticAdapter(snapshot), snapshot.incident.id);

  const graph = document.createElement('il-incident-graph') as IncidentGraphElement;
  graph.style.width = '1000px';
  graph.style.height = '700px';
  graph.workerUrl = new URLSearchParams(location.search).get('worker-url') ?? undefined;
  graph.session = session;
  document.body.append(graph);
  record.stage = 'mounted';
  // The layout is requested in the element's first update, so the wait starts after it.
  await graph.updateComplete;
  await graph.layoutSettled;
  record.stage = 'settled';

  parent.postMessage({ type: 'il-strict-page', loadState: 'ready', nodes: session.graph?.order ?? 0, record: window.__ilStrictPage }, parent.location.origin);
}

run().catch((error: unknown) => {
  parent.postMessage({ type: 'il-strict-page', error: String(error), record: window.__ilStrictPage }, parent.location.origin);
});
