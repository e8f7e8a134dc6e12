import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/asset-list/define.js';
import '../../src/components/incident-graph/define.js';
import type {
  ActionDescriptor,
  AdapterCallOptions,
  BulkActionRequest,
  BulkActionResult,
  EntityRef,
  IncidentDataAdapter,
} from '../../src/adapter/adapter.js';
import { CATEGORY_KINDS, type AssetCategory } from '../../src/components/asset-list/asset-columns.js';
import type { AssetList } from '../../src/components/asset-list/asset-list.js';
import type { BulkActionCompleteEvent, BulkActionRequestEvent } from '../../src/components/asset-list/events.js';
import type { IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';
import type { SelectionChangeEvent } from '../../src/components/shared/events.js';
import type { IncidentSession } from '../../src/session/session.js';
import { styleProperties } from '../../src/components/shared/style-properties.js';
import { KIND_IDS, entityKindsSnapshot } from '../fixtures/entity-kinds-snapshot.js';
import { deepActiveElement, generatedSession, recordEvents, sampleSnapshots, sessionOf, settle } from './incident-lists-helpers.js';

const EVENT_TYPES = ['il-selection-change', 'il-bulk-action-request', 'il-bulk-action-complete', 'il-bulk-action-error'] as const;

const BULK_ACTIONS: ActionDescriptor[] = [
  { id: 'export', label: 'Export' },
  { id: 'isolate', label: 'Isolate devices', destructive: true },
];

interface BulkAdapter extends IncidentDataAdapter {
  listed: EntityRef[][];
  runs: BulkActionRequest[];
}

/**
 * Creates an adapter that offers `BULK_ACTIONS`. Each run resolves with the result of `answer`,
 * or rejects when `answer` returns an Error.
 */
function bulkAdapter(answer: (request: BulkActionRequest) => BulkActionResult | Error = () => ({ status: 'succeeded' })): BulkAdapter {
  const adapter: BulkAdapter = {
    listed: [],
    runs: [],
    loadIncident: () => Promise.reject(new Error('not used')),
    async listBulkActions(targets: EntityRef[], _options: AdapterCallOptions) {
      adapter.listed.push(targets);
      return BULK_ACTIONS;
    },
    async runBulkAction(request: BulkActionRequest, _options: AdapterCallOptions) {
      adapter.runs.push(request);
      await new Promise((resolve) => setTimeout(resolve, 0));
      const result = answer(request);
      if (result instanceof Error) throw result;
      return result;
    },
  };
  return adapter;
}

async function listFor(session: IncidentSession, adapter?: IncidentDataAdapter): Promise<AssetList> {
  return fixture<AssetList>(html`<il-asset-list .session=${session} .adapter=${adapter}></il-asset-list>`);
}

function $(el: AssetList, selector: string): HTMLElement {
  const found = el.shadowRoot!.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`No element matches ${selector}`);
  return found;
}

function rowIds(el: AssetList): string[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('tbody tr')].map((row) => row.dataset.entityId!);
}

function row(el: AssetList, id: string): HTMLElement {
  return $(el, `tr[data-entity-id="${CSS.escape(id)}"]`);
}

function tab(el: AssetList, category: AssetCategory): HTMLElement {
  return $(el, `[role="tab"][data-category="${category}"]`);
}

async function check(el: AssetList, id: string): Promise<void> {
  row(el, id).querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
  await el.updateComplete;
}

async function actionsShown(el: AssetList): Promise<void> {
  await waitUntil(() => el.shadowRoot!.querySelector('[part~="bulk-button"]') !== null, 'the bulk actions never showed');
}

function bulkButton(el: AssetList, actionId: string): HTMLButtonElement {
  return $(el, `li[data-action-id="${actionId}"] [part~="bulk-button"]`) as HTMLButtonElement;
}

describe('<il-asset-list>', () => {
  describe('accessibility', () => {
    it('passes axe on every category', async () => {
      const el = await listFor(sessionOf(entityKindsSnapshot()), bulkAdapter());
      for (const category of ['devices', 'users', 'mailboxes', 'apps', 'cloudResources'] as const) {
        el.category = category;
        await el.updateComplete;
        await expect(el).to.be.accessible();
      }
    });

    it('passes axe with the bulk bar and a confirmation', async () => {
      const el = await listFor(sessionOf(entityKindsSnapshot()), bulkAdapter());
      el.category = 'devices';
      await el.updateComplete;
      await check(el, KIND_IDS.device);
      await actionsShown(el);
      bulkButton(el, 'isolate').click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  });

  describe('categories', () => {
    it('counts each category like the snapshot', async () => {
      const session = generatedSession(300);
      const el = await listFor(session);
      for (const category of ['devices', 'users', 'mailboxes', 'apps', 'cloudResources'] as const) {
        const expected = session.snapshot!.entities.filter((entity) => CATEGORY_KINDS[category].includes(entity.kind)).length;
        expect(tab(el, category).textContent, category).to.include(`(${expected})`);
      }
    });

    it('lists the apps of both kinds', async () => {
      const el = await listFor(sessionOf(entityKindsSnapshot()));
      el.category = 'apps';
      await el.updateComplete;
      expect(rowIds(el)).to.have.members([KIND_IDS.cloudApp, KIND_IDS.oauthApp]);
    });

    it('shows device risk, exposure and OS', async () => {
      const session = sessionOf(entityKindsSnapshot());
      const el = await listFor(session);
      el.category = 'devices';
      await el.updateComplete;
      const device = session.snapshot!.entities.find((entity) => entity.id === KIND_IDS.device)!;
      const cell = (key: string): string => row(el, device.id).querySelector(`td[data-column="${key}"]`)!.textContent!.trim();
      expect(cell('riskScore')).to.equal(String(device.properties.riskScore));
      expect(cell('exposureLevel')).to.equal(String(device.properties.exposureLevel));
      expect(cell('os')).to.include(String(device.properties.osPlatform));
    });

    it('shows a user UPN from a sample', async () => {
      const session = sessionOf(sampleSnapshots()[0]!);
      const el = await listFor(session);
      el.category = 'users';
      await el.updateComplete;
      const user = session.snapshot!.entities.find((entity) => entity.kind === 'user')!;
      const upn = row(el, user.id).querySelector('td[data-column="userPrincipalName"]')!.textContent!.trim();
      expect(upn).to.equal(user.properties.userPrincipalName);
    });

    it('links a mailbox address with mailto only', async () => {
      const session = sessionOf(sampleSnapshots()[0]!);
      const el = await listFor(session);
      el.category = 'mailboxes';
      await el.updateComplete;
      const links = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('tbody a')];
      expect(links.length).to.be.greaterThan(0);
      for (const link of links) expect(link.protocol).to.equal('mailto:');
    });

    it('sorts devices by risk level', async () => {
      const snapshot = entityKindsSnapshot();
      const base = snapshot.entities.find((entity) => entity.id === KIND_IDS.device)!;
      const levels = ['Low', 'High', undefined, 'Medium', 'None'];
      snapshot.entities.push(
        ...levels.map((riskScore, index) => ({
          ...base,
          id: `device:extra-${index}`,
          displayName: `extra-${index}`,
          properties: riskScore === undefined ? {} : { riskScore },
        })),
      );
      const session = sessionOf(snapshot);
      const el = await listFor(session);
      el.category = 'devices';
      await el.updateComplete;
      const risks = (): Array<string | undefined> =>
        rowIds(el).map((id) => session.snapshot!.entities.find((entity) => entity.id === id)!.properties.riskScore as string | undefined);

      $(el, 'button[data-sort="riskScore"]').click();
      await el.updateComplete;
      const ascending = risks();
      expect(ascending.filter((risk) => risk !== String(base.properties.riskScore))).to.deep.equal(['High', 'Medium', 'Low', 'None', undefined]);
      expect($(el, 'button[data-sort="riskScore"]').closest('th')!.getAttribute('aria-sort')).to.equal('ascending');

      $(el, 'button[data-sort="riskScore"]').click();
      await el.updateComplete;
      expect(risks().filter((risk) => risk !== String(base.properties.riskScore))).to.deep.equal(['None', 'Low', 'Medium', 'High', undefined]);
    });

    it('pages a large category', async () => {
      const session = generatedSession(3000);
      const el = await listFor(session);
      el.category = 'devices';
      el.pageSize = 100;
      await el.updateComplete;
      const devices = session.snapshot!.entities.filter((entity) => entity.kind === 'device').length;
      expect(devices).to.be.greaterThan(200);
      expect(rowIds(el)).to.have.length(100);

      ($(el, '[part~="more-button"]') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(rowIds(el)).to.have.length(200);
      expect(tab(el, 'devices').textContent).to.include(`(${devices})`);
    });

    it('moves between tabs with arrow keys', async () => {
      const el = await listFor(sessionOf(entityKindsSnapshot()));
      tab(el, 'devices').click();
      await el.updateComplete;
      tab(el, 'devices').focus();
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(tab(el, 'users').getAttribute('aria-selected')).to.equal('true');
      expect(deepActiveElement()).to.equal(tab(el, 'users'));
      await sendKeys({ press: 'End' });
      await el.updateComplete;
      expect(deepActiveElement()).to.equal(tab(el, 'cloudResources'));
      expect(tab(el, 'devices').getAttribute('tabindex')).to.equal('-1');
    });
  });

  describe('filters', () => {
    it('agrees with the graph under filters', async () => {
      const session = generatedSession(150);
      const container = await fixture<HTMLDivElement>(html`<div>
        <il-incident-graph style=${styleProperties({ display: 'block', width: '600px', height: '400px' })} group-threshold="0" .session=${session}></il-incident-graph>
        <il-asset-list .session=${session} category="devices"></il-asset-list>
      </div>`);
      const graph = container.querySelector<IncidentGraphElement>('il-incident-graph')!;
      const list = container.querySelector<AssetList>('il-asset-list')!;
      await graph.layoutSettled;

      const bounds = session.timeBounds!;
      session.setFilters({ verdicts: ['malicious', 'suspicious'] });
      session.setRange({ start: bounds.start, end: bounds.end - (bounds.end - bounds.start) / 3 });
      await list.updateComplete;

      const graphDevices = (): string[] => graph.display.nodes.filter((node) => node.kind === 'device').map((node) => node.id);
      await waitUntil(() => graphDevices().length === rowIds(list).length, 'the graph and the list never agreed', { timeout: 5000 });
      expect(rowIds(list).length).to.be.greaterThan(0);
      expect(rowIds(list)).to.have.members(graphDevices());
    });
  });

  describe('selection', () => {
    it('selects an entity from its name', async () => {
      const session = sessionOf(entityKindsSnapshot());
      const el = await listFor(session);
      const events = recordEvents(el, EVENT_TYPES);
      el.category = 'users';
      await el.updateComplete;
      row(el, KIND_IDS.user).querySelector<HTMLButtonElement>('[part~="entity-button"]')!.click();
      await el.updateComplete;

      expect(session.selection.entityIds).to.deep.equal([KIND_IDS.user]);
      expect((events[0] as SelectionChangeEvent).detail.entityIds).to.deep.equal([KIND_IDS.user]);
      expect(row(el, KIND_IDS.user).hasAttribute('data-selected')).to.equal(true);
    });

    it('fires nothing when the host changes state', async () => {
      const session = sessionOf(entityKindsSnapshot());
      const el = await listFor(session, bulkAdapter());
      const events = recordEvents(el, EVENT_TYPES);
      el.category = 'apps';
      el.search = 'a';
      session.select({ entityIds: [KIND_IDS.device] });
      session.setFilters({ entityKinds: ['device'] });
      await settle(el);
      expect(events).to.have.length(0);
    });
  });

  describe('bulk actions', () => {
    it('checks every row with select all', async () => {
      const session = generatedSession(200);
      const adapter = bulkAdapter();
      const el = await listFor(session, adapter);
      el.category = 'devices';
      await el.updateComplete;
      $(el, 'input.select-all').click();
      await el.updateComplete;
      await actionsShown(el);

      expect(adapter.listed.at(-1)!.map((target) => target.entityId)).to.have.members(rowIds(el));
      expect($(el, '.checked-count').textContent).to.include(String(rowIds(el).length));
    });

    it('runs an action on the checked entities', async () => {
      const session = sessionOf(entityKindsSnapshot());
      const adapter = bulkAdapter((request) => ({
        status: 'succeeded',
        results: request.targets.map((target) => ({ entityId: target.entityId, status: 'succeeded', remediationStatus: 'remediated' })),
      }));
      const el = await listFor(session, adapter);
      const events = recordEvents(el, EVENT_TYPES);
      el.category = 'users';
      await el.updateComplete;
      await check(el, KIND_IDS.user);
      await actionsShown(el);

      bulkButton(el, 'export').click();
      await waitUntil(() => events.some((event) => event.type === 'il-bulk-action-complete'));
      await el.updateComplete;

      expect(adapter.runs).to.have.length(1);
      expect(adapter.runs[0]!.targets.map((target) => target.entityId)).to.deep.equal([KIND_IDS.user]);
      expect(adapter.runs[0]!.idempotencyKey).to.be.a('string');
      expect(events.map((event) => event.type)).to.deep.equal(['il-bulk-action-request', 'il-bulk-action-complete']);
      expect((events[1] as BulkActionCompleteEvent).detail.result.status).to.equal('succeeded');
      expect(session.snapshot!.entities.find((entity) => entity.id === KIND_IDS.user)!.remediationStatus).to.equal('remediated');
    });

    it('confirms a destructive action first', async () => {
      const adapter = bulkAdapter();
      const el = await listFor(sessionOf(entityKindsSnapshot()), adapter);
      el.category = 'devices';
      await el.updateComplete;
      await check(el, KIND_IDS.device);
      await actionsShown(el);

      bulkButton(el, 'isolate').click();
      await el.updateComplete;
      expect(adapter.runs).to.have.length(0);
      expect(bulkButton(el, 'isolate').getAttribute('aria-expanded')).to.equal('true');

      $(el, 'li[data-action-id="isolate"] .confirm-button').click();
      await waitUntil(() => adapter.runs.length === 1);
      expect(adapter.runs[0]!.actionId).to.equal('isolate');
    });

    it('closes a confirmation with Escape', async () => {
      const adapter = bulkAdapter();
      const el = await listFor(sessionOf(entityKindsSnapshot()), adapter);
      el.category = 'devices';
      await el.updateComplete;
      await check(el, KIND_IDS.device);
      await actionsShown(el);
      bulkButton(el, 'isolate').focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(deepActiveElement()).to.equal($(el, 'li[data-action-id="isolate"] .cancel-button'));

      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(bulkButton(el, 'isolate').getAttribute('aria-expanded')).to.equal('false');
      expect(deepActiveElement()).to.equal(bulkButton(el, 'isolate'));
      expect(adapter.runs).to.have.length(0);
    });

    it('sends nothing when the request is vetoed', async () => {
      const adapter = bulkAdapter();
      const el = await listFor(sessionOf(entityKindsSnapshot()), adapter);
      el.addEventListener('il-bulk-action-request', (event) => event.preventDefault());
      el.category = 'devices';
      await el.updateComplete;
      await check(el, KIND_IDS.device);
      await actionsShown(el);
      bulkButton(el, 'export').click();
      await settle(el);
      expect(adapter.runs).to.have.length(0);
    });

    it('answers through respondWith', async () => {
      const adapter = bulkAdapter();
      const el = await listFor(sessionOf(entityKindsSnapshot()), adapter);
      el.addEventListener('il-bulk-action-request', (event: BulkActionRequestEvent) => event.respondWith({ status: 'succeeded', message: 'Exported by the host.' }));
      el.category = 'devices';
      await el.updateComplete;
      await check(el, KIND_IDS.device);
      await actionsShown(el);
      bulkButton(el, 'export').click();
      await settle(el);
      expect(adapter.runs).to.have.length(0);
      expect($(el, 'li[data-action-id="export"] .bulk-status').textContent).to.equal('Exported by the host.');
    });

    it('reuses the key after a rejected call', async () => {
      const adapter = bulkAdapter(() => new Error('Gateway timed out'));
      const el = await listFor(sessionOf(entityKindsSnapshot()), adapter);
      const events = recordEvents(el, EVENT_TYPES);
      el.category = 'devices';
      await el.updateComplete;
      await check(el, KIND_IDS.device);
      await actionsShown(el);

      bulkButton(el, 'export').click();
      await waitUntil(() => events.some((event) => event.type === 'il-bulk-action-error'));
      await el.updateComplete;
      bulkButton(el, 'export').click();
      await waitUntil(() => events.filter((event) => event.type === 'il-bulk-action-error').length === 2);

      expect(adapter.runs[1]!.idempotencyKey).to.equal(adapter.runs[0]!.idempotencyKey);
      expect($(el, 'li[data-action-id="export"] .bulk-status').textContent).to.include('Gateway timed out');
    });

    it('offers no actions without the methods', async () => {
      const el = await listFor(sessionOf(entityKindsSnapshot()));
      el.category = 'devices';
      await el.updateComplete;
      await check(el, KIND_IDS.device);
      expect(el.shadowRoot!.querySelector('[part~="bulk-button"]')).to.equal(null);
      expect($(el, '.checked-count').textContent).to.include('1');
    });
  });
});
