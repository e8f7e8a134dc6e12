import { expect } from '@open-wc/testing';
import { buildIncidentGraph, edgeExistsAt, nodeExistsAt, validateSnapshot } from '../../src/model/index.js';
import type { IncidentSnapshot } from '../../src/model/index.js';
import { fromMicrosoftGraph } from '../../src/formats/index.js';
import { contosoPhishToMacro } from '../../demo/samples/index.js';

function sample(): IncidentSnapshot {
  return validateSnapshot({
    incident: { id: 'i1', title: 'Incident one', severity: 'high', status: 'active', tags: [] },
    alerts: [
      {
        id: 'alert-1',
        title: 'Macro started PowerShell',
        severity: 'high',
        status: 'new',
        mitreTechniques: [],
        relatedAlertIds: [],
        firstActivityTime: 1000,
        evidence: [
          { entityId: 'p1', roles: ['attacker'] },
          { entityId: 'd1', roles: ['compromised'] },
        ],
      },
    ],
    entities: [
      { id: 'p1', kind: 'process', displayName: 'powershell.exe', verdict: 'malicious', remediationStatus: 'remediated', firstSeen: 900, properties: {} },
      { id: 'p0', kind: 'process', displayName: 'explorer.exe', ghost: true, properties: {} },
      { id: 'd1', kind: 'device', displayName: 'ws-1', properties: {} },
    ],
    relations: [
      { source: 'p1', target: 'p0', type: 'parentProcess' },
      { source: 'p1', target: 'd1', type: 'runsOn', firstSeen: 950 },
    ],
    issues: [],
  });
}

describe('buildIncidentGraph', () => {
  it('sets graph options', () => {
    const graph = buildIncidentGraph(sample());
    expect(graph.multi).to.equal(true);
    expect(graph.type).to.equal('directed');
    expect(graph.allowSelfLoops).to.equal(true);
    expect(graph.getAttributes()).to.deep.equal({ incidentId: 'i1', title: 'Incident one' });
  });

  it('sets node attributes', () => {
    const graph = buildIncidentGraph(sample());
    expect(graph.order).to.equal(4);
    expect(graph.getNodeAttributes('alert-1')).to.deep.equal({
      kind: 'alert',
      label: 'Macro started PowerShell',
      severity: 'high',
      firstSeen: 1000,
    });
    expect(graph.getNodeAttributes('p1')).to.deep.equal({
      kind: 'process',
      label: 'powershell.exe',
      verdict: 'malicious',
      remediationStatus: 'remediated',
      firstSeen: 900,
    });
    expect(graph.getNodeAttributes('p0')).to.deep.equal({ kind: 'process', label: 'explorer.exe', ghost: true });
    expect(graph.getNodeAttribute('d1', 'firstSeen')).to.equal(1000);
  });

  it('sets edge attributes', () => {
    const graph = buildIncidentGraph(sample());
    expect(graph.size).to.equal(4);

    const evidence = graph.edges('alert-1', 'p1');
    expect(evidence).to.have.length(1);
    expect(graph.getEdgeAttributes(evidence[0]!)).to.deep.equal({ type: 'evidence', roles: ['attacker'], firstSeen: 1000 });

    const parent = graph.edges('p1', 'p0');
    expect(graph.getEdgeAttributes(parent[0]!)).to.deep.equal({ type: 'parentProcess', roles: [], firstSeen: 900 });

    const runsOn = graph.edges('p1', 'd1');
    expect(graph.getEdgeAttributes(runsOn[0]!)).to.deep.equal({ type: 'runsOn', roles: [], firstSeen: 1000 });
  });

  it('answers existence at a time', () => {
    const graph = buildIncidentGraph(sample());
    expect(nodeExistsAt(graph, 'p1', 899)).to.equal(false);
    expect(nodeExistsAt(graph, 'p1', 900)).to.equal(true);
    expect(nodeExistsAt(graph, 'p0', 0)).to.equal(true);
    expect(nodeExistsAt(graph, 'p1', undefined)).to.equal(true);
    const runsOn = graph.edges('p1', 'd1')[0]!;
    expect(edgeExistsAt(graph, runsOn, 999)).to.equal(false);
    expect(edgeExistsAt(graph, runsOn, 1000)).to.equal(true);
  });

  it('keys a colliding alert with a prefix', () => {
    const snapshot = sample();
    snapshot.alerts[0]!.id = 'd1';
    const graph = buildIncidentGraph(snapshot);
    expect(graph.getNodeAttribute('alert:d1', 'kind')).to.equal('alert');
    expect(graph.getNodeAttribute('d1', 'kind')).to.equal('device');
  });

  it('builds the contoso sample', () => {
    const snapshot = fromMicrosoftGraph(contosoPhishToMacro)[0]!;
    const graph = buildIncidentGraph(snapshot);
    expect(graph.order).to.equal(7 + 25);
    expect(graph.size).to.equal(38 + 35);
    graph.forEachEdge((_edge, attributes, _source, _target, sourceAttributes, targetAttributes) => {
      for (const node of [sourceAttributes, targetAttributes]) {
        if (node.firstSeen !== undefined) expect(attributes.firstSeen).to.be.at.least(node.firstSeen);
      }
    });
  });
});
