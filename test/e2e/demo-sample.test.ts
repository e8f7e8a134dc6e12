/**
 * End to end: the demo's sample incident in <il-incident-view>, a click on a process node in
 * the graph, and its command line in the entity flyout. Then the groups of the ransomware
 * sample, the samples' pending actions, and the demo adapter that approves and rejects them.
 */

import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { createStaticAdapter } from '../../src/adapter/static-adapter.js';
import type { EntityFlyout } from '../../src/components/entity-flyout/entity-flyout.js';
import type { IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';
import '../../src/components/incident-view/define.js';
import type { IncidentView } from '../../src/components/incident-view/incident-view.js';
import { fromMicrosoftGraph } from '../../src/formats/index.js';
import { styleProperties } from '../../src/components/shared/style-properties.js';
import { validateSnapshot } from '../../src/model/validate.js';
import type { IncidentSnapshot } from '../../src/model/types.js';
import { openEntity } from './open-entity.js';
import { createDemoAdapter } from '../../demo/demo-adapter.js';
import {
  contosoPhishToMacro,
  fabrikamPhishToRansomware,
  sampleIncidents,
  samplePendingActions,
  withSamplePendingActions,
} from '../../demo/samples/index.js';

/** Returns the phishing sample's snapshot with its pending action. */
function pendingSample(): IncidentSnapshot {
  const [snapshot] = fromMicrosoftGraph(contosoPhishToMacro);
  return withSamplePendingActions(snapshot!);
}


/** Clicks a control inside the flyout with the real mouse, once it is scrolled into view. */
async function clickInFlyout(control: HTMLElement): Promise<void> {
  control.scrollIntoView({ block: 'center' });
  const box = control.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
}

describe('demo sample end to end', () => {
  it('shows a clicked process command line', async () => {
    const [snapshot] = fromMicrosoftGraph(contosoPhishToMacro);
    const process = snapshot!.entities.find(
      (entity) => entity.kind === 'process' && String(entity.properties.processCommandLine ?? '').includes('powershell'),
    )!;
    const commandLine = String(process.properties.processCommandLine);

    const view = await fixture<IncidentView>(html`
      <il-incident-view style=${styleProperties({ height: '720px', width: '1200px' })} .adapter=${createStaticAdapter(snapshot!)} incident-id=${snapshot!.incident.id}></il-incident-view>
    `);
    await view.loaded;

    const graph = view.shadowRoot!.querySelector<IncidentGraphElement>('il-incident-graph')!;
    await graph.layoutSettled;
    await graph.fit();
    const point = graph.toScreen(process.id)!;
    const box = graph.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box.left + point.x), Math.round(box.top + point.y)] });
    await view.updateComplete;

    const flyout = view.shadowRoot!.querySelector<EntityFlyout>('il-entity-flyout');
    expect(flyout, 'the flyout opens for the selected entity').to.not.equal(null);
    await flyout!.updateComplete;
    expect(flyout!.shadowRoot!.textContent).to.contain(commandLine);
  });
});

describe('demo sample groups', () => {
  async function ransomwareView(): Promise<IncidentView> {
    const [snapshot] = fromMicrosoftGraph(fabrikamPhishToRansomware);
    const view = await fixture<IncidentView>(html`
      <il-incident-view style=${styleProperties({ height: '720px', width: '1200px' })} .adapter=${createStaticAdapter(snapshot!)} incident-id=${snapshot!.incident.id}></il-incident-view>
    `);
    await view.loaded;
    return view;
  }

  function groupButton(view: IncidentView, which: 'expand' | 'collapse'): HTMLButtonElement {
    const bar = view.shadowRoot!.querySelector('il-incident-filters')!;
    return bar.shadowRoot!.querySelector<HTMLButtonElement>(`button[data-grouping="${which}"]`)!;
  }

  it('groups URLs and encrypted files', async () => {
    const view = await ransomwareView();
    const graph = view.shadowRoot!.querySelector<IncidentGraphElement>('il-incident-graph')!;

    const groups = graph.groups.map((group) => `${group.kind} ${group.memberIds.length} ${group.expanded}`);
    expect(groups).to.have.members(['url 13 false', 'file 17 false']);
    const labels = graph.display.nodes.filter((node) => node.group).map((node) => node.label);
    expect(labels).to.have.members(['13 URLs', '17 files']);
  });

  it('reaches every graph node with arrow keys', async function () {
    this.timeout(120_000);
    const view = await ransomwareView();
    const graph = view.shadowRoot!.querySelector<IncidentGraphElement>('il-incident-graph')!;
    const viewport = graph.shadowRoot!.querySelector<HTMLElement>('[part="viewport"]')!;
    const activeId = (): string => {
      const optionId = viewport.getAttribute('aria-activedescendant')!;
      return graph.display.nodes[Number(optionId.replace('node-', ''))]!.id;
    };

    // From each node reached so far, each arrow key is tried once. A click makes a node active.
    const first = graph.display.nodes[0]!.id;
    const reached = new Set([first]);
    const queue = [first];
    while (queue.length > 0) {
      const from = queue.shift()!;
      for (const key of ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']) {
        await graph.fit();
        const point = graph.toScreen(from)!;
        const box = graph.getBoundingClientRect();
        await sendMouse({ type: 'click', position: [Math.round(box.left + point.x), Math.round(box.top + point.y)] });
        await graph.updateComplete;
        expect(activeId(), `a click on ${from}`).to.equal(from);
        await sendKeys({ press: key });
        await graph.updateComplete;
        const next = activeId();
        if (reached.has(next)) continue;
        reached.add(next);
        queue.push(next);
      }
    }

    expect([...reached].sort()).to.deep.equal(graph.display.nodes.map((node) => node.id).sort());
  });

  it('expands and collapses from the bar', async () => {
    const view = await ransomwareView();
    const graph = view.shadowRoot!.querySelector<IncidentGraphElement>('il-incident-graph')!;
    await view.updateComplete;
    expect(groupButton(view, 'expand').getAttribute('aria-disabled'), 'expand before').to.equal('false');
    expect(groupButton(view, 'collapse').getAttribute('aria-disabled'), 'collapse before').to.equal('true');

    groupButton(view, 'expand').click();
    await waitUntil(() => !graph.display.nodes.some((node) => node.group), 'expand all left a group', { timeout: 5000 });
    await view.updateComplete;
    expect(graph.display.nodes.filter((node) => node.kind === 'url')).to.have.length(14);
    expect(groupButton(view, 'expand').getAttribute('aria-disabled'), 'expand after').to.equal('true');

    groupButton(view, 'collapse').click();
    await waitUntil(() => graph.display.nodes.filter((node) => node.group).length === 2, 'collapse all made no group', { timeout: 5000 });
  });
});

describe('demo sample pending actions', () => {
  it('name pending-approval entities', () => {
    const snapshots = sampleIncidents.flatMap((payload) => fromMicrosoftGraph(payload)).map(withSamplePendingActions);
    expect(Object.keys(samplePendingActions)).to.have.members(snapshots.map((snapshot) => snapshot.incident.id));

    for (const snapshot of snapshots) {
      const validated = validateSnapshot(snapshot);
      expect(validated.issues.filter((issue) => issue.id.startsWith('pending-')), `issues of ${snapshot.incident.id}`).to.deep.equal([]);
      expect(validated.pendingActions, `pending actions of ${snapshot.incident.id}`).to.have.length(1);
      for (const pendingAction of validated.pendingActions!) {
        const entity = snapshot.entities.find((candidate) => candidate.id === pendingAction.entityId);
        expect(entity?.remediationStatus, pendingAction.id).to.equal('pendingApproval');
        expect(pendingAction.status, pendingAction.id).to.equal('pending');
      }
    }
  });

  for (const [decision, status, remediationStatus] of [
    ['approve', 'approved', 'remediated'],
    ['reject', 'rejected', 'declined'],
  ] as const) {
    it(`can ${decision} in the flyout`, async () => {
      const snapshot = pendingSample();
      const pendingAction = snapshot.pendingActions![0]!;
      const adapter = createDemoAdapter(snapshot, { decisionDelayMs: 0 });
      const view = await fixture<IncidentView>(html`
        <il-incident-view style=${styleProperties({ height: '720px', width: '1200px' })} .adapter=${adapter} incident-id=${snapshot.incident.id}></il-incident-view>
      `);
      await view.loaded;

      const flyout = await openEntity(view, pendingAction.entityId);
      const button = flyout.shadowRoot!.querySelector<HTMLButtonElement>(`[data-pending-action-id="${pendingAction.id}"] button[data-decision="${decision}"]`);
      expect(button, `the ${decision} button`).to.not.equal(null);
      await clickInFlyout(button!);
      await waitUntil(() => adapter.snapshot.pendingActions![0]!.status === status, `the adapter never recorded the ${decision} decision`);
      await flyout.updateComplete;

      const item = flyout.shadowRoot!.querySelector(`[data-pending-action-id="${pendingAction.id}"]`)!;
      expect(item.getAttribute('data-phase')).to.equal('decided');
      expect(item.querySelector('button[data-decision]'), 'no decision buttons once decided').to.equal(null);
      expect(view.graph!.getNodeAttribute(pendingAction.entityId, 'remediationStatus')).to.equal(remediationStatus);

      // A later load of the incident, as when the analyst opens it again, keeps the decision.
      const reloaded = await adapter.loadIncident(snapshot.incident.id, { signal: new AbortController().signal });
      expect(reloaded.pendingActions![0]!.status).to.equal(status);
      expect(reloaded.entities.find((entity) => entity.id === pendingAction.entityId)!.remediationStatus).to.equal(remediationStatus);
    });
  }
});

describe('demo adapter', () => {
  const signal = new AbortController().signal;

  it('applies a repeated request once', async () => {
    const snapshot = pendingSample();
    const adapter = createDemoAdapter(snapshot, { decisionDelayMs: 0 });
    const patches: unknown[] = [];
    adapter.subscribe(snapshot.incident.id, (patch) => patches.push(patch));

    const first = await adapter.decidePendingAction('pending-48213-1', 'approve', { signal, idempotencyKey: 'key-1' });
    const repeated = await adapter.decidePendingAction('pending-48213-1', 'approve', { signal, idempotencyKey: 'key-1' });

    expect(first).to.deep.equal({ status: 'succeeded', remediationStatus: 'remediated' });
    expect(repeated).to.deep.equal(first);
    expect(patches).to.have.length(1);
  });

  it('fails a decision on a decided action', async () => {
    const adapter = createDemoAdapter(pendingSample(), { decisionDelayMs: 0 });
    await adapter.decidePendingAction('pending-48213-1', 'reject', { signal, idempotencyKey: 'key-1' });

    const second = await adapter.decidePendingAction('pending-48213-1', 'approve', { signal, idempotencyKey: 'key-2' });
    expect(second.status).to.equal('failed');
    expect(second.message).to.equal('The action "Stop process and quarantine its file" is already rejected.');
  });

  it('rejects an unknown pending action', async () => {
    const adapter = createDemoAdapter(pendingSample(), { decisionDelayMs: 0 });
    let error: unknown;
    try {
      await adapter.decidePendingAction('pending-missing', 'approve', { signal });
    } catch (caught) {
      error = caught;
    }
    expect((error as Error).message).to.equal('Demo adapter: pending action "pending-missing" not found in incident "48213".');
  });

  it('stops waiting when aborted', async () => {
    const adapter = createDemoAdapter(pendingSample(), { decisionDelayMs: 10_000 });
    const controller = new AbortController();
    const decision = adapter.decidePendingAction('pending-48213-1', 'approve', { signal: controller.signal });
    controller.abort(new DOMException('The flyout shows another entity.', 'AbortError'));

    let error: unknown;
    try {
      await decision;
    } catch (caught) {
      error = caught;
    }
    expect((error as DOMException).name).to.equal('AbortError');
    expect(adapter.snapshot.pendingActions![0]!.status).to.equal('pending');
  });
});
