import { expect } from '@open-wc/testing';
import Graph from 'graphology';
import { buildDisplayModel, type EdgeView } from '../../src/components/incident-graph/display-model.js';
import type { IncidentEdgeAttributes, IncidentGraph, IncidentGraphAttributes, IncidentNodeAttributes } from '../../src/model/graph-types.js';

const NO_SELECTION = { entityIds: [], alertIds: [] };
const START = Date.UTC(2026, 0, 5, 9, 0);
const MINUTE = 60_000;

/** Returns two processes and a device, with three relations from `a` to `b`, one back and a self-loop. */
function parallelGraph(): IncidentGraph {
  const graph: IncidentGraph = new Graph<IncidentNodeAttributes, IncidentEdgeAttributes, IncidentGraphAttributes>({ multi: true, type: 'directed' });
  graph.addNode('a', { kind: 'process', label: 'a.exe', x: 0, y: 0, firstSeen: START });
  graph.addNode('b', { kind: 'process', label: 'b.exe', x: 100, y: 0, firstSeen: START });
  graph.addNode('device', { kind: 'device', label: 'WS-01', x: 50, y: 80, firstSeen: START });
  graph.addEdgeWithKey('a-b-1', 'a', 'b', { type: 'parentProcess', roles: [] });
  graph.addEdgeWithKey('a-b-2', 'a', 'b', { type: 'imageFile', roles: [] });
  graph.addEdgeWithKey('a-b-3', 'a', 'b', { type: 'communicatesWith', roles: [], firstSeen: START + 10 * MINUTE });
  graph.addEdgeWithKey('b-a', 'b', 'a', { type: 'communicatesWith', roles: [] });
  graph.addEdgeWithKey('a-a', 'a', 'a', { type: 'communicatesWith', roles: [] });
  graph.addEdgeWithKey('a-device', 'a', 'device', { type: 'runsOn', roles: [] });
  return graph;
}

function edgeById(edges: readonly EdgeView[], id: string): EdgeView {
  return edges.find((edge) => edge.id === id)!;
}

describe('incident graph edge model', () => {
  it('spreads parallel edges into curves 18 units apart', () => {
    const edges = buildDisplayModel({ graph: parallelGraph(), existsNow: () => true, selection: NO_SELECTION }).edges.views();

    // Measured from `a` to `b`, each edge has a lane of its own. The edge from `b` bends the other way.
    const lanes = ['a-b-1', 'a-b-2', 'a-b-3', 'b-a'].map((id) => {
      const edge = edgeById(edges, id);
      return edge.source.id === 'a' ? edge.curve : -edge.curve;
    });
    expect(lanes.sort((p, q) => p - q)).to.deep.equal([-27, -9, 9, 27]);
    expect(edgeById(edges, 'a-device').curve).to.equal(0);
    expect(edgeById(edges, 'a-a').loopIndex).to.equal(0);
  });

  it('gives the middle of an odd bundle a curve of +0', () => {
    // Bundled in the order of the graph's edges, so the edge from `b` comes in the middle.
    const graph = parallelGraph();
    graph.dropEdge('a-b-2');
    graph.dropEdge('a-b-3');
    graph.addEdgeWithKey('a-b-2', 'a', 'b', { type: 'imageFile', roles: [] });
    const edges = buildDisplayModel({ graph, existsNow: () => true, selection: NO_SELECTION }).edges.views();

    const curves = ['a-b-1', 'a-b-2', 'b-a'].map((id) => edgeById(edges, id).curve);
    expect(edgeById(edges, 'b-a').curve).to.equal(0);
    for (const curve of curves) expect(Object.is(curve, -0), `curve ${curve}`).to.equal(false);
  });

  it('shows an edge from its own first seen time', () => {
    const graph = parallelGraph();
    const at = (time: number) =>
      buildDisplayModel({ graph, existsNow: (firstSeen) => firstSeen === undefined || firstSeen <= time, selection: NO_SELECTION });

    expect(at(START + 5 * MINUTE).edges.views().map((edge) => edge.id)).to.not.include('a-b-3');
    expect(at(START + 10 * MINUTE).edges.views().map((edge) => edge.id)).to.include('a-b-3');
  });

  it('marks an edge fresh at the step it first appears', () => {
    const model = buildDisplayModel({
      graph: parallelGraph(),
      existsNow: () => true,
      isNewNow: (firstSeen) => firstSeen === START + 10 * MINUTE,
      selection: NO_SELECTION,
    });

    expect(model.edges.views().filter((edge) => edge.fresh).map((edge) => edge.id)).to.deep.equal(['a-b-3']);
  });
});
