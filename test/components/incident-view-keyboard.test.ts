import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ActionDescriptor, BulkActionRequest, IncidentDataAdapter, PendingActionDecision } from '../../src/adapter/adapter.js';
import '../../src/components/incident-view/define.js';
import type { IncidentView } from '../../src/components/incident-view/incident-view.js';
import type { IncidentViewTab } from '../../src/components/incident-view/tabs.js';
import type { IncidentSnapshot } from '../../src/model/types.js';
import type { IncidentSession } from '../../src/session/session.js';
import { styleProperties } from '../../src/components/shared/style-properties.js';
import { viewSnapshot } from '../fixtures/view-snapshot.js';
import { deepActiveElement } from './incident-lists-helpers.js';

/**
 * Builds the small view incident with one pending action on the device and one investigation
 * that requests it.
 */
function responseSnapshot(): IncidentSnapshot {
  const snapshot = viewSnapshot();
  return {
    ...snapshot,
    pendingActions: [{ id: 'pending-1', action: 'Isolate device', entityId: 'device:ws-042', status: 'pending', investigationId: 'inv-1' }],
    investigations: [
      {
        id: 'inv-1',
        state: 'pendingApproval',
        alertIds: [snapshot.alerts[0]!.id],
        entityIds: ['device:ws-042'],
        pendingActionIds: ['pending-1'],
      },
    ],
  };
}

/** Creates an adapter that resolves at once and records every decision and bulk action. */
function recordingAdapter(snapshot: IncidentSnapshot) {
  const decisions: Array<{ id: string; decision: PendingActionDecision }> = [];
  const bulkRuns: BulkActionRequest[] = [];
  const bulkActions: ActionDescriptor[] = [{ id: 'tag', label: 'Add tag' }];
  const adapter: IncidentDataAdapter = {
    loadIncident: async () => structuredClone(snapshot),
    async decidePendingAction(id, decision) {
      decisions.push({ id, decision });
      return { status: 'succeeded', remediationStatus: decision === 'approve' ? 'running' : 'declined' };
    },
    listBulkActions: async () => bulkActions,
    async runBulkAction(request) {
      bulkRuns.push(request);
      return { status: 'succeeded' };
    },
  };
  return { adapter, decisions, bulkRuns };
}

async function loadedView(adapter: IncidentDataAdapter, tab: IncidentViewTab = 'story'): Promise<IncidentView> {
  const view = await fixture<IncidentView>(html`
    <il-incident-view style=${styleProperties({ height: '720px', width: '1200px' })} tab=${tab} .adapter=${adapter} incident-id="view-1"></il-incident-view>
  `);
  await view.loaded;
  return view;
}

function tabButton(view: IncidentView, tab: IncidentViewTab): HTMLButtonElement {
  return view.shadowRoot!.querySelector<HTMLButtonElement>(`[role="tab"][data-tab="${tab}"]`)!;
}

/**
 * Presses Tab until the focused element matches `selector`, and returns that element. The search
 * for the focused element looks through open shadow roots.
 */
async function tabTo(selector: string, maxPresses = 40): Promise<HTMLElement> {
  for (let press = 0; press < maxPresses; press++) {
    await sendKeys({ press: 'Tab' });
    const active = deepActiveElement();
    if (active?.matches(selector)) return active as HTMLElement;
  }
  throw new Error(`No element matching ${selector} got focus within ${maxPresses} Tab presses. Focus is on ${deepActiveElement()?.outerHTML.slice(0, 120)}.`);
}

/** Opens a tab from the keyboard: focuses the open tab, moves with the arrow keys and presses Enter. */
async function openTabByKeyboard(view: IncidentView, tab: IncidentViewTab): Promise<void> {
  tabButton(view, view.tab).focus();
  for (let press = 0; press < 6 && view.shadowRoot!.activeElement !== tabButton(view, tab); press++) {
    await sendKeys({ press: 'ArrowRight' });
  }
  await sendKeys({ press: 'Enter' });
  await view.updateComplete;
  expect(view.tab).to.equal(tab);
}

function sessionOf(view: IncidentView): IncidentSession {
  return view.shadowRoot!.querySelector('il-incident-graph')!.session!;
}

describe('<il-incident-view> by keyboard alone', () => {
  it('downloads each export from the header', async () => {
    await loadedView(recordingAdapter(responseSnapshot()).adapter);
    const names: string[] = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      names.push(this.download);
    };
    try {
      (document.activeElement as HTMLElement | null)?.blur();
      await tabTo('[data-export="snapshot"]');
      await sendKeys({ press: 'Enter' });
      await tabTo('[data-export="png"]', 1);
      await sendKeys({ press: 'Enter' });
      await tabTo('[data-export="svg"]', 1);
      await sendKeys({ press: 'Space' });
      await waitUntil(() => names.length === 3, 'three downloads', { timeout: 3000 });
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
    expect(names.sort()).to.deep.equal(['incident-view-1-graph.png', 'incident-view-1-graph.svg', 'incident-view-1-snapshot.json']);
  });

  it('sets a filter from the bar', async () => {
    const view = await loadedView(recordingAdapter(responseSnapshot()).adapter);
    tabButton(view, 'story').focus();
    const summary = await tabTo('details[data-facet="entityKinds"] summary');
    await sendKeys({ press: 'Enter' });
    expect((summary.parentElement as HTMLDetailsElement).open).to.equal(true);

    const option = await tabTo('details[data-facet="entityKinds"] input[type="checkbox"]', 1);
    await sendKeys({ press: 'Space' });
    expect(sessionOf(view).filters.entityKinds).to.deep.equal([option.dataset.value]);
  });

  it('runs a bulk action on a checked asset', async () => {
    const { adapter, bulkRuns } = recordingAdapter(responseSnapshot());
    const view = await loadedView(adapter);
    await openTabByKeyboard(view, 'assets');

    const checkbox = await tabTo('tbody input[type="checkbox"]');
    await sendKeys({ press: 'Space' });
    expect((checkbox as HTMLInputElement).checked).to.equal(true);

    const list = view.shadowRoot!.querySelector('il-asset-list')!;
    await waitUntil(() => list.shadowRoot!.querySelector('[part~="bulk-button"]'), 'the bulk actions never showed', { timeout: 3000 });
    await tabTo('[part~="bulk-button"]');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => bulkRuns.length === 1, 'the bulk action never ran', { timeout: 3000 });
    expect(bulkRuns[0]!.actionId).to.equal('tag');
    expect(bulkRuns[0]!.targets.map((target) => target.entityId)).to.deep.equal([checkbox.closest('tr')!.dataset.entityId]);
  });

  it('selects an asset row', async () => {
    const view = await loadedView(recordingAdapter(responseSnapshot()).adapter);
    await openTabByKeyboard(view, 'assets');
    const button = await tabTo('tbody .entity-button');
    await sendKeys({ press: 'Enter' });
    expect(sessionOf(view).selection.entityIds).to.deep.equal([button.closest('tr')!.dataset.entityId]);
  });

  it('approves a pending action in the evidence', async () => {
    const { adapter, decisions } = recordingAdapter(responseSnapshot());
    const view = await loadedView(adapter);
    await openTabByKeyboard(view, 'evidence');

    await tabTo('.decision-button[data-decision="approve"]');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => decisions.length === 1, 'the decision never reached the adapter', { timeout: 3000 });
    expect(decisions).to.deep.equal([{ id: 'pending-1', decision: 'approve' }]);
  });

  it('rejects a pending action in an investigation', async () => {
    const { adapter, decisions } = recordingAdapter(responseSnapshot());
    const view = await loadedView(adapter);
    await openTabByKeyboard(view, 'investigations');

    await tabTo('.decision-button[data-decision="reject"]');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => decisions.length === 1, 'the decision never reached the adapter', { timeout: 3000 });
    expect(decisions).to.deep.equal([{ id: 'pending-1', decision: 'reject' }]);
  });

  it('selects an alert in the queue', async () => {
    const view = await loadedView(recordingAdapter(responseSnapshot()).adapter);
    await openTabByKeyboard(view, 'alerts');
    const button = await tabTo('tbody .title-button');
    await sendKeys({ press: 'Enter' });
    expect(sessionOf(view).selection.alertIds).to.deep.equal([button.dataset.alertId]);
  });
});
