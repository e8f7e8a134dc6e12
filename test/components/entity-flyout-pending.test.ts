import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ActionResult, IncidentDataAdapter } from '../../src/adapter/adapter.js';
import '../../src/components/entity-flyout/define.js';
import { followDecidedActions } from '../../src/components/entity-flyout/entity-links.js';
import type { EntityFlyout } from '../../src/components/entity-flyout/entity-flyout.js';
import type { ActionErrorEvent, ActionRequestEvent } from '../../src/components/entity-flyout/events.js';
import type { VerdictBadge } from '../../src/components/verdict-badge/verdict-badge.js';
import type { IncidentSession } from '../../src/session/session.js';
import { FLYOUT_IDS, flyoutSession, flyoutSnapshot } from '../fixtures/flyout-snapshot.js';
import { pendingQuarantine, scriptedAdapter, withPendingAction, type ScriptedAdapter } from './entity-flyout-adapters.js';
import { deepActive, flyoutWith, remediationOf, root, settle } from './entity-flyout-helpers.js';

const PENDING_ID = pendingQuarantine().id;

async function processFlyout(
  script: Parameters<typeof scriptedAdapter>[1] = {},
): Promise<{ el: EntityFlyout; adapter: ScriptedAdapter; session: IncidentSession }> {
  const snapshot = withPendingAction(flyoutSnapshot());
  const session = flyoutSession(FLYOUT_IDS.process, snapshot);
  const adapter = scriptedAdapter(snapshot, script);
  const el = await flyoutWith(adapter, session);
  return { el, adapter, session };
}

function pendingItem(el: EntityFlyout): HTMLElement | null {
  return root(el).querySelector<HTMLElement>(`li[data-pending-action-id="${PENDING_ID}"]`);
}

function decisionButton(el: EntityFlyout, decision: 'approve' | 'reject'): HTMLButtonElement | null {
  return pendingItem(el)!.querySelector<HTMLButtonElement>(`button[data-decision="${decision}"]`);
}

function statusText(el: EntityFlyout): string {
  return pendingItem(el)!.querySelector('.action-status')!.textContent!.replace(/\s+/g, ' ').trim();
}

/** Returns the alert row of the flyout's "Alerts" section for this alert id. */
function alertRow(el: EntityFlyout, alertId: string): HTMLButtonElement {
  return root(el).querySelector<HTMLButtonElement>(`[part~="alerts"] button[data-alert-id="${alertId}"]`)!;
}

function alertRowRemediation(el: EntityFlyout, alertId: string): string | undefined {
  return alertRow(el, alertId).querySelector<VerdictBadge>('il-verdict-badge')!.remediationStatus;
}

function pendingStatus(session: IncidentSession): string | undefined {
  return session.snapshot!.pendingActions!.find((action) => action.id === PENDING_ID)?.status;
}

describe('<il-entity-flyout> pending actions', () => {
  describe('accessibility', () => {
    it('passes axe while the action waits for approval', async () => {
      const { el } = await processFlyout();
      await expect(el).to.be.accessible();
    });

    it('passes axe while approving', async () => {
      const { el } = await processFlyout({ decide: () => undefined });
      decisionButton(el, 'approve')!.click();
      await el.updateComplete;
      expect(pendingItem(el)!.dataset.phase).to.equal('deciding');
      await expect(el).to.be.accessible();
    });

    it('passes axe once rejected', async () => {
      const { el } = await processFlyout();
      decisionButton(el, 'reject')!.click();
      await settle(el);
      expect(pendingItem(el)!.dataset.phase).to.equal('decided');
      await expect(el).to.be.accessible();
    });

    it('passes axe after a failed decision', async () => {
      const { el } = await processFlyout({ decide: () => ({ status: 'failed', message: 'Approval expired.' }) });
      decisionButton(el, 'approve')!.click();
      await settle(el);
      expect(pendingItem(el)!.dataset.phase).to.equal('failed');
      await expect(el).to.be.accessible();
    });
  });

  describe('list', () => {
    it('shows the pending action with who asked and its status', async () => {
      const { el } = await processFlyout();
      const text = pendingItem(el)!.textContent!.replace(/\s+/g, ' ');

      expect(root(el).querySelector('[part~="pending-actions"] h3')!.textContent).to.equal('Pending actions (1)');
      expect(text).to.contain('Stop and quarantine file');
      expect(text).to.contain('Requested by Automated investigation 12');
      expect(text).to.contain('03/14/2026, 09:08:00 AM UTC');
      expect(text).to.contain('Status: pending');
      expect(decisionButton(el, 'approve')!.getAttribute('aria-label')).to.equal('Approve Stop and quarantine file');
      expect(decisionButton(el, 'reject')!.getAttribute('aria-label')).to.equal('Reject Stop and quarantine file');
    });

    it('heading counts only undecided actions', async () => {
      const { el } = await processFlyout({ decide: () => ({ status: 'succeeded' }) });
      const heading = (): string => root(el).querySelector('[part~="pending-actions"] h3')!.textContent!;
      expect(heading()).to.equal('Pending actions (1)');

      decisionButton(el, 'approve')!.click();
      await settle(el);

      expect(heading(), 'no action waits once approved').to.equal('Decided actions (1)');
      expect(pendingItem(el)!.textContent).to.contain('Status: approved');
    });

    it('has no section for an entity without pending actions', async () => {
      const snapshot = withPendingAction(flyoutSnapshot());
      const el = await flyoutWith(scriptedAdapter(snapshot), flyoutSession(FLYOUT_IDS.device, snapshot));
      expect(root(el).querySelector('[part~="pending-actions"]')).to.equal(null);
    });

    it('has no buttons without decidePendingAction', async () => {
      const snapshot = withPendingAction(flyoutSnapshot());
      const adapter: IncidentDataAdapter = { loadIncident: () => Promise.resolve(snapshot) };
      const el = await flyoutWith(adapter, flyoutSession(FLYOUT_IDS.process, snapshot));

      expect(pendingItem(el)).to.not.equal(null);
      expect(decisionButton(el, 'approve')).to.equal(null);
    });
  });

  describe('deciding', () => {
    it('approves with an idempotency key and shows progress', async () => {
      const { el, adapter } = await processFlyout({ decide: () => undefined });
      decisionButton(el, 'approve')!.click();
      await el.updateComplete;

      expect(adapter.decideCalls).to.have.length(1);
      const [call] = adapter.decideCalls;
      expect(call!.pendingActionId).to.equal(PENDING_ID);
      expect(call!.decision).to.equal('approve');
      expect(call!.idempotencyKey).to.match(/^[0-9a-f-]{36}$/);
      expect(decisionButton(el, 'approve')!.getAttribute('aria-disabled')).to.equal('true');
      expect(decisionButton(el, 'reject')!.getAttribute('aria-disabled')).to.equal('true');
      expect(statusText(el)).to.equal('Approving Stop and quarantine file…');
      expect(pendingItem(el)!.querySelector('progress')).to.not.equal(null);
    });

    it('changes statuses from the answer, never before', async () => {
      const { el, adapter, session } = await processFlyout({ decide: () => undefined });
      const badge = (): VerdictBadge => root(el).querySelector<VerdictBadge>('[part~="header"] il-verdict-badge')!;

      decisionButton(el, 'approve')!.click();
      await el.updateComplete;
      expect(pendingStatus(session)).to.equal('pending');
      expect(badge().remediationStatus).to.equal('pendingApproval');

      adapter.decideCalls[0]!.resolve({ status: 'succeeded', message: 'Approved; quarantine runs.', remediationStatus: 'running' });
      await settle(el);

      expect(pendingStatus(session)).to.equal('approved');
      expect(remediationOf(session, FLYOUT_IDS.process)).to.equal('running');
      expect(badge().remediationStatus).to.equal('running');
      expect(statusText(el)).to.equal('Approved; quarantine runs.');
      expect(decisionButton(el, 'approve'), 'a decided action has no buttons').to.equal(null);
      expect(deepActive()?.classList.contains('pending-name')).to.equal(true);
    });

    it('rejects', async () => {
      const { el, adapter, session } = await processFlyout({ decide: () => ({ status: 'succeeded' }) });
      decisionButton(el, 'reject')!.click();
      await settle(el);

      expect(adapter.decideCalls[0]!.decision).to.equal('reject');
      expect(pendingStatus(session)).to.equal('rejected');
      expect(remediationOf(session, FLYOUT_IDS.process), 'no status in the answer').to.equal('pendingApproval');
      expect(statusText(el)).to.equal('Rejected.');
      expect(pendingItem(el)!.textContent).to.contain('Status: rejected');
    });

    it('sends one decision on a double-click', async () => {
      const { el, adapter } = await processFlyout();
      const approve = decisionButton(el, 'approve')!;
      approve.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, detail: 1 }));
      approve.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, detail: 2 }));
      decisionButton(el, 'reject')!.click();
      await settle(el);

      expect(adapter.decideCalls).to.have.length(1);
    });

    it('shows a failure and lets the user decide again', async () => {
      const answers: Array<ActionResult | Error> = [{ status: 'failed', message: 'Approval expired.' }, new Error('Timed out.'), { status: 'succeeded' }];
      const { el, adapter, session } = await processFlyout({ decide: () => answers.shift() });
      const errors: ActionErrorEvent[] = [];
      el.addEventListener('il-action-error', (event) => errors.push(event));

      decisionButton(el, 'approve')!.click();
      await settle(el);
      expect(statusText(el)).to.equal('Approval expired.');
      expect(pendingStatus(session)).to.equal('pending');

      decisionButton(el, 'approve')!.click();
      await settle(el);
      expect(statusText(el)).to.equal('The approval failed. Timed out.');

      decisionButton(el, 'approve')!.click();
      await settle(el);
      expect(pendingStatus(session)).to.equal('approved');

      const keys = adapter.decideCalls.map((call) => call.idempotencyKey);
      expect(keys[1], 'after a failed answer, a new intent').to.not.equal(keys[0]);
      expect(keys[2], 'after a rejected call, the same intent').to.equal(keys[1]);
      expect(errors.map((event) => event.detail.type)).to.deep.equal(['decision', 'decision']);
    });

    it('aborts a hanging decision when another entity is shown', async () => {
      const { el, adapter, session } = await processFlyout({ decide: () => undefined });
      decisionButton(el, 'approve')!.click();
      session.select({ entityIds: [FLYOUT_IDS.device] });
      await settle(el);

      expect(adapter.decideCalls[0]!.signal.aborted).to.equal(true);
      adapter.decideCalls[0]!.settled = false;
      adapter.decideCalls[0]!.resolve({ status: 'succeeded', remediationStatus: 'remediated' });
      await settle(el);

      expect(pendingStatus(session)).to.equal('pending');
      expect(remediationOf(session, FLYOUT_IDS.process)).to.equal('pendingApproval');
    });

    it('fires a cancelable il-action-request for the decision', async () => {
      const { el, adapter } = await processFlyout();
      const requests: ActionRequestEvent[] = [];
      el.addEventListener('il-action-request', (event) => {
        requests.push(event);
        event.preventDefault();
      });

      decisionButton(el, 'reject')!.click();
      await settle(el);

      expect(requests).to.have.length(1);
      const { detail } = requests[0]!;
      expect(detail.type).to.equal('decision');
      if (detail.type !== 'decision') return;
      expect(detail.decision).to.equal('reject');
      expect(detail.pendingAction.id).to.equal(PENDING_ID);
      expect(detail.target.entityId).to.equal(FLYOUT_IDS.process);
      expect(adapter.decideCalls, 'vetoed').to.have.length(0);
      expect(pendingItem(el)!.dataset.phase).to.equal('idle');
    });

    it('lists actions and pending actions together', async () => {
      const { el } = await processFlyout();
      await waitUntil(() => root(el).querySelector('li[data-action-id="stop-quarantine"]'));

      const sections = [...root(el).querySelectorAll('[part~="section"]')].map((node) => node.getAttribute('part'));
      expect(sections.indexOf('section actions')).to.be.lessThan(sections.indexOf('section pending-actions'));
    });

    it('puts both before the details', async () => {
      const { el } = await processFlyout();
      await waitUntil(() => root(el).querySelector('li[data-action-id="stop-quarantine"]'));

      const sections = [...root(el).querySelectorAll('[part~="section"]')].map((node) => node.getAttribute('part'));
      expect(sections.indexOf('section pending-actions'), 'pending actions').to.be.lessThan(sections.indexOf('section details'));
      expect(sections.indexOf('section actions'), 'actions').to.be.lessThan(sections.indexOf('section details'));
    });

    it('shows Approve without scrolling', async () => {
      const { el } = await processFlyout();
      await waitUntil(() => root(el).querySelector('li[data-action-id="stop-quarantine"]'));
      const body = root(el).querySelector<HTMLElement>('[part="body"]')!;
      const approve = decisionButton(el, 'approve')!.getBoundingClientRect();
      const reject = decisionButton(el, 'reject')!.getBoundingClientRect();

      expect(body.scrollHeight, 'the body scrolls at all').to.be.greaterThan(body.clientHeight);
      expect(body.scrollTop).to.equal(0);
      expect(approve.top, 'Approve top').to.be.at.least(body.getBoundingClientRect().top);
      expect(approve.bottom, 'Approve bottom').to.be.at.most(body.getBoundingClientRect().bottom);
      expect(reject.bottom, 'Reject bottom').to.be.at.most(body.getBoundingClientRect().bottom);
    });

    it('reaches Approve by Tab before the details', async () => {
      const { el } = await processFlyout();
      await waitUntil(() => root(el).querySelector('li[data-action-id="stop-quarantine"]'));
      root(el).querySelector<HTMLElement>('[part="close-button"]')!.focus();
      const details = root(el).querySelector('[part~="details"]')!;

      const reached: Element[] = [];
      for (let step = 0; step < 6 && !details.contains(root(el).activeElement); step++) {
        await sendKeys({ press: 'Tab' });
        reached.push(root(el).activeElement!);
      }

      const approveAt = reached.indexOf(decisionButton(el, 'approve')!);
      const rejectAt = reached.indexOf(decisionButton(el, 'reject')!);
      const detailsAt = reached.findIndex((control) => details.contains(control));
      expect(approveAt, 'Approve reached').to.be.at.least(0);
      expect(rejectAt, 'Reject right after Approve').to.equal(approveAt + 1);
      expect(detailsAt, 'details reached after Reject').to.be.greaterThan(rejectAt);
    });
  });

  describe('alert rows', () => {
    it('follow an approved action', async () => {
      const { el } = await processFlyout({ decide: () => ({ status: 'succeeded', remediationStatus: 'remediated' }) });
      expect(alertRowRemediation(el, FLYOUT_IDS.alertPowerShell), 'before').to.equal('pendingApproval');
      expect(alertRow(el, FLYOUT_IDS.alertPowerShell).textContent).to.contain('waiting for approval');

      decisionButton(el, 'approve')!.click();
      await settle(el);

      expect(alertRowRemediation(el, FLYOUT_IDS.alertPowerShell), 'after').to.equal('remediated');
      expect(alertRow(el, FLYOUT_IDS.alertPowerShell).textContent).to.not.contain('waiting for approval');
      expect(alertRowRemediation(el, FLYOUT_IDS.alertPersistence), 'an alert that recorded no wait').to.equal('running');
    });

    it('follow a rejected action', async () => {
      const { el } = await processFlyout({ decide: () => ({ status: 'succeeded', remediationStatus: 'declined' }) });
      decisionButton(el, 'reject')!.click();
      await settle(el);

      expect(alertRowRemediation(el, FLYOUT_IDS.alertPowerShell)).to.equal('declined');
    });

    it('keep the wait without a new entity status', async () => {
      const { el } = await processFlyout({ decide: () => ({ status: 'succeeded' }) });
      decisionButton(el, 'approve')!.click();
      await settle(el);

      expect(alertRowRemediation(el, FLYOUT_IDS.alertPowerShell)).to.equal('pendingApproval');
      expect(alertRow(el, FLYOUT_IDS.alertPowerShell).textContent).to.contain('waiting for approval');
    });
  });
});

describe('followDecidedActions', () => {
  const evidence = {
    entityId: FLYOUT_IDS.process,
    roles: ['attacker'],
    remediationStatus: 'pendingApproval',
    remediationStatusDetails: 'Waiting for approval in the Action center',
  } as const;
  const remediated = { ...flyoutSnapshot().entities.find((entity) => entity.id === FLYOUT_IDS.process)!, remediationStatus: 'remediated' as const };
  const approved = { ...pendingQuarantine(), status: 'approved' };

  it('takes the status once every action is decided', () => {
    const followed = followDecidedActions({ ...evidence, roles: [...evidence.roles] }, remediated, [approved]);
    expect(followed.remediationStatus).to.equal('remediated');
    expect(followed.remediationStatusDetails).to.equal(undefined);
    expect(followed.roles).to.deep.equal(['attacker']);
  });

  it('waits while another action is undecided', () => {
    const undecided = { ...pendingQuarantine(), id: 'pa-second', status: 'pendingApproval' };
    const waiting = followDecidedActions({ ...evidence, roles: [] }, remediated, [approved, undecided]);
    expect(waiting.remediationStatus).to.equal('pendingApproval');
    expect(waiting.remediationStatusDetails).to.equal(evidence.remediationStatusDetails);
  });

  it('keeps the record without pending actions', () => {
    expect(followDecidedActions({ ...evidence, roles: [] }, remediated, []).remediationStatus).to.equal('pendingApproval');
  });

  it('keeps any other recorded status', () => {
    const running = { entityId: FLYOUT_IDS.process, roles: [], remediationStatus: 'running' } as const;
    expect(followDecidedActions({ ...running, roles: [] }, remediated, [approved]).remediationStatus).to.equal('running');
  });
});
