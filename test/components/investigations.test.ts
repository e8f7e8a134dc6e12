import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/investigations/define.js';
import type { AutomatedInvestigation, IncidentDataAdapter } from '../../src/adapter/adapter.js';
import type { IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';
import { buildInvestigationGraph } from '../../src/components/investigations/investigation-graph.js';
import type { Investigations } from '../../src/components/investigations/investigations.js';
import type { IncidentSnapshot } from '../../src/model/types.js';
import type { IncidentSession } from '../../src/session/session.js';
import { scriptedAdapter } from './entity-flyout-adapters.js';
import { deepActiveElement, generatedSession, recordEvents, sampleSnapshots, sessionOf, settle } from './incident-lists-helpers.js';

const EVENT_TYPES = ['il-selection-change', 'il-action-request', 'il-action-complete', 'il-action-error'] as const;

/** Returns the first sample with one investigation of its first alert and a pending action on its first entity. */
function investigatedSnapshot(): IncidentSnapshot {
  const snapshot = sampleSnapshots()[0]!;
  const alert = snapshot.alerts[0]!;
  const entityIds = alert.evidence.map((evidence) => evidence.entityId);
  snapshot.pendingActions = [
    { id: 'pa-7', action: 'Quarantine file', entityId: entityIds[0]!, status: 'pending', investigationId: 'inv-7' },
  ];
  snapshot.investigations = [
    { id: 'inv-7', state: 'pendingApproval', startTime: alert.firstActivityTime, alertIds: [alert.id], entityIds, pendingActionIds: ['pa-7'] },
  ];
  return snapshot;
}

/** Returns the adapter's richer copy of the snapshot's investigation, and a second, finished one. */
function adapterInvestigations(snapshot: IncidentSnapshot): AutomatedInvestigation[] {
  const first = snapshot.investigations![0]!;
  return [
    {
      ...first,
      name: 'Automated investigation 7',
      actionsTaken: [
        { action: 'Collected investigation package', time: first.startTime, actor: 'Automation', status: 'completed' },
        { action: 'Scanned the device', entityId: first.entityIds[0], actor: 'Automation', status: 'completed' },
      ],
    },
    { id: 'inv-8', name: 'Automated investigation 8', state: 'benign', alertIds: [snapshot.alerts.at(-1)!.id], entityIds: [], pendingActionIds: [] },
  ];
}

function withInvestigations(adapter: IncidentDataAdapter, investigations: AutomatedInvestigation[] | Error): IncidentDataAdapter {
  return Object.assign(adapter, {
    async listInvestigations() {
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (investigations instanceof Error) throw investigations;
      return investigations;
    },
  });
}

async function viewFor(session: IncidentSession, adapter?: IncidentDataAdapter): Promise<Investigations> {
  return fixture<Investigations>(html`<il-investigations .session=${session} .adapter=${adapter}></il-investigations>`);
}

function $(el: Investigations, selector: string): HTMLElement {
  const found = el.shadowRoot!.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`No element matches ${selector}`);
  return found;
}

async function listed(el: Investigations): Promise<void> {
  await waitUntil(() => el.shadowRoot!.querySelector('[part~="investigation-button"]') !== null, 'no investigation showed');
  await el.updateComplete;
}

describe('<il-investigations>', () => {
  describe('accessibility', () => {
    it('passes axe with history and pending actions', async () => {
      const snapshot = investigatedSnapshot();
      const adapter = withInvestigations(scriptedAdapter(snapshot), adapterInvestigations(snapshot));
      const el = await viewFor(sessionOf(snapshot), adapter);
      await listed(el);
      await expect(el).to.be.accessible();
    });

    it('passes axe with no investigation', async () => {
      const el = await viewFor(sessionOf(sampleSnapshots()[0]!));
      await expect(el).to.be.accessible();
      expect(el.shadowRoot!.textContent).to.include('No automated investigation');
    });
  });

  describe('sources', () => {
    it('shows the snapshot investigations without the method', async () => {
      const el = await viewFor(sessionOf(investigatedSnapshot()));
      await listed(el);
      expect($(el, '[part~="details"]').dataset.investigationId).to.equal('inv-7');
      expect($(el, '[part~="details"] h3').textContent).to.include('inv-7');
    });

    it('shows the adapter investigations with history', async () => {
      const snapshot = investigatedSnapshot();
      const el = await viewFor(sessionOf(snapshot), withInvestigations(scriptedAdapter(snapshot), adapterInvestigations(snapshot)));
      await waitUntil(() => el.shadowRoot!.querySelectorAll('[part~="investigation-button"]').length === 2);
      await el.updateComplete;

      expect($(el, '[part~="details"] h3').textContent).to.equal('Automated investigation 7');
      const entries = [...el.shadowRoot!.querySelectorAll('[part~="history"] li')].map((item) => item.textContent!);
      expect(entries).to.have.length(2);
      expect(entries[0]).to.include('Collected investigation package');
    });

    it('shows a failed list with a retry', async () => {
      const snapshot = investigatedSnapshot();
      const adapter = withInvestigations(scriptedAdapter(snapshot), new Error('Forbidden'));
      const el = await viewFor(sessionOf(snapshot), adapter);
      await waitUntil(() => el.shadowRoot!.textContent!.includes('Forbidden'));
      withInvestigations(adapter, adapterInvestigations(snapshot));
      $(el, 'button.text-button').click();
      await listed(el);
      expect(el.shadowRoot!.querySelectorAll('[part~="investigation-button"]')).to.have.length(2);
    });

    it('switches the investigation shown', async () => {
      const snapshot = investigatedSnapshot();
      const el = await viewFor(sessionOf(snapshot), withInvestigations(scriptedAdapter(snapshot), adapterInvestigations(snapshot)));
      await waitUntil(() => el.shadowRoot!.querySelectorAll('[part~="investigation-button"]').length === 2);
      const second = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="investigation-button"]')[1]!;
      second.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect($(el, '[part~="details"]').dataset.investigationId).to.equal('inv-8');
      expect(second.getAttribute('aria-current')).to.equal('true');
    });
  });

  describe('graph', () => {
    it('draws the alerts and the assets they touch', async () => {
      const snapshot = investigatedSnapshot();
      const session = sessionOf(snapshot);
      const el = await viewFor(session);
      await listed(el);
      const graph = $(el, '[part~="graph"]') as IncidentGraphElement;
      await graph.layoutSettled;
      await waitUntil(() => graph.display.nodes.length > 0, 'the investigation graph drew nothing', { timeout: 5000 });

      const investigation = snapshot.investigations![0]!;
      const drawn = graph.display.nodes.map((node) => node.id);
      expect(drawn).to.have.members([...investigation.alertIds, ...new Set(investigation.entityIds)]);
    });

    it('ignores the session filters', async () => {
      const snapshot = investigatedSnapshot();
      const session = sessionOf(snapshot);
      session.setFilters({ entityKinds: ['device'] });
      const el = await viewFor(session);
      await listed(el);
      const graph = $(el, '[part~="graph"]') as IncidentGraphElement;
      await graph.layoutSettled;
      await waitUntil(() => graph.display.nodes.length > 0, 'the investigation graph drew nothing', { timeout: 5000 });
      expect(graph.display.nodes).to.have.length(graph.graph!.order);
    });

    it('adds the entities of alerts for an alert-only investigation', () => {
      const session = generatedSession(80);
      const snapshot = session.snapshot!;
      const alert = snapshot.alerts[2]!;
      const graph = buildInvestigationGraph(session.graph!, snapshot, { id: 'i', state: 'running', alertIds: [alert.id], entityIds: [], pendingActionIds: [] }, 'i');
      const expected = new Set([alert.id, ...alert.evidence.map((evidence) => evidence.entityId)]);
      expect(new Set(graph.nodes())).to.deep.equal(expected);
      expect(graph.hasNodeAttribute(alert.id, 'x')).to.equal(false);
    });
  });

  describe('decisions', () => {
    it('approves a pending action in place', async () => {
      const snapshot = investigatedSnapshot();
      const session = sessionOf(snapshot);
      const adapter = scriptedAdapter(snapshot);
      const el = await viewFor(session, adapter);
      await listed(el);
      const events = recordEvents(el, EVENT_TYPES);

      $(el, 'li[data-pending-action-id="pa-7"] button[data-decision="approve"]').click();
      await waitUntil(() => adapter.decideCalls[0]?.settled === true);
      await settle(el);

      expect(adapter.decideCalls[0]!.idempotencyKey).to.be.a('string');
      expect(session.snapshot!.pendingActions![0]!.status).to.equal('approved');
      expect(events.map((event) => event.type)).to.deep.equal(['il-action-request', 'il-action-complete']);
      expect(deepActiveElement()).to.equal($(el, 'li[data-pending-action-id="pa-7"] .pending-name'));
    });

    it('fires nothing when the host changes state', async () => {
      const snapshot = investigatedSnapshot();
      const session = sessionOf(snapshot);
      const el = await viewFor(session, scriptedAdapter(snapshot));
      await listed(el);
      const events = recordEvents(el, EVENT_TYPES);
      el.investigationId = 'inv-7';
      session.updatePendingAction('pa-7', { status: 'rejected' });
      session.select({ entityIds: [snapshot.entities[0]!.id] });
      await settle(el);
      expect(events).to.have.length(0);
      expect(el.shadowRoot!.querySelector('li[data-pending-action-id="pa-7"] button')).to.equal(null);
    });
  });
});
