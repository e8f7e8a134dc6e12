import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ActionResult } from '../../src/adapter/adapter.js';
import '../../src/components/entity-flyout/define.js';
import type { EntityFlyout } from '../../src/components/entity-flyout/entity-flyout.js';
import type {
  ActionCompleteEvent,
  ActionErrorEvent,
  ActionRequestEvent,
  RunActionWork,
} from '../../src/components/entity-flyout/events.js';
import type { VerdictBadge } from '../../src/components/verdict-badge/verdict-badge.js';
import type { IncidentSession } from '../../src/session/session.js';
import { FLYOUT_IDS, flyoutSession, flyoutSnapshot } from '../fixtures/flyout-snapshot.js';
import { newIdempotencyKey } from '../../src/components/shared/intent-keys.js';
import { scriptedAdapter, type ScriptedAdapter } from './entity-flyout-adapters.js';
import { actionButton, actionItem, actionListed, deepActive, flyoutWith, root, settle } from './entity-flyout-helpers.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function statusText(el: EntityFlyout, actionId: string): string {
  return actionItem(el, actionId)!.querySelector('.action-status')!.textContent!.replace(/\s+/g, ' ').trim();
}

/** Waits until the adapter's action list is shown. */
async function listed(el: EntityFlyout): Promise<void> {
  await waitUntil(() => root(el).querySelector('[part~="actions"] .action-list'), 'the action list never showed');
}

/** Records every action event `el` fires from now on. */
function recordEvents(el: EntityFlyout): Event[] {
  const events: Event[] = [];
  for (const type of ['il-action-request', 'il-action-complete', 'il-action-error'] as const) {
    el.addEventListener(type, (event) => events.push(event));
  }
  return events;
}

async function deviceFlyout(adapter?: ScriptedAdapter): Promise<{ el: EntityFlyout; adapter: ScriptedAdapter; session: IncidentSession }> {
  const snapshot = flyoutSnapshot();
  const session = flyoutSession(FLYOUT_IDS.device, snapshot);
  const used = adapter ?? scriptedAdapter(snapshot);
  const el = await flyoutWith(used, session);
  await listed(el);
  return { el, adapter: used, session };
}

describe('<il-entity-flyout> actions', () => {
  describe('accessibility', () => {
    it('passes axe with the actions listed', async () => {
      const { el } = await deviceFlyout();
      await expect(el).to.be.accessible();
    });

    it('passes axe while the actions load', async () => {
      const snapshot = flyoutSnapshot();
      const el = await flyoutWith(scriptedAdapter(snapshot, { actions: () => undefined }), flyoutSession(FLYOUT_IDS.device, snapshot));
      expect(root(el).querySelector('[part~="actions"]')!.textContent).to.contain('Loading the actions');
      await expect(el).to.be.accessible();
    });

    it('passes axe when the list failed', async () => {
      const snapshot = flyoutSnapshot();
      const adapter = scriptedAdapter(snapshot, { actions: () => new Error('Service unavailable.') });
      const el = await flyoutWith(adapter, flyoutSession(FLYOUT_IDS.device, snapshot));
      await settle(el);
      expect(root(el).querySelector('[part~="actions"]')!.textContent).to.contain('Service unavailable.');
      await expect(el).to.be.accessible();
    });

    it('passes axe while confirming', async () => {
      const { el } = await deviceFlyout();
      actionButton(el, 'isolate').click();
      await el.updateComplete;
      expect(actionItem(el, 'isolate')!.dataset.phase).to.equal('confirming');
      await expect(el).to.be.accessible();
    });

    it('passes axe while running', async () => {
      const snapshot = flyoutSnapshot();
      const { el } = await deviceFlyout(scriptedAdapter(snapshot, { run: () => undefined }));
      actionButton(el, 'av-scan').click();
      await el.updateComplete;
      expect(actionItem(el, 'av-scan')!.dataset.phase).to.equal('running');
      await expect(el).to.be.accessible();
    });

    it('passes axe after success and after failure', async () => {
      const snapshot = flyoutSnapshot();
      const adapter = scriptedAdapter(snapshot, {
        run: (request) =>
          request.actionId === 'av-scan' ? { status: 'succeeded', message: 'Scan finished.' } : { status: 'failed', message: 'Device offline.' },
      });
      const { el } = await deviceFlyout(adapter);
      actionButton(el, 'av-scan').click();
      actionButton(el, 'collect-package').click();
      await settle(el);

      expect(actionItem(el, 'av-scan')!.dataset.phase).to.equal('succeeded');
      expect(actionItem(el, 'collect-package')!.dataset.phase).to.equal('failed');
      await expect(el).to.be.accessible();
    });
  });

  describe('list', () => {
    it('lists what the adapter offers for the entity', async () => {
      const { el, adapter } = await deviceFlyout();
      const labels = [...root(el).querySelectorAll('[part~="actions"] .action-button')].map((node) => node.textContent!.trim());

      expect(labels).to.deep.equal(['Isolate device', 'Run antivirus scan', 'Collect investigation package']);
      expect(adapter.listCalls).to.have.length(1);
      expect(adapter.listCalls[0]!.target).to.deep.equal({ incidentId: 'inc-4711', entityId: FLYOUT_IDS.device, kind: 'device' });
    });

    it('has no actions section without listActions', async () => {
      const el = await flyoutWith(undefined, flyoutSession(FLYOUT_IDS.device));
      expect(root(el).querySelector('[part~="actions"]')).to.equal(null);
    });

    it('uses the session adapter when none is set', async () => {
      const snapshot = flyoutSnapshot();
      const adapter = scriptedAdapter(snapshot);
      const session = flyoutSession();
      await session.load(adapter, 'inc-4711');
      session.select({ entityIds: [FLYOUT_IDS.device] });

      const el = await flyoutWith(undefined, session);
      await listed(el);
      expect(adapter.listCalls).to.have.length(1);
    });

    it('says so when nothing is offered', async () => {
      const snapshot = flyoutSnapshot();
      const el = await flyoutWith(scriptedAdapter(snapshot), flyoutSession(FLYOUT_IDS.ip, snapshot));
      await settle(el);
      expect(root(el).querySelector('[part~="actions"]')!.textContent).to.contain('No actions are offered for this entity.');
    });

    it('loads the list again after a failure', async () => {
      const snapshot = flyoutSnapshot();
      let attempts = 0;
      const adapter = scriptedAdapter(snapshot, {
        actions: () => (++attempts === 1 ? new Error('Timed out.') : [{ id: 'av-scan', label: 'Run antivirus scan' }]),
      });
      const el = await flyoutWith(adapter, flyoutSession(FLYOUT_IDS.device, snapshot));
      await settle(el);

      root(el).querySelector<HTMLButtonElement>('[part~="actions"] .text-button')!.click();
      await listed(el);

      expect(adapter.listCalls).to.have.length(2);
      expect(actionButton(el, 'av-scan').textContent!.trim()).to.equal('Run antivirus scan');
    });

    it('discards a late list for another entity and aborts it', async () => {
      const snapshot = flyoutSnapshot();
      const adapter = scriptedAdapter(snapshot, { actions: () => undefined });
      const session = flyoutSession(FLYOUT_IDS.device, snapshot);
      const el = await flyoutWith(adapter, session);

      session.select({ entityIds: [FLYOUT_IDS.process] });
      await el.updateComplete;
      const [deviceCall, processCall] = adapter.listCalls;
      expect(deviceCall!.signal.aborted, 'the device list is aborted').to.equal(true);

      processCall!.resolve([{ id: 'stop-quarantine', label: 'Stop and quarantine file' }]);
      await settle(el);
      // A late result from an adapter that ignores the abort must not show either.
      deviceCall!.settled = false;
      deviceCall!.resolve([{ id: 'isolate', label: 'Isolate device' }]);
      await settle(el);

      expect(actionItem(el, 'stop-quarantine')).to.not.equal(null);
      expect(actionItem(el, 'isolate')).to.equal(null);
    });
  });

  describe('confirmation', () => {
    it('asks before a destructive action and names the target', async () => {
      const { el, adapter } = await deviceFlyout();
      actionButton(el, 'isolate').click();
      await el.updateComplete;

      const panel = actionItem(el, 'isolate')!.querySelector<HTMLElement>('.confirm')!;
      expect(panel.hidden).to.equal(false);
      expect(panel.textContent).to.contain('Run "Isolate device" on device "ws-fin-07.contoso.com"?');
      expect(actionButton(el, 'isolate').getAttribute('aria-expanded')).to.equal('true');
      expect(adapter.runCalls).to.have.length(0);
    });

    it('moves focus to Cancel, and back on cancel', async () => {
      const { el, adapter } = await deviceFlyout();
      actionButton(el, 'isolate').click();
      await el.updateComplete;
      expect(deepActive()?.classList.contains('cancel-button')).to.equal(true);

      (deepActive() as HTMLButtonElement).click();
      await el.updateComplete;

      expect(actionItem(el, 'isolate')!.dataset.phase).to.equal('idle');
      expect(deepActive()).to.equal(actionButton(el, 'isolate'));
      expect(adapter.runCalls).to.have.length(0);
    });

    it('closes on Escape', async () => {
      const { el, adapter } = await deviceFlyout();
      actionButton(el, 'isolate').focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(actionItem(el, 'isolate')!.dataset.phase).to.equal('confirming');

      await sendKeys({ press: 'Escape' });
      await el.updateComplete;

      expect(actionItem(el, 'isolate')!.dataset.phase).to.equal('idle');
      expect(adapter.runCalls).to.have.length(0);
    });

    it('describes actions that confirm or wait', async () => {
      const snapshot = flyoutSnapshot();
      const el = await flyoutWith(scriptedAdapter(snapshot), flyoutSession(FLYOUT_IDS.process, snapshot));
      await actionListed(el, 'stop-quarantine');
      const button = actionButton(el, 'stop-quarantine');
      const hints = root(el).getElementById(button.getAttribute('aria-describedby')!)!;

      expect(hints.textContent).to.equal('Asks for confirmation. Runs once approved.');
    });

    it('runs a non-destructive action at once', async () => {
      const { el, adapter } = await deviceFlyout();
      actionButton(el, 'av-scan').click();
      await el.updateComplete;

      expect(adapter.runCalls).to.have.length(1);
      expect(actionItem(el, 'av-scan')!.querySelector('.confirm')!.hasAttribute('hidden')).to.equal(true);
    });
  });

  describe('running', () => {
    it('sends the request with an idempotency key', async () => {
      const { el, adapter } = await deviceFlyout();
      actionButton(el, 'isolate').click();
      await el.updateComplete;
      actionItem(el, 'isolate')!.querySelector<HTMLButtonElement>('.confirm-button')!.click();

      expect(adapter.runCalls).to.have.length(1);
      const { request } = adapter.runCalls[0]!;
      expect(request.actionId).to.equal('isolate');
      expect(request.target).to.deep.equal({ incidentId: 'inc-4711', entityId: FLYOUT_IDS.device, kind: 'device' });
      expect(request.idempotencyKey).to.match(UUID);
    });

    it('shows progress and blocks a second submit', async () => {
      const snapshot = flyoutSnapshot();
      const { el, adapter } = await deviceFlyout(scriptedAdapter(snapshot, { run: () => undefined }));
      actionButton(el, 'av-scan').click();
      await el.updateComplete;

      const button = actionButton(el, 'av-scan');
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(actionItem(el, 'av-scan')!.querySelector('progress')).to.not.equal(null);
      expect(statusText(el, 'av-scan')).to.equal('Run antivirus scan: in progress…');

      button.click();
      button.focus();
      await sendKeys({ press: 'Enter' });
      expect(adapter.runCalls).to.have.length(1);
    });

    it('sends one request on a double-click', async () => {
      const { el, adapter } = await deviceFlyout();
      const button = actionButton(el, 'av-scan');
      button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, detail: 1 }));
      button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, detail: 2 }));
      button.dispatchEvent(new MouseEvent('dblclick', { bubbles: true, composed: true, detail: 2 }));
      await settle(el);

      expect(adapter.runCalls).to.have.length(1);
    });

    it('sends one request on a double-click on Confirm', async () => {
      const { el, adapter } = await deviceFlyout();
      actionButton(el, 'isolate').click();
      await el.updateComplete;
      const confirm = actionItem(el, 'isolate')!.querySelector<HTMLButtonElement>('.confirm-button')!;
      confirm.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, detail: 1 }));
      confirm.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, detail: 2 }));
      await settle(el);

      expect(adapter.runCalls).to.have.length(1);
    });

    it('keeps focus on the action after confirming', async () => {
      const snapshot = flyoutSnapshot();
      const { el } = await deviceFlyout(scriptedAdapter(snapshot, { run: () => undefined }));
      actionButton(el, 'isolate').click();
      await el.updateComplete;
      actionItem(el, 'isolate')!.querySelector<HTMLButtonElement>('.confirm-button')!.click();
      await el.updateComplete;

      expect(deepActive()).to.equal(actionButton(el, 'isolate'));
    });
  });

  describe('answers', () => {
    it('shows the adapter message on success', async () => {
      const snapshot = flyoutSnapshot();
      const adapter = scriptedAdapter(snapshot, { run: () => ({ status: 'succeeded', message: 'Scan started on ws-fin-07.' }) });
      const { el } = await deviceFlyout(adapter);
      actionButton(el, 'av-scan').click();
      await settle(el);

      expect(actionItem(el, 'av-scan')!.dataset.phase).to.equal('succeeded');
      expect(statusText(el, 'av-scan')).to.equal('Scan started on ws-fin-07.');
      expect(actionButton(el, 'av-scan').getAttribute('aria-disabled')).to.equal('false');
    });

    it('describes an answer without a message', async () => {
      const snapshot = flyoutSnapshot();
      const results: Record<string, ActionResult> = {
        'av-scan': { status: 'succeeded' },
        'collect-package': { status: 'running' },
      };
      const { el } = await deviceFlyout(scriptedAdapter(snapshot, { run: (request) => results[request.actionId] }));
      actionButton(el, 'av-scan').click();
      actionButton(el, 'collect-package').click();
      await settle(el);

      expect(statusText(el, 'av-scan')).to.equal('Run antivirus scan finished.');
      expect(statusText(el, 'collect-package')).to.equal('Collect investigation package started.');
    });

    it('updates the remediation status from the answer only', async () => {
      const snapshot = flyoutSnapshot();
      const adapter = scriptedAdapter(snapshot, { run: () => undefined });
      const { el, session } = await deviceFlyout(adapter);
      const badge = (): VerdictBadge => root(el).querySelector<VerdictBadge>('[part~="header"] il-verdict-badge')!;

      actionButton(el, 'av-scan').click();
      await el.updateComplete;
      expect(badge().remediationStatus, 'not optimistic').to.equal('none');

      adapter.runCalls[0]!.resolve({ status: 'running', remediationStatus: 'running' });
      await settle(el);

      expect(badge().remediationStatus).to.equal('running');
      expect(session.snapshot!.entities.find((entity) => entity.id === FLYOUT_IDS.device)!.remediationStatus).to.equal('running');
      expect(session.graph!.getNodeAttribute(FLYOUT_IDS.device, 'remediationStatus')).to.equal('running');
    });

    it('shows a failure and retries with a new key', async () => {
      const snapshot = flyoutSnapshot();
      const answers: ActionResult[] = [{ status: 'failed', message: 'Device is offline.' }, { status: 'succeeded' }];
      const adapter = scriptedAdapter(snapshot, { run: () => answers.shift() });
      const { el, session } = await deviceFlyout(adapter);

      actionButton(el, 'av-scan').click();
      await settle(el);

      expect(actionItem(el, 'av-scan')!.dataset.phase).to.equal('failed');
      expect(statusText(el, 'av-scan')).to.equal('Device is offline.');
      expect(session.snapshot!.entities.find((entity) => entity.id === FLYOUT_IDS.device)!.remediationStatus).to.equal('none');

      actionItem(el, 'av-scan')!.querySelector<HTMLButtonElement>('.retry-button')!.click();
      await settle(el);

      expect(actionItem(el, 'av-scan')!.dataset.phase).to.equal('succeeded');
      expect(adapter.runCalls).to.have.length(2);
      expect(adapter.runCalls[1]!.request.idempotencyKey, 'the adapter answered, so a retry is a new intent').to.not.equal(
        adapter.runCalls[0]!.request.idempotencyKey,
      );
    });

    it('retries a rejected call with the same key', async () => {
      const snapshot = flyoutSnapshot();
      const answers: Array<ActionResult | Error> = [new Error('Network error.'), { status: 'succeeded' }];
      const adapter = scriptedAdapter(snapshot, { run: () => answers.shift() });
      const { el } = await deviceFlyout(adapter);

      actionButton(el, 'av-scan').click();
      await settle(el);
      expect(statusText(el, 'av-scan')).to.equal('Run antivirus scan failed. Network error.');

      actionItem(el, 'av-scan')!.querySelector<HTMLButtonElement>('.retry-button')!.click();
      await settle(el);

      expect(adapter.runCalls[1]!.request.idempotencyKey).to.equal(adapter.runCalls[0]!.request.idempotencyKey);
      expect(actionItem(el, 'av-scan')!.dataset.phase).to.equal('succeeded');
    });

    it('shows an adapter that throws', async () => {
      const snapshot = flyoutSnapshot();
      const adapter = scriptedAdapter(snapshot);
      adapter.runAction = () => {
        throw new TypeError('runAction is not ready.');
      };
      const { el } = await deviceFlyout(adapter);

      actionButton(el, 'av-scan').click();
      await settle(el);

      expect(actionItem(el, 'av-scan')!.dataset.phase).to.equal('failed');
      expect(statusText(el, 'av-scan')).to.equal('Run antivirus scan failed. runAction is not ready.');
    });

    it('fails without runAction', async () => {
      const snapshot = flyoutSnapshot();
      const adapter = scriptedAdapter(snapshot);
      delete adapter.runAction;
      const { el } = await deviceFlyout(adapter);

      actionButton(el, 'av-scan').click();
      await settle(el);

      expect(statusText(el, 'av-scan')).to.equal('Run antivirus scan failed. The adapter cannot run actions.');
    });

    it('builds keys without randomUUID', () => {
      const original = Object.getOwnPropertyDescriptor(Crypto.prototype, 'randomUUID')!;
      Object.defineProperty(Crypto.prototype, 'randomUUID', { configurable: true, value: undefined });
      try {
        const keys = Array.from({ length: 50 }, () => newIdempotencyKey());
        for (const key of keys) expect(key).to.match(UUID);
        expect(new Set(keys).size).to.equal(50);
      } finally {
        Object.defineProperty(Crypto.prototype, 'randomUUID', original);
      }
    });

    it('uses a new key for a new run after a success', async () => {
      const { el, adapter } = await deviceFlyout();
      actionButton(el, 'av-scan').click();
      await settle(el);
      actionButton(el, 'av-scan').click();
      await settle(el);

      expect(adapter.runCalls).to.have.length(2);
      expect(adapter.runCalls[1]!.request.idempotencyKey).to.not.equal(adapter.runCalls[0]!.request.idempotencyKey);
    });
  });

  describe('races', () => {
    it('aborts a hanging action when another entity is shown', async () => {
      const snapshot = flyoutSnapshot();
      const adapter = scriptedAdapter(snapshot, { run: () => undefined });
      const { el, session } = await deviceFlyout(adapter);
      const events = recordEvents(el);

      actionButton(el, 'av-scan').click();
      await el.updateComplete;
      session.select({ entityIds: [FLYOUT_IDS.process] });
      await settle(el);

      expect(adapter.runCalls[0]!.signal.aborted).to.equal(true);
      expect(events.map((event) => event.type), 'an aborted call fires no answer event').to.deep.equal(['il-action-request']);
      expect(root(el).querySelector('[part~="title"]')!.textContent).to.equal('powershell.exe');
    });

    it('reuses the key of an aborted attempt', async () => {
      const snapshot = flyoutSnapshot();
      const adapter = scriptedAdapter(snapshot, { run: () => undefined });
      const { el, session } = await deviceFlyout(adapter);

      actionButton(el, 'av-scan').click();
      session.select({ entityIds: [FLYOUT_IDS.process] });
      await settle(el);
      session.select({ entityIds: [FLYOUT_IDS.device] });
      await actionListed(el, 'av-scan');
      expect(actionItem(el, 'av-scan')!.dataset.phase, 'state starts over').to.equal('idle');

      actionButton(el, 'av-scan').click();
      expect(adapter.runCalls[1]!.request.idempotencyKey).to.equal(adapter.runCalls[0]!.request.idempotencyKey);
    });

    it('discards answers that arrive out of order', async () => {
      const snapshot = flyoutSnapshot();
      const adapter = scriptedAdapter(snapshot, { run: () => undefined });
      const { el, session } = await deviceFlyout(adapter);
      const events = recordEvents(el);

      actionButton(el, 'av-scan').click();
      session.select({ entityIds: [FLYOUT_IDS.process] });
      await actionListed(el, 'stop-quarantine');
      actionButton(el, 'stop-quarantine').click();
      await el.updateComplete;
      actionItem(el, 'stop-quarantine')!.querySelector<HTMLButtonElement>('.confirm-button')!.click();

      const [deviceCall, processCall] = adapter.runCalls;
      processCall!.resolve({ status: 'succeeded', message: 'Quarantined.', remediationStatus: 'remediated' });
      await settle(el);
      // The device's result comes last, from an adapter that ignores the abort.
      deviceCall!.settled = false;
      deviceCall!.resolve({ status: 'succeeded', remediationStatus: 'remediated' });
      await settle(el);

      const entities = session.snapshot!.entities;
      expect(statusText(el, 'stop-quarantine')).to.equal('Quarantined.');
      expect(entities.find((entity) => entity.id === FLYOUT_IDS.process)!.remediationStatus).to.equal('remediated');
      expect(entities.find((entity) => entity.id === FLYOUT_IDS.device)!.remediationStatus).to.equal('none');
      expect(events.filter((event) => event.type === 'il-action-complete')).to.have.length(1);
    });

    it('sends an action to the entity on screen', async () => {
      const { el, adapter, session } = await deviceFlyout();
      const button = actionButton(el, 'av-scan');

      // The selection moves on, but the flyout has not rendered the new entity yet.
      session.select({ entityIds: [FLYOUT_IDS.user] });
      button.click();

      expect(adapter.runCalls).to.have.length(1);
      expect(adapter.runCalls[0]!.request.target.entityId).to.equal(FLYOUT_IDS.device);
    });

    it('ignores a button of an entity no longer shown', async () => {
      const { el, adapter, session } = await deviceFlyout();
      const button = actionButton(el, 'av-scan');
      session.select({ entityIds: [FLYOUT_IDS.user] });
      await el.updateComplete;

      button.click();
      expect(adapter.runCalls).to.have.length(0);
    });
  });

  describe('events', () => {
    it('fires il-action-request, then il-action-complete', async () => {
      const snapshot = flyoutSnapshot();
      const adapter = scriptedAdapter(snapshot, { run: () => ({ status: 'succeeded', message: 'Done.' }) });
      const { el } = await deviceFlyout(adapter);
      const events = recordEvents(el);

      actionButton(el, 'av-scan').click();
      await settle(el);

      expect(events.map((event) => event.type)).to.deep.equal(['il-action-request', 'il-action-complete']);
      const request = events[0] as ActionRequestEvent;
      const complete = events[1] as ActionCompleteEvent;
      expect(request.cancelable).to.equal(true);
      expect(request.bubbles).to.equal(true);
      expect(request.composed).to.equal(true);
      expect(request.detail.type).to.equal('run');
      expect(request.detail.signal).to.be.instanceOf(AbortSignal);
      expect(complete.detail.type).to.equal('run');
      expect((complete.detail as RunActionWork).request).to.deep.equal(adapter.runCalls[0]!.request);
      expect(complete.detail.result).to.deep.equal({ status: 'succeeded', message: 'Done.' });
      expect(complete.bubbles).to.equal(true);
      expect(complete.composed).to.equal(true);
    });

    it('fires il-action-error with the result or the error', async () => {
      const snapshot = flyoutSnapshot();
      const error = new Error('Forbidden.');
      const adapter = scriptedAdapter(snapshot, {
        run: (request) => (request.actionId === 'av-scan' ? { status: 'failed', message: 'Offline.' } : error),
      });
      const { el } = await deviceFlyout(adapter);
      const events = recordEvents(el);

      actionButton(el, 'av-scan').click();
      actionButton(el, 'collect-package').click();
      await settle(el);

      const errors = events.filter((event): event is ActionErrorEvent => event.type === 'il-action-error');
      expect(errors).to.have.length(2);
      expect(errors[0]!.detail.result).to.deep.equal({ status: 'failed', message: 'Offline.' });
      expect(errors[0]!.detail.message).to.equal('Offline.');
      expect(errors[1]!.detail.error).to.equal(error);
      expect(errors[1]!.detail.message).to.equal('Collect investigation package failed. Forbidden.');
    });

    it('lets a host veto an action', async () => {
      const { el, adapter } = await deviceFlyout();
      el.addEventListener('il-action-request', (event) => event.preventDefault());

      actionButton(el, 'av-scan').click();
      await settle(el);

      expect(adapter.runCalls).to.have.length(0);
      expect(actionItem(el, 'av-scan')!.dataset.phase).to.equal('idle');
    });

    it('lets a host answer an action itself', async () => {
      const { el, adapter } = await deviceFlyout();
      let answer: (result: ActionResult) => void = () => {};
      el.addEventListener('il-action-request', (event) =>
        event.respondWith(new Promise<ActionResult>((resolve) => (answer = resolve))),
      );

      actionButton(el, 'av-scan').click();
      await el.updateComplete;
      expect(actionItem(el, 'av-scan')!.dataset.phase).to.equal('running');

      answer({ status: 'succeeded', message: 'Handled by the host.' });
      await settle(el);

      expect(adapter.runCalls).to.have.length(0);
      expect(statusText(el, 'av-scan')).to.equal('Handled by the host.');
    });

    it('fires nothing when the host sets properties', async () => {
      const snapshot = flyoutSnapshot();
      const adapter = scriptedAdapter(snapshot);
      const session = flyoutSession(FLYOUT_IDS.device, snapshot);
      const el = await flyoutWith(adapter, session);
      const events = recordEvents(el);
      const closes: Event[] = [];
      el.addEventListener('il-flyout-close', (event) => closes.push(event));

      await listed(el);
      el.entityId = FLYOUT_IDS.process;
      await settle(el);
      el.adapter = scriptedAdapter(snapshot);
      el.mode = 'modal';
      el.open = true;
      await settle(el);
      el.open = false;
      el.mode = 'docked';
      await settle(el);

      expect(events).to.deep.equal([]);
      expect(closes).to.deep.equal([]);
    });
  });
});
