import { expect } from '@open-wc/testing';
import { createLiveStaticAdapter, createStaticAdapter } from '../../src/adapter/static-adapter.js';
import type { IncidentDataAdapter } from '../../src/adapter/adapter.js';
import { applyIncidentPatch, syncIncidentGraph } from '../../src/model/apply-patch.js';
import { buildIncidentGraph } from '../../src/model/build-graph.js';
import type { Alert, Entity, IncidentPatch } from '../../src/model/types.js';
import { validateSnapshot } from '../../src/model/validate.js';
import { IncidentSession, PATCH_INTERVAL_MS, SessionChangeEvent, type SessionKey } from '../../src/session/session.js';
import { viewSnapshot } from '../fixtures/view-snapshot.js';

const START = Date.UTC(2026, 2, 14, 9, 0, 0);
const MINUTE = 60_000;

/** Builds a new alert 45 minutes in, about the device and a new IP address. */
function beaconAlert(): Alert {
  return {
    id: 'view-1-alert-3',
    title: 'Beaconing to a rare external address',
    severity: 'high',
    status: 'new',
    firstActivityTime: START + 45 * MINUTE,
    lastActivityTime: START + 46 * MINUTE,
    relatedAlertIds: [],
    mitreTechniques: [],
    evidence: [
      { entityId: 'device:ws-042', roles: [] },
      { entityId: 'ip:198.51.100.7', roles: ['destination'], verdict: 'suspicious' },
    ],
  };
}

function beaconIp(): Entity {
  return { id: 'ip:198.51.100.7', kind: 'ip', displayName: '198.51.100.7', properties: { ipAddress: '198.51.100.7' } };
}

function recordKeys(session: IncidentSession): Array<Set<SessionKey>> {
  const changes: Array<Set<SessionKey>> = [];
  session.addEventListener(SessionChangeEvent.type, (event) => changes.push(new Set((event as SessionChangeEvent).keys)));
  return changes;
}

describe('applyIncidentPatch', () => {
  it('adds and replaces records by id', () => {
    const snapshot = viewSnapshot();
    const user = { ...snapshot.entities[1]!, verdict: 'malicious' as const };
    const next = applyIncidentPatch(snapshot, { alerts: [beaconAlert()], entities: [user, beaconIp()] });

    expect(next.alerts.map((alert) => alert.id)).to.deep.equal(['view-1-alert-1', 'view-1-alert-2', 'view-1-alert-3']);
    expect(next.entities.map((entity) => entity.id)).to.deep.equal([
      'device:ws-042',
      'user:jdoe',
      'process:ws-042:4242',
      'file:powershell',
      'ip:198.51.100.7',
    ]);
    expect(next.entities[1]!.verdict).to.equal('malicious');
    expect(snapshot.entities[1]!.verdict, 'input unchanged').to.equal(undefined);
  });

  it('removes entities with their relations and evidence', () => {
    const next = applyIncidentPatch(viewSnapshot(), { removedEntityIds: ['file:powershell'], removedAlertIds: ['view-1-alert-2'] });

    expect(next.entities.map((entity) => entity.id)).to.not.include('file:powershell');
    expect(next.alerts.map((alert) => alert.id)).to.deep.equal(['view-1-alert-1']);
    expect(next.alerts[0]!.evidence.map((item) => item.entityId)).to.deep.equal(['device:ws-042', 'process:ws-042:4242']);
    expect(next.relations.some((relation) => relation.target === 'file:powershell')).to.equal(false);
  });

  it('replaces a relation with the same ends and type', () => {
    const firstSeen = START + 2 * MINUTE;
    const next = applyIncidentPatch(viewSnapshot(), {
      relations: [{ source: 'process:ws-042:4242', target: 'file:powershell', type: 'imageFile', firstSeen }],
    });

    const matches = next.relations.filter((relation) => relation.type === 'imageFile');
    expect(matches).to.have.length(1);
    expect(matches[0]!.firstSeen).to.equal(firstSeen);
  });

  it('keeps the incident id', () => {
    const next = applyIncidentPatch(viewSnapshot(), { incident: { id: 'other', status: 'resolved' } });
    expect(next.incident.id).to.equal('view-1');
    expect(next.incident.status).to.equal('resolved');
  });
});

describe('syncIncidentGraph', () => {
  it('keeps positions and adds new nodes unplaced', () => {
    const before = validateSnapshot(viewSnapshot());
    const graph = buildIncidentGraph(before);
    graph.forEachNode((node, attributes) => graph.mergeNodeAttributes(node, { x: attributes.label.length, y: 7 }));
    const positions = new Map(graph.mapNodes((node, attributes) => [node, [attributes.x, attributes.y]] as const));

    const after = validateSnapshot(applyIncidentPatch(before, { alerts: [beaconAlert()], entities: [beaconIp()] }));
    syncIncidentGraph(graph, buildIncidentGraph(after));

    for (const [node, position] of positions) {
      expect([graph.getNodeAttribute(node, 'x'), graph.getNodeAttribute(node, 'y')], node).to.deep.equal(position);
    }
    expect(graph.getNodeAttribute('ip:198.51.100.7', 'x')).to.equal(undefined);
    expect(graph.hasNode('view-1-alert-3')).to.equal(true);
    expect(graph.size).to.equal(buildIncidentGraph(after).size);
  });

  it('fires no event for an empty patch', () => {
    const snapshot = validateSnapshot(viewSnapshot());
    const graph = buildIncidentGraph(snapshot);
    const events: string[] = [];
    for (const name of ['nodeAdded', 'edgeAdded', 'nodeDropped', 'edgeDropped', 'nodeAttributesUpdated', 'edgeAttributesUpdated'] as const) {
      graph.on(name, () => events.push(name));
    }

    syncIncidentGraph(graph, buildIncidentGraph(validateSnapshot(applyIncidentPatch(snapshot, {}))));

    expect(events).to.deep.equal([]);
  });

  it('drops removed nodes and their edges', () => {
    const snapshot = validateSnapshot(viewSnapshot());
    const graph = buildIncidentGraph(snapshot);

    const target = buildIncidentGraph(validateSnapshot(applyIncidentPatch(snapshot, { removedEntityIds: ['device:ws-042'] })));

    syncIncidentGraph(graph, target);

    expect(graph.hasNode('device:ws-042')).to.equal(false);
    expect(graph.order).to.equal(target.order);
    expect(graph.size).to.equal(target.size);
  });
});

describe('IncidentSession live updates', () => {
  it('applies patches after a load', async () => {
    const adapter = createLiveStaticAdapter(viewSnapshot());
    const session = new IncidentSession();
    await session.load(adapter, 'view-1');
    const graph = session.graph!;
    const changes = recordKeys(session);

    const reached = adapter.push('view-1', { alerts: [beaconAlert()], entities: [beaconIp()] });

    expect(reached, 'subscribers reached').to.equal(1);
    expect(session.graph, 'same graph object').to.equal(graph);
    expect(graph.hasNode('ip:198.51.100.7')).to.equal(true);
    expect(session.snapshot!.alerts).to.have.length(3);
    expect([...changes[0]!]).to.include.members(['entities', 'issues', 'time']);
  });

  it('applies a flood of patches in batches', async () => {
    const adapter = createLiveStaticAdapter(viewSnapshot());
    const session = new IncidentSession();
    await session.load(adapter, 'view-1');
    const changes = recordKeys(session);

    adapter.push('view-1', { entities: [{ ...beaconIp(), id: 'ip:a', displayName: '198.51.100.1' }] });
    adapter.push('view-1', { entities: [{ ...beaconIp(), id: 'ip:b', displayName: '198.51.100.2' }] });
    adapter.push('view-1', { entities: [{ ...beaconIp(), id: 'ip:c', displayName: '198.51.100.3' }] });
    expect(session.graph!.hasNode('ip:a'), 'the first patch at once').to.equal(true);
    expect(session.graph!.hasNode('ip:c'), 'the others queued').to.equal(false);
    expect(changes).to.have.length(1);

    await new Promise((resolve) => setTimeout(resolve, PATCH_INTERVAL_MS + 20));
    expect(session.graph!.hasNode('ip:b')).to.equal(true);
    expect(session.graph!.hasNode('ip:c')).to.equal(true);
    expect(changes, 'one change for the queued two').to.have.length(2);
  });

  it('drops queued patches when the session resets', async () => {
    const adapter = createLiveStaticAdapter(viewSnapshot());
    const session = new IncidentSession();
    await session.load(adapter, 'view-1');
    adapter.push('view-1', { entities: [{ ...beaconIp(), id: 'ip:a', displayName: '198.51.100.1' }] });
    adapter.push('view-1', { entities: [{ ...beaconIp(), id: 'ip:b', displayName: '198.51.100.2' }] });

    session.reset();
    const changes = recordKeys(session);
    await new Promise((resolve) => setTimeout(resolve, PATCH_INTERVAL_MS + 20));
    expect(changes).to.deep.equal([]);
    expect(session.snapshot).to.equal(undefined);
  });

  it('moves a time cursor at the end to the new end', async () => {
    const adapter = createLiveStaticAdapter(viewSnapshot());
    const session = new IncidentSession();
    await session.load(adapter, 'view-1');

    adapter.push('view-1', { alerts: [beaconAlert()], entities: [beaconIp()] });

    expect(session.timeBounds!.end).to.equal(START + 46 * MINUTE);
    expect(session.time).to.equal(START + 46 * MINUTE);
  });

  it('keeps a time cursor the user moved', async () => {
    const adapter = createLiveStaticAdapter(viewSnapshot());
    const session = new IncidentSession();
    await session.load(adapter, 'view-1');
    session.setTime(START + 10 * MINUTE);

    adapter.push('view-1', { alerts: [beaconAlert()], entities: [beaconIp()] });

    expect(session.time).to.equal(START + 10 * MINUTE);
  });

  it('drops removed entities from the selection', async () => {
    const adapter = createLiveStaticAdapter(viewSnapshot());
    const session = new IncidentSession();
    await session.load(adapter, 'view-1');
    session.select({ entityIds: ['user:jdoe', 'file:powershell'] });

    adapter.push('view-1', { removedEntityIds: ['file:powershell'] });

    expect(session.selection.entityIds).to.deep.equal(['user:jdoe']);
  });

  it('unsubscribes on reset', async () => {
    const adapter = createLiveStaticAdapter(viewSnapshot());
    const session = new IncidentSession();
    await session.load(adapter, 'view-1');

    session.reset();

    expect(adapter.push('view-1', { entities: [beaconIp()] })).to.equal(0);
    expect(session.snapshot).to.equal(undefined);
  });

  it('unsubscribes on a new load', async () => {
    const adapter = createLiveStaticAdapter([viewSnapshot('view-1'), viewSnapshot('view-2')]);
    const session = new IncidentSession();
    await session.load(adapter, 'view-1');

    const loading = session.load(adapter, 'view-2');
    expect(adapter.push('view-1', { entities: [beaconIp()] }), 'while the next load runs').to.equal(0);
    await loading;

    expect(adapter.push('view-2', {}), 'the new incident').to.equal(1);
    expect(session.graph!.hasNode('ip:198.51.100.7')).to.equal(false);
  });

  it('unsubscribes on setSnapshot', async () => {
    const adapter = createLiveStaticAdapter(viewSnapshot());
    const session = new IncidentSession();
    await session.load(adapter, 'view-1');

    session.setSnapshot(viewSnapshot('view-9'));

    expect(adapter.push('view-1', { entities: [beaconIp()] })).to.equal(0);
  });

  it('ignores patches delivered after unsubscribing', async () => {
    let deliver: ((patch: IncidentPatch) => void) | undefined;
    const adapter: IncidentDataAdapter = {
      ...createStaticAdapter(viewSnapshot()),
      subscribe(_id, onChange) {
        deliver = onChange;
        return () => undefined;
      },
    };
    const session = new IncidentSession();
    await session.load(adapter, 'view-1');
    session.reset();
    session.setSnapshot(viewSnapshot());

    deliver!({ entities: [beaconIp()] });

    expect(session.graph!.hasNode('ip:198.51.100.7')).to.equal(false);
  });

  it('subscribes to nothing on an aborted load', async () => {
    const adapter = createLiveStaticAdapter(viewSnapshot());
    const session = new IncidentSession();

    const loading = session.load(adapter, 'view-1');
    session.reset();
    await loading;

    expect(adapter.push('view-1', {})).to.equal(0);
  });

  it('loads the patched incident again', async () => {
    const adapter = createLiveStaticAdapter(viewSnapshot());
    const session = new IncidentSession();
    await session.load(adapter, 'view-1');
    adapter.push('view-1', { alerts: [beaconAlert()], entities: [beaconIp()] });

    const again = new IncidentSession();
    await again.load(adapter, 'view-1');

    expect(again.snapshot!.alerts).to.have.length(3);
  });

  it('rejects a push to an unknown incident', () => {
    const adapter = createLiveStaticAdapter(viewSnapshot());
    expect(() => adapter.push('nope', {})).to.throw('LiveStaticAdapter.push: incident "nope" not found. Known incident ids: "view-1".');
  });

  it('returns false without an open incident', () => {
    expect(new IncidentSession().applyPatch({ entities: [beaconIp()] })).to.equal(false);
  });
});
