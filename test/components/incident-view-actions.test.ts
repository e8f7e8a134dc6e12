import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/incident-view/define.js';
import type { IncidentView } from '../../src/components/incident-view/incident-view.js';
import type { VerdictBadge } from '../../src/components/verdict-badge/verdict-badge.js';
import { IncidentSession } from '../../src/session/session.js';
import { styleProperties } from '../../src/components/shared/style-properties.js';
import { viewSnapshot } from '../fixtures/view-snapshot.js';
import { scriptedAdapter } from './entity-flyout-adapters.js';

const DEVICE = 'device:ws-042';

async function viewWithSession(session: IncidentSession): Promise<IncidentView> {
  const view = await fixture<IncidentView>(html`<il-incident-view style=${styleProperties({ height: '700px', width: '1200px' })} .session=${session}></il-incident-view>`);
  await view.loaded;
  return view;
}

/** Returns the badge of an entity in the alert pane's list of involved entities. */
function alertPaneBadge(view: IncidentView, entityName: string): VerdictBadge {
  const items = [...view.shadowRoot!.querySelectorAll('[part="alert-details"] .link-list li')];
  const item = items.find((element) => element.querySelector('.entity-name')?.textContent === entityName);
  expect(item, `alert pane row of ${entityName}`).to.not.equal(undefined);
  return item!.querySelector('il-verdict-badge')!;
}

describe('<il-incident-view> after actions', () => {
  it('shows a remediation status changed after load', async () => {
    const session = new IncidentSession();
    session.setSnapshot(viewSnapshot());
    const view = await viewWithSession(session);
    session.select({ alertIds: ['view-1-alert-1'] });
    await view.updateComplete;
    expect(alertPaneBadge(view, 'ws-042.contoso.com').remediationStatus).to.equal(undefined);

    session.updateEntity(DEVICE, { remediationStatus: 'remediated' });
    await view.updateComplete;

    expect(alertPaneBadge(view, 'ws-042.contoso.com').remediationStatus).to.equal('remediated');
  });

  it('keeps the alert evidence status otherwise', async () => {
    const session = new IncidentSession();
    session.setSnapshot(viewSnapshot());
    const view = await viewWithSession(session);
    session.select({ alertIds: ['view-1-alert-1'] });
    await view.updateComplete;

    session.updateEntity(DEVICE, { remediationStatus: 'remediated' });
    await view.updateComplete;

    const processBadge = alertPaneBadge(view, 'powershell.exe');
    expect(processBadge.remediationStatus, 'the alert gave the process this status').to.equal('remediated');
    expect(processBadge.verdict).to.equal('malicious');
    expect(alertPaneBadge(view, 'ws-042.contoso.com').verdict, 'the alert verdict of the device').to.equal('suspicious');
  });

  it('shows a changed verdict from the entity', async () => {
    const session = new IncidentSession();
    session.setSnapshot(viewSnapshot());
    const view = await viewWithSession(session);
    session.select({ alertIds: ['view-1-alert-2'] });
    await view.updateComplete;

    session.updateEntity('user:jdoe', { verdict: 'malicious' });
    await view.updateComplete;

    expect(alertPaneBadge(view, 'Jane Doe').verdict).to.equal('malicious');
  });

  it('forgets changes when a new snapshot is set', async () => {
    const session = new IncidentSession();
    session.setSnapshot(viewSnapshot());
    const view = await viewWithSession(session);
    session.updateEntity(DEVICE, { remediationStatus: 'remediated' });

    session.setSnapshot(viewSnapshot());
    await view.loaded;
    session.select({ alertIds: ['view-1-alert-1'] });
    await view.updateComplete;

    expect(alertPaneBadge(view, 'ws-042.contoso.com').remediationStatus).to.equal(undefined);
  });

  it('shows the status an action in the flyout returned', async () => {
    const snapshot = viewSnapshot();
    const adapter = scriptedAdapter(snapshot, {
      run: () => ({ status: 'succeeded', message: 'Scan finished.', remediationStatus: 'remediated' }),
    });
    const view = await fixture<IncidentView>(html`
      <il-incident-view style=${styleProperties({ height: '700px', width: '1200px' })} .adapter=${adapter} incident-id=${snapshot.incident.id}></il-incident-view>
    `);
    await view.loaded;
    // The view passes the session it loaded to its inner elements.
    const session = view.shadowRoot!.querySelector('il-incident-graph')!.session;
    expect(session, 'the session the view loaded').to.be.instanceOf(IncidentSession);

    session!.select({ entityIds: [DEVICE] });
    await view.updateComplete;
    const flyout = view.shadowRoot!.querySelector('il-entity-flyout')!;
    await flyout.updateComplete;
    await waitFor(() => flyout.shadowRoot!.querySelector('li[data-action-id="av-scan"] .action-button') !== null);

    // The flyout's events are composed, so they reach listeners on the view.
    const completed = new Promise((resolve) => view.addEventListener('il-action-complete', resolve, { once: true }));
    flyout.shadowRoot!.querySelector<HTMLButtonElement>('li[data-action-id="av-scan"] .action-button')!.click();
    await completed;
    await flyout.updateComplete;

    expect(adapter.runCalls).to.have.length(1);
    expect(adapter.runCalls[0]!.request.target.entityId).to.equal(DEVICE);
    const headerBadge = flyout.shadowRoot!.querySelector<VerdictBadge>('[part="header"] il-verdict-badge')!;
    expect(headerBadge.remediationStatus).to.equal('remediated');
    expect(view.graph!.getNodeAttribute(DEVICE, 'remediationStatus')).to.equal('remediated');

    session!.select({ alertIds: ['view-1-alert-2'] });
    await view.updateComplete;
    expect(alertPaneBadge(view, 'ws-042.contoso.com').remediationStatus).to.equal('remediated');
  });

  it('re-renders for pending action changes', async () => {
    const session = new IncidentSession();
    session.setSnapshot({
      ...viewSnapshot(),
      pendingActions: [{ id: 'pending-1', action: 'Isolate device', entityId: DEVICE, status: 'pending' }],
    });
    const view = await viewWithSession(session);
    await view.updateComplete;

    session.updatePendingAction('pending-1', { status: 'approved' });

    expect(view.isUpdatePending, 'the view asked for an update').to.equal(true);
    await view.updateComplete;
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeoutMs) throw new Error(`Condition not met within ${timeoutMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
