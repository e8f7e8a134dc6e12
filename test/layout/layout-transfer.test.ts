import { expect } from '@open-wc/testing';
import { encodeGraphForLayout, ForceLayout, layoutInputFromGraph, type LayoutInput } from '../../src/layout/index.js';
import { decodeLayoutInput, encodeLayoutInput, toInputOrder, transferablesOf } from '../../src/layout/layout-transfer.js';
import { ENCODE_SLICE_EDGES, encodeGraphForLayoutSteps } from '../../src/layout/graph-layout.js';
import { GRAPH_SLICE_ITEMS } from '../../src/model/graph-steps.js';
import { generateIncidentGraph } from '../fixtures/generated-incident.js';
import { createFixtureGraph } from '../fixtures/graph-snapshot.js';

describe('layout transfer', () => {
  it('lays out a decoded input identically', () => {
    const input = layoutInputFromGraph(createFixtureGraph());
    const direct = new ForceLayout(input, { layout: 'tree' }).runToCompletion();
    const decoded = new ForceLayout(decodeLayoutInput(encodeLayoutInput(input)), { layout: 'tree' }).runToCompletion();

    expect(decoded.ids).to.deep.equal(direct.ids);
    expect([...decoded.coordinates]).to.deep.equal([...direct.coordinates]);
  });

  it('keeps positions, flags and radii', () => {
    const input: LayoutInput = {
      nodes: [
        { id: 'b', x: 3, y: 4, fixed: true, radius: 20 },
        { id: 'a', alert: true },
        { id: 'c', x: 5, y: 6 },
      ],
      edges: [{ source: 'c', target: 'b', parent: true, host: false, evidence: false }],
    };
    const decoded = decodeLayoutInput(encodeLayoutInput(input));

    expect(decoded.nodes).to.deep.equal([
      { id: 'b', alert: false, radius: 20, x: 3, y: 4, fixed: true },
      { id: 'a', alert: true },
      { id: 'c', alert: false, x: 5, y: 6 },
    ]);
    expect(decoded.edges).to.deep.equal([{ source: 'c', target: 'b', evidence: false, parent: true, host: false }]);
  });

  it('encodes a graph like its layout input', () => {
    const graph = createFixtureGraph();
    const direct = encodeLayoutInput(layoutInputFromGraph(graph));
    const fromGraph = encodeGraphForLayout(graph);

    expect(fromGraph.ids).to.deep.equal(direct.ids);
    expect([...fromGraph.nodeFlags]).to.deep.equal([...direct.nodeFlags]);
    expect([...fromGraph.radii]).to.deep.equal([...direct.radii]);
    expect([...fromGraph.coordinates]).to.deep.equal([...direct.coordinates]);
    expect([...fromGraph.edgeEnds]).to.deep.equal([...direct.edgeEnds]);
    expect([...fromGraph.edgeFlags]).to.deep.equal([...direct.edgeFlags]);
  });

  it('encodes a large graph in slices', () => {
    const graph = generateIncidentGraph({ entityCount: 14_000 });
    const steps = encodeGraphForLayoutSteps(graph);
    let yields = 0;
    let next = steps.next();
    while (!next.done) {
      yields += 1;
      next = steps.next();
    }
    const direct = encodeLayoutInput(layoutInputFromGraph(graph));

    // After each full slice of the nodes and of the edges' ends, once the ends are gathered,
    // and after each slice of edges whose node indexes are found.
    const nodeSlices = Math.floor(graph.order / GRAPH_SLICE_ITEMS);
    const edgeSlices = Math.floor(graph.size / GRAPH_SLICE_ITEMS);
    const indexSlices = Math.floor((graph.size - 1) / ENCODE_SLICE_EDGES);
    expect(graph.size).to.be.greaterThan(4 * ENCODE_SLICE_EDGES);
    expect(yields).to.equal(nodeSlices + edgeSlices + 1 + indexSlices);
    expect(yields).to.be.greaterThan(graph.size / GRAPH_SLICE_ITEMS);
    expect(next.value.ids).to.deep.equal(direct.ids);
    expect([...next.value.edgeEnds]).to.deep.equal([...direct.edgeEnds]);
    expect([...next.value.edgeFlags]).to.deep.equal([...direct.edgeFlags]);
  });

  it('puts engine coordinates in the input order', () => {
    const reorder = toInputOrder(['b', 'a', 'c'], ['a', 'b', 'c']);
    expect([...reorder(Float64Array.from([1, 2, 3, 4, 5, 6]))]).to.deep.equal([3, 4, 1, 2, 5, 6]);
  });

  it('drops repeated ids and unknown ends', () => {
    const encoded = encodeLayoutInput({
      nodes: [{ id: 'x', alert: true }, { id: 'x' }, { id: 'y' }],
      edges: [
        { source: 'x', target: 'y', evidence: true },
        { source: 'x', target: 'missing' },
      ],
    });

    expect(encoded.ids).to.deep.equal(['x', 'y']);
    expect(encoded.nodeFlags[0]).to.equal(1);
    expect([...encoded.edgeEnds]).to.deep.equal([0, 1]);
    expect(transferablesOf(encoded)).to.have.length(5);
  });
});
