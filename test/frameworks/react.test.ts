/**
 * Mounts the React 19 example (demo/frameworks/react) with react-dom and checks what a React
 * host relies on: rich data arrives as properties, a user's click reaches the `onIl…` prop
 * once, and the view draws the incident.
 *
 * React 19 ships CommonJS only, which the test runner's dev server does not convert. The
 * `commonJsPrebundle` plugin (scripts/commonjs-prebundle.mjs, set up in
 * web-test-runner.config.mjs) serves it as ES modules.
 */

import { expect, waitUntil } from '@open-wc/testing';
import type { SelectionChangeDetail } from '../../src/components/shared/events.js';
import type { IncidentSnapshot } from '../../src/model/types.js';
import { sampleSnapshot } from '../../demo/frameworks/sample.js';
import { clickNode, findRendered, settleView, type ViewUnderTest } from './helpers.js';

type ReactModule = typeof import('react');
type ReactDomClient = typeof import('react-dom/client');
type PanelModule = typeof import('../../demo/frameworks/react/incident-panel.js');

describe('React example', () => {
  let react: ReactModule;
  let reactDom: ReactDomClient;
  let panel: PanelModule;
  let container: HTMLElement;
  let root: ReturnType<ReactDomClient['createRoot']> | undefined;
  let snapshot: IncidentSnapshot;
  let selections: SelectionChangeDetail[];

  before(async function () {
    react = await import('react');
    reactDom = await import('react-dom/client');
    panel = await import('../../demo/frameworks/react/incident-panel.js');
  });

  beforeEach(() => {
    snapshot = sampleSnapshot();
    selections = [];
    container = document.createElement('div');
    container.style.width = '1200px';
    document.body.append(container);
    root = reactDom.createRoot(container);
    root.render(
      react.createElement(panel.IncidentPanel, {
        snapshot,
        onSelectionChange: (selection) => selections.push(selection),
      }),
    );
  });

  afterEach(() => {
    root?.unmount();
    root = undefined;
    container?.remove();
  });

  it('sets the adapter as a property', async () => {
    const view = await findRendered<ViewUnderTest>(container, 'il-incident-view');

    expect(view.adapter).to.be.an('object');
    expect((view.adapter as { loadIncident?: unknown }).loadIncident).to.be.a('function');
    expect(view.hasAttribute('adapter')).to.equal(false);
    expect(view.incidentId).to.equal(snapshot.incident.id);
  });

  it('draws every alert and entity', async () => {
    const view = await findRendered<ViewUnderTest>(container, 'il-incident-view');
    await settleView(view);

    expect(view.loadState).to.equal('ready');
    expect(view.graph!.order).to.equal(snapshot.alerts.length + snapshot.entities.length);
    expect(view.graph!.size).to.be.greaterThan(0);
  });

  it('calls onIlSelectionChange once per click', async () => {
    const view = await findRendered<ViewUnderTest>(container, 'il-incident-view');
    const graph = await settleView(view);
    const entity = snapshot.entities.find((candidate) => candidate.kind === 'process')!;
    expect(selections, 'no selection before the click').to.have.length(0);

    await clickNode(graph, entity.id);
    const status = container.querySelector('.selection')!;
    await waitUntil(() => status.textContent!.includes(entity.id), 'the panel never showed the selection');

    expect(selections).to.have.length(1);
    expect(selections[0]!.entityIds).to.deep.equal([entity.id]);
  });
});
