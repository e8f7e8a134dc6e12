import { expect } from '@open-wc/testing';
import { filtersAreEmpty, nodePassesFilters } from '../../src/session/filters.js';
import { IncidentSession, SessionChangeEvent } from '../../src/session/session.js';
import { createFixtureGraph, createFixtureSnapshot } from '../fixtures/graph-snapshot.js';

function passing(filters: Parameters<typeof nodePassesFilters>[0]): string[] {
  const graph = createFixtureGraph();
  return graph.filterNodes((id, attributes) => nodePassesFilters(filters, graph, id, attributes)).sort();
}

describe('incident filters', () => {
  it('let everything through when empty', () => {
    const graph = createFixtureGraph();
    expect(filtersAreEmpty({})).to.equal(true);
    expect(filtersAreEmpty({ verdicts: [] })).to.equal(true);
    expect(filtersAreEmpty({ verdicts: ['malicious'] })).to.equal(false);
    expect(passing({})).to.have.length(graph.order);
  });

  it('keep entities of the listed kinds and every alert', () => {
    expect(passing({ entityKinds: ['process'] })).to.deep.equal([
      'alert-c2', 'alert-macro', 'alert-payload', 'process-explorer', 'process-payload', 'process-powershell', 'process-winword',
    ]);
  });

  it('treat a missing verdict or status as none', () => {
    expect(passing({ verdicts: ['none'], severities: ['low'] })).to.deep.equal(['process-explorer']);
    expect(passing({ remediationStatuses: ['pendingApproval'], severities: ['low'] })).to.deep.equal(['device-ws042']);
  });

  it('keep alerts of the listed severities', () => {
    expect(passing({ severities: ['medium'], entityKinds: ['ip'] })).to.deep.equal(['alert-c2', 'ip-c2']);
  });

  it('keep entities named in one of the evidence roles', () => {
    expect(passing({ evidenceRoles: ['contextual'], severities: ['low'] })).to.have.length(11);
    expect(passing({ evidenceRoles: ['attacker'], severities: ['low'] })).to.deep.equal([]);
  });

  it('go through the session with one change event', () => {
    const session = new IncidentSession();
    session.setSnapshot(createFixtureSnapshot());
    const keys: string[] = [];
    session.addEventListener(SessionChangeEvent.type, (event) => keys.push(...(event as SessionChangeEvent).keys));

    session.setFilters({ verdicts: ['malicious'] });
    session.setFilters({ verdicts: ['malicious'] });
    expect(keys.filter((key) => key === 'filters')).to.have.length(1);
    expect(session.passesFilters('ip-c2')).to.equal(true);
    expect(session.passesFilters('user-jdoe')).to.equal(false);
    expect(session.passesFilters('missing')).to.equal(false);

    session.setFilters(null);
    expect(session.filters).to.deep.equal({});
    expect(session.passesFilters('user-jdoe')).to.equal(true);
  });
});
