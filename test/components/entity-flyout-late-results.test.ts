/**
 * Late results from an adapter that ignores its abort signal. The promise of an aborted call
 * still settles, after the flyout has moved on to another entity. No part of such a result may
 * reach the screen, the session or the host's event listeners.
 */

import { expect, waitUntil } from '@open-wc/testing';
import type {
  ActionDescriptor,
  ActionRequest,
  ActionResult,
  AdapterCallOptions,
  EntityRef,
  IncidentDataAdapter,
  PendingActionDecision,
  PendingDecisionOptions,
} from '../../src/adapter/adapter.js';
import '../../src/components/entity-flyout/define.js';
import type { EntityFlyout } from '../../src/components/entity-flyout/entity-flyout.js';
import { FLYOUT_IDS, flyoutSession, flyoutSnapshot } from '../fixtures/flyout-snapshot.js';
import { DEVICE_ACTIONS, FILE_ACTIONS, pendingQuarantine, withPendingAction } from './entity-flyout-adapters.js';
import { actionButton, actionItem, actionListed, flyoutWith, remediationOf, settle } from './entity-flyout-helpers.js';

/** A call the test settles by hand. Its promise ignores the signal. */
interface OpenCall<T> {
  signal: AbortSignal;
  resolve(value: T): void;
  reject(error: unknown): void;
}

interface SignalIgnoringAdapter extends IncidentDataAdapter {
  listCalls: Array<OpenCall<ActionDescriptor[]> & { target: EntityRef }>;
  runCalls: Array<OpenCall<ActionResult> & { request: ActionRequest }>;
  decideCalls: Array<OpenCall<ActionResult> & { pendingActionId: string; decision: PendingActionDecision }>;
}

function openCall<T, C extends OpenCall<T>>(calls: C[], options: AdapterCallOptions, fields: Omit<C, keyof OpenCall<T>>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    calls.push({ ...fields, signal: options.signal, resolve, reject } as C);
  });
}

/**
 * Creates an adapter whose calls stay open until the test settles them, even after their signal
 * aborts. With `autoList`, `listActions` resolves at once with the actions of the target's kind.
 */
function signalIgnoringAdapter(autoList = true): SignalIgnoringAdapter {
  const adapter: SignalIgnoringAdapter = {
    listCalls: [],
    runCalls: [],
    decideCalls: [],
    loadIncident: () => Promise.reject(new Error('loadIncident is not part of these tests.')),

    listActions(target: EntityRef, options: AdapterCallOptions): Promise<ActionDescriptor[]> {
      if (autoList) {
        adapter.listCalls.push({ target, signal: options.signal, resolve: () => undefined, reject: () => undefined });
        return Promise.resolve(target.kind === 'device' ? DEVICE_ACTIONS : FILE_ACTIONS);
      }
      return openCall(adapter.listCalls, options, { target });
    },

    runAction(request: ActionRequest, options: AdapterCallOptions): Promise<ActionResult> {
      return openCall(adapter.runCalls, options, { request });
    },

    decidePendingAction(
      pendingActionId: string,
      decision: PendingActionDecision,
      options: PendingDecisionOptions,
    ): Promise<ActionResult> {
      return openCall(adapter.decideCalls, options, { pendingActionId, decision });
    },
  };
  return adapter;
}

function recordEvents(el: EntityFlyout): string[] {
  const events: string[] = [];
  for (const type of ['il-action-request', 'il-action-complete', 'il-action-error'] as const) {
    el.addEventListener(type, (event) => events.push(event.type));
  }
  return events;
}

describe('<il-entity-flyout> late results', () => {
  it('discards a late action list', async () => {
    const adapter = signalIgnoringAdapter(false);
    const session = flyoutSession(FLYOUT_IDS.device);
    const el = await flyoutWith(adapter, session);

    session.select({ entityIds: [FLYOUT_IDS.process] });
    await el.updateComplete;
    const [deviceCall, processCall] = adapter.listCalls;
    expect(deviceCall!.signal.aborted).to.equal(true);

    processCall!.resolve(FILE_ACTIONS);
    await settle(el);
    deviceCall!.resolve(DEVICE_ACTIONS);
    await settle(el);

    expect(actionItem(el, 'stop-quarantine')).to.not.equal(null);
    expect(actionItem(el, 'isolate')).to.equal(null);
  });

  it('discards a late action list after an error', async () => {
    const adapter = signalIgnoringAdapter(false);
    const session = flyoutSession(FLYOUT_IDS.device);
    const el = await flyoutWith(adapter, session);

    session.select({ entityIds: [FLYOUT_IDS.process] });
    await el.updateComplete;
    const [deviceCall, processCall] = adapter.listCalls;
    processCall!.resolve(FILE_ACTIONS);
    await settle(el);
    deviceCall!.reject(new Error('Response service unavailable (503).'));
    await settle(el);

    expect(actionItem(el, 'stop-quarantine')).to.not.equal(null);
    expect(el.shadowRoot!.querySelector('[part~="actions"]')!.textContent).to.not.contain('503');
  });

  it('discards a late action result', async () => {
    const adapter = signalIgnoringAdapter();
    const session = flyoutSession(FLYOUT_IDS.device);
    const el = await flyoutWith(adapter, session);
    await actionListed(el, 'av-scan');
    const events = recordEvents(el);

    actionButton(el, 'av-scan').click();
    session.select({ entityIds: [FLYOUT_IDS.process] });
    await actionListed(el, 'stop-quarantine');
    expect(adapter.runCalls[0]!.signal.aborted).to.equal(true);

    adapter.runCalls[0]!.resolve({ status: 'succeeded', message: 'Scan finished.', remediationStatus: 'remediated' });
    await settle(el);

    expect(remediationOf(session, FLYOUT_IDS.device), 'the session keeps the status').to.equal('none');
    expect(events, 'no answer event for a discarded result').to.deep.equal(['il-action-request']);
    expect(el.shadowRoot!.textContent).to.not.contain('Scan finished.');
  });

  it('discards a late action rejection', async () => {
    const adapter = signalIgnoringAdapter();
    const session = flyoutSession(FLYOUT_IDS.device);
    const el = await flyoutWith(adapter, session);
    await actionListed(el, 'av-scan');
    const events = recordEvents(el);

    actionButton(el, 'av-scan').click();
    session.select({ entityIds: [FLYOUT_IDS.process] });
    await actionListed(el, 'stop-quarantine');
    adapter.runCalls[0]!.reject(new Error('Device ws-fin-07 is offline.'));
    await settle(el);

    expect(events).to.deep.equal(['il-action-request']);
    expect(el.shadowRoot!.textContent).to.not.contain('offline');
  });

  it('discards a late result after returning to the entity', async () => {
    const adapter = signalIgnoringAdapter();
    const session = flyoutSession(FLYOUT_IDS.device);
    const el = await flyoutWith(adapter, session);
    await actionListed(el, 'av-scan');
    const events = recordEvents(el);

    actionButton(el, 'av-scan').click();
    session.select({ entityIds: [FLYOUT_IDS.process] });
    await actionListed(el, 'stop-quarantine');
    session.select({ entityIds: [FLYOUT_IDS.device] });
    await actionListed(el, 'av-scan');

    adapter.runCalls[0]!.resolve({ status: 'succeeded', message: 'Scan finished.', remediationStatus: 'remediated' });
    await settle(el);

    expect(actionItem(el, 'av-scan')!.dataset.phase, 'the new view of the device starts idle').to.equal('idle');
    expect(remediationOf(session, FLYOUT_IDS.device)).to.equal('none');
    expect(events).to.deep.equal(['il-action-request']);
  });

  it('discards a late decision', async () => {
    const adapter = signalIgnoringAdapter();
    const snapshot = withPendingAction(flyoutSnapshot());
    const session = flyoutSession(FLYOUT_IDS.process, snapshot);
    const el = await flyoutWith(adapter, session);
    const pendingId = pendingQuarantine().id;
    await waitUntil(() => el.shadowRoot!.querySelector('button[data-decision="approve"]'), 'no approve button');
    const events = recordEvents(el);

    el.shadowRoot!.querySelector<HTMLButtonElement>('button[data-decision="approve"]')!.click();
    session.select({ entityIds: [FLYOUT_IDS.device] });
    await actionListed(el, 'av-scan');
    expect(adapter.decideCalls[0]!.signal.aborted).to.equal(true);

    adapter.decideCalls[0]!.resolve({ status: 'succeeded', remediationStatus: 'remediated' });
    await settle(el);

    const pendingAction = session.snapshot!.pendingActions!.find((action) => action.id === pendingId)!;
    expect(pendingAction.status, 'the pending action still waits').to.equal('pending');
    expect(remediationOf(session, FLYOUT_IDS.process)).to.equal(remediationOf(flyoutSession(undefined, snapshot), FLYOUT_IDS.process));
    expect(events).to.deep.equal(['il-action-request']);
  });
});
