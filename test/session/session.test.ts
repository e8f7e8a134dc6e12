import { expect } from '@open-wc/testing';
import type { IncidentDataAdapter } from '../../src/adapter/adapter.js';
import type { IncidentSnapshot } from '../../src/model/types.js';
import { IncidentSession, SessionChangeEvent, type SessionKey } from '../../src/session/session.js';
import { viewSnapshot } from '../fixtures/view-snapshot.js';

function recordChanges(session: IncidentSession): Array<Set<SessionKey>> {
  const changes: Array<Set<SessionKey>> = [];
  session.addEventListener(SessionChangeEvent.type, (event) => {
    changes.push(new Set((event as SessionChangeEvent).keys));
  });
  return changes;
}

function adapterOf(answers: Map<string, Promise<IncidentSnapshot>>, signals: AbortSignal[] = []): IncidentDataAdapter {
  return {
    loadIncident(id, { signal }) {
      signals.push(signal);
      return answers.get(id) ?? Promise.reject(new Error(`Incident not found: "${id}".`));
    },
  };
}

describe('IncidentSession', () => {
  it('starts idle with no time and no selection', () => {
    const session = new IncidentSession();
    expect(session.loadState).to.equal('idle');
    expect(session.time).to.equal(undefined);
    expect(session.selection).to.deep.equal({ entityIds: [], alertIds: [] });
    expect(session.issues).to.deep.equal([]);
  });

  it('puts the time cursor at the end of the incident', () => {
    const session = new IncidentSession();
    session.setSnapshot(viewSnapshot());
    expect(session.timeBounds).to.deep.equal({ start: Date.UTC(2026, 2, 14, 9, 0, 0), end: Date.UTC(2026, 2, 14, 9, 31, 0) });
    expect(session.time).to.equal(session.timeBounds!.end);
    expect(session.loadState).to.equal('ready');
  });

  it('validates the snapshot it is given', () => {
    const session = new IncidentSession();
    session.setSnapshot(viewSnapshot());
    expect(session.issues.length).to.be.greaterThan(0);
    expect(session.snapshot!.relations.some((relation) => relation.target === 'user:missing')).to.equal(false);
    expect(session.graph!.order).to.equal(6);
  });

  it('loads through an adapter with load state changes', async () => {
    const session = new IncidentSession();
    const changes = recordChanges(session);
    const loading = session.load(adapterOf(new Map([['view-1', Promise.resolve(viewSnapshot())]])), 'view-1');
    expect(session.loadState).to.equal('loading');
    await loading;
    expect(session.loadState).to.equal('ready');
    expect(changes[0]).to.deep.equal(new Set(['loadState']));
    expect(changes[1]!.has('snapshot')).to.equal(true);
  });

  it('keeps the load error', async () => {
    const session = new IncidentSession();
    await session.load(adapterOf(new Map()), 'missing');
    expect(session.loadState).to.equal('error');
    expect((session.error as Error).message).to.equal('Incident not found: "missing".');
  });

  it('aborts a superseded load and ignores its answer', async () => {
    let releaseFirst!: (snapshot: IncidentSnapshot) => void;
    const first = new Promise<IncidentSnapshot>((resolve) => (releaseFirst = resolve));
    const signals: AbortSignal[] = [];
    const adapter = adapterOf(new Map([['first', first], ['second', Promise.resolve(viewSnapshot('second'))]]), signals);
    const session = new IncidentSession();

    const firstLoad = session.load(adapter, 'first');
    await session.load(adapter, 'second');
    releaseFirst(viewSnapshot('first'));
    await firstLoad;

    expect(signals[0]!.aborted).to.equal(true);
    expect(signals[1]!.aborted).to.equal(false);
    expect(session.snapshot!.incident.id).to.equal('second');
  });

  it('clamps the time cursor to the incident', () => {
    const session = new IncidentSession();
    session.setSnapshot(viewSnapshot());
    session.setTime(0);
    expect(session.time).to.equal(session.timeBounds!.start);
    session.setTime(Number.MAX_SAFE_INTEGER);
    expect(session.time).to.equal(session.timeBounds!.end);
    session.setTime(Number.NaN);
    expect(session.time).to.equal(session.timeBounds!.end);
  });

  it('reports only real changes', () => {
    const session = new IncidentSession();
    session.setSnapshot(viewSnapshot());
    const changes = recordChanges(session);

    session.select({ entityIds: ['device:ws-042', 'device:ws-042'] });
    session.select({ entityIds: ['device:ws-042'] });
    session.setTime(session.time!);
    session.setRange({ start: 20, end: 10 });
    session.setRange({ start: 10, end: 20 });
    session.setPlayback(false);

    expect(changes).to.deep.equal([new Set(['selection']), new Set(['range'])]);
    expect(session.selection.entityIds).to.deep.equal(['device:ws-042']);
    expect(session.range).to.deep.equal({ start: 10, end: 20 });
  });

  it('says which nodes exist at the time cursor', () => {
    const session = new IncidentSession();
    session.setSnapshot(viewSnapshot());
    session.setTime(session.timeBounds!.start);
    expect(session.existsNow(undefined)).to.equal(true);
    expect(session.existsNow(session.timeBounds!.start)).to.equal(true);
    expect(session.existsNow(session.timeBounds!.start + 1)).to.equal(false);
  });

  it('returns to idle on reset', () => {
    const session = new IncidentSession();
    session.setSnapshot(viewSnapshot());
    session.reset();
    expect(session.loadState).to.equal('idle');
    expect(session.graph).to.equal(undefined);
    expect(session.time).to.equal(undefined);
  });

  describe('updateEntity', () => {
    it('replaces the snapshot by a copy', () => {
      const session = new IncidentSession();
      session.setSnapshot(viewSnapshot());
      const before = session.snapshot!;
      const deviceBefore = before.entities.find((entity) => entity.id === 'device:ws-042')!;

      expect(session.updateEntity('device:ws-042', { remediationStatus: 'remediated' })).to.equal(true);

      const after = session.snapshot!;
      const deviceAfter = after.entities.find((entity) => entity.id === 'device:ws-042')!;
      expect(after).to.not.equal(before);
      expect(after.entities).to.not.equal(before.entities);
      expect(deviceAfter.remediationStatus).to.equal('remediated');
      expect(deviceAfter.displayName).to.equal('ws-042.contoso.com');
      expect(deviceBefore.remediationStatus, 'the old entity object is left as it was').to.equal(undefined);
      expect(after.alerts).to.equal(before.alerts);
      expect(after.incident).to.equal(before.incident);
    });

    it('sets the graph node attributes', () => {
      const session = new IncidentSession();
      session.setSnapshot(viewSnapshot());
      const graph = session.graph!;
      const changedAttributes: string[] = [];
      graph.on('nodeAttributesUpdated', (payload: { key: string; name?: string }) => {
        changedAttributes.push(`${payload.key} ${payload.name}`);
      });

      session.updateEntity('user:jdoe', { verdict: 'malicious', remediationStatus: 'pendingApproval' });

      expect(session.graph, 'the graph is changed in place').to.equal(graph);
      expect(graph.getNodeAttribute('user:jdoe', 'verdict')).to.equal('malicious');
      expect(graph.getNodeAttribute('user:jdoe', 'remediationStatus')).to.equal('pendingApproval');
      expect(changedAttributes).to.include('user:jdoe verdict');
      expect(changedAttributes).to.include('user:jdoe remediationStatus');
    });

    it('removes an attribute set to undefined', () => {
      const session = new IncidentSession();
      session.setSnapshot(viewSnapshot());
      session.updateEntity('device:ws-042', { remediationStatus: 'running' });

      session.updateEntity('device:ws-042', { remediationStatus: undefined });

      expect(session.graph!.hasNodeAttribute('device:ws-042', 'remediationStatus')).to.equal(false);
      const device = session.snapshot!.entities.find((entity) => entity.id === 'device:ws-042')!;
      expect(device.remediationStatus).to.equal(undefined);
    });

    it('leaves fields it was not given', () => {
      const session = new IncidentSession();
      session.setSnapshot(viewSnapshot());
      const verdictBefore = session.graph!.getNodeAttribute('device:ws-042', 'verdict');

      session.updateEntity('device:ws-042', { remediationStatus: 'remediated' });

      expect(session.graph!.getNodeAttribute('device:ws-042', 'verdict')).to.equal(verdictBefore);
    });

    it('emits entities and not snapshot', () => {
      const session = new IncidentSession();
      session.setSnapshot(viewSnapshot());
      const changes = recordChanges(session);

      session.updateEntity('device:ws-042', { remediationStatus: 'remediated' });

      expect(changes).to.deep.equal([new Set(['entities'])]);
    });

    it('returns false for an unknown id', () => {
      const session = new IncidentSession();
      session.setSnapshot(viewSnapshot());
      const before = session.snapshot;
      const changes = recordChanges(session);

      expect(session.updateEntity('device:missing', { remediationStatus: 'remediated' })).to.equal(false);

      expect(session.snapshot).to.equal(before);
      expect(session.graph!.hasNode('device:missing')).to.equal(false);
      expect(changes).to.deep.equal([]);
    });

    it('returns false before a snapshot', () => {
      const session = new IncidentSession();
      const changes = recordChanges(session);

      expect(session.updateEntity('device:ws-042', { remediationStatus: 'remediated' })).to.equal(false);
      expect(changes).to.deep.equal([]);
    });
  });

  describe('updatePendingAction', () => {
    function snapshotWithPendingActions(): IncidentSnapshot {
      return {
        ...viewSnapshot(),
        pendingActions: [
          { id: 'pending-1', action: 'isolateDevice', entityId: 'device:ws-042', status: 'pending' },
          { id: 'pending-2', action: 'disableUser', entityId: 'user:jdoe', status: 'pending' },
        ],
      };
    }

    it('replaces the snapshot by a copy', () => {
      const session = new IncidentSession();
      session.setSnapshot(snapshotWithPendingActions());
      const before = session.snapshot!;
      const actionBefore = before.pendingActions![0]!;

      expect(session.updatePendingAction('pending-1', { status: 'approved' })).to.equal(true);

      const after = session.snapshot!;
      expect(after).to.not.equal(before);
      expect(after.pendingActions).to.not.equal(before.pendingActions);
      expect(after.pendingActions![0]).to.deep.equal({ ...actionBefore, status: 'approved' });
      expect(after.pendingActions![1]!.status).to.equal('pending');
      expect(actionBefore.status, 'the old pending action object is left as it was').to.equal('pending');
      expect(after.entities).to.equal(before.entities);
    });

    it('emits pendingActions', () => {
      const session = new IncidentSession();
      session.setSnapshot(snapshotWithPendingActions());
      const changes = recordChanges(session);

      session.updatePendingAction('pending-2', { status: 'rejected' });

      expect(changes).to.deep.equal([new Set(['pendingActions'])]);
    });

    it('returns false for an unknown id', () => {
      const session = new IncidentSession();
      session.setSnapshot(snapshotWithPendingActions());
      const before = session.snapshot;
      const changes = recordChanges(session);

      expect(session.updatePendingAction('pending-9', { status: 'approved' })).to.equal(false);

      expect(session.snapshot).to.equal(before);
      expect(changes).to.deep.equal([]);
    });

    it('returns false without pending actions', () => {
      const session = new IncidentSession();
      session.setSnapshot(viewSnapshot());
      const changes = recordChanges(session);

      expect(session.updatePendingAction('pending-1', { status: 'approved' })).to.equal(false);
      expect(session.snapshot!.pendingActions).to.equal(undefined);
      expect(changes).to.deep.equal([]);
    });
  });
});
