import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/evidence-list/define.js';
import '../../src/components/incident-graph/define.js';
import type { EvidenceList } from '../../src/components/evidence-list/evidence-list.js';
import type { ActionRequestEvent } from '../../src/components/entity-flyout/events.js';
import type { IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';
import type { SelectionChangeEvent } from '../../src/components/shared/events.js';
import type { IncidentSnapshot, PendingAction } from '../../src/model/types.js';
import type { IncidentSession } from '../../src/session/session.js';
import { styleProperties } from '../../src/components/shared/style-properties.js';
import { scriptedAdapter, type ScriptedAdapter } from './entity-flyout-adapters.js';
import {
  deepActiveElement,
  generatedSession,
  recordEvents,
  sampleSnapshots,
  sessionOf,
  settle,
} from './incident-lists-helpers.js';

const EVENT_TYPES = ['il-selection-change', 'il-action-request', 'il-action-complete', 'il-action-error'] as const;

/** Builds the first sample incident with a pending action on its first two entities. */
function pendingSnapshot(): IncidentSnapshot {
  const snapshot = sampleSnapshots()[0]!;
  const [first, second] = snapshot.entities;
  const pending = (id: string, entityId: string, action: string): PendingAction => ({
    id,
    action,
    entityId,
    requestedBy: 'Automated investigation 3',
    status: 'pending',
  });
  snapshot.pendingActions = [pending('pa-1', first!.id, 'Isolate device'), pending('pa-2', second!.id, 'Disable user')];
  return snapshot;
}

async function listFor(session: IncidentSession, adapter?: ScriptedAdapter): Promise<EvidenceList> {
  return fixture<EvidenceList>(html`<il-evidence-list .session=${session} .adapter=${adapter}></il-evidence-list>`);
}

function $$(el: EvidenceList, selector: string): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
}

function rowIds(el: EvidenceList): string[] {
  return $$(el, 'tbody tr').map((row) => row.dataset.entityId!);
}

function pendingItem(el: EvidenceList, id: string): HTMLElement {
  return el.shadowRoot!.querySelector<HTMLElement>(`li[data-pending-action-id="${id}"]`)!;
}

function decisionButton(el: EvidenceList, id: string, decision: 'approve' | 'reject'): HTMLButtonElement {
  return pendingItem(el, id).querySelector<HTMLButtonElement>(`button[data-decision="${decision}"]`)!;
}

describe('<il-evidence-list>', () => {
  describe('accessibility', () => {
    it('passes axe with pending actions', async () => {
      const snapshot = pendingSnapshot();
      const el = await listFor(sessionOf(snapshot), scriptedAdapter(snapshot));
      await expect(el).to.be.accessible();
    });

    it('passes axe with nothing to show', async () => {
      const session = sessionOf(pendingSnapshot());
      session.setFilters({ entityKinds: ['container'] });
      const el = await listFor(session);
      await expect(el).to.be.accessible();
    });
  });

  describe('rows', () => {
    it('lists every entity of a sample', async () => {
      for (const snapshot of sampleSnapshots()) {
        const el = await listFor(sessionOf(snapshot));
        expect(rowIds(el)).to.have.members(snapshot.entities.map((entity) => entity.id));
      }
    });

    it('puts the strongest verdict first', async () => {
      const session = sessionOf(pendingSnapshot());
      const el = await listFor(session);
      const first = session.snapshot!.entities.find((entity) => entity.id === rowIds(el)[0])!;
      expect(first.verdict).to.equal('malicious');
    });

    it('shows pending approval only', async () => {
      const session = sessionOf(pendingSnapshot());
      const el = await listFor(session);
      el.show = 'pendingApproval';
      await el.updateComplete;
      const expected = session.snapshot!.entities
        .filter((entity) => entity.remediationStatus === 'pendingApproval' || ['pa-1', 'pa-2'].some((id) => session.snapshot!.pendingActions!.find((action) => action.id === id)!.entityId === entity.id))
        .map((entity) => entity.id);
      expect(rowIds(el)).to.have.members(expected);
    });

    it('narrows the rows by search', async () => {
      const session = sessionOf(pendingSnapshot());
      const el = await listFor(session);
      const target = session.snapshot!.entities[0]!;
      el.search = target.displayName.toUpperCase();
      await el.updateComplete;
      expect(rowIds(el)).to.include(target.id);
      for (const id of rowIds(el)) {
        const entity = session.snapshot!.entities.find((item) => item.id === id)!;
        expect(`${entity.displayName}\n${entity.id}`.toLowerCase()).to.include(target.displayName.toLowerCase());
      }
    });

    it('pages a large incident', async () => {
      const session = generatedSession(1000);
      const el = await listFor(session);
      expect(rowIds(el)).to.have.length(100);
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="more-button"]')!.click();
      await el.updateComplete;
      expect(rowIds(el)).to.have.length(200);
    });

    it('sorts by name from the header', async () => {
      const session = generatedSession(60);
      const el = await listFor(session);
      el.shadowRoot!.querySelector<HTMLButtonElement>('button[data-sort="name"]')!.click();
      await el.updateComplete;
      const names = rowIds(el).map((id) => session.snapshot!.entities.find((entity) => entity.id === id)!.displayName);
      expect(names).to.deep.equal([...names].sort((a, b) => a.localeCompare(b)));
      expect(el.shadowRoot!.querySelector('button[data-sort="name"]')!.closest('th')!.getAttribute('aria-sort')).to.equal('ascending');
    });
  });

  describe('filters', () => {
    it('agrees with the graph under filters and a range', async () => {
      const session = generatedSession(120);
      const container = await fixture<HTMLDivElement>(html`<div>
        <il-incident-graph style=${styleProperties({ display: 'block', width: '600px', height: '400px' })} group-threshold="0" .session=${session}></il-incident-graph>
        <il-evidence-list .session=${session} page-size="1000"></il-evidence-list>
      </div>`);
      const graph = container.querySelector<IncidentGraphElement>('il-incident-graph')!;
      const list = container.querySelector<EvidenceList>('il-evidence-list')!;
      await graph.layoutSettled;

      const bounds = session.timeBounds!;
      session.setFilters({ entityKinds: ['process', 'file', 'device'], verdicts: ['malicious', 'suspicious', 'none'] });
      session.setRange({ start: bounds.start, end: bounds.start + (bounds.end - bounds.start) / 2 });
      await list.updateComplete;

      const graphIds = (): string[] => graph.display.nodes.filter((node) => !node.alert).map((node) => node.id);
      await waitUntil(() => graphIds().length === rowIds(list).length, 'the graph and the list never agreed', { timeout: 5000 });
      expect(rowIds(list).length).to.be.greaterThan(0);
      expect(rowIds(list)).to.have.members(graphIds());
    });
  });

  describe('decisions', () => {
    it('approves in place through the adapter', async () => {
      const snapshot = pendingSnapshot();
      const session = sessionOf(snapshot);
      const adapter = scriptedAdapter(snapshot);
      const el = await listFor(session, adapter);
      const events = recordEvents(el, EVENT_TYPES);

      decisionButton(el, 'pa-1', 'approve').click();
      await waitUntil(() => adapter.decideCalls.length === 1 && adapter.decideCalls[0]!.settled);
      await settle(el);

      expect(adapter.decideCalls[0]!.decision).to.equal('approve');
      expect(adapter.decideCalls[0]!.idempotencyKey).to.be.a('string');
      expect(session.snapshot!.pendingActions!.find((action) => action.id === 'pa-1')!.status).to.equal('approved');
      expect(events.map((event) => event.type)).to.deep.equal(['il-action-request', 'il-action-complete']);
      expect(pendingItem(el, 'pa-1').querySelector('button')).to.equal(null);
      expect(deepActiveElement()).to.equal(pendingItem(el, 'pa-1').querySelector('.pending-name'));
    });

    it('keeps a decided row under pending approval', async () => {
      const snapshot = pendingSnapshot();
      const session = sessionOf(snapshot);
      const adapter = scriptedAdapter(snapshot);
      const el = await listFor(session, adapter);
      el.show = 'pendingApproval';
      await el.updateComplete;

      decisionButton(el, 'pa-2', 'reject').click();
      await waitUntil(() => adapter.decideCalls[0]?.settled === true);
      await settle(el);

      expect(session.snapshot!.pendingActions!.find((action) => action.id === 'pa-2')!.status).to.equal('rejected');
      expect(pendingItem(el, 'pa-2')).to.not.equal(null);
      expect(deepActiveElement()).to.equal(pendingItem(el, 'pa-2').querySelector('.pending-name'));
    });

    it('sends nothing when the request is vetoed', async () => {
      const snapshot = pendingSnapshot();
      const adapter = scriptedAdapter(snapshot);
      const el = await listFor(sessionOf(snapshot), adapter);
      el.addEventListener('il-action-request', (event) => event.preventDefault());
      decisionButton(el, 'pa-2', 'reject').click();
      await settle(el);
      expect(adapter.decideCalls).to.have.length(0);
      expect(decisionButton(el, 'pa-2', 'reject')).to.not.equal(null);
    });

    it('reuses the key after a rejected call', async () => {
      const snapshot = pendingSnapshot();
      const adapter = scriptedAdapter(snapshot, { decide: () => new Error('Service unavailable') });
      const el = await listFor(sessionOf(snapshot), adapter);
      const events = recordEvents(el, EVENT_TYPES);

      decisionButton(el, 'pa-1', 'approve').click();
      await waitUntil(() => adapter.decideCalls[0]?.settled === true);
      await settle(el);
      decisionButton(el, 'pa-1', 'approve').click();
      await waitUntil(() => adapter.decideCalls[1]?.settled === true);
      await settle(el);

      expect(adapter.decideCalls[1]!.idempotencyKey).to.equal(adapter.decideCalls[0]!.idempotencyKey);
      expect(events.filter((event) => event.type === 'il-action-error')).to.have.length(2);
      expect(pendingItem(el, 'pa-1').querySelector('.decision-status')!.textContent).to.include('Service unavailable');
    });

    it('hides the buttons without decidePendingAction', async () => {
      const el = await listFor(sessionOf(pendingSnapshot()));
      expect(pendingItem(el, 'pa-1').querySelector('button')).to.equal(null);
    });

    it('aborts a decision when the session changes', async () => {
      const snapshot = pendingSnapshot();
      const adapter = scriptedAdapter(snapshot, { decide: () => undefined });
      const el = await listFor(sessionOf(snapshot), adapter);
      const events = recordEvents(el, EVENT_TYPES);
      decisionButton(el, 'pa-1', 'approve').click();
      await settle(el);

      el.session = sessionOf(pendingSnapshot());
      await settle(el);
      expect(adapter.decideCalls[0]!.signal.aborted).to.equal(true);
      expect(events.map((event) => event.type)).to.deep.equal(['il-action-request']);
    });
  });

  describe('events', () => {
    it('selects an entity from its name', async () => {
      const session = sessionOf(pendingSnapshot());
      const el = await listFor(session);
      const events = recordEvents(el, EVENT_TYPES);
      const id = rowIds(el)[1]!;
      el.shadowRoot!.querySelector<HTMLButtonElement>(`tr[data-entity-id="${CSS.escape(id)}"] [part~="entity-button"]`)!.click();
      await el.updateComplete;

      expect(session.selection.entityIds).to.deep.equal([id]);
      expect((events[0] as SelectionChangeEvent).detail.entityIds).to.deep.equal([id]);
      expect(el.shadowRoot!.querySelector(`tr[data-entity-id="${CSS.escape(id)}"]`)!.hasAttribute('data-selected')).to.equal(true);
    });

    it('fires nothing when the host changes state', async () => {
      const session = sessionOf(pendingSnapshot());
      const el = await listFor(session, scriptedAdapter(session.snapshot!));
      const events = recordEvents(el, EVENT_TYPES);
      session.select({ entityIds: [session.snapshot!.entities[0]!.id] });
      session.setFilters({ verdicts: ['malicious'] });
      el.show = 'malicious';
      el.search = 'a';
      await settle(el);
      expect(events).to.have.length(0);
    });
  });

  describe('counts', () => {
    it('counts every entity, parent processes inferred from trees too', async () => {
      const snapshot = pendingSnapshot();
      const ghost = { ...snapshot.entities[0]!, id: 'process:ghost-parent', displayName: 'explorer.exe', kind: 'process' as const, ghost: true };
      snapshot.entities.push(ghost);
      const el = await listFor(sessionOf(snapshot));
      await settle(el);

      const options = $$(el, 'option').map((option) => option.textContent!.trim());
      expect(options[0]).to.equal(`All entities (${snapshot.entities.length})`);
      expect(rowIds(el)).to.include('process:ghost-parent');
    });
  });

  describe('keyboard', () => {
    it('sorts and approves with the keyboard', async () => {
      const snapshot = pendingSnapshot();
      const adapter = scriptedAdapter(snapshot);
      const el = await listFor(sessionOf(snapshot), adapter);
      const events = recordEvents(el, EVENT_TYPES) as ActionRequestEvent[];

      el.shadowRoot!.querySelector<HTMLButtonElement>('button[data-sort="kind"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('button[data-sort="kind"]')!.closest('th')!.getAttribute('aria-sort')).to.equal('ascending');

      decisionButton(el, 'pa-2', 'approve').focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => adapter.decideCalls[0]?.settled === true);
      expect(adapter.decideCalls[0]!.pendingActionId).to.equal('pa-2');
      expect(events[0]!.detail.type).to.equal('decision');
    });
  });
});
