import { expect } from '@open-wc/testing';
import Graph from 'graphology';
import { baseModelSteps, viewOfBase } from '../../src/components/incident-graph/display-model.js';
import { collapseGroups } from '../../src/components/incident-graph/group-collapse.js';
import { findGroupsSteps } from '../../src/components/incident-graph/grouping.js';
import { NodeIndex, ShownNodes } from '../../src/components/incident-graph/node-maps.js';
import { runToEnd } from '../../src/components/incident-graph/slices.js';
import { localeFormat } from '../../src/components/shared/locale-controller.js';
import { INCIDENT_GRAPH_OPTIONS } from '../../src/model/build-graph.js';
import type { IncidentGraph } from '../../src/model/graph-types.js';

const NO_SELECTION = { alertIds: [], entityIds: [] };

/**
 * Returns an alert on a device with five files, first seen one second apart from 1000 on, and a
 * process that has no position yet.
 */
function graphWithFiles(): IncidentGraph {
  const graph: IncidentGraph = new Graph(INCIDENT_GRAPH_OPTIONS);
  graph.addNode('alert-1', { kind: 'alert', label: 'Dropped files', x: 0, y: 0, firstSeen: 1000 });
  graph.addNode('device-1', { kind: 'device', label: 'ws-01', x: 100, y: 0, firstSeen: 1000 });
  graph.addNode('process-1', { kind: 'process', label: 'cmd.exe' });
  graph.addDirectedEdge('alert-1', 'device-1', { type: 'evidence', roles: [] });
  for (let index = 0; index < 5; index++) {
    const id = `file-${index}`;
    graph.addNode(id, { kind: 'file', label: `payload-${index}.dll`, x: index * 40, y: 100, firstSeen: 1000 + index * 1000 });
    graph.addDirectedEdge('alert-1', id, { type: 'evidence', roles: [] });
  }
  return graph;
}

describe('incident graph node maps', () => {
  it('maps base ids to views and places', () => {
    const base = runToEnd(baseModelSteps(graphWithFiles(), undefined));
    const index = base.byId;

    expect(index).to.be.instanceOf(NodeIndex);
    // The process has no position, so the base has no view of it.
    expect(index.size).to.equal(7);
    expect(index.has('process-1')).to.equal(false);
    expect(index.get('process-1')).to.equal(undefined);
    expect(index.indexOf('file-2')).to.equal(4);
    expect(index.get('file-2')).to.equal(base.graphOrder[4]);
    expect(index.get('file-2')!.graphIndex).to.equal(4);
    expect([...index.keys()]).to.deep.equal(['alert-1', 'device-1', 'file-0', 'file-1', 'file-2', 'file-3', 'file-4']);
    expect([...index.values()].map((node) => node.id)).to.deep.equal([...index.keys()]);
    expect(new Map(index).get('device-1')).to.equal(base.graphOrder[1]);
  });

  it('shows only the view nodes', () => {
    const graph = graphWithFiles();
    const base = runToEnd(baseModelSteps(graph, undefined));
    // The time cursor at 3000: files 0, 1 and 2 exist, files 3 and 4 not yet.
    const view = viewOfBase(base, { graph, selection: NO_SELECTION, existsNow: (firstSeen) => (firstSeen ?? 0) <= 3000 });
    const shownNodes = view.byId;

    expect(shownNodes).to.be.instanceOf(ShownNodes);
    expect(shownNodes.size).to.equal(5);
    expect(shownNodes.has('file-2')).to.equal(true);
    expect(shownNodes.has('file-3')).to.equal(false);
    expect(shownNodes.get('file-4')).to.equal(undefined);
    expect([...shownNodes.values()]).to.deep.equal(view.nodes);
    const visited: string[] = [];
    shownNodes.forEach((node, id) => visited.push(`${id}=${node.label}`));
    expect(visited).to.include('file-1=payload-1.dll');
    expect(visited).to.have.length(5);
  });

  it('swaps collapsed members for the group', () => {
    const graph = graphWithFiles();
    const base = runToEnd(baseModelSteps(graph, undefined));
    const view = viewOfBase(base, { graph, selection: NO_SELECTION });
    const groups = runToEnd(findGroupsSteps(graph, 2, base));
    expect(groups).to.have.length(1);

    const collapsed = collapseGroups(view, groups, new Set(), (id) => base.byId.get(id), localeFormat('en'));
    const groupNode = collapsed.nodes.find((node) => node.group)!;

    expect(collapsed.byId.size).to.equal(3);
    expect(collapsed.byId.get(groupNode.id)).to.equal(groupNode);
    expect(groupNode.label).to.equal('5 files');
    for (let index = 0; index < 5; index++) expect(collapsed.byId.has(`file-${index}`)).to.equal(false);
    expect([...collapsed.byId.keys()]).to.deep.equal(['alert-1', 'device-1', groupNode.id]);
    // The base map still has every member.
    expect(base.byId.get('file-3')!.label).to.equal('payload-3.dll');
  });

  it('counts a view set twice once', () => {
    const graph = graphWithFiles();
    const base = runToEnd(baseModelSteps(graph, undefined));
    const shownNodes = viewOfBase(base, { graph, selection: NO_SELECTION }).byId as ShownNodes;
    const file = base.byId.get('file-0')!;

    expect(shownNodes.delete('file-0')).to.equal(true);
    expect(shownNodes.delete('file-0')).to.equal(false);
    expect(shownNodes.size).to.equal(6);
    shownNodes.set('file-0', file);
    shownNodes.set('file-0', file);
    expect(shownNodes.size).to.equal(7);
    expect(shownNodes.get('file-0')).to.equal(file);
  });
});
