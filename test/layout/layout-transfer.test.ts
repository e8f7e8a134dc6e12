import { expect } from '@open-wc/testing';
import { ForceLayout, layoutInputFromGraph, type LayoutInput } from '../../src/layout/index.js';
import { decodeLayoutInput, encodeLayoutInput, transferablesOf } from '../../src/layout/layout-transfer.js';
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
      { id: 'a', alert: true },
      { id: 'b', alert: false, radius: 20, x: 3, y: 4, fixed: true },
      { id: 'c', alert: false, x: 5, y: 6 },
    ]);
    expect(decoded.edges).to.deep.equal([{ source: 'c', target: 'b', evidence: false, parent: true, host: false }]);
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
