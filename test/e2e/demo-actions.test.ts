/**
 * The demo adapter's response actions, hunting queries and bulk actions: first on the adapter
 * alone, then end to end in <il-incident-view> on the phishing sample, where a device and a
 * file are opened from the graph, an action runs and a hunt shows rows.
 */

import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import type { EntityRef, HuntQuery } from '../../src/adapter/adapter.js';
import type { HuntResults } from '../../src/components/hunt-results/hunt-results.js';
import '../../src/components/incident-view/define.js';
import type { IncidentView } from '../../src/components/incident-view/incident-view.js';
import { styleProperties } from '../../src/components/shared/style-properties.js';
import { fromMicrosoftGraph } from '../../src/formats/index.js';
import type { Entity, IncidentPatch, IncidentSnapshot } from '../../src/model/types.js';
import { validateSnapshot } from '../../src/model/validate.js';
import { openEntity } from './open-entity.js';
import { createDemoAdapter, type DemoAdapter } from '../../demo/demo-adapter.js';
import { ROW_ENTITY_IDS } from '../../demo/demo-hunts.js';
import { contosoPhishToMacro, publishedShape, withSamplePendingActions } from '../../demo/samples/index.js';

const signal = new AbortController().signal;
const NO_DELAYS = { decisionDelayMs: 0, actionDelayMs: 0, huntDelayMs: 0, listDelayMs: 0 };

/** Returns the phishing sample's snapshot with its pending action. */
function phishSample(): IncidentSnapshot {
  return withSamplePendingActions(fromMicrosoftGraph(contosoPhishToMacro)[0]!);
}

/** Returns the business email compromise sample's snapshot with its pending action. */
function emailSample(): IncidentSnapshot {
  return withSamplePendingActions(fromMicrosoftGraph(publishedShape)[0]!);
}

/** Returns the entity of the snapshot with this kind and display name. */
function entityNamed(snapshot: IncidentSnapshot, kind: Entity['kind'], displayName: string): Entity {
  const entity = snapshot.entities.find((candidate) => candidate.kind === kind && candidate.displayName === displayName);
  if (entity === undefined) throw new Error(`entityNamed: no ${kind} named ${JSON.stringify(displayName)} in the sample.`);
  return entity;
}

function refOf(snapshot: IncidentSnapshot, entity: Entity): EntityRef {
  return { incidentId: snapshot.incident.id, entityId: entity.id, kind: entity.kind };
}

/** Returns the error a promise rejects with, or fails the test when it resolves. */
async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('rejection: the promise resolved.');
}

/** Collects the live updates the adapter sends for the snapshot's incident. */
function recordPatches(adapter: DemoAdapter, snapshot: IncidentSnapshot): IncidentPatch[] {
  const patches: IncidentPatch[] = [];
  adapter.subscribe(snapshot.incident.id, (patch) => patches.push(patch));
  return patches;
}

describe('demo adapter actions', () => {
  it('lists actions per entity kind', async () => {
    const snapshot = phishSample();
    const adapter = createDemoAdapter(snapshot, NO_DELAYS);
    const idsOf = async (kind: Entity['kind'], name: string): Promise<string[]> =>
      (await adapter.listActions(refOf(snapshot, entityNamed(snapshot, kind, name)), { signal })).map((action) => action.id);

    expect(await idsOf('device', 'ws-042.contoso.com')).to.deep.equal([
      'isolate-device',
      'restrict-app-execution',
      'run-antivirus-scan',
      'collect-investigation-package',
      'live-response',
    ]);
    expect(await idsOf('user', 'Alex Morgan')).to.deep.equal(['disable-user', 'revoke-sessions', 'require-password-reset', 'confirm-compromised']);
    expect(await idsOf('file', 'update.dll')).to.deep.equal(['quarantine-file', 'block-file', 'deep-analysis']);
    expect(await idsOf('process', 'powershell.exe')).to.deep.equal(['stop-and-quarantine']);
    expect(await idsOf('ip', '198.51.100.77')).to.deep.equal(['block-indicator']);
    expect(await idsOf('mailbox', 'Alex Morgan')).to.deep.equal(['soft-delete', 'move-to-junk']);
    expect(await idsOf('registryKey', 'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run'), 'a kind without actions').to.deep.equal([]);
    expect(await idsOf('process', 'explorer.exe'), 'a ghost entity').to.deep.equal([]);
  });

  it('marks confirmation and approval', async () => {
    const snapshot = phishSample();
    const adapter = createDemoAdapter(snapshot, NO_DELAYS);
    const device = entityNamed(snapshot, 'device', 'ws-042.contoso.com');
    const actions = await adapter.listActions(refOf(snapshot, device), { signal });
    const byId = new Map(actions.map((action) => [action.id, action]));

    expect(byId.get('isolate-device')!.destructive).to.equal(true);
    expect(byId.get('restrict-app-execution')!.requiresApproval).to.equal(true);
    expect(byId.get('run-antivirus-scan')!.destructive).to.not.equal(true);
    for (const action of actions) expect(action.description, action.id).to.be.a('string');
  });

  it('remediates through a live patch', async () => {
    const snapshot = phishSample();
    const adapter = createDemoAdapter(snapshot, NO_DELAYS);
    const patches = recordPatches(adapter, snapshot);
    const dump = entityNamed(snapshot, 'file', 'lsass.dmp');
    expect(dump.remediationStatus).to.equal('failed');

    const result = await adapter.runAction({ actionId: 'quarantine-file', target: refOf(snapshot, dump), idempotencyKey: 'key-1' }, { signal });

    expect(result).to.deep.equal({
      status: 'succeeded',
      message: 'lsass.dmp is quarantined on every device that has it.',
      remediationStatus: 'remediated',
    });
    expect(patches).to.have.length(1);
    expect(patches[0]!.entities!.map((entity) => [entity.id, entity.remediationStatus])).to.deep.equal([[dump.id, 'remediated']]);
    const reloaded = await adapter.loadIncident(snapshot.incident.id, { signal });
    expect(reloaded.entities.find((entity) => entity.id === dump.id)!.remediationStatus).to.equal('remediated');
  });

  it('isolates and then offers release', async () => {
    const snapshot = phishSample();
    const adapter = createDemoAdapter(snapshot, NO_DELAYS);
    const target = refOf(snapshot, entityNamed(snapshot, 'device', 'ws-042.contoso.com'));

    const result = await adapter.runAction({ actionId: 'isolate-device', target, idempotencyKey: 'key-1' }, { signal });
    const actions = (await adapter.listActions(target, { signal })).map((action) => action.id);

    expect(result.status).to.equal('succeeded');
    expect(adapter.snapshot.entities.find((entity) => entity.id === target.entityId)!.properties.isolationStatus).to.equal('Isolated');
    expect(actions).to.include('release-device');
    expect(actions).to.not.include('isolate-device');
  });

  it('turns an approval action into a pending action', async () => {
    const snapshot = phishSample();
    const adapter = createDemoAdapter(snapshot, NO_DELAYS);
    const target = refOf(snapshot, entityNamed(snapshot, 'device', 'ws-042.contoso.com'));

    const result = await adapter.runAction({ actionId: 'restrict-app-execution', target, idempotencyKey: 'key-1' }, { signal });

    expect(result.status).to.equal('pending');
    expect(result.remediationStatus).to.equal('pendingApproval');
    expect(result.pendingActionId).to.equal('pending-48213-demo-1');
    const pending = adapter.snapshot.pendingActions!.find((action) => action.id === result.pendingActionId)!;
    expect(pending.entityId).to.equal(target.entityId);
    expect(pending.status).to.equal('pending');
    expect(validateSnapshot(adapter.snapshot).issues.filter((issue) => issue.id.startsWith('pending-'))).to.deep.equal([]);

    const decision = await adapter.decidePendingAction(result.pendingActionId!, 'approve', { signal, idempotencyKey: 'key-2' });
    expect(decision.remediationStatus).to.equal('remediated');
    expect(adapter.snapshot.entities.find((entity) => entity.id === target.entityId)!.remediationStatus).to.equal('remediated');
  });

  it('fails on a remediated entity', async () => {
    const snapshot = phishSample();
    const adapter = createDemoAdapter(snapshot, NO_DELAYS);
    const patches = recordPatches(adapter, snapshot);
    const target = refOf(snapshot, entityNamed(snapshot, 'file', 'INV-20417.docm'));

    const result = await adapter.runAction({ actionId: 'quarantine-file', target, idempotencyKey: 'key-1' }, { signal });

    expect(result).to.deep.equal({ status: 'failed', message: 'INV-20417.docm is already remediated. Nothing was changed.' });
    expect(patches).to.have.length(0);
  });

  it('fails while an approval waits', async () => {
    const snapshot = emailSample();
    const adapter = createDemoAdapter(snapshot, NO_DELAYS);
    const target = refOf(snapshot, entityNamed(snapshot, 'mailbox', 'Jordan Reyes'));

    const result = await adapter.runAction({ actionId: 'soft-delete', target, idempotencyKey: 'key-1' }, { signal });

    expect(result.status).to.equal('failed');
    expect(result.message).to.equal(
      '"Remove inbox forwarding rule" on Jordan Reyes already waits for approval. Approve or reject it under Pending actions.',
    );
  });

  it('rejects the failing action with its reason', async () => {
    const snapshot = phishSample();
    const adapter = createDemoAdapter(snapshot, NO_DELAYS);
    const patches = recordPatches(adapter, snapshot);
    const target = refOf(snapshot, entityNamed(snapshot, 'device', 'ws-042.contoso.com'));

    const error = await rejection(adapter.runAction({ actionId: 'live-response', target, idempotencyKey: 'key-1' }, { signal }));

    expect(error.message).to.equal(
      'Live response is turned off for this demo tenant. Turn it on under Settings > Endpoints > Advanced features, then retry.',
    );
    expect(patches).to.have.length(0);
  });

  it('rejects an action of another kind', async () => {
    const snapshot = phishSample();
    const adapter = createDemoAdapter(snapshot, NO_DELAYS);
    const target = refOf(snapshot, entityNamed(snapshot, 'ip', '198.51.100.77'));

    const error = await rejection(adapter.runAction({ actionId: 'isolate-device', target, idempotencyKey: 'key-1' }, { signal }));

    expect(error.message).to.equal('Demo adapter: action "isolate-device" is not offered for ip "ip:198.51.100.77". Offered: "block-indicator".');
  });

  it('rejects an entity of another incident', async () => {
    const adapter = createDemoAdapter(phishSample(), NO_DELAYS);
    const target: EntityRef = { incidentId: '48377', entityId: 'ip:203.0.113.190', kind: 'ip' };

    const error = await rejection(adapter.listActions(target, { signal }));

    expect(error.message).to.equal('Demo adapter: listActions got incident "48377", but this adapter serves incident "48213".');
  });

  it('runs a repeated request once', async () => {
    const snapshot = phishSample();
    const adapter = createDemoAdapter(snapshot, NO_DELAYS);
    const patches = recordPatches(adapter, snapshot);
    const request = { actionId: 'block-indicator', target: refOf(snapshot, entityNamed(snapshot, 'ip', '192.0.2.42')), idempotencyKey: 'key-1' };

    const first = await adapter.runAction(request, { signal });
    const repeated = await adapter.runAction(request, { signal });

    expect(first.remediationStatus).to.equal('blocked');
    expect(repeated).to.deep.equal(first);
    expect(patches).to.have.length(1);
  });

  it('stops an action when aborted', async () => {
    const snapshot = phishSample();
    const adapter = createDemoAdapter(snapshot, { actionDelayMs: 10_000 });
    const patches = recordPatches(adapter, snapshot);
    const dump = entityNamed(snapshot, 'file', 'lsass.dmp');
    const controller = new AbortController();

    const running = adapter.runAction({ actionId: 'quarantine-file', target: refOf(snapshot, dump), idempotencyKey: 'key-1' }, { signal: controller.signal });
    controller.abort(new DOMException('The flyout shows another entity.', 'AbortError'));
    const error = await rejection(running);

    expect(error.name).to.equal('AbortError');
    expect(patches).to.have.length(0);
    expect(adapter.snapshot.entities.find((entity) => entity.id === dump.id)!.remediationStatus).to.equal('failed');
  });
});

describe('demo adapter hunts', () => {
  /** Returns the queries offered for the named entity, by id. */
  async function queriesOf(adapter: DemoAdapter, snapshot: IncidentSnapshot, entity: Entity): Promise<Map<string, HuntQuery>> {
    const queries = await adapter.listHuntQueries(refOf(snapshot, entity), { signal });
    return new Map(queries.map((query) => [query.id, query]));
  }

  it('lists queries per entity kind', async () => {
    const snapshot = phishSample();
    const adapter = createDemoAdapter(snapshot, NO_DELAYS);
    const idsOf = async (kind: Entity['kind'], name: string): Promise<string[]> => [
      ...(await queriesOf(adapter, snapshot, entityNamed(snapshot, kind, name))).keys(),
    ];

    expect(await idsOf('device', 'ws-042.contoso.com')).to.deep.equal(['alerts', 'device-processes', 'device-network', 'device-timeline']);
    expect(await idsOf('file', 'update.dll')).to.deep.equal(['alerts', 'file-devices']);
    expect(await idsOf('process', 'powershell.exe')).to.deep.equal(['alerts', 'child-processes']);
    expect(await idsOf('user', 'Alex Morgan')).to.deep.equal(['alerts', 'user-activity']);
    expect(await idsOf('url', 'https://invoices.fabrikam.example/view?id=INV-20417')).to.deep.equal(['alerts', 'indicator-activity']);
    expect(await idsOf('mailbox', 'Alex Morgan')).to.deep.equal(['alerts', 'email']);
  });

  it('labels every query as a demo', async () => {
    const snapshot = phishSample();
    const adapter = createDemoAdapter(snapshot, NO_DELAYS);
    const queries = await queriesOf(adapter, snapshot, entityNamed(snapshot, 'device', 'ws-042.contoso.com'));

    for (const query of queries.values()) {
      expect(query.description, query.id).to.equal("Demo query: the rows come from this incident's evidence.");
      expect(query.query!.split('\n')[0], query.id).to.equal("// Demo query: the rows come from this incident's evidence, not from a hunting service.");
    }
    expect(queries.get('device-processes')!.query).to.contain('DeviceProcessEvents\n| where DeviceName =~ "ws-042.contoso.com"');
  });

  it('answers from the snapshot in time order', async () => {
    const snapshot = phishSample();
    const adapter = createDemoAdapter(snapshot, NO_DELAYS);
    const query = (await queriesOf(adapter, snapshot, entityNamed(snapshot, 'device', 'ws-042.contoso.com'))).get('device-processes')!;

    const result = await adapter.runHunt(query, { signal });

    expect(result.rows.map((row) => row.FileName)).to.deep.equal([
      'wininit.exe',
      'lsass.exe',
      'explorer.exe',
      'WINWORD.EXE',
      'powershell.exe',
      'rundll32.exe',
      'rundll32.exe',
    ]);
    expect(result.columns.map((column) => column.name)).to.not.include(ROW_ENTITY_IDS);
    expect(result.start).to.equal(Date.parse('2026-03-09T09:08:41Z'));
    expect(result.end).to.equal(Date.parse('2026-03-11T11:03:04Z'));
    const dump = result.rows.find((row) => row.ProcessId === 9032)!;
    expect(dump.ProcessCommandLine).to.equal('rundll32.exe C:\\Windows\\System32\\comsvcs.dll, MiniDump 724 C:\\Windows\\Temp\\lsass.dmp full');
    expect(dump.InitiatingProcessFileName).to.equal('rundll32.exe');
  });

  it('dates a row no earlier than its entities', async () => {
    const snapshot = phishSample();
    const adapter = createDemoAdapter(snapshot, NO_DELAYS);
    const dump = entityNamed(snapshot, 'file', 'lsass.dmp');
    const query = (await queriesOf(adapter, snapshot, dump)).get('file-devices')!;

    const { rows } = await adapter.runHunt(query, { signal });

    expect(rows.map((row) => [row.Entity, row.ActionType])).to.deep.equal([['ws-042.contoso.com', 'FileCreated']]);
    expect(rows[0]!.Timestamp, 'the dump file was first seen at 11:02:15').to.equal(dump.firstSeen);
    expect(dump.firstSeen).to.equal(Date.parse('2026-03-10T11:02:15Z'));
  });

  it('gives the same rows on every run', async () => {
    const snapshot = phishSample();
    const results: string[] = [];
    for (let run = 0; run < 2; run++) {
      const adapter = createDemoAdapter(phishSample(), NO_DELAYS);
      for (const entity of snapshot.entities) {
        for (const query of (await queriesOf(adapter, snapshot, entity)).values()) {
          if (query.id === 'device-timeline') continue;
          results.push(JSON.stringify([entity.id, query.id, await adapter.runHunt(query, { signal })]));
        }
      }
    }
    const half = results.length / 2;
    expect(half).to.be.greaterThan(40);
    expect(results.slice(half)).to.deep.equal(results.slice(0, half));
  });

  it('fails the timeline query with its reason', async () => {
    const snapshot = phishSample();
    const adapter = createDemoAdapter(snapshot, NO_DELAYS);
    const query = (await queriesOf(adapter, snapshot, entityNamed(snapshot, 'device', 'ws-042.contoso.com'))).get('device-timeline')!;

    const error = await rejection(adapter.runHunt(query, { signal }));

    expect(error.message).to.equal('The demo keeps no device timeline, only the evidence of this incident. Run "Process events on this device" instead.');
  });

  it('stops a hunt when aborted', async () => {
    const snapshot = phishSample();
    const adapter = createDemoAdapter(snapshot, { huntDelayMs: 10_000, listDelayMs: 0 });
    const query = (await queriesOf(adapter, snapshot, entityNamed(snapshot, 'file', 'update.dll'))).get('alerts')!;
    const controller = new AbortController();

    const running = adapter.runHunt(query, { signal: controller.signal });
    controller.abort(new DOMException('Cancelled.', 'AbortError'));

    expect((await rejection(running)).name).to.equal('AbortError');
  });

  it('links rows as an alert', async () => {
    const snapshot = phishSample();
    const adapter = createDemoAdapter(snapshot, NO_DELAYS);
    const patches = recordPatches(adapter, snapshot);
    const device = entityNamed(snapshot, 'device', 'ws-042.contoso.com');
    const query = (await queriesOf(adapter, snapshot, device)).get('device-network')!;
    const { rows } = await adapter.runHunt(query, { signal });

    await adapter.linkToIncident(snapshot.incident.id, rows, { signal });

    expect(patches).to.have.length(1);
    const alert = patches[0]!.alerts![0]!;
    expect(alert.id).to.equal('hunt-link-48213-1');
    expect(alert.title).to.equal('Linked from advanced hunting: 2 rows');
    expect(alert.evidence.map((item) => item.entityId)).to.deep.equal([device.id, 'ip:198.51.100.77', 'ip:192.0.2.42']);
    expect(validateSnapshot(adapter.snapshot).issues.filter((issue) => issue.id === alert.id)).to.deep.equal([]);
  });

  it('rejects rows that name no entity', async () => {
    const adapter = createDemoAdapter(phishSample(), NO_DELAYS);

    const error = await rejection(adapter.linkToIncident('48213', [{ Timestamp: 1 }], { signal }));

    expect(error.message).to.equal('Demo adapter: none of the 1 records names an entity of incident "48213", so nothing was linked.');
  });
});

describe('demo adapter bulk actions', () => {
  it('offers what every target offers', async () => {
    const snapshot = phishSample();
    const adapter = createDemoAdapter(snapshot, NO_DELAYS);
    const ips = [entityNamed(snapshot, 'ip', '198.51.100.77'), entityNamed(snapshot, 'ip', '192.0.2.42')];
    const mixed = [entityNamed(snapshot, 'ip', '192.0.2.42'), entityNamed(snapshot, 'device', 'ws-042.contoso.com')];

    const forIps = await adapter.listBulkActions(ips.map((entity) => refOf(snapshot, entity)), { signal });
    const forMixed = await adapter.listBulkActions(mixed.map((entity) => refOf(snapshot, entity)), { signal });

    expect(forIps.map((action) => action.id)).to.deep.equal(['block-indicator']);
    expect(forMixed).to.deep.equal([]);
  });

  it('reports each target', async () => {
    const snapshot = phishSample();
    const adapter = createDemoAdapter(snapshot, NO_DELAYS);
    const patches = recordPatches(adapter, snapshot);
    const targets = ['198.51.100.77', '192.0.2.42'].map((name) => refOf(snapshot, entityNamed(snapshot, 'ip', name)));

    const result = await adapter.runBulkAction({ actionId: 'block-indicator', targets, idempotencyKey: 'key-1' }, { signal });

    expect(result.status).to.equal('succeeded');
    expect(result.message).to.equal('Block IP address: done for 1 of 2. 198.51.100.77: 198.51.100.77 is already blocked. Nothing was changed.');
    expect(result.results!.map((item) => [item.entityId, item.status, item.remediationStatus])).to.deep.equal([
      ['ip:198.51.100.77', 'failed', undefined],
      ['ip:192.0.2.42', 'succeeded', 'blocked'],
    ]);
    expect(patches).to.have.length(1);
  });
});


/** Clicks a control inside a shadow root with the real mouse, once it is scrolled into view. */
async function clickControl(control: HTMLElement): Promise<void> {
  control.scrollIntoView({ block: 'center' });
  const box = control.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
}

describe('demo actions end to end', () => {
  async function demoView(): Promise<{ view: IncidentView; adapter: DemoAdapter; snapshot: IncidentSnapshot }> {
    const snapshot = phishSample();
    const adapter = createDemoAdapter(snapshot, NO_DELAYS);
    const view = await fixture<IncidentView>(html`
      <il-incident-view style=${styleProperties({ height: '720px', width: '1200px' })} .adapter=${adapter} incident-id=${snapshot.incident.id}></il-incident-view>
    `);
    await view.loaded;
    return { view, adapter, snapshot };
  }

  it('quarantines a file from its flyout', async () => {
    const { view, adapter, snapshot } = await demoView();
    const dump = entityNamed(snapshot, 'file', 'lsass.dmp');
    const flyout = await openEntity(view, dump.id);
    const item = (): HTMLElement | null => flyout.shadowRoot!.querySelector<HTMLElement>('li[data-action-id="quarantine-file"]');
    await waitUntil(item, 'the file never offered "Quarantine file"');

    await clickControl(item()!.querySelector<HTMLButtonElement>('.action-button')!);
    await flyout.updateComplete;
    await clickControl(item()!.querySelector<HTMLButtonElement>('.confirm-button')!);
    await waitUntil(() => item()!.dataset.phase === 'succeeded', 'the quarantine never finished');

    expect(item()!.querySelector('.action-status')!.textContent!.trim()).to.equal('lsass.dmp is quarantined on every device that has it.');
    expect(view.graph!.getNodeAttribute(dump.id, 'remediationStatus')).to.equal('remediated');
    expect(adapter.snapshot.entities.find((entity) => entity.id === dump.id)!.remediationStatus).to.equal('remediated');
  });

  it('shows the failing action in place', async () => {
    const { view, snapshot } = await demoView();
    const flyout = await openEntity(view, entityNamed(snapshot, 'device', 'ws-042.contoso.com').id);
    const item = (): HTMLElement | null => flyout.shadowRoot!.querySelector<HTMLElement>('li[data-action-id="live-response"]');
    await waitUntil(item, 'the device never offered live response');

    await clickControl(item()!.querySelector<HTMLButtonElement>('.action-button')!);
    await waitUntil(() => item()!.dataset.phase === 'failed', 'live response never failed');

    expect(item()!.querySelector('.action-status')!.textContent!.trim()).to.equal(
      'Initiate live response session failed. Live response is turned off for this demo tenant. Turn it on under Settings > Endpoints > Advanced features, then retry.',
    );
    expect(item()!.querySelector('.retry-button'), 'a Retry button').to.not.equal(null);
  });

  it('runs a hunt from the device flyout', async () => {
    const { view, snapshot } = await demoView();
    const flyout = await openEntity(view, entityNamed(snapshot, 'device', 'ws-042.contoso.com').id);
    const hunt = flyout.shadowRoot!.querySelector<HuntResults>('il-hunt-results')!;
    expect(hunt, 'the flyout has hunting queries').to.not.equal(null);
    const run = (): HTMLButtonElement | null | undefined =>
      hunt.shadowRoot!.querySelector<HTMLButtonElement>('li[data-query-id="device-processes"] [part~="run-button"]');
    await waitUntil(run, 'the query "Process events on this device" never showed');

    await clickControl(run()!);
    await waitUntil(() => hunt.shadowRoot!.querySelector('[part~="results"]'), 'the hunt never showed results');

    expect(hunt.shadowRoot!.querySelector('[part~="results"]')!.getAttribute('data-row-count')).to.equal('7');
    expect(hunt.shadowRoot!.querySelector('[part~="table"]')!.textContent).to.contain('comsvcs.dll, MiniDump 724');
  });
});
