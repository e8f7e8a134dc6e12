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
});
