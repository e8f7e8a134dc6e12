/**
 * Main script of the strict test page: mounts the whole incident view on a generated incident
 * large enough to use the layout worker, opens the flyout and an alert, then posts what the
 * first script recorded to the parent page.
 */

import { createStaticAdapter } from '../../src/adapter/static-adapter.js';
import '../../src/define-all.js';
import type { IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';
import type { IncidentView } from '../../src/components/incident-view/incident-view.js';
import { IncidentSession } from '../../src/session/session.js';
import { generateIncidentSnapshot } from '../fixtures/generated-incident.js';

const record = window.__ilStrictPage;

async function run(): Promise<void> {
  record.stage = 'started';
  const snapshot = generateIncidentSnapshot({ entityCount: 600, seed: 7 });
  const view = document.createElement('il-incident-view') as IncidentView;
  view.style.height = '700px';
  view.style.width = '1100px';
  const session = new IncidentSession();
  view.session = session;
  document.body.append(view);
  await session.load(createStaticAdapter(snapshot), snapshot.incident.id);

  record.stage = 'mounted';
  await view.loaded;
  record.stage = 'loaded';
  const graph = view.shadowRoot!.querySelector<IncidentGraphElement>('il-incident-graph')!;
  await graph.layoutSettled;
  record.stage = 'settled';

  // The flyout and the alert pane render style bindings and icons.
  session.select({ entityIds: [snapshot.entities[0]!.id] });
  await view.updateComplete;
  session.select({ alertIds: [snapshot.alerts[0]!.id] });
  await view.updateComplete;
  record.stage = 'selected';
  await graph.toPNG();
  graph.toSVG();
  await new Promise((resolve) => setTimeout(resolve, 100));

  parent.postMessage({ type: 'il-strict-page', loadState: view.loadState, nodes: view.graph?.order ?? 0, record: window.__ilStrictPage }, parent.location.origin);
}

run().catch((error: unknown) => {
  parent.postMessage({ type: 'il-strict-page', error: String(error), record: window.__ilStrictPage }, parent.location.origin);
});
