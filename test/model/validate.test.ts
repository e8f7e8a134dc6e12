import { expect } from '@open-wc/testing';
import { validateSnapshot } from '../../src/model/index.js';
import type { Alert, Entity, IncidentSnapshot } from '../../src/model/index.js';

function entity(id: string, extra: Partial<Entity> = {}): Entity {
  return { id, kind: 'file', displayName: id, properties: {}, ...extra };
}

function alert(id: string, entityIds: string[], extra: Partial<Alert> = {}): Alert {
  return {
    id,
    title: id,
    severity: 'medium',
    status: 'new',
    mitreTechniques: [],
    relatedAlertIds: [],
    evidence: entityIds.map((entityId) => ({ entityId, roles: [] })),
    ...extra,
  };
}

function snapshot(parts: Partial<IncidentSnapshot>): IncidentSnapshot {
  return {
    incident: { id: 'i1', title: 'Incident', severity: 'high', status: 'active', tags: [] },
    alerts: [],
    entities: [],
    relations: [],
    issues: [],
    ...parts,
  };
}

describe('validateSnapshot', () => {
  it('removes a dangling relation', () => {
    const result = validateSnapshot(
      snapshot({
        entities: [entity('a'), entity('b')],
        relations: [
          { source: 'a', target: 'b', type: 'runsOn' },
          { source: 'a', target: 'missing', type: 'runsOn' },
        ],
      }),
    );
    expect(result.relations).to.deep.equal([{ source: 'a', target: 'b', type: 'runsOn' }]);
    expect(result.issues).to.deep.equal([
      { id: 'a -runsOn-> missing', field: 'target', problem: 'relation points to missing entity "missing"; it is left out' },
    ]);
  });

  it('merges a duplicate entity id', () => {
    const result = validateSnapshot(
      snapshot({
        entities: [
          entity('a', { verdict: 'suspicious', firstSeen: 50 }),
          entity('b'),
          entity('a', { verdict: 'malicious', firstSeen: 20 }),
        ],
      }),
    );
    expect(result.entities.map((item) => item.id)).to.deep.equal(['a', 'b']);
    expect(result.entities[0]!.verdict).to.equal('malicious');
    expect(result.entities[0]!.firstSeen).to.equal(20);
    expect(result.issues).to.deep.equal([{ id: 'a', field: 'id', problem: 'duplicate entity id; the records were merged' }]);
  });

  it('merges a duplicate alert id', () => {
    const result = validateSnapshot(
      snapshot({
        entities: [entity('a'), entity('b')],
        alerts: [alert('x', ['a'], { firstActivityTime: 30 }), alert('x', ['b'], { firstActivityTime: 10 })],
      }),
    );
    expect(result.alerts).to.have.length(1);
    expect(result.alerts[0]!.evidence.map((item) => item.entityId)).to.deep.equal(['a', 'b']);
    expect(result.alerts[0]!.firstActivityTime).to.equal(10);
    expect(result.issues).to.deep.equal([{ id: 'x', field: 'id', problem: 'duplicate alert id; the records were merged' }]);
  });

  it('removes an invalid time', () => {
    const result = validateSnapshot(
      snapshot({
        entities: [entity('a', { firstSeen: Number.NaN }), entity('b', { firstSeen: 5 })],
        alerts: [alert('x', ['a'], { lastActivityTime: Infinity })],
      }),
    );
    expect(result.entities[0]!).to.not.have.property('firstSeen');
    expect(result.entities[1]!.firstSeen).to.equal(5);
    expect(result.alerts[0]!).to.not.have.property('lastActivityTime');
    expect(result.issues).to.deep.equal([
      { id: 'a', field: 'firstSeen', problem: 'invalid time NaN; it is left out' },
      { id: 'x', field: 'lastActivityTime', problem: 'invalid time Infinity; it is left out' },
    ]);
  });

  it('removes evidence of a missing entity', () => {
    const result = validateSnapshot(snapshot({ entities: [entity('a')], alerts: [alert('x', ['a', 'gone'])] }));
    expect(result.alerts[0]!.evidence.map((item) => item.entityId)).to.deep.equal(['a']);
    expect(result.issues).to.deep.equal([
      { id: 'x', field: 'evidence[1].entityId', problem: 'evidence points to missing entity "gone"; it is left out' },
    ]);
  });

  it('repairs unknown enumeration values', () => {
    const result = validateSnapshot(
      snapshot({
        entities: [entity('a', { kind: 'printer' as Entity['kind'], verdict: 'evil' as Entity['verdict'] })],
        alerts: [alert('x', ['a'], { severity: 'critical' as Alert['severity'] })],
      }),
    );
    expect(result.entities[0]!.kind).to.equal('other');
    expect(result.entities[0]!.properties.rawType).to.equal('printer');
    expect(result.entities[0]!).to.not.have.property('verdict');
    expect(result.alerts[0]!.severity).to.equal('unknown');
    expect(result.issues.map((issue) => `${issue.id} ${issue.field}`)).to.deep.equal(['a kind', 'a verdict', 'x severity']);
  });

  it('applies alert first activity to entities', () => {
    const result = validateSnapshot(
      snapshot({
        entities: [entity('a', { firstSeen: 500 }), entity('b', { firstSeen: 100 }), entity('c')],
        alerts: [alert('x', ['a', 'b', 'c'], { firstActivityTime: 200 })],
      }),
    );
    expect(result.entities.map((item) => item.firstSeen)).to.deep.equal([200, 100, 200]);
  });

  it('reports an alert id that is an entity id', () => {
    const result = validateSnapshot(snapshot({ entities: [entity('same')], alerts: [alert('same', ['same'])] }));
    expect(result.issues.map((issue) => `${issue.id} ${issue.field}`)).to.deep.equal(['same id']);
  });

  it('removes a web URL that is not http', () => {
    const result = validateSnapshot(
      snapshot({
        incident: { id: 'i1', title: 'i', severity: 'high', status: 'active', tags: [], webUrl: 'data:text/html,<b>x</b>' },
        entities: [entity('a', { webUrl: 'javascript:alert(1)' }), entity('b', { webUrl: 'https://portal.example/b' })],
        alerts: [alert('x', ['a'], { webUrl: 'not a url' })],
      }),
    );
    expect(result.incident).to.not.have.property('webUrl');
    expect(result.entities[0]!).to.not.have.property('webUrl');
    expect(result.entities[1]!.webUrl).to.equal('https://portal.example/b');
    expect(result.alerts[0]!).to.not.have.property('webUrl');
    expect(result.issues).to.deep.equal([
      { id: 'i1', field: 'webUrl', problem: 'web URL "data:text/html,<b>x</b>" is not http or https; it is left out' },
      { id: 'a', field: 'webUrl', problem: 'web URL "javascript:alert(1)" is not http or https; it is left out' },
      { id: 'x', field: 'webUrl', problem: 'web URL "not a url" is not http or https; it is left out' },
    ]);
  });

  it('reports each distinct issue once', () => {
    const repeated = { id: 'x', field: 'incidentId', problem: 'alert names incident 2 but is listed in incident 1' };
    const result = validateSnapshot(
      snapshot({
        entities: [entity('a', { firstSeen: Number.NaN }), entity('a', { firstSeen: Number.NaN })],
        issues: [repeated, { ...repeated }, { ...repeated, field: 'id' }],
      }),
    );
    expect(result.issues).to.deep.equal([
      repeated,
      { ...repeated, field: 'id' },
      { id: 'a', field: 'firstSeen', problem: 'invalid time NaN; it is left out' },
      { id: 'a', field: 'id', problem: 'duplicate entity id; the records were merged' },
    ]);
  });

  it('leaves the input unchanged', () => {
    const input = snapshot({
      entities: [entity('a', { firstSeen: Number.NaN }), entity('a')],
      alerts: [alert('x', ['a', 'gone'], { firstActivityTime: 1 })],
      relations: [{ source: 'a', target: 'gone', type: 'runsOn' }],
    });
    const copy = structuredClone(input);
    validateSnapshot(input);
    expect(input).to.deep.equal(copy);
  });
});

describe('validateSnapshot malformed input', () => {
  it('survives null records', () => {
    const input = {
      incident: { id: 'i1', title: 'Incident', severity: 'high', status: 'active', tags: null },
      alerts: [null, { id: 'x', title: 'x', severity: 'low', status: 'new', evidence: [null, { entityId: 'a' }] }],
      entities: [null, { id: 'a', kind: 'file', displayName: 'a', properties: null }],
      relations: [null, { source: 'a', target: 'a', type: 'self' }],
      issues: null,
    } as unknown as IncidentSnapshot;

    const result = validateSnapshot(input);
    expect(result.entities.map((item) => item.id)).to.deep.equal(['a']);
    expect(result.alerts.map((item) => item.id)).to.deep.equal(['x']);
    expect(result.alerts[0]!.evidence.map((item) => item.entityId)).to.deep.equal(['a']);
    expect(result.relations).to.deep.equal([{ source: 'a', target: 'a', type: 'self' }]);
    expect(result.incident.tags).to.deep.equal([]);
    expect(result.issues.map((issue) => `${issue.id} ${issue.field}`)).to.deep.equal([
      'entities[0] id',
      'alerts[0] id',
      'x evidence[0].entityId',
      'relations[0] source',
      'relations[0] target',
    ]);
  });
});
